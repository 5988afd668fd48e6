pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MetalBootUi

// The latest boot attempt of a device as a row of steps with durations; the failing or stalled
// step is marked and explained with a hint.
ColumnLayout {
    id: view

    required property BootTimelineModel timeline

    spacing: Theme.spacing

    Label {
        visible: view.timeline.count === 0
        text: qsTr("No boot recorded yet. Power the device on or netboot it to see each step here.")
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    Label {
        visible: view.timeline.count > 0
        text: qsTr("Boot attempt %1 · %2").arg(view.timeline.attempts).arg(Theme.duration(view.timeline.totalMs))
        color: Theme.muted
        font.pixelSize: Theme.smallFont
    }

    Flow {
        objectName: "timelineSteps"
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: view.timeline
            delegate: Rectangle {
                id: step
                required property int index
                required property string stage
                required property real durationMs
                required property bool ongoing
                required property bool failed
                required property bool stalled
                required property string detail
                objectName: "timelineStep_" + index
                implicitWidth: stepColumn.implicitWidth + 14
                implicitHeight: stepColumn.implicitHeight + 8
                radius: Theme.radius
                color: Theme.stageColor(step.stage)
                border.width: step.failed || step.stalled ? 3 : 0
                border.color: Theme.dark ? "white" : "#202124"
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1, %2").arg(Strings.stageName(step.stage)).arg(Theme.duration(step.durationMs))
                ColumnLayout {
                    id: stepColumn
                    anchors.centerIn: parent
                    spacing: 0
                    Label {
                        text: (step.failed ? "✕ " : step.stalled ? "⏳ " : "") + Strings.stageName(step.stage)
                        color: Theme.stageTextColor(step.stage)
                        font.bold: true
                        font.pixelSize: Theme.smallFont
                    }
                    Label {
                        visible: step.stage !== "os-up" && step.stage !== "off" && step.stage !== "error"
                        text: Theme.duration(step.durationMs) + (step.ongoing ? " …" : "")
                        color: Theme.stageTextColor(step.stage)
                        font.pixelSize: Theme.smallFont
                    }
                    Label {
                        visible: step.detail.length > 0
                        text: step.detail
                        color: Theme.stageTextColor(step.stage)
                        font.pixelSize: Theme.smallFont - 1
                        elide: Text.ElideMiddle
                        Layout.maximumWidth: 140
                    }
                }
            }
        }
    }

    Rectangle {
        objectName: "timelineProblem"
        visible: view.timeline.failed || view.timeline.stalled
        color: Theme.dark ? "#3c1f1f" : "#fce8e6"
        radius: Theme.radius
        Layout.fillWidth: true
        implicitHeight: problem.implicitHeight + Theme.spacing * 2
        ColumnLayout {
            id: problem
            anchors.fill: parent
            anchors.margins: Theme.spacing
            Label {
                objectName: "timelineProblemTitle"
                text: view.timeline.failed ? qsTr("Failed during %1").arg(Strings.stageName(view.timeline.problemStage))
                                           : qsTr("Stalled in %1").arg(Strings.stageName(view.timeline.problemStage))
                font.bold: true
                color: Theme.danger
            }
            Label {
                visible: view.timeline.failureMessage.length > 0
                text: view.timeline.failureMessage
                wrapMode: Text.Wrap
                font.family: "monospace"
                font.pixelSize: Theme.smallFont
                Layout.fillWidth: true
            }
            Label {
                objectName: "timelineHint"
                text: view.timeline.hint
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
