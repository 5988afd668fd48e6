import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Profiles and the boot editor against a real LabEngine and UEFI engine: dropping a real
// RPI_EFI.fd imports it (efi::importFirmwareAsync, progress) and adds the profile to lab.yaml;
// the profile's entries are reordered, a setting changed, Apply writes the profile's variables
// and boot_order and the reload shows what the devices get; dropped onto a device, the device
// view shows the profile plus its own PXE entry and takes a one-time BootNext and overrides.
TestCase {
    id: test
    name: "BootEditorLive"
    when: windowShown

    property var window: null
    readonly property string profile: "rpi_efi-v1.37-used"
    readonly property string mac: "dc:a6:32:00:00:01"
    readonly property var editor: liveLab.firmware
    readonly property var entries: liveLab.firmware.entries
    readonly property var settings: liveLab.firmware.settings

    SignalSpy {
        id: importFinished
        target: liveLab.importer
        signalName: "finished"
    }

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: liveLab, settings: testSettings, width: 1400, height: 900 })
        window.show()
        tryCompare(liveLab.devices, "count", 8)
    }

    function cleanupTestCase() {
        editor.close()
        window.destroy()
    }

    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function numbers() {
        const out = []
        for (let i = 0; i < entries.count; ++i)
            out.push(entries.data(entries.index(i, 0), BootEntryModel.NumberRole))
        return out
    }

    // Controls of the boot editor popup (visual children of its content, or QObject children).
    function inEditor(name) {
        return child(name)
    }

    function applyThroughTheDialog() {
        const apply = inEditor("bootApply")
        verify(apply.live)
        mouseClick(apply.button)
        const confirm = inEditor("confirmApplyDialog")
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm.contentItem, "applyConfirm"))
        tryCompare(editor, "applying", false, 15000)
    }

    function test_1_dropImportsAProfile() {
        verify(liveLab.importer.available)
        const area = child("importDropArea")
        // A file that does not exist: reported, nothing added.
        verify(area.handleDrop(["file:///nonexistent/RPI_EFI.fd"]))
        tryCompare(importFinished, "count", 1, 10000)
        compare(importFinished.signalArguments[0][1], false)
        compare(liveLab.profileList.count, 1)
        // The real firmware image.
        verify(area.handleDrop(["file://" + sharedDir + "/fixtures/efi/RPI_EFI-v1.37-used.fd"]))
        verify(liveLab.importer.busy)
        tryCompare(importFinished, "count", 2, 20000)
        compare(importFinished.signalArguments[1][1], true, importFinished.signalArguments[1][2])
        tryVerify(() => liveLab.profileList.rowOf(profile) >= 0, 5000)
        const yaml = labDriver.labYaml()
        verify(new RegExp(profile + ":[^]*base_image: [^\\n]*profiles/" + profile + "/RPI_EFI.fd").test(yaml), yaml)
        // The Profiles page lists it with its firmware file.
        child("mainTabs").currentIndex = 2
        tryVerify(() => child("profileCard_" + profile) !== null, 5000)
    }

    function test_2_profileEditorAppliesThroughTheEngine() {
        mouseClick(findChild(child("profileCard_" + profile), "editProfile_" + profile))
        tryVerify(() => editor.open && !editor.loading && entries.count === 7, 10000, editor.loadError)
        tryCompare(child("bootEditorView"), "visible", true)
        compare(numbers(), ["Boot0000", "Boot0001", "Boot0002", "Boot0003", "Boot0004", "Boot0005", "Boot0006"])
        verify(entries.entriesEditable)
        verify(!entries.bootNextEditable)                 // per device only
        // UEFI Shell first, USB disk off, the fan at 70 °C (out-of-range values are refused).
        verify(entries.move(6, 0))
        entries.setActive(2, false)
        const fan = settings.rowOf("FanTemp")
        verify(settings.setValue(fan, "99").indexOf("between") >= 0)
        compare(settings.setValue(fan, "70"), "")
        verify(editor.diff.some(l => l.indexOf("BootOrder") === 0), editor.diff.join("|"))
        verify(editor.diff.some(l => l.indexOf("Boot0001 deactivated") === 0), editor.diff.join("|"))
        verify(editor.diff.some(l => l.indexOf("→ 70") > 0), editor.diff.join("|"))
        // Undo steps back across both: the setting, then the deactivation.
        editor.undo()
        compare(settings.data(settings.index(fan, 0), FirmwareSettingsModel.ValueRole), "60")
        editor.undo()
        verify(editor.diff.every(l => l.indexOf("deactivated") < 0))
        compare(settings.setValue(fan, "70"), "")
        applyThroughTheDialog()
        verify(editor.statusOk, editor.status)
        // Reloaded from the engine: the profile's store now has the new order and setting.
        compare(numbers()[0], "Boot0006")
        verify(!editor.dirty)
        compare(settings.data(settings.index(fan, 0), FirmwareSettingsModel.ValueRole), "70")
        const yaml = labDriver.labYaml()
        verify(/boot_order: \["0006", "0000", "0001", "0002", "0003", "0004", "0005"\]/.test(yaml), yaml)
        verify(new RegExp("variables: [^\\n]*profiles/" + profile + "/variables.json").test(yaml), yaml)
        verify(/FanTemp: 70/.test(yaml), yaml)
    }

    // Every visible control of the editor (both tabs) carries objectName + accessible name.
    function collect(root, out) {
        const stack = [root]
        const seen = new Set()
        while (stack.length > 0) {
            const item = stack.pop()
            if (!item || !item.visible || seen.has(item))
                continue
            seen.add(item)
            const isButton = item.autoExclusive !== undefined && item.checkable !== undefined && typeof item.toggle === "function"
            const isInput = item.placeholderText !== undefined && item.echoMode !== undefined
            const isCombo = item.currentIndex !== undefined && item.textRole !== undefined && item.popup !== undefined
            const isSpin = item.stepSize !== undefined && item.up !== undefined
            if (isButton || isInput || isCombo || isSpin) {
                out.push(item)
                continue
            }
            for (let i = 0; i < item.children.length; ++i)
                stack.push(item.children[i])
        }
    }

    function test_2b_editorControlsAreNamed() {
        for (const tab of ["entriesTab", "settingsTab"]) {
            mouseClick(inEditor(tab))
            waitForRendering(window.contentItem)
            const controls = []
            collect(child("bootEditorView"), controls)
            verify(controls.length > 10, tab + ": " + controls.length)
            for (const c of controls) {
                const named = c.objectName.length > 0 || (c.parent && c.parent.objectName.length > 0)
                verify(named, tab + ": a " + c + " '" + (c.text || "") + "' has no objectName")
                verify(c.Accessible.name.length > 0, tab + ": " + (c.objectName || c.parent.objectName) + " has no accessible name")
            }
        }
        grabImage(window.contentItem).save(screenshotDir + "/boot-editor-settings.png")   // for review
        mouseClick(inEditor("entriesTab"))
    }

    function test_3_entriesOfTheBaseImageAreNotDeleted() {
        // Deleting a firmware entry cannot be expressed in the profile's variables: refused, explained.
        entries.removeEntry(numbers().indexOf("Boot0003"))
        applyThroughTheDialog()
        verify(!editor.statusOk)
        verify(editor.status.indexOf("base image") >= 0, editor.status)
        verify(editor.dirty)                              // the edit is kept for the user to change
        editor.revert()
        // A disk entry of our own can be added, and deleted again.
        verify(entries.addDiskEntry("Debian", "\\EFI\\debian\\grubaa64.efi") >= 0)
        applyThroughTheDialog()
        verify(editor.statusOk, editor.status)
        compare(entries.count, 8)
        const row = numbers().indexOf("Boot0007")
        compare(entries.data(entries.index(row, 0), BootEntryModel.DevicePathRole), "\\EFI\\debian\\grubaa64.efi")
        compare(entries.data(entries.index(row, 0), BootEntryModel.KindRole), "disk")
        entries.removeEntry(row)
        applyThroughTheDialog()
        verify(editor.statusOk, editor.status)
        compare(entries.count, 7)
        editor.close()
        tryCompare(child("bootEditorView"), "visible", false)
    }

    function test_4_deviceGetsTheProfilePlusItsOverrides() {
        // Drop the profile onto pi-01 (Profiles page).
        liveLab.dropProfile(mac, profile)
        tryVerify(() => liveLab.devices.device(mac).profile === profile, 5000)
        verify(editor.nextBoot.length >= 0)
        child("mainTabs").currentIndex = 0
        liveLab.openDevice(mac)
        tryVerify(() => child("panelBootEditor") && child("panelBootEditor").visible, 5000)
        mouseClick(child("panelBootEditor"))
        tryVerify(() => editor.targetKind === "device" && !editor.loading && entries.count === 8, 10000, editor.loadError)
        // The rendered RPI_EFI.fd: the device's own PXE entry first, then the profile's order.
        verify(String(entries.data(entries.index(0, 0), BootEntryModel.DescriptionRole)).indexOf("PXEv4 (MAC:DCA632000001)") >= 0)
        compare(numbers()[1], "Boot0006")
        verify(!entries.entriesEditable)
        verify(inEditor("entriesLocked").visible)
        compare(entries.bootNextRow, -1)
        verify(editor.nextBoot.indexOf("next boot") >= 0, editor.nextBoot)
        // BootNext = the PXE entry (a one-time boot override), and a device setting.
        entries.setBootNext(0)
        compare(settings.setValue(settings.rowOf("Timeout"), "2"), "")
        applyThroughTheDialog()
        verify(editor.statusOk, editor.status)
        compare(entries.bootNextRow, 0)                   // the re-rendered image has it
        compare(settings.data(settings.index(settings.rowOf("Timeout"), 0), FirmwareSettingsModel.ExplicitRole), true)
        const yaml = labDriver.labYaml()
        const pi1 = yaml.slice(yaml.indexOf('"dc:a6:32:00:00:01":'), yaml.indexOf('"dc:a6:32:00:00:02":'))
        verify(/firmware_settings:\n\s+Timeout: "?2"?\n/.test(pi1), pi1)
        // The UEFI Shell cannot be a boot override target: refused with the reason.
        entries.setBootNext(numbers().indexOf("Boot0006"))
        applyThroughTheDialog()
        verify(!editor.statusOk)
        verify(editor.status.indexOf("next boot") >= 0, editor.status)
        wait(300)
        grabImage(window.contentItem).save(screenshotDir + "/boot-editor-device.png")   // for review
        editor.revert()
        // Back to the profile with one click.
        mouseClick(inEditor("editProfileButton"))
        tryVerify(() => editor.targetKind === "profile" && editor.targetId === profile && !editor.loading, 10000)
        editor.close()
        liveLab.closeDevice()
    }
}
