#pragma once

#include "bootstage.h"
#include "common/macaddress.h"
#include "config/labconfig.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QMetaType>
#include <QPointF>
#include <QString>

// Runtime view of one device: its configuration (if adopted) merged with what the services saw.
struct DeviceInfo
{
    MacAddress mac;
    QString name;
    QString serial;
    QString model;
    bool adopted = false;           // present in lab.yaml
    bool isVirtual = false;
    QString profile;
    PowerBinding powerBinding;
    QPointF position;
    QString lifecycle = QStringLiteral("discovered");

    BootStage stage = BootStage::Unknown;
    QString stageDetail;            // e.g. the file being fetched, the failing step
    QDateTime stageSince;
    PowerState power = PowerState::Unknown;
    double powerWatts = -1;         // last reading, < 0 = unknown
    QHostAddress ip;
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString lastEvent;

    [[nodiscard]] QString displayName() const { return name.isEmpty() ? mac.toString() : name; }
    [[nodiscard]] QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(DeviceInfo)
