#include "firmwaresettingsmodel.h"

#include <algorithm>

FirmwareSettingsModel::FirmwareSettingsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int FirmwareSettingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant FirmwareSettingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const auto &o = r.original;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole: return o.label;
    case NameRole: return o.name;
    case HelpRole: return o.help;
    case GroupRole: return o.group;
    case UnitRole: return o.unit;
    case KindRole: return o.kind;
    case MinimumRole: return o.minimum;
    case MaximumRole: return o.maximum;
    case ChoicesRole: return o.choices;
    case ReadOnlyRole: return o.readOnly;
    case ValueRole: return r.value;
    case InheritedRole: return o.inherited;
    case InheritedSourceRole: return o.inheritedSource;
    case ExplicitRole: return r.explicitValue;
    case DefaultRole: return o.defaultValue;
    case ChangedRole: return r.value != o.value || r.explicitValue != o.explicitValue;
    default: break;
    }
    return {};
}

QHash<int, QByteArray> FirmwareSettingsModel::roleNames() const
{
    return {{NameRole, "name"},         {LabelRole, "label"},       {HelpRole, "help"},
            {GroupRole, "group"},       {UnitRole, "unit"},         {KindRole, "kind"},
            {MinimumRole, "minimum"},   {MaximumRole, "maximum"},   {ChoicesRole, "choices"},
            {ReadOnlyRole, "readOnly"}, {ValueRole, "value"},       {InheritedRole, "inherited"},
            {InheritedSourceRole, "inheritedSource"}, {ExplicitRole, "explicitValue"},
            {DefaultRole, "defaultValue"}, {ChangedRole, "changed"}};
}

void FirmwareSettingsModel::setRows(const QString &level, const QList<firmwareadapter::SettingRow> &rows)
{
    const bool sameShape = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const auto &a, const Row &b) { return a.name == b.original.name; });
    if (!sameShape)
        beginResetModel();
    m_level = level;
    m_rows.clear();
    for (const auto &r : rows)
        m_rows.append(Row{r, r.value, r.explicitValue});
    m_undo.clear();
    if (!sameShape) {
        endResetModel();
    } else if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(count() - 1));   // a reload after Apply: same rows, new values
    }
    Q_EMIT countChanged();
    Q_EMIT editsChanged();
}

int FirmwareSettingsModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).original.name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

void FirmwareSettingsModel::set(int row, const QString &value, bool explicitValue, bool remember)
{
    Row &r = m_rows[row];
    if (r.value == value && r.explicitValue == explicitValue)
        return;
    if (remember)
        m_undo.append(Edit{row, r.value, r.explicitValue});
    r.value = value;
    r.explicitValue = explicitValue;
    Q_EMIT dataChanged(index(row), index(row), {ValueRole, ExplicitRole, ChangedRole});
    Q_EMIT editsChanged();
}

QString FirmwareSettingsModel::setValue(int row, const QString &value)
{
    if (row < 0 || row >= count())
        return tr("No such setting.");
    if (m_rows.at(row).original.readOnly)
        return tr("%1 is written by the firmware at every boot.").arg(m_rows.at(row).original.label);
    const auto normal = firmwareadapter::normalizeSetting(m_rows.at(row).original.name, value);
    if (!normal.ok())
        return normal.error();
    set(row, normal.value(), true, true);
    return {};
}

void FirmwareSettingsModel::clearValue(int row)
{
    if (row < 0 || row >= count() || !m_rows.at(row).explicitValue)
        return;
    set(row, m_rows.at(row).original.inherited, false, true);
}

QList<FirmwareSettingsModel::Change> FirmwareSettingsModel::changes() const
{
    QList<Change> out;
    for (const Row &r : m_rows) {
        if (r.explicitValue && (r.value != r.original.value || !r.original.explicitValue))
            out.append(Change{r.original.name, r.value, false});
        else if (!r.explicitValue && r.original.explicitValue)
            out.append(Change{r.original.name, QString(), true});
    }
    return out;
}

QStringList FirmwareSettingsModel::diff() const
{
    QStringList out;
    for (const Row &r : m_rows) {
        const auto &o = r.original;
        if (r.explicitValue && (r.value != o.value || !o.explicitValue))
            out << tr("%1: %2 → %3").arg(o.label, o.value, r.value);
        else if (!r.explicitValue && o.explicitValue)
            out << (m_level == QLatin1String("device") ? tr("%1: device value %2 removed (the profile's %3 applies)").arg(o.label, o.value, o.inherited)
                                                       : tr("%1: profile value %2 removed (%3 applies)").arg(o.label, o.value, o.inherited));
    }
    return out;
}

void FirmwareSettingsModel::undo()
{
    if (m_undo.isEmpty())
        return;
    const Edit e = m_undo.takeLast();
    set(e.row, e.value, e.explicitValue, false);
}

void FirmwareSettingsModel::revert()
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).value != m_rows.at(i).original.value || m_rows.at(i).explicitValue != m_rows.at(i).original.explicitValue)
            set(i, m_rows.at(i).original.value, m_rows.at(i).original.explicitValue, true);
}
