import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

ApplicationWindow {
    id: window

    required property Lab lab
    required property UiSettings settings
    // "fleet", "device", "power", "profiles", "boot-editor", "services", "logs" or "wizard"
    // (screenshots: GRAB_PAGE).
    property string initialPage: ""

    width: 1280
    height: 800
    visible: true
    title: lab.name.length > 0 ? qsTr("Metal Boot — %1").arg(lab.name) : Strings.appName

    function showPage(page) {
        const index = ["fleet", "power", "profiles", "services", "logs"].indexOf(page)
        if (index >= 0)
            tabs.currentIndex = index
        if (page === "device") {
            tabs.currentIndex = 0
            if (lab.devices.count > 0)
                lab.openDevice(lab.devices.get(0).mac)
        }
        if (page === "wizard")
            wizard.start()
        if (page === "boot-editor")
            openFirstProfile()
    }

    // The first profile with a firmware image of its own (else the first one) in the boot editor.
    function openFirstProfile() {
        const profiles = lab.profileList
        let row = -1
        for (let i = 0; i < profiles.count && row < 0; ++i)
            if (profiles.data(profiles.index(i, 0), ProfileListModel.BaseImageRole).length > 0)
                row = i
        if (row < 0 && profiles.count > 0)
            row = 0
        if (row >= 0)
            lab.firmware.openProfile(profiles.data(profiles.index(row, 0), ProfileListModel.IdRole))
    }

    // The untouched demo lab on first start: offer the wizard once (also in the menu).
    function offerSetup() {
        if (initialPage.length === 0 && lab.pristineDemo && !settings.firstRunDone && !wizard.opened)
            wizard.start()
    }

    Component.onCompleted: {
        if (initialPage.length > 0)
            showPage(initialPage)
        else
            offerSetup()
    }

    // The boot editor page needs the profiles, which arrive asynchronously from the engine.
    Connections {
        target: window.lab.profileList
        enabled: window.initialPage === "boot-editor" && !window.lab.firmware.open
        function onCountChanged() { window.openFirstProfile() }
    }

    // The device page needs the devices, which arrive asynchronously from the engine.
    Connections {
        target: window.lab.devices
        enabled: window.initialPage === "device" && !window.lab.details.open
        function onCountChanged() {
            if (window.lab.devices.count > 0)
                window.lab.openDevice(window.lab.devices.get(0).mac)
        }
    }

    Connections {
        target: window.lab
        function onConfigChanged() { window.offerSetup() }
        function onNotify(message) { toast.show(message, []) }
        function onBulkFinished(summary, failures) { toast.show(summary, failures) }
    }

    onClosing: close => {
        if (!settings.keepRunningInTray)
            Qt.quit()
    }

    component LanguageItem: MenuItem {
        required property string code
        objectName: "menuLanguage_" + (code.length > 0 ? code : "system")
        checkable: true
        checked: window.settings.language === code
        Accessible.name: text
        Accessible.onPressAction: triggered()
        onTriggered: {
            window.settings.language = code
            checked = Qt.binding(() => window.settings.language === code)
        }
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing

            Label {
                text: window.lab.name
                font.bold: true
                font.pixelSize: 16
                Layout.rightMargin: Theme.spacing * 2
            }
            ServicesBar {
                lab: window.lab
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "mainMenuButton"
                text: "☰"
                Accessible.name: qsTr("Main menu")
                Accessible.onPressAction: mainMenu.open()
                onClicked: mainMenu.open()
                Menu {
                    id: mainMenu
                    y: parent.height
                    MenuItem {
                        objectName: "menuSetupWizard"
                        text: qsTr("Network setup wizard…")
                        Accessible.name: text
                        Accessible.onPressAction: wizard.start()
                        onTriggered: wizard.start()
                    }
                    MenuItem {
                        objectName: "menuKeepRunning"
                        text: qsTr("Keep serving in the tray when the window closes")
                        checkable: true
                        enabled: window.settings.trayAvailable
                        checked: window.settings.keepRunningInTray
                        Accessible.name: text
                        Accessible.onPressAction: toggled()
                        onToggled: window.settings.keepRunningInTray = checked
                    }
                    Menu {
                        id: languageMenu
                        objectName: "menuLanguage"
                        title: qsTr("Language")
                        // Each language under its own name; the choice applies at once and is kept.
                        LanguageItem { code: ""; text: qsTr("System language") }
                        LanguageItem { code: "en"; text: "English" }
                        LanguageItem { code: "de"; text: "Deutsch" }
                        LanguageItem { code: "fr"; text: "Français" }
                    }
                    MenuSeparator {}
                    MenuItem {
                        objectName: "menuQuit"
                        text: qsTr("Quit")
                        Accessible.name: text
                        Accessible.onPressAction: Qt.quit()
                        onTriggered: Qt.quit()
                    }
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorBanner {
            lab: window.lab
            Layout.fillWidth: true
        }

        TabBar {
            id: tabs
            objectName: "mainTabs"
            // While the boot editor is open it takes the pages' place; its ✕ returns.
            enabled: !window.lab.firmware.open
            Layout.fillWidth: true
            onCurrentIndexChanged: {
                if (currentIndex === 1)
                    powerLoader.active = true
                if (currentIndex === 2)
                    profilesLoader.active = true
            }
            TabButton {
                objectName: "fleetTab"
                text: qsTr("Fleet")
                Accessible.name: text
                Accessible.onPressAction: tabs.currentIndex = 0
            }
            TabButton {
                objectName: "powerTab"
                text: qsTr("Power")
                Accessible.name: text
                Accessible.onPressAction: tabs.currentIndex = 1
            }
            TabButton {
                objectName: "profilesTab"
                text: qsTr("Profiles")
                Accessible.name: text
                Accessible.onPressAction: tabs.currentIndex = 2
            }
            TabButton {
                objectName: "servicesTab"
                text: qsTr("Services")
                Accessible.name: text
                Accessible.onPressAction: tabs.currentIndex = 3
            }
            TabButton {
                objectName: "logTab"
                text: qsTr("Log")
                Accessible.name: text
                Accessible.onPressAction: tabs.currentIndex = 4
            }
        }

        StackLayout {
            visible: !window.lab.firmware.open
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            FleetPage {
                lab: window.lab
            }
            // Created the first time they are shown (a fast first frame for large labs).
            Loader {
                id: powerLoader
                active: false
                sourceComponent: Component {
                    PowerPage {
                        ports: window.lab.ports
                        devices: window.lab.devices
                    }
                }
            }
            Loader {
                id: profilesLoader
                active: false
                sourceComponent: Component {
                    ProfilesPage {
                        lab: window.lab
                    }
                }
            }
            ServicesPage {
                lab: window.lab
            }
            LogPage {
                lab: window.lab
            }
        }

        BootEditorView {
            editor: window.lab.firmware
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        ImportProgress {
            importer: window.lab.importer
            Layout.fillWidth: true
        }
    }

    ImportDropArea {
        anchors.fill: parent
        importer: window.lab.importer
    }

    SetupWizardDialog {
        id: wizard
        lab: window.lab
        onFinished: window.settings.firstRunDone = true
    }

    Toast {
        id: toast
    }
}
