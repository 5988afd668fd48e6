import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// First-run wizard: interface → DHCP mode → ports and apply → live discovery. Nothing is
// written until the user presses Apply on step 3, and only for the interface they picked.
Dialog {
    id: wizard

    required property Lab lab
    property int step: 0
    readonly property SetupWizard setup: lab.setup

    signal finished()

    objectName: "setupWizard"
    modal: true
    closePolicy: Popup.CloseOnEscape
    anchors.centerIn: Overlay.overlay
    width: Math.min(760, parent ? parent.width - 40 : 760)
    height: Math.min(560, parent ? parent.height - 40 : 560)
    title: [qsTr("1 · Network interface"), qsTr("2 · Addresses (DHCP)"), qsTr("3 · Ports"), qsTr("4 · Discovery")][step]

    function start() {
        setup.restart()
        step = 0
        open()
    }
    function next() {
        if (step === 2) {
            setup.apply()
            return
        }
        step += 1
        if (step === 2)
            setup.checkPorts()
    }

    onClosed: finished()

    Connections {
        target: wizard.setup
        function onAppliedChanged() {
            if (wizard.setup.applied && wizard.step === 2)
                wizard.step = 3
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: wizard.step
        InterfaceStep { setup: wizard.setup }
        ModeStep { setup: wizard.setup }
        PortsStep { setup: wizard.setup }
        DiscoveryStep { lab: wizard.lab }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "wizardKeepDemo"
            visible: wizard.step === 0
            text: qsTr("Keep the demo lab")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.name: qsTr("Keep the demo lab on loopback")
            Accessible.onPressAction: wizard.close()
        }
        Button {
            objectName: "wizardBack"
            visible: wizard.step > 0 && wizard.step < 3
            text: qsTr("Back")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            Accessible.name: text
            Accessible.onPressAction: wizard.step -= 1
            onClicked: wizard.step -= 1
        }
        Button {
            objectName: "wizardNext"
            visible: wizard.step < 3
            enabled: wizard.setup.canApply && (wizard.step !== 2 || wizard.lab.pendingActions === 0)
            text: wizard.step === 2 ? qsTr("Apply") : qsTr("Next")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            Accessible.name: text
            Accessible.onPressAction: if (enabled) wizard.next()
            onClicked: wizard.next()
        }
        Button {
            objectName: "wizardFinish"
            visible: wizard.step === 3
            text: qsTr("Finish")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.name: text
            Accessible.onPressAction: wizard.close()
        }
    }
}
