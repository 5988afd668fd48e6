#include "serialconsole.h"

#include "common/logging.h"

SerialConsole::SerialConsole(const MacAddress &mac, const QString &portPath, int baud, QObject *parent)
    : QObject(parent)
    , m_mac(mac)
    , m_path(portPath)
    , m_baud(baud)
{
    m_retry.setInterval(RetryMs);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SerialConsole::tryOpen);
    m_partial.setInterval(PartialLineMs);
    m_partial.setSingleShot(true);
    connect(&m_partial, &QTimer::timeout, this, [this] {
        const QStringList lines = m_lines.flush();
        if (!lines.isEmpty())
            Q_EMIT linesReceived(lines);
    });
    connect(&m_port, &QSerialPort::readyRead, this, &SerialConsole::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialConsole::onError);
}

SerialConsole::~SerialConsole()
{
    stop();
}

void SerialConsole::start()
{
    m_running = true;
    tryOpen();
}

void SerialConsole::stop()
{
    m_running = false;
    m_retry.stop();
    m_partial.stop();
    if (m_port.isOpen())
        m_port.close();
}

void SerialConsole::tryOpen()
{
    if (!m_running || m_port.isOpen())
        return;
    m_port.setPortName(m_path);
    if (!m_port.open(QIODevice::ReadWrite)) {
        const QString why = m_port.errorString();
        if (why != m_error) {
            qCWarning(lcConsole).noquote() << "serial console" << m_path << "for" << m_mac.toString()
                                           << "not available:" << why << "(retrying)";
            m_error = why;
            Q_EMIT stateChanged(false, m_error);
        }
        m_retry.start();
        return;
    }
    // 8N1, no flow control: the Pi's UART (mini UART or PL011) at the configured rate.
    const bool ok = m_port.setBaudRate(m_baud) && m_port.setDataBits(QSerialPort::Data8)
        && m_port.setParity(QSerialPort::NoParity) && m_port.setStopBits(QSerialPort::OneStop)
        && m_port.setFlowControl(QSerialPort::NoFlowControl);
    if (!ok) {
        m_error = QStringLiteral("cannot configure %1 for %2 8N1: %3").arg(m_path).arg(m_baud).arg(m_port.errorString());
        qCWarning(lcConsole).noquote() << m_error;
        m_port.close();
        Q_EMIT stateChanged(false, m_error);
        m_retry.start();
        return;
    }
    m_error.clear();
    qCInfo(lcConsole).noquote() << "serial console" << m_path << "open at" << m_baud << "8N1 for" << m_mac.toString();
    Q_EMIT stateChanged(true, QString());
}

void SerialConsole::onReadyRead()
{
    // Bounded reads: at most 64 KiB per notification.
    const QByteArray bytes = m_port.read(64 * 1024);
    if (bytes.isEmpty())
        return;
    Q_EMIT bytesReceived(bytes);
    const QStringList lines = m_lines.feed(bytes);
    if (!lines.isEmpty())
        Q_EMIT linesReceived(lines);
    if (m_lines.hasPartial())
        m_partial.start();
    if (m_port.bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &SerialConsole::onReadyRead, Qt::QueuedConnection);
}

void SerialConsole::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError)
        return;
    if (!m_port.isOpen())
        return;   // open() failures are handled in tryOpen()
    m_error = m_port.errorString();
    qCWarning(lcConsole).noquote() << "serial console" << m_path << "lost:" << m_error;
    m_port.close();
    Q_EMIT stateChanged(false, m_error);
    if (m_running)
        m_retry.start();
}

bool SerialConsole::write(const QByteArray &bytes, QString *error)
{
    if (!m_port.isOpen()) {
        if (error)
            *error = QStringLiteral("serial console %1 is not open%2")
                         .arg(m_path, m_error.isEmpty() ? QString() : QStringLiteral(": ") + m_error);
        return false;
    }
    if (m_port.write(bytes) != bytes.size()) {
        if (error)
            *error = m_port.errorString();
        return false;
    }
    return true;
}
