#include "eficli.h"

#include "bootentries.h"
#include "efibytes.h"
#include "efiguid.h"
#include "imagefile.h"
#include "pisettings.h"
#include "varjson.h"
#include "varprinter.h"
#include "varstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace cli {

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

// User-facing text shares the "cli" translation context with the other command-line commands.
class EfiCli
{
    Q_DECLARE_TR_FUNCTIONS(cli)

public:
    int run(const QStringList &arguments);

private:
    int usage(const QString &problem = {});
    int fail(const QString &message);
    bool parse(QCommandLineParser &parser, const QStringList &arguments, int positionals, const QString &syntax);
    std::optional<efi::VarStore> openStore(const QString &path);
    int save(const efi::VarStore &store, const QString &path, const QString &what);
    QString outputPath(const QCommandLineParser &parser, const QString &input) const;

    int print(const QStringList &arguments);
    int info(const QStringList &arguments);
    int exportJson(const QStringList &arguments);
    int apply(const QStringList &arguments);
    int bootOrder(const QStringList &arguments);
    int addPxe(const QStringList &arguments);
    int set(const QStringList &arguments);
    int remove(const QStringList &arguments);
    int settings(const QStringList &arguments);

    QTextStream m_out{stdout};
    QTextStream m_err{stderr};
    const QCommandLineOption m_output{QStringLiteral("output"), tr("Write the result to FILE instead of editing in place."), QStringLiteral("FILE")};
};

int EfiCli::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << problem << Qt::endl;
    m_err << tr("Usage: metalboot efi <command> FILE [options]\n"
                "\n"
                "Commands (FILE is an RPI_EFI.fd, an OVMF/AAVMF *_VARS.fd or a bare variable store):\n"
                "  print FILE [--verbose] [--hexdump]      list variables (virt-fw-vars --print format; FILE may be JSON)\n"
                "  info FILE                               store layout, usage and boot entries\n"
                "  export FILE --json OUT                  write the variables as virt-fw-vars JSON v2 (OUT '-' = stdout)\n"
                "  apply FILE --json IN [--output OUT]     add or replace variables from JSON (never deletes)\n"
                "  boot-order FILE [--set 0003,0001]       show or set BootOrder\n"
                "  add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]\n"
                "  set FILE NAME[:GUID] VALUE [--output OUT]  set a Raspberry Pi setting, a boot variable or raw hex (hex:...)\n"
                "  delete FILE NAME[:GUID] [--output OUT]  delete a variable\n"
                "  settings FILE                           Raspberry Pi settings with their values\n")
          << Qt::endl;
    return ExitUsage;
}

int EfiCli::fail(const QString &message)
{
    m_err << tr("error: ") << message << Qt::endl;
    return ExitFailed;
}

bool EfiCli::parse(QCommandLineParser &parser, const QStringList &arguments, int positionals, const QString &syntax)
{
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(QStringList{QStringLiteral("metalboot-efi")} + arguments)) {
        m_err << parser.errorText() << Qt::endl << tr("usage: metalboot efi ") << syntax << Qt::endl;
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        m_err << tr("usage: metalboot efi ") << syntax << Qt::endl;
        return false;
    }
    return true;
}

std::optional<efi::VarStore> EfiCli::openStore(const QString &path)
{
    auto data = efi::readFileCapped(path, efi::MaxImageBytes);
    if (!data.ok()) {
        fail(data.error());
        return std::nullopt;
    }
    auto store = efi::VarStore::parse(data.value());
    if (!store.ok()) {
        fail(QStringLiteral("%1: %2").arg(path, store.error()));
        return std::nullopt;
    }
    return std::move(store).value();
}

QString EfiCli::outputPath(const QCommandLineParser &parser, const QString &input) const
{
    return parser.isSet(m_output) ? parser.value(m_output) : input;
}

int EfiCli::save(const efi::VarStore &store, const QString &path, const QString &what)
{
    auto bytes = store.serialize();
    if (!bytes.ok())
        return fail(tr("%1 not written: %2").arg(path, bytes.error()));
    auto written = efi::writeFileAtomically(path, bytes.value());
    if (!written.ok())
        return fail(written.error());
    m_out << what << Qt::endl;
    return ExitOk;
}

