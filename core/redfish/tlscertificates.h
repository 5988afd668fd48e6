#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

// The Redfish service's TLS identity. On first start a per-install CA (EC P-256, 10 years) is
// created in <config>/redfish/, and a server certificate (X.509 v3, SAN = the host names and
// addresses served, 2 years) is issued from it; clients such as Ironic trust ca.pem
// (redfish_verify_ca=<config>/redfish/ca.pem). The server certificate is re-issued when the
// served names change or it nears expiry. Keys are written 0600. A user-provided certificate and
// key (lab.yaml services.redfish.certificate/private_key) replace all of this.
namespace redfish::tls {

struct Identity
{
    QSslCertificate certificate;
    QList<QSslCertificate> chain;   // intermediates/CA sent after the leaf
    QSslKey key;
    QString certificatePath;        // for the CertificateService and the UI
    QString caPath;                 // empty for user-provided certificates
};

// The names a certificate for `address` should carry: "localhost", the host name, and either the
// address itself or, for 0.0.0.0/::, every local address.
void subjectNames(const QHostAddress &address, QStringList *dnsNames, QList<QHostAddress> *addresses);

// Loads or (re)creates the generated identity in `directory`.
bool ensureGenerated(const QString &directory, const QStringList &dnsNames, const QList<QHostAddress> &addresses,
                     Identity *out, QString *error);
// Loads a user-provided PEM certificate (chain) and key.
bool loadFiles(const QString &certificatePath, const QString &keyPath, Identity *out, QString *error);
// Validates a PEM certificate+key pair (ReplaceCertificate) without touching disk.
bool parsePem(const QByteArray &certificatePem, const QByteArray &keyPem, Identity *out, QString *error);

// Issues a certificate signed by (caCert, caKey), or self-signed when they are null. PEM out.
bool issue(const QStringList &dnsNames, const QList<QHostAddress> &addresses, bool isCa, int days,
           const QByteArray &caCertPem, const QByteArray &caKeyPem, QByteArray *certPem, QByteArray *keyPem,
           QString *error);

} // namespace redfish::tls
