#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

// The live log as the user filters it: by device (MAC), by service/source, by minimum severity
// and by free text. Filtering happens in the proxy (rows are not created for hidden lines);
// appends to the journal re-filter only the new rows.
class JournalFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString mac READ mac WRITE setMac NOTIFY macChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(QString minSeverity READ minSeverity WRITE setMinSeverity NOTIFY minSeverityChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit JournalFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString mac() const { return m_mac; }
    void setMac(const QString &mac);
    [[nodiscard]] QString source() const { return m_source; }
    void setSource(const QString &source);
    [[nodiscard]] QString minSeverity() const { return m_minSeverity; }
    void setMinSeverity(const QString &severity);
    [[nodiscard]] QString text() const { return m_text; }
    void setText(const QString &text);
    [[nodiscard]] int count() const { return rowCount(); }

    // The visible lines as plain text (copy / save).
    Q_INVOKABLE QString toText() const;

Q_SIGNALS:
    void macChanged();
    void sourceChanged();
    void minSeverityChanged();
    void textChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_mac;
    QString m_source;
    QString m_minSeverity;
    int m_minRank = 0;
    QString m_text;
};
