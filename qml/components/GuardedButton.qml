import QtQuick
import QtQuick.Controls

// A button that is disabled for a stated reason (e.g. no power controller): the reason shows as
// a tooltip on hover and as the accessible description, so a control never looks live when it
// is not. `activated` is emitted for clicks and for the accessibility Press action.
Item {
    id: root

    property alias text: button.text
    property alias highlighted: button.highlighted
    property string reason: ""
    property string accessibleName: button.text
    readonly property alias button: button
    readonly property bool live: reason.length === 0 && enabled

    signal activated()

    implicitWidth: button.implicitWidth
    implicitHeight: button.implicitHeight

    Button {
        id: button
        anchors.fill: parent
        enabled: root.live
        Accessible.name: root.accessibleName
        Accessible.description: root.reason
        Accessible.onPressAction: if (root.live) root.activated()
        onClicked: root.activated()
    }
    HoverHandler {
        id: hover
        enabled: root.reason.length > 0
    }
    ToolTip.visible: hover.hovered && root.reason.length > 0
    ToolTip.text: root.reason
    ToolTip.delay: 300
}