int EfiCli::print(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption verbose(QStringList{QStringLiteral("verbose"), QStringLiteral("v")}, tr("Verbose listing."));
    const QCommandLineOption hexdump(QStringLiteral("hexdump"), tr("Hex dump of each variable (with --verbose)."));
    p.addOptions({verbose, hexdump});
    if (!parse(p, arguments, 1, QStringLiteral("print FILE [--verbose] [--hexdump]")))
        return ExitUsage;
    const QString path = p.positionalArguments().at(0);
    QList<efi::Variable> variables;
    auto data = efi::readFileCapped(path, efi::MaxImageBytes);
    if (!data.ok())
        return fail(data.error());
    if (data->trimmed().startsWith('{')) {
        auto parsed = efi::variablesFromJson(data.value());
        if (!parsed.ok())
            return fail(QStringLiteral("%1: %2").arg(path, parsed.error()));
        variables = parsed.value();
    } else {
        auto store = efi::VarStore::parse(data.value());
        if (!store.ok())
            return fail(QStringLiteral("%1: %2").arg(path, store.error()));
        variables = store->variables();
    }
    m_out << (p.isSet(verbose) ? efi::printVerbose(variables, p.isSet(hexdump)) : efi::printCompact(variables));
    m_out.flush();
    return ExitOk;
}

int EfiCli::info(const QStringList &arguments)
{
    QCommandLineParser p;
    if (!parse(p, arguments, 1, QStringLiteral("info FILE")))
        return ExitUsage;
    const auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    const efi::StoreLayout &l = store->layout();
    auto hex = [](quint64 v) -> QString { return QStringLiteral("0x") + QString::number(v, 16); };
    m_out << "layout:        " << l.kind << '\n';
    m_out << "image size:    " << l.imageSize << " (" << hex(quint64(l.imageSize)) << ")\n";
    if (l.fvOffset >= 0)
        m_out << "NV volume:     " << hex(quint64(l.fvOffset)) << ", length " << hex(l.fvLength) << ", attributes " << hex(l.fvAttributes)
              << ", blocks " << l.fvBlocks << " x " << hex(l.fvBlockSize) << '\n';
    m_out << "store:         " << hex(quint64(l.storeOffset)) << ", size " << hex(l.storeSize) << ", "
          << (l.isAuthenticated() ? "authenticated" : "plain") << " format\n";
    int dead = 0;
    for (const auto &r : store->records())
        dead += r.status == efi::VariableRecord::Status::Live ? 0 : 1;
    m_out << "variables:     " << store->variables().size() << " live, " << dead << " dead records; " << store->usedBytes()
          << " of " << store->capacity() << " bytes used after compaction\n";
    m_out << "limits:        " << store->limits().maxVariableSize << " bytes per variable, " << store->limits().maxAuthVariableSize
          << " authenticated\n";
    if (l.ftwOffset >= 0)
        m_out << "FTW working:   " << hex(quint64(l.ftwOffset)) << ", queue " << hex(l.ftwQueueSize) << ", header "
              << (l.ftwHeaderValid ? "valid" : "INVALID") << ", " << efi::ftwQueueName(l.ftwQueue) << '\n';
    else
        m_out << "FTW working:   none\n";
    const auto entries = efi::bootEntries(*store);
    const auto order = efi::bootOrder(*store);
    QStringList orderText;
    for (quint16 n : order)
        orderText.append(QStringLiteral("%1").arg(n, 4, 16, QLatin1Char('0')).toUpper());
    m_out << "BootOrder:     " << orderText.join(QLatin1Char(',')) << '\n';
    if (const auto next = efi::bootNext(*store))
        m_out << "BootNext:      " << QStringLiteral("%1").arg(*next, 4, 16, QLatin1Char('0')).toUpper() << '\n';
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        m_out << "  " << efi::bootVariableName(it.key()) << (it->isActive() ? "  " : " *") << it->description << "  "
              << it->devicePath().toText() << (it->isAutoCreated() ? "  [auto-created]" : "") << '\n';
    m_out.flush();
    return ExitOk;
}

