#pragma once
// Helpers shared by the PoE driver tests: a throwaway self-signed certificate (OpenSSL) for
// HTTPS fakes, and an HttpServer on 127.0.0.1:<ephemeral>.

#include "http/httpserver.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace poetest {

struct SelfSignedCert
{
    QSslCertificate certificate;
    QSslKey key;
    QString certificateFile;   // PEM, for options.ca
};

inline QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}

// EC P-256, CN=localhost, SAN IP:127.0.0.1 + DNS:localhost, valid for a day.
inline SelfSignedCert makeCertificate(const QString &dir)
{
    SelfSignedCert out;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> x(X509_new(), X509_free);
    if (!pkey || !x)
        return out;
    X509_set_version(x.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x.get()), long(QDateTime::currentMSecsSinceEpoch() & 0x7fffffff));
    X509_gmtime_adj(X509_getm_notBefore(x.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(x.get()), 86400);
    X509_set_pubkey(x.get(), pkey.get());
    X509_NAME *name = X509_get_subject_name(x.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("localhost"), -1, -1, 0);
    X509_set_issuer_name(x.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x.get(), x.get(), nullptr, nullptr, 0);
    for (const auto &ext : {std::pair<int, const char *>{NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                            std::pair<int, const char *>{NID_basic_constraints, "critical,CA:TRUE"},
                            std::pair<int, const char *>{NID_key_usage, "critical,digitalSignature,keyCertSign"}}) {
        X509_EXTENSION *e = X509V3_EXT_conf_nid(nullptr, &ctx, ext.first, ext.second);
        X509_add_ext(x.get(), e, -1);
        X509_EXTENSION_free(e);
    }
    X509_sign(x.get(), pkey.get(), EVP_sha256());
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new(BIO_s_mem()), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_X509(certBio.get(), x.get());
    PEM_write_bio_PrivateKey(keyBio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    const QByteArray certPem = bioBytes(certBio.get());
    out.certificate = QSslCertificate(certPem, QSsl::Pem);
    out.key = QSslKey(bioBytes(keyBio.get()), QSsl::Ec, QSsl::Pem);
    out.certificateFile = QDir(dir).filePath(QStringLiteral("fake-controller.pem"));
    QFile f(out.certificateFile);
    if (f.open(QIODevice::WriteOnly))
        f.write(certPem);
    return out;
}

// Listens on 127.0.0.1:0 (TLS when a certificate is given). Returns the port, 0 on failure.
inline quint16 listen(HttpServer &server, const SelfSignedCert *tls = nullptr)
{
    if (tls) {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setLocalCertificate(tls->certificate);
        c.setPrivateKey(tls->key);
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
        server.setTlsConfiguration(c);
    }
    QString error;
    if (!server.listenOn(QHostAddress::LocalHost, 0, &error))
        return 0;
    return server.serverPort();
}

inline QByteArray cookieValue(const HttpRequest &request, const QByteArray &name)
{
    for (const QByteArray &part : request.header("cookie").split(';')) {
        const QByteArray kv = part.trimmed();
        if (kv.startsWith(QByteArray(name + '=')))
            return kv.mid(name.size() + 1);
    }
    return {};
}

} // namespace poetest
