#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

// The ports of one switch (one faceplate) out of a SwitchPortModel.
class SwitchPortFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString switchId READ switchId WRITE setSwitchId NOTIFY switchIdChanged)
public:
    explicit SwitchPortFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString switchId() const { return m_switchId; }
    void setSwitchId(const QString &id);
    // Row in the SwitchPortModel (commands take source rows).
    Q_INVOKABLE int sourceRow(int row) const;

Q_SIGNALS:
    void switchIdChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_switchId;
};