int EfiCli::exportJson(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("Output JSON file ('-' for stdout)."), QStringLiteral("OUT"));
    p.addOption(json);
    if (!parse(p, arguments, 1, QStringLiteral("export FILE --json OUT")))
        return ExitUsage;
    if (!p.isSet(json))
        return usage(tr("export needs --json OUT"));
    const auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    const QByteArray text = efi::variablesToJson(store->variables());
    if (p.value(json) == QLatin1String("-")) {
        m_out << QString::fromUtf8(text) << Qt::endl;
        return ExitOk;
    }
    auto written = efi::writeFileAtomically(p.value(json), text);
    if (!written.ok())
        return fail(written.error());
    return ExitOk;
}

int EfiCli::apply(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), tr("JSON file with variables to add or replace."), QStringLiteral("IN"));
    p.addOptions({json, m_output});
    if (!parse(p, arguments, 1, QStringLiteral("apply FILE --json IN [--output OUT]")))
        return ExitUsage;
    if (!p.isSet(json))
        return usage(tr("apply needs --json IN"));
    auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    auto text = efi::readFileCapped(p.value(json), efi::MaxJsonBytes);
    if (!text.ok())
        return fail(text.error());
    auto variables = efi::variablesFromJson(text.value());
    if (!variables.ok())
        return fail(QStringLiteral("%1: %2").arg(p.value(json), variables.error()));
    const int changed = efi::applyVariables(*store, variables.value());
    return save(*store, outputPath(p, p.positionalArguments().at(0)),
                tr("%1 of %2 variables added or changed").arg(changed).arg(variables->size()));
}

