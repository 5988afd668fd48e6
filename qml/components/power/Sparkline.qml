pragma ComponentBehavior: Bound
import QtQuick
import MetalBootUi

// Recent watts of a port as thin bars (newest right), scaled to `maxWatts`.
Row {
    id: spark
    required property var values
    // Scaled to the port's recent peak, at least 8 W (a Pi 4 under load draws 6-7 W).
    readonly property real maxWatts: Math.max(8, ...spark.values.slice(-spark.bars))
    property int bars: 30
    height: 18
    spacing: 1
    Repeater {
        model: spark.values.slice(-spark.bars)
        delegate: Rectangle {
            required property real modelData
            width: 2
            height: Math.max(1, spark.height * Math.min(1, modelData / spark.maxWatts))
            anchors.bottom: parent ? parent.bottom : undefined
            color: Theme.accent
            opacity: 0.8
        }
    }
}
