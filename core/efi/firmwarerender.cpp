#include "firmwarerender.h"

#include "blankimage.h"
#include "bootentries.h"
#include "efibytes.h"
#include "efiguid.h"
#include "imagefile.h"
#include "pisettings.h"
#include "varjson.h"

namespace efi {

namespace {

constexpr quint64 OsIndicationsBootToFwUi = 0x1;

std::optional<quint16> firstInOrder(const VarStore &store, std::initializer_list<BootKind> kinds)
{
    const auto entries = bootEntries(store);
    for (quint16 n : bootOrder(store)) {
        const auto it = entries.constFind(n);
        if (it == entries.cend() || !it->isActive())
            continue;
        const BootKind kind = bootKind(*it);
        for (BootKind k : kinds)
            if (kind == k)
                return n;
    }
    return std::nullopt;
}

} // namespace

Result<VarStore> buildProfileStore(const ProfileConfig &profile)
{
    using R = Result<VarStore>;
    const QString who = QStringLiteral("profile '%1'").arg(profile.id);
    QByteArray base;
    if (profile.baseImage.isEmpty()) {
        base = blankRpiImage();
    } else {
        auto data = readFileCapped(profile.baseImage, MaxImageBytes);
        if (!data.ok())
            return R::failure(QStringLiteral("%1: base image: %2").arg(who, data.error()));
        base = data.value();
    }
    auto parsed = VarStore::parse(base);
    if (!parsed.ok())
        return R::failure(QStringLiteral("%1: base image %2: %3")
                              .arg(who, profile.baseImage.isEmpty() ? QStringLiteral("(blank)") : profile.baseImage, parsed.error()));
    VarStore store = std::move(parsed).value();
    if (!profile.variablesJson.isEmpty()) {
        auto text = readFileCapped(profile.variablesJson, MaxJsonBytes);
        if (!text.ok())
            return R::failure(QStringLiteral("%1: variables: %2").arg(who, text.error()));
        auto variables = variablesFromJson(text.value());
        if (!variables.ok())
            return R::failure(QStringLiteral("%1: variables %2: %3").arg(who, profile.variablesJson, variables.error()));
        applyVariables(store, variables.value());
    }
    if (auto settings = applyPiSettings(store, profile.settings); !settings.ok())
        return R::failure(QStringLiteral("%1: settings: %2").arg(who, settings.error()));
    if (!profile.bootOrder.isEmpty()) {
        QList<quint16> order;
        for (const QString &item : profile.bootOrder) {
            bool ok = false;
            const uint n = item.toUInt(&ok, 16);
            if (!ok || n > 0xffff)
                return R::failure(QStringLiteral("%1: boot order: '%2' is not a boot entry number").arg(who, item.left(20)));
            if (!bootEntry(store, quint16(n)))
                return R::failure(QStringLiteral("%1: boot order lists %2, which the store does not contain").arg(who, bootVariableName(quint16(n))));
            if (!order.contains(quint16(n)))
                order.append(quint16(n));
        }
        setBootOrder(store, order);
    }
    return store;
}

Result<RenderNotes> applyDeviceOverrides(VarStore &store, const DeviceOverrides &o)
{
    using R = Result<RenderNotes>;
    RenderNotes notes;
    if (!o.mac.isValid())
        return R::failure(QStringLiteral("no valid MAC address"));
    if (!o.settings.isEmpty()) {
        auto applied = applyPiSettings(store, o.settings);
        if (!applied.ok())
            return R::failure(QStringLiteral("device setting: %1").arg(applied.error()));
    }
    const LoadOption pxe = makePxeEntry(o.mac);
    if (o.pxeEntry) {
        auto n = addBootEntry(store, pxe, Placement::First);
        if (!n.ok())
            return R::failure(n.error());
        notes.pxeEntry = n.value();
    }
    clearBootNext(store);
    if (!o.boot.isActive())
        return notes;
    switch (o.boot.target) {
    case BootOverride::Target::Pxe: {
        auto n = addBootEntry(store, pxe, o.pxeEntry ? Placement::First : Placement::NotInOrder);
        if (!n.ok())
            return R::failure(n.error());
        notes.pxeEntry = n.value();
        notes.bootNext = n.value();
        break;
    }
    case BootOverride::Target::UefiHttp: {
        auto n = addBootEntry(store, makeHttpEntry(o.mac, o.boot.httpBootUri), Placement::NotInOrder);
        if (!n.ok())
            return R::failure(n.error());
        notes.bootNext = n.value();
        break;
    }
    case BootOverride::Target::Hdd:
        notes.bootNext = firstInOrder(store, {BootKind::Disk, BootKind::Usb});
        if (!notes.bootNext) {
            QList<quint16> order = bootOrder(store);
            const auto entries = bootEntries(store);
            order.erase(std::remove_if(order.begin(), order.end(),
                                       [&](quint16 n) {
                                           const auto it = entries.constFind(n);
                                           return it != entries.cend()
                                               && (bootKind(*it) == BootKind::Network || bootKind(*it) == BootKind::Http);
                                       }),
                        order.end());
            setBootOrder(store, order);
            notes.networkRemovedFromOrder = true;
            notes.note = QStringLiteral("no disk boot entry: network entries left out of BootOrder for this boot");
        }
        break;
    case BootOverride::Target::Usb:
        notes.bootNext = firstInOrder(store, {BootKind::Usb});
        if (!notes.bootNext)
            notes.note = QStringLiteral("no USB boot entry in BootOrder");
        break;
    case BootOverride::Target::Cd:
        notes.bootNext = firstInOrder(store, {BootKind::Cdrom});
        if (!notes.bootNext)
            notes.note = QStringLiteral("no CD-ROM boot entry in BootOrder");
        break;
    case BootOverride::Target::BiosSetup: {
        quint64 value = 0;
        const Variable *v = store.find(QStringLiteral("OsIndications"), guids::GlobalVariable);
        if (v && v->data.size() == 8)
            value = le64(v->data.constData());
        QByteArray data(8, '\0');
        put64(data.data(), value | OsIndicationsBootToFwUi);
        store.setData(QStringLiteral("OsIndications"), guids::GlobalVariable, data, attr::NvBsRt);
        notes.bootToSetup = true;
        break;
    }
    case BootOverride::Target::None:
        break;
    }
    if (notes.bootNext)
        setBootNext(store, *notes.bootNext);
    return notes;
}

} // namespace efi
