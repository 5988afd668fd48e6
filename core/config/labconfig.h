#pragma once

#include "common/macaddress.h"

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

// Plain data describing one lab, as read from lab.yaml. Every section has its own parser
// (config/*parser.cpp) and its own writer; services receive only their own section.
// Defaults here are the *safe* defaults: loopback, unprivileged ports.

struct ListenConfig
{
    bool enabled = true;
    QString interface;                                   // empty = by address only
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;
};

enum class DhcpMode { Proxy, Full };

struct DhcpPoolConfig
{
    QHostAddress rangeStart;
    QHostAddress rangeEnd;
    QHostAddress netmask;
    QHostAddress router;
    QList<QHostAddress> dnsServers;
    QList<QHostAddress> ntpServers;
    QString domain;
    QStringList searchDomains;                           // option 119
    int leaseSeconds = 3600;
    QString leaseFile;                                   // empty = <data>/dhcp.leases
};

struct DhcpConfig : ListenConfig
{
    DhcpConfig() { port = 1067; }
    DhcpMode mode = DhcpMode::Proxy;
    quint16 proxyPort = 4011;                            // PXE boot server discovery (unicast)
    // Loopback/virtual labs: answer to the sender's address and port instead of broadcasting.
    bool replyToSource = false;
    // Client architecture (option 93) name -> boot file.
    QMap<QString, QString> bootFiles;
    QStringList piMacPrefixes;                           // "dc:a6:32" ...
    QString ipxeUserClass = QStringLiteral("iPXE");      // option 77 value that marks our iPXE
    DhcpPoolConfig pool;                                 // full mode only
};

enum class PiPrefixMode { Serial, Mac, Fixed };

struct TftpConfig : ListenConfig
{
    TftpConfig() { port = 1069; }
    QString root;                                        // empty = <data>/tftp
    int maxBlockSize = 1468;                             // cap for the blksize option
    int maxWindowSize = 64;                              // cap for the windowsize option
    int timeoutSeconds = 1;                              // initial retransmit timeout
    int maxRetries = 6;
    int maxSessionsPerClient = 32;
    int maxSessions = 1024;
    bool allowUploads = false;
    PiPrefixMode piPrefix = PiPrefixMode::Serial;
    QString piPrefixString;                              // for PiPrefixMode::Fixed
    QString piFirmwareDir;                               // shared Pi boot files; empty = <root>/rpi-firmware
    QString ipxeDir;                                     // iPXE binaries; empty = /usr/lib/ipxe
};

struct HttpConfig : ListenConfig
{
    HttpConfig() { port = 8080; }
    QString root;                                        // static files; empty = <data>/http
    QString publicUrl;                                   // what clients are told; empty = from address/port
    int maxConnections = 512;
    int maxConnectionsPerClient = 64;                    // per client address (slow-loris from one host)
    bool zeroCopy = true;                                // sendfile(2) for files on plain TCP (off: copy, like nginx "sendfile off")
};

struct RedfishConfig : ListenConfig
{
    RedfishConfig() { port = 8443; }
    bool tls = true;
    QString certificate;                                 // PEM; empty = generated in the config dir
    QString privateKey;
    bool allowBasicOverHttp = false;
    int sessionTimeoutSeconds = 1800;
};

struct ConsoleConfig : ListenConfig
{
    ConsoleConfig() { port = 6666; }
    quint16 syslogPort = 5514;
    // A console line matching one of these (regular expressions, case-insensitive) means the
    // device's operating system is up (journal os.up, stage os-up). See docs/lab.md.
    QStringList osUpPatterns = defaultOsUpPatterns();
    static QStringList defaultOsUpPatterns()
    {
        return {QStringLiteral("Reached target .*Multi-User System"), QStringLiteral("^\\S+ login: *$")};
    }
};

struct ServicesConfig
{
    DhcpConfig dhcp;
    TftpConfig tftp;
    HttpConfig http;
    RedfishConfig redfish;
    ConsoleConfig consoles;
};

struct PowerBinding
{
    QString switchId;
    QString port;                                        // driver-specific port name ("1", "ether5", "lan3")
    [[nodiscard]] bool isSet() const { return !switchId.isEmpty(); }
};

// Per-device netboot fields of the seed system's netboot.yaml.
struct OsieConfig
{
    QString kernel;
    QString initrd;
    QString cmdline;
};

enum class BootMode { Uefi, Native };

