#pragma once

#include "common/macaddress.h"
#include "lineassembler.h"

#include <QObject>
#include <QSerialPort>
#include <QTimer>

// A USB-UART attached device console (e.g. /dev/serial/by-id/usb-FTDI_…, 115200 8N1, no flow
// control). Reopens the port every RetryMs while it is missing (adapter unplugged). Raw bytes
// go to interactive views, assembled lines to the console stream.
class SerialConsole : public QObject
{
    Q_OBJECT
public:
    static constexpr int RetryMs = 2000;
    static constexpr int PartialLineMs = 500;

    SerialConsole(const MacAddress &mac, const QString &portPath, int baud, QObject *parent = nullptr);
    ~SerialConsole() override;

    void start();
    void stop();
    [[nodiscard]] bool isOpen() const { return m_port.isOpen(); }
    [[nodiscard]] QString portPath() const { return m_path; }
    [[nodiscard]] int baud() const { return m_baud; }
    [[nodiscard]] MacAddress mac() const { return m_mac; }
    [[nodiscard]] QString errorString() const { return m_error; }
    // Sends keystrokes to the device; false (with *error) when the port is not open.
    bool write(const QByteArray &bytes, QString *error);

Q_SIGNALS:
    void bytesReceived(const QByteArray &bytes);
    void linesReceived(const QStringList &lines);
    void stateChanged(bool open, const QString &error);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);

    MacAddress m_mac;
    QString m_path;
    int m_baud;
    QSerialPort m_port{this};
    LineAssembler m_lines;
    QTimer m_retry{this};
    QTimer m_partial{this};
    QString m_error;
    bool m_running = false;
};
