#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

// The fleet as the user filters it: free text (name, MAC in any notation, serial, model, IP,
// profile, switch port), boot stage and adopted/discovered scope. Re-filters incrementally
// (dynamic filter on dataChanged), so a device changing stage never resets the view.
class DeviceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString stage READ stage WRITE setStage NOTIFY stageChanged)
    Q_PROPERTY(Scope scope READ scope WRITE setScope NOTIFY scopeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum class Scope { All, Adopted, Discovered };
    Q_ENUM(Scope)

    explicit DeviceFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] QString stage() const { return m_stage; }
    void setStage(const QString &stage);
    [[nodiscard]] Scope scope() const { return m_scope; }
    void setScope(Scope scope);
    [[nodiscard]] int count() const { return rowCount(); }

    // MACs of the devices that pass the filter, in order (select all, bulk adopt).
    Q_INVOKABLE QStringList macs() const;

Q_SIGNALS:
    void textChanged();
    void stageChanged();
    void scopeChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_hexText;   // the query reduced to hex digits, to match MACs in any notation
    QString m_stage;
    Scope m_scope = Scope::All;
};
