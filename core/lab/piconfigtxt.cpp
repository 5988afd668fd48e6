#include "piconfigtxt.h"

namespace {

// Does the section filter (without brackets) apply to this board?
bool sectionMatches(const QString &filter, const QString &model, const QString &serial, bool *understood)
{
    const QString f = filter.trimmed().toLower();
    *understood = true;
    if (f == QLatin1String("all"))
        return true;
    if (f == QLatin1String("none"))
        return false;
    if (f == QLatin1String("pi4"))   // the whole 2711 family: 4B, 400, CM4
        return model == QLatin1String("pi4") || model == QLatin1String("pi400") || model == QLatin1String("cm4");
    if (f == QLatin1String("pi400") || f == QLatin1String("cm4"))
        return model == f;
    if (f == QLatin1String("pi0") || f == QLatin1String("pi0w") || f == QLatin1String("pi1") || f == QLatin1String("pi2")
        || f == QLatin1String("pi3") || f == QLatin1String("pi3+") || f == QLatin1String("pi5") || f == QLatin1String("cm3")
        || f == QLatin1String("cm5") || f == QLatin1String("tryboot"))
        return false;
    if (f.startsWith(QLatin1String("0x"))) {
        bool ok = false;
        const quint64 wanted = f.mid(2).toULongLong(&ok, 16);
        const quint64 ours = serial.toULongLong(nullptr, 16);
        return ok && (wanted & 0xffffffffULL) == ours;
    }
    *understood = false;
    return false;
}

} // namespace

QString PiConfigTxt::kernelFile() const
{
    if (!kernel.isEmpty())
        return kernel;
    return arm64 ? QStringLiteral("kernel8.img") : QStringLiteral("kernel7l.img");
}

QString PiConfigTxt::deviceTreeFile(const QString &model) const
{
    if (!deviceTree.isEmpty())
        return deviceTree;
    if (model == QLatin1String("pi400"))
        return QStringLiteral("bcm2711-rpi-400.dtb");
    if (model == QLatin1String("cm4"))
        return QStringLiteral("bcm2711-rpi-cm4.dtb");
    return QStringLiteral("bcm2711-rpi-4-b.dtb");
}

PiConfigTxt PiConfigTxt::parse(const QString &text, const QString &model, const QString &serial)
{
    PiConfigTxt c;
    bool active = true;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            bool understood = true;
            active = sectionMatches(line.mid(1, line.size() - 2), model, serial, &understood);
            if (!understood && !c.unknownSections.contains(line))
                c.unknownSections.append(line);
            continue;
        }
        if (!active)
            continue;
        if (line.startsWith(QLatin1String("initramfs "))) {
            const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() >= 2)
                c.initramfs = parts.at(1);
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = line.mid(eq + 1).trimmed();
        if (key == QLatin1String("start_file"))
            c.startFile = value;
        else if (key == QLatin1String("fixup_file"))
            c.fixupFile = value;
        else if (key == QLatin1String("armstub"))
            c.armstub = value;
        else if (key == QLatin1String("kernel"))
            c.kernel = value;
        else if (key == QLatin1String("device_tree")) {
            c.deviceTree = value;
            c.deviceTreeDisabled = value.isEmpty();
        }
        else if (key == QLatin1String("cmdline"))
            c.cmdline = value;
        else if (key == QLatin1String("arm_64bit"))
            c.arm64 = value != QLatin1String("0");
        else if (key == QLatin1String("dtoverlay")) {
            const QString name = value.section(QLatin1Char(','), 0, 0).trimmed();
            if (!name.isEmpty())
                c.overlays.append(name);
        }
    }
    return c;
}
