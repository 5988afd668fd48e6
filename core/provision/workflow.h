#pragma once

#include "config/configerror.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A provisioning workflow: one YAML file in the workflows folder (<config>/workflows/*.yaml),
// the pureboot seed's format. Three install methods:
//
//   id: pi-ubuntu-server               # [a-z0-9][a-z0-9._-]*, unique
//   name: Ubuntu 24.04 Server ARM64
//   arch: aarch64                      # optional: aarch64 | x86_64
//   install_method: image              # image | nfs | script
//   image_url: http://server/images/ubuntu-arm64.img.xz     (or /images/... on our HTTP service)
//   image_checksum: sha256:<64 hex>    # optional
//   target_device: /dev/mmcblk0
//   post_install:                      # optional: step names or {script, args}
//     - resize_rootfs
//     - script: install-k3s-agent.sh
//       args: "--server https://k3s:6443"
//
//   install_method: nfs                # diskless: per-node overlay below nfs_base_path
//   nfs_server: 192.168.1.10
//   nfs_base_path: /nfsroot            # base images in <base>/base/<nfs_image>, nodes in <base>/nodes/<serial>
//   nfs_image: ubuntu-arm64
//   nfs_clients: 192.168.1.0/24        # who may mount (exports line); default: the node's address
//   kernel: nfs/vmlinuz-6.6            # kernel (and initrd) the NFS root boots, below the TFTP root
//
//   install_method: script
//   script_url: http://server/scripts/raspios-installer.sh
//   script_args: "--hostname {name}"
//
// Common optional keys: description, cmdline (extra kernel arguments), config_txt (extra
// config.txt lines). Everything that ends up on a kernel command line is checked to be one
// argument (printable, no spaces or quotes).
namespace provision {

enum class InstallMethod { Image, Nfs, Script };
QString installMethodName(InstallMethod method);

struct PostInstallStep
{
    QString name;            // a named step the deploy agent knows ("resize_rootfs")
    QString script;          // or a script (file name or URL) ...
    QString args;            // ... with arguments
};

struct Workflow
{
    QString id;
    QString name;
    QString description;
    QString arch;                                    // empty = any
    InstallMethod method = InstallMethod::Image;
    QString imageUrl;
    QString imageChecksum;                           // "sha256:<hex>" or empty
    QString targetDevice = QStringLiteral("/dev/mmcblk0");
    QList<PostInstallStep> postInstall;
    QString nfsServer;
    QString nfsBasePath = QStringLiteral("/nfsroot");
    QString nfsImage;
    QString nfsClients;
    QString nfsOptions = QStringLiteral("rw,sync,no_subtree_check,no_root_squash");
    QString scriptUrl;
    QString scriptArgs;
    QString kernel;                                  // below the TFTP root
    QString initrd;
    QString cmdline;                                 // extra kernel arguments
    QStringList configTxt;                           // extra config.txt lines
    QString sourceFile;

    [[nodiscard]] QJsonObject toJson() const;
    // Whether the workflow suits a device of this architecture ("aarch64"); empty = unknown.
    [[nodiscard]] bool fitsArch(const QString &deviceArch) const;
};

struct WorkflowParseResult
{
    std::optional<Workflow> workflow;
    ConfigErrors errors;
};

// Parses one workflow file; errors are located file:line:column like lab.yaml's.
WorkflowParseResult parseWorkflow(const QByteArray &yaml, const QString &fileName);

// Largest workflow file accepted.
constexpr qint64 MaxWorkflowFileSize = 256 * 1024;

// A single kernel-command-line argument value: printable ASCII, no spaces, no quotes.
bool isCmdlineValue(const QString &value, int maxLength = 1024);

// NFS diskless helpers (Workflow::method == Nfs).
QString nfsNodePath(const Workflow &workflow, const QString &serial);     // <base>/nodes/<serial>
QString nfsBaseImagePath(const Workflow &workflow);                       // <base>/base/<image>
// The /etc/exports line to add for this node: restricted to `nodeIp` when known, else to
// nfs_clients. Empty and *error set when neither is known.
QString nfsExportsLine(const Workflow &workflow, const QString &serial, const QHostAddress &nodeIp, QString *error);

} // namespace provision