int EfiCli::bootOrder(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption setOption(QStringLiteral("set"), tr("New boot order, e.g. 0003,0001."), QStringLiteral("LIST"));
    p.addOptions({setOption, m_output});
    if (!parse(p, arguments, 1, QStringLiteral("boot-order FILE [--set 0003,0001] [--output OUT]")))
        return ExitUsage;
    auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    const auto entries = efi::bootEntries(*store);
    if (!p.isSet(setOption)) {
        for (quint16 n : efi::bootOrder(*store)) {
            const auto it = entries.constFind(n);
            m_out << efi::bootVariableName(n) << "  " << (it == entries.cend() ? tr("(missing)") : it->description) << '\n';
        }
        m_out.flush();
        return ExitOk;
    }
    QList<quint16> order;
    for (const QString &item : p.value(setOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = item.trimmed();
        bool ok = false;
        const uint n = t.toUInt(&ok, 16);
        if (!ok || t.size() > 4 || n > 0xffff)
            return usage(tr("'%1' is not a boot entry number (4 hex digits)").arg(t.left(20)));
        if (!entries.contains(quint16(n)))
            return fail(tr("%1 does not exist in %2").arg(efi::bootVariableName(quint16(n)), p.positionalArguments().at(0)));
        if (order.contains(quint16(n)))
            return usage(tr("%1 is listed twice").arg(efi::bootVariableName(quint16(n))));
        order.append(quint16(n));
    }
    efi::setBootOrder(*store, order);
    return save(*store, outputPath(p, p.positionalArguments().at(0)), tr("BootOrder set"));
}

int EfiCli::addPxe(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption mac(QStringLiteral("mac"), tr("MAC address of the network interface."), QStringLiteral("MAC"));
    const QCommandLineOption first(QStringLiteral("first"), tr("Put the entry first in BootOrder (default: last)."));
    const QCommandLineOption ipv6(QStringLiteral("ipv6"), tr("PXE over IPv6 instead of IPv4."));
    const QCommandLineOption description(QStringLiteral("description"), tr("Entry title."), QStringLiteral("TEXT"));
    p.addOptions({mac, first, ipv6, description, m_output});
    if (!parse(p, arguments, 1, QStringLiteral("add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]")))
        return ExitUsage;
    if (!p.isSet(mac))
        return usage(tr("add-pxe needs --mac MAC"));
    const auto address = MacAddress::parse(p.value(mac));
    if (!address)
        return usage(tr("'%1' is not a MAC address").arg(p.value(mac).left(40)));
    auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    const auto option = efi::makePxeEntry(*address, p.isSet(ipv6) ? efi::IpVersion::V6 : efi::IpVersion::V4, p.value(description));
    auto number = efi::addBootEntry(*store, option, p.isSet(first) ? efi::Placement::First : efi::Placement::Last);
    if (!number.ok())
        return fail(number.error());
    return save(*store, outputPath(p, p.positionalArguments().at(0)),
                tr("%1 \"%2\" %3").arg(efi::bootVariableName(number.value()), option.description, option.devicePath().toText()));
}

int EfiCli::set(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption attrOption(QStringLiteral("attr"), tr("Attributes for a new variable (default 7)."), QStringLiteral("N"));
    p.addOptions({attrOption, m_output});
    if (!parse(p, arguments, 3, QStringLiteral("set FILE NAME[:GUID] VALUE [--attr N] [--output OUT]")))
        return ExitUsage;
    const QString target = p.positionalArguments().at(1);
    const QString value = p.positionalArguments().at(2);
    QString name = target;
    std::optional<QUuid> guid;
    if (const auto colon = target.indexOf(QLatin1Char(':')); colon > 0) {
        name = target.left(colon);
        guid = efi::parseGuid(target.mid(colon + 1));
        if (!guid)
            return usage(tr("'%1' is neither a GUID nor a known GUID name").arg(target.mid(colon + 1).left(64)));
    }
    auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    const QString out = outputPath(p, p.positionalArguments().at(0));

    // 1. A Raspberry Pi setting (typed, range-checked).
    const efi::PiSetting *setting = efi::findPiSetting(name);
    if (setting && (!guid || *guid == setting->guid)) {
        auto changed = efi::applyPiSetting(*store, setting->nameString(), value);
        if (!changed.ok())
            return fail(changed.error());
        const efi::Variable *v = store->find(setting->nameString(), setting->guid);
        return save(*store, out, QStringLiteral("%1 = %2").arg(setting->nameString(), efi::piSettingText(*setting, v->data)));
    }
    // 2. Boot manager variables.
    if (!guid || *guid == efi::guids::GlobalVariable) {
        if (name == QLatin1String("BootNext")) {
            bool ok = false;
            const uint n = value.toUInt(&ok, 16);
            if (!ok || n > 0xffff)
                return usage(tr("BootNext takes a boot entry number (4 hex digits)"));
            if (!efi::bootEntry(*store, quint16(n)))
                return fail(tr("%1 does not exist").arg(efi::bootVariableName(quint16(n))));
            efi::setBootNext(*store, quint16(n));
            return save(*store, out, tr("BootNext = %1").arg(efi::bootVariableName(quint16(n))));
        }
        if (name == QLatin1String("BootOrder")) {
            QStringList forward{p.positionalArguments().at(0), QStringLiteral("--set"), value};
            if (p.isSet(m_output))
                forward << QStringLiteral("--output") << out;
            return bootOrder(forward);
        }
    }
    // 3. Anything else: an existing variable of 1/2/4/8 bytes takes a number; "hex:..." sets raw bytes.
    QList<const efi::Variable *> matches = store->findByName(name);
    if (guid)
        matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const efi::Variable *v) { return v->guid != *guid; }),
                      matches.end());
    if (matches.size() > 1)
        return usage(tr("%1 exists under several GUIDs; write NAME:GUID").arg(name));
    QByteArray bytes;
    if (value.startsWith(QLatin1String("hex:"))) {
        if (!efi::fromHex(value.mid(4), &bytes))
            return usage(tr("'%1' is not valid hex").arg(value.left(40)));
    } else if (!matches.isEmpty() && QList<int>{1, 2, 4, 8}.contains(int(matches.first()->data.size()))) {
        bool ok = false;
        const qulonglong n = value.startsWith(QLatin1String("0x")) ? value.mid(2).toULongLong(&ok, 16) : value.toULongLong(&ok, 10);
        const auto size = matches.first()->data.size();
        if (!ok || (size < 8 && n >> (8 * size)))
            return usage(tr("%1 is %2 bytes: give a number that fits, or hex:...").arg(name).arg(size));
        bytes.resize(size);
        for (int i = 0; i < size; ++i)
            bytes[i] = char((n >> (8 * i)) & 0xff);
    } else {
        return usage(tr("give the value of %1 as hex:... (it is not a known setting)").arg(name));
    }
    if (matches.isEmpty() && !guid)
        return usage(tr("%1 does not exist; write NAME:GUID to create it").arg(name));
    const QUuid g = matches.isEmpty() ? *guid : matches.first()->guid;
    quint32 attributes = matches.isEmpty() ? efi::attr::NvBsRt : matches.first()->attributes;
    if (p.isSet(attrOption)) {
        bool ok = false;
        attributes = p.value(attrOption).toUInt(&ok, 0);
        if (!ok)
            return usage(tr("--attr takes a number"));
    }
    store->setData(name, g, bytes, attributes);
    return save(*store, out, tr("%1 (%2) = %3").arg(name, efi::guidToString(g), QString::fromLatin1(bytes.toHex())));
}