// Fault injection for a virtual Pi (lab.yaml `virtual: {packet_loss, delay_ms, corrupt, bad_file}`;
// `virtual: true` = no faults).
struct VirtualFaultsConfig
{
    double packetLossPercent = 0;                        // each UDP datagram, both directions
    int delayMs = 0;                                     // one-way latency per datagram / connection
    double corruptPercent = 0;                           // one byte flipped per affected datagram
    QString badFile;                                     // a stand-in served damaged: start4.elf, fixup4.dat, ...
    [[nodiscard]] bool any() const
    {
        return packetLossPercent > 0 || delayMs > 0 || corruptPercent > 0 || !badFile.isEmpty();
    }
};

struct DeviceConfig
{
    MacAddress mac;
    QString name;
    QString serial;                                      // Pi: 8 lower-case hex digits
    QString model;                                       // "pi4", "pi400", "cm4", "qemu-x86_64", ...
    QPointF position;                                    // fleet layout, grid units
    PowerBinding power;
    QString profile;                                     // firmware profile id
    BootMode bootMode = BootMode::Uefi;
    QHostAddress ip;                                     // reservation (full DHCP)
    // netboot.yaml fields
    bool allowPxe = true;
    QString console;
    QString facility;
    QString ipxeScript;
    QString ipxeScriptUrl;
    OsieConfig osie;
    bool isVirtual = false;                              // a virtual Pi of the demo lab
    VirtualFaultsConfig virtualFaults;                   // its injected faults
    // Consoles: add netconsole= to the kernel command line (opt-in), and a USB-UART adapter
    // (path like /dev/serial/by-id/..., 8N1) shown in the same console stream (lab.yaml:
    // netconsole: true, serial_console: {port, baud}).
    bool netconsole = false;
    QString serialPort;
    int serialBaud = 115200;
    // Per-device UEFI/Pi settings on top of the profile's (Redfish Bios, GUI form): name -> value.
    QMap<QString, QString> firmwareSettings;
};

struct SwitchConfig
{
    QString id;
    QString driver;                                      // simulated, snmp, unifi, mikrotik, openwrt, omada, command, qmp
    QString address;                                     // host, URL or socket path, per driver
    QString username;
    QString password;                                    // secrets never reach logs
    int ports = 0;                                       // simulated: number of ports
    int pollSeconds = 10;
    int cycleOffSeconds = 5;
    QStringList protectedPorts;                          // uplinks etc.; toggling needs an override
    QMap<QString, QString> options;                      // driver-specific settings, validated by the driver
};

struct ProfileConfig
{
    QString id;
    QString name;
    QString baseImage;                                   // .fd path; empty = engine-generated blank store
    QString variablesJson;                               // virt-fw-vars JSON applied on top
    QStringList bootOrder;                               // "0003", "0001", ...
    QMap<QString, QString> settings;                     // Pi settings by name (CpuClock: "2")
    QString bootFilesDir;                                // imported pftf release files
};

// The Talos image cache (/images/talos/...): schematics at an image factory, images cached
// on disk with least-recently-used eviction.
struct TalosConfig
{
    QString factoryUrl;                                  // empty = Talos images disabled
    QString cacheDir;                                    // empty = <data>/images/talos
    qint64 cacheSizeMiB = 20480;
    int timeoutSeconds = 120;                            // upstream inactivity timeout
};

// Device lifecycle, workflows and deploy environments (core/provision).
struct ProvisioningConfig
{
    QString workflowsDir;                                // empty = <config>/workflows
    QString deployDir;                                   // Pi deploy environment; empty = <data>/deploy-arm64
    QString deployKernel = QStringLiteral("kernel8.img");
    QString deployInitrd = QStringLiteral("initramfs.img");
    QString ipaKernel = QStringLiteral("ironic-python-agent.kernel");
    QString ipaRamdisk = QStringLiteral("ironic-python-agent.initramfs");
    bool autoRegister = true;                            // unknown Pis may register themselves
    int maxDiscovered = 256;                             // cap on self-registered, unadopted devices
    TalosConfig talos;
};

struct LabConfig
{
    QString sourceFile;                                  // where it was read from (not serialised)
    QString name = QStringLiteral("Lab");
    ServicesConfig services;
    QList<DeviceConfig> devices;                         // ordered as in the file
    QList<SwitchConfig> switches;
    QList<ProfileConfig> profiles;
    ProvisioningConfig provisioning;

    [[nodiscard]] const DeviceConfig *device(const MacAddress &mac) const;
    [[nodiscard]] DeviceConfig *device(const MacAddress &mac);
    [[nodiscard]] const SwitchConfig *switchById(const QString &id) const;
    [[nodiscard]] const ProfileConfig *profile(const QString &id) const;
};

Q_DECLARE_METATYPE(LabConfig)
Q_DECLARE_METATYPE(DeviceConfig)
