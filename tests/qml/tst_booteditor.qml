import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Boot editor with a decoded boot configuration: dragging an entry reorders BootOrder, the
// edits show in the diff, undo steps back, Apply sends the new order to the backend.
TestCase {
    id: test
    name: "BootEditor"
    when: windowShown
    visible: true          // TestCase is invisible by default: the page must be shown to get input
    width: 1200
    height: 700

    property var page: null

    Component {
        id: pageComponent
        BootEditorPage {
            anchors.fill: parent
            entries: testBootEntries
            deviceMac: "dc:a6:32:00:00:01"
        }
    }

    function init() {
        page = createTemporaryObject(pageComponent, test)
        waitForRendering(page)
    }

    function numbers() {
        const out = []
        for (let i = 0; i < testBootEntries.count; ++i)
            out.push(findChild(page, "bootEntryList").itemAtIndex(i).number)
        return out
    }

    function test_1_dragReordersBootOrder() {
        compare(numbers(), ["Boot0000", "Boot0001", "Boot0002", "Boot0004", "Boot0006"])
        verify(!testBootEntries.dirty)
        // Drag Boot0002's handle two rows up.
        const handle = findChild(page, "dragHandle_Boot0002")
        verify(handle)
        const root = page
        const start = handle.mapToItem(root, handle.width / 2, handle.height / 2)
        mousePress(root, start.x, start.y)
        for (let i = 1; i <= 10; ++i)
            mouseMove(root, start.x, start.y - 128 * i / 10)
        mouseRelease(root, start.x, start.y - 128)
        tryVerify(() => numbers()[0] === "Boot0002", 2000, numbers().join(","))
        compare(numbers(), ["Boot0002", "Boot0000", "Boot0001", "Boot0004", "Boot0006"])
        verify(testBootEntries.dirty)
        compare(testBootEntries.diff[0], "BootOrder: 0000, 0001, 0002, 0004, 0006 → 0002, 0000, 0001, 0004, 0006")
    }

    function test_2_editsShowInTheDiffAndUndo() {
        // Keyboard: Alt+Down moves the focused entry.
        const shell = findChild(page, "bootEntry_Boot0004")
        shell.forceActiveFocus()
        keyClick(Qt.Key_Down, Qt.AltModifier)
        tryVerify(() => numbers()[4] === "Boot0004", 2000, numbers().join(","))   // the view lays out on the next polish
        mouseClick(findChild(page, "active_Boot0001"))
        verify(testBootEntries.diff.indexOf("Boot0001 deactivated") >= 0, testBootEntries.diff.join("|"))
        const description = findChild(page, "description_Boot0006")
        description.forceActiveFocus()
        description.selectAll()
        keyClick(Qt.Key_Delete)
        for (const ch of "EFI Shell")
            keyClick(ch)
        keyClick(Qt.Key_Return)
        verify(testBootEntries.diff.indexOf("Boot0006 description: \"UEFI Shell\" → \"EFI Shell\"") >= 0, testBootEntries.diff.join("|"))
        mouseClick(findChild(page, "bootNext_Boot0002"))
        verify(testBootEntries.diff.indexOf("BootNext: none → 0002") >= 0, testBootEntries.diff.join("|"))
        mouseClick(findChild(page, "addPxe"))
        compare(testBootEntries.count, 6)
        verify(testBootEntries.diff.some(l => l.indexOf("Boot0003 added: \"UEFI PXEv4 (MAC:DCA632000001)\"") === 0), testBootEntries.diff.join("|"))
        // For review: the editor with pending changes and their diff.
        wait(400)   // let the displaced rows finish moving
        grabImage(page).save(screenshotDir + "/boot-editor-fake.png")   // boot-editor.png: the real binary
        // Undo the addition, then the BootNext.
        mouseClick(findChild(page, "bootUndo"))
        compare(testBootEntries.count, 5)
        mouseClick(findChild(page, "bootUndo"))
        verify(testBootEntries.diff.every(l => l.indexOf("BootNext") < 0))
    }

    function test_3_applySendsTheNewOrder() {
        const apply = findChild(page, "bootApply")
        verify(apply.live)
        mouseClick(apply.button)
        // The changes are listed once more before they are applied.
        const confirm = findChild(page, "confirmApplyDialog")
        tryCompare(confirm, "opened", true)
        compare(testBootBackend.applyCount, 0)
        mouseClick(findChild(confirm.contentItem, "applyConfirm"))
        tryCompare(testBootBackend, "applyCount", 1)
        compare(testBootBackend.lastOrder, "0002,0000,0001,0006,0004")
        // Once applied, the firmware's state is the new original.
        tryCompare(testBootEntries, "dirty", false)
        verify(!apply.live)
    }
}