int EfiCli::remove(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addOption(m_output);
    if (!parse(p, arguments, 2, QStringLiteral("delete FILE NAME[:GUID] [--output OUT]")))
        return ExitUsage;
    const QString target = p.positionalArguments().at(1);
    QString name = target;
    std::optional<QUuid> guid;
    if (const auto colon = target.indexOf(QLatin1Char(':')); colon > 0) {
        name = target.left(colon);
        guid = efi::parseGuid(target.mid(colon + 1));
        if (!guid)
            return usage(tr("'%1' is neither a GUID nor a known GUID name").arg(target.mid(colon + 1).left(64)));
    }
    auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    QList<const efi::Variable *> matches = store->findByName(name);
    if (guid)
        matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const efi::Variable *v) { return v->guid != *guid; }),
                      matches.end());
    if (matches.isEmpty())
        return fail(tr("%1 does not exist").arg(target));
    if (matches.size() > 1)
        return usage(tr("%1 exists under several GUIDs; write NAME:GUID").arg(name));
    const QUuid g = matches.first()->guid;
    if (const auto number = efi::bootNumberFromName(name); number && g == efi::guids::GlobalVariable)
        efi::removeBootEntry(*store, *number);
    else
        store->remove(name, g);
    return save(*store, outputPath(p, p.positionalArguments().at(0)), tr("%1 (%2) deleted").arg(name, efi::guidToString(g)));
}

int EfiCli::settings(const QStringList &arguments)
{
    QCommandLineParser p;
    if (!parse(p, arguments, 1, QStringLiteral("settings FILE")))
        return ExitUsage;
    const auto store = openStore(p.positionalArguments().at(0));
    if (!store)
        return ExitFailed;
    for (const auto &v : efi::readPiSettings(*store)) {
        const efi::PiSetting &s = *v.setting;
        m_out << QStringLiteral("%1 %2 %3").arg(s.nameString(), -26).arg(v.present ? v.text : tr("%1 (default)").arg(v.text), -28)
                     .arg(s.readOnly ? tr("[read-only] ") : QString())
              << QCoreApplication::translate("efi::PiSettings", s.label) << '\n';
    }
    m_out.flush();
    return ExitOk;
}

int EfiCli::run(const QStringList &arguments)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")
        || arguments.first() == QLatin1String("help"))
        return usage();
    const QString command = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("print"))
        return print(rest);
    if (command == QLatin1String("info"))
        return info(rest);
    if (command == QLatin1String("export"))
        return exportJson(rest);
    if (command == QLatin1String("apply"))
        return apply(rest);
    if (command == QLatin1String("boot-order"))
        return bootOrder(rest);
    if (command == QLatin1String("add-pxe"))
        return addPxe(rest);
    if (command == QLatin1String("set"))
        return set(rest);
    if (command == QLatin1String("delete"))
        return remove(rest);
    if (command == QLatin1String("settings"))
        return settings(rest);
    return usage(tr("unknown command '%1'").arg(command.left(40)));
}

} // namespace

int runEfi(const QStringList &arguments)
{
    EfiCli cli;
    return cli.run(arguments);
}

} // namespace cli
