#pragma once

#include "devices/bootstage.h"
#include "linksocket.h"
#include "piconfigtxt.h"
#include "tftpfetch.h"
#include "virtualpipackets.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <functional>
#include <memory>

class DhcpTransaction;
class HttpFetch;
class IpxeScriptRunner;
class QTimer;

// A Raspberry Pi 4 in software that network-boots against real servers with real packets:
//   bootloader  DHCP DISCOVER/REQUEST (reference 1.1), TFTP existence probes of <serial>/start4.elf
//               in parallel, config.txt, start_file, fixup_file (tsize 0 blksize 1024, no rollover)
//   firmware    start4.elf's own fetches: config.txt, initramfs, device tree, overlays, cmdline,
//               armstub (RPI_EFI.fd) or the kernel (native boot)
//   uefi        RPI_EFI.fd parsed with the UEFI engine: BootNext / BootOrder decide; PXE: arch-11
//               DISCOVER, port-4011 REQUEST after a proxy offer, TFTP size probe then windowed read
//   ipxe        DISCOVER with user class + option 175, ProxyDHCP REQUEST, HTTP script run by
//               IpxeScriptRunner (kernel, initrd, chain, sleep, exit -> next boot option)
//   os          the kernel's log over netconsole when its command line has netconsole= (a real
//               kernel does exactly that), ending with systemd's "Reached target Multi-User System".
// Everything it fetches is checked (StandInFile::Verifier, FDT, PE/arm64, the UEFI variable
// store); a failing step stops the boot with the step named. powerOff() stops everything at once,
// mid-transfer, without a goodbye (servers must time out and reap). Lives on its owner's thread.
class VirtualPi : public QObject
{
    Q_OBJECT
public:
    enum class Stage { Off, PoweringOn, BootloaderDhcp, BootloaderTftp, Firmware, Uefi, Ipxe, OsLoading, OsBooting, OsUp, Failed };
    Q_ENUM(Stage)

    struct Config
    {
        vpi::Identity identity;
        QString model = QStringLiteral("pi4");
        QString name;
        QHostAddress address;                         // its own address (127.77.x.y in the virtual lab)
        QHostAddress dhcpServer = QHostAddress(QHostAddress::LocalHost);
        quint16 dhcpPort = 67;
        quint16 proxyPort = 4011;                     // PXE boot server (4011)
        quint16 tftpPort = 69;
        // The network hands out the address (a proxy-only lab: the virtual lab plays the router);
        // false = wait for an OFFER with an address (a full DHCP server).
        bool addressFromNetwork = true;
        QByteArray ipxeUserClass = QByteArrayLiteral("iPXE");
        QString tftpPrefix;                           // TFTP_PREFIX directory ("6b1d0001/"); empty = the serial
        LinkFaults faults;
        // Timing: the EEPROM and firmware defaults; tests shorten them.
        int powerOnDelayMs = 1000;                    // EEPROM start until the first DISCOVER
        int dhcpRetransmitMs = 4000;                  // DHCP_REQ_TIMEOUT
        int dhcpTimeoutMs = 45000;                    // DHCP_TIMEOUT
        int tftpRetransmitMs = 1000;
        int tftpFileTimeoutMs = 30000;                // TFTP_FILE_TIMEOUT
        int httpTimeoutMs = 60000;
        int osBootMs = 1500;                          // kernel start until multi-user
        double sleepScale = 1.0;                      // iPXE `sleep` (0 = don't wait)
        int uefiBlockSize = 1468;
        int uefiWindowSize = 4;
    };

    struct TimelineEntry
    {
        qint64 ms = 0;                                // since power-on
        Stage stage = Stage::Off;
        QString detail;
    };
    struct FileRecord
    {
        QString via;                                  // "tftp", "http"
        QString name;                                 // as requested
        qint64 bytes = 0;
        bool probe = false;
        bool ok = false;
        QString note;
    };

    explicit VirtualPi(const Config &config, QObject *parent = nullptr);
    ~VirtualPi() override;

