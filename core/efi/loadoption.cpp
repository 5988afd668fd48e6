#include "loadoption.h"

#include "efibytes.h"
#include "efiguid.h"

namespace efi {

Result<LoadOption> LoadOption::decode(const QByteArray &data)
{
    using R = Result<LoadOption>;
    if (data.size() < 6 + 2)
        return R::failure(QStringLiteral("load option is %1 bytes, too short for a header and description").arg(data.size()));
    const char *p = data.constData();
    LoadOption o;
    o.attributes = le32(p);
    const quint16 pathLength = le16(p + 4);
    bool terminated = false;
    qsizetype descBytes = 0;
    o.description = decodeUcs2(p + 6, data.size() - 6, &terminated, &descBytes);
    if (!terminated)
        return R::failure(QStringLiteral("load option description is not NUL-terminated"));
    const qsizetype pathStart = 6 + descBytes;
    if (pathStart + pathLength > data.size())
        return R::failure(QStringLiteral("load option device path (%1 bytes) runs past the end of the variable (%2 bytes)")
                              .arg(pathLength)
                              .arg(data.size()));
    o.filePathList = data.mid(pathStart, pathLength);
    o.optionalData = data.mid(pathStart + pathLength);
    return o;
}

QByteArray LoadOption::encode() const
{
    QByteArray out;
    out.reserve(6 + (description.size() + 1) * 2 + filePathList.size() + optionalData.size());
    append32(out, attributes);
    append16(out, quint16(filePathList.size()));
    out.append(encodeUcs2(description));
    out.append(filePathList);
    out.append(optionalData);
    return out;
}

bool LoadOption::isAutoCreated() const
{
    return optionalData.size() == 16 && guidFromBytes(optionalData.constData()) == guids::BdsAutoCreated;
}

QString LoadOption::virtText() const
{
    QString s = QStringLiteral("title=\"%1\" devpath=%2").arg(description, virtDevicePathText(filePathList));
    if (!optionalData.isEmpty())
        s += QStringLiteral(" optdata=") + QString::fromLatin1(optionalData.toHex());
    return s;
}

} // namespace efi
