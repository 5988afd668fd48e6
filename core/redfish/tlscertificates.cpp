// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "tlscertificates.h"

#include "common/atomicfile.h"
#include "common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QNetworkInterface>
#include <QSslCertificateExtension>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace redfish::tls {

namespace {

template <typename T, void (*F)(T *)>
struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > (1 << 20))
        return {};
    return f.readAll();
}

bool covers(const QSslCertificate &cert, const QStringList &dnsNames, const QList<QHostAddress> &addresses)
{
    const auto alt = cert.subjectAlternativeNames();
    const QStringList dns = alt.values(QSsl::DnsEntry);
    const QStringList ips = alt.values(QSsl::IpAddressEntry);
    for (const QString &n : dnsNames)
        if (!dns.contains(n, Qt::CaseInsensitive))
            return false;
    for (const QHostAddress &a : addresses) {
        bool found = false;
        for (const QString &ip : ips)
            found = found || QHostAddress(ip).isEqual(a);
        if (!found)
            return false;
    }
    return true;
}

} // namespace

void subjectNames(const QHostAddress &address, QStringList *dnsNames, QList<QHostAddress> *addresses)
{
    dnsNames->clear();
    addresses->clear();
    dnsNames->append(u"localhost"_s);
    const QString host = QHostInfo::localHostName();
    if (!host.isEmpty() && host != QLatin1String("localhost"))
        dnsNames->append(host);
    if (address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::Any)
        || address == QHostAddress(QHostAddress::AnyIPv6)) {
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (a.scopeId().isEmpty() && !addresses->contains(a))
                addresses->append(a);
    } else {
        addresses->append(address);
        if (!address.isEqual(QHostAddress(QHostAddress::LocalHost)))
            addresses->append(QHostAddress(QHostAddress::LocalHost));
    }
}

bool issue(const QStringList &dnsNames, const QList<QHostAddress> &addresses, bool isCa, int days,
           const QByteArray &caCertPem, const QByteArray &caKeyPem, QByteArray *certPem, QByteArray *keyPem,
           QString *error)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        *error = u"cannot generate an EC P-256 key"_s;
        return false;
    }
    X509Ptr caCert;
    PKeyPtr caKey;
    if (!caCertPem.isEmpty()) {
        BioPtr cb(BIO_new_mem_buf(caCertPem.constData(), int(caCertPem.size())));
        BioPtr kb(BIO_new_mem_buf(caKeyPem.constData(), int(caKeyPem.size())));
        caCert.reset(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
        caKey.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
        if (!caCert || !caKey) {
            *error = u"cannot read the CA certificate or key"_s;
            return false;
        }
    }
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);   // v3
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Metal Boot"), -1, -1, 0);
    const QByteArray cn = isCa ? QByteArray("Metal Boot Redfish CA ") + QHostInfo::localHostName().toUtf8().left(32)
                               : (dnsNames.isEmpty() ? QByteArray("localhost") : dnsNames.value(dnsNames.size() > 1 ? 1 : 0).toUtf8().left(60));
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509 *issuerCert = caCert ? caCert.get() : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    bool ok = true;
    if (isCa) {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExtension(cert.get(), issuerCert, NID_key_usage, "critical,digitalSignature");
        ok = ok && addExtension(cert.get(), issuerCert, NID_ext_key_usage, "serverAuth");
        QStringList san;
        for (const QString &d : dnsNames)
            san << u"DNS:"_s + d;
        for (const QHostAddress &a : addresses)
            san << u"IP:"_s + a.toString();
        if (!san.isEmpty())
            ok = ok && addExtension(cert.get(), issuerCert, NID_subject_alt_name, san.join(u',').toLatin1());
    }
    ok = ok && addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (caCert)
        ok = ok && addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    if (!ok || X509_sign(cert.get(), caKey ? caKey.get() : key.get(), EVP_sha256()) == 0) {
        *error = u"cannot build or sign the certificate"_s;
        return false;
    }
    BioPtr cbio(BIO_new(BIO_s_mem()));
    BioPtr kbio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(cbio.get(), cert.get());
    PEM_write_bio_PrivateKey(kbio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    *certPem = bioBytes(cbio.get());
    *keyPem = bioBytes(kbio.get());
    return true;
}

bool parsePem(const QByteArray &certificatePem, const QByteArray &keyPem, Identity *out, QString *error)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = u"no PEM certificate found"_s;
        return false;
    }
    QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        *error = u"no PEM EC or RSA private key found"_s;
        return false;
    }
    {
        BioPtr cb(BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
        BioPtr kb(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
        X509Ptr x(PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr));
        PKeyPtr k(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
        if (!x || !k || X509_check_private_key(x.get(), k.get()) != 1) {
            *error = u"the private key does not match the certificate"_s;
            return false;
        }
    }
    out->certificate = chain.first();
    out->chain = chain.mid(1);
    out->key = key;
    return true;
}

bool loadFiles(const QString &certificatePath, const QString &keyPath, Identity *out, QString *error)
{
    const QByteArray cert = readFile(certificatePath);
    const QByteArray key = readFile(keyPath);
    if (cert.isEmpty() || key.isEmpty()) {
        *error = u"cannot read %1 or %2"_s.arg(certificatePath, keyPath);
        return false;
    }
    if (!parsePem(cert, key, out, error)) {
        *error = certificatePath + u": "_s + *error;
        return false;
    }
    out->certificatePath = certificatePath;
    out->caPath.clear();
    return true;
}

bool ensureGenerated(const QString &directory, const QStringList &dnsNames, const QList<QHostAddress> &addresses,
                     Identity *out, QString *error)
{
    QDir().mkpath(directory);
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString caPath = directory + u"/ca.pem"_s;
    const QString caKeyPath = directory + u"/ca-key.pem"_s;
    const QString certPath = directory + u"/server.pem"_s;
    const QString keyPath = directory + u"/server-key.pem"_s;
    QByteArray caPem = readFile(caPath);
    QByteArray caKeyPem = readFile(caKeyPath);
    if (caPem.isEmpty() || caKeyPem.isEmpty()) {
        if (!issue({}, {}, true, 3650, {}, {}, &caPem, &caKeyPem, error))
            return false;
        if (!atomicfile::write(caKeyPath, caKeyPem, error, atomicfile::Backup::None, 0600)
            || !atomicfile::write(caPath, caPem, error, atomicfile::Backup::None, 0644))
            return false;
        qCInfo(lcRedfish).noquote() << "created the Redfish CA" << caPath;
    }
    Identity current;
    QString why;
    const bool have = loadFiles(certPath, keyPath, &current, &why);
    const bool fresh = have && current.certificate.expiryDate() > QDateTime::currentDateTimeUtc().addDays(30)
        && covers(current.certificate, dnsNames, addresses);
    if (!fresh) {
        QByteArray certPem;
        QByteArray keyPem;
        if (!issue(dnsNames, addresses, false, 730, caPem, caKeyPem, &certPem, &keyPem, error))
            return false;
        if (!atomicfile::write(keyPath, keyPem, error, atomicfile::Backup::None, 0600)
            || !atomicfile::write(certPath, certPem + caPem, error, atomicfile::Backup::None, 0644))
            return false;
        QStringList names = dnsNames;
        for (const QHostAddress &a : addresses)
            names << a.toString();
        qCInfo(lcRedfish).noquote() << "issued the Redfish server certificate for" << names.join(u", ");
        if (!loadFiles(certPath, keyPath, &current, error))
            return false;
    }
    current.caPath = caPath;
    *out = current;
    return true;
}

} // namespace redfish::tls