    [[nodiscard]] const Config &config() const { return m_config; }
    // New settings (addresses, ports, faults) take effect at the next power-on.
    void setConfig(const Config &config) { m_config = config; }
    [[nodiscard]] MacAddress mac() const { return m_config.identity.mac; }
    [[nodiscard]] Stage stage() const { return m_stage; }
    [[nodiscard]] bool isPowered() const { return m_stage != Stage::Off; }
    [[nodiscard]] QString failedStep() const { return m_failedStep; }
    [[nodiscard]] QString failure() const { return m_failure; }
    [[nodiscard]] const QList<TimelineEntry> &timeline() const { return m_timeline; }
    [[nodiscard]] const QList<FileRecord> &files() const { return m_files; }
    [[nodiscard]] QStringList consoleLines() const { return m_consoleLines; }
    [[nodiscard]] QString kernelCommandLine() const { return m_kernelArgs; }
    [[nodiscard]] QHostAddress currentAddress() const { return m_ip; }
    [[nodiscard]] int bootCount() const { return m_boots; }
    [[nodiscard]] qint64 msSincePowerOn() const { return m_clock.isValid() ? m_clock.elapsed() : -1; }
    // DHCP replies that reached the Pi through a shared client-port listener (broadcast replies).
    void deliverDhcp(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    // Active sockets of the Pi (tests: nothing is left after power-off).
    [[nodiscard]] int activeTransfers() const;

    static QString stageName(Stage stage);
    static BootStage bootStage(Stage stage);

public Q_SLOTS:
    void powerOn();
    void powerOff();
    void reboot();                                    // reset: as power-cycling, without the off time

Q_SIGNALS:
    void stageChanged(VirtualPi::Stage stage, const QString &detail);
    void failed(const QString &step, const QString &reason);
    void osUp();
    void fileTransferred(const QString &via, const QString &name, qint64 bytes);

private:
    using TftpDone = std::function<void(const TftpFetch::Result &)>;
    struct BootOption
    {
        quint16 number = 0;
        QString description;
        int kind = 0;                                 // efi::BootKind
    };

    void setStage(Stage stage, const QString &detail = {});
    void fail(const QString &step, const QString &reason);
    void clearActivity();
    [[nodiscard]] bool alive(quint64 generation) const { return generation == m_generation && m_stage != Stage::Off; }
    quint32 newXid();

    // DHCP
    void dhcp(const QString &step, const QByteArray &packet, quint32 xid, quint16 port, const QHostAddress &server,
              const QList<int> &retransmit, int timeoutMs, const std::function<bool(const vpi::Reply &)> &accept,
              const std::function<void(bool)> &done);
    // TFTP: a fetch under the Pi's rules (bootloader/GPU) or EDK2's (uefi = true).
    void tftp(const QString &file, TftpFetch::Mode mode, bool keepData, const TftpDone &done, bool uefi = false);
    void recordTftp(const QString &file, const TftpFetch::Result &r, bool probe);

    // Stages.
    void bootloaderDhcp();
    void bootloaderRequest();
    void bootloaderProbe();
    void bootloaderFiles();
    void loadVerified(const QString &step, const QString &file, bool required, const std::function<void(bool found)> &next);
    void firmwareStage();
    void firmwareStep(int index);
    void loadOverlay(int index, const std::function<void()> &next);
    void uefiStart(const QByteArray &image);
    void uefiNextOption();
    void uefiPxe();
    void uefiPxeRequest();
    void uefiBootFile();
    void ipxeStart();
    void ipxeRequest();
    void ipxeScript(const QUrl &url, int depth);
    void ipxeStep();
    void osBoot(const QString &args, const QString &kernel);
    void osLog();

    Config m_config;
    QRandomGenerator m_random;
    Stage m_stage = Stage::Off;
    quint64 m_generation = 0;
    QElapsedTimer m_clock;
    QList<TimelineEntry> m_timeline;
    QList<FileRecord> m_files;
    QStringList m_consoleLines;
    QString m_failedStep;
    QString m_failure;
    int m_boots = 0;

    // Live activity (aborted by powerOff).
    QList<QPointer<TftpFetch>> m_tftp;
    QList<QPointer<HttpFetch>> m_http;
    QPointer<DhcpTransaction> m_dhcp;
    QTimer *m_timer;                                  // power-on delay, iPXE sleep, OS boot
    LinkSocket *m_console = nullptr;

    // Boot state.
    QHostAddress m_ip;
    QHostAddress m_tftpServer;
    quint32 m_xid = 0;
    vpi::Reply m_bootOffer;
    vpi::Reply m_addressOffer;
    QString m_prefix;                                 // "6b1d0001/" or "" after dropping it
    PiConfigTxt m_piConfig;
    QByteArray m_armstub;
    QString m_cmdline;
    QList<std::function<void(std::function<void()>)>> m_firmwareSteps;
    QList<BootOption> m_bootOptions;
    int m_bootOptionIndex = -1;
    QString m_bootFile;
    std::unique_ptr<IpxeScriptRunner> m_ipxe;
    QUrl m_scriptUrl;
    int m_chainDepth = 0;
    bool m_kernelLoaded = false;
    QString m_kernelArgs;
    QString m_kernelName;
    int m_osLine = 0;
};

Q_DECLARE_METATYPE(VirtualPi::Stage)
