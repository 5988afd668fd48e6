#include "traycontroller.h"

#include "labfacade.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>
#include <QWindow>

namespace {

// 0 = all running, 1 = some stopped, 2 = a service failed.
QIcon statusIcon(int level)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor(0x30, 0x31, 0x34));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2);
        // Three "boards" of a rack.
        p.setBrush(QColor(0xe8, 0xea, 0xed));
        for (int i = 0; i < 3; ++i)
            p.drawRect(QRectF(size * 0.18, size * (0.2 + i * 0.22), size * 0.5, size * 0.14));
        const QColor dot = level == 0 ? QColor(0x1e, 0x8e, 0x3e) : level == 1 ? QColor(0xf9, 0xab, 0x00) : QColor(0xd9, 0x30, 0x25);
        p.setBrush(dot);
        p.drawEllipse(QRectF(size * 0.62, size * 0.62, size * 0.34, size * 0.34));
        icon.addPixmap(pm);
    }
    return icon;
}

} // namespace

TrayController::TrayController(LabFacade *lab, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
{
    m_show = m_menu.addAction(QString());
    connect(m_show, &QAction::triggered, this, &TrayController::showWindow);
    m_menu.addSeparator();
    m_status = m_menu.addAction(QString());
    m_status->setEnabled(false);
    m_devices = m_menu.addAction(QString());
    m_devices->setEnabled(false);
    m_menu.addSeparator();
    m_startAll = m_menu.addAction(QString());
    connect(m_startAll, &QAction::triggered, lab, &LabFacade::startAllServices);
    m_stopAll = m_menu.addAction(QString());
    connect(m_stopAll, &QAction::triggered, lab, &LabFacade::stopAllServices);
    m_menu.addSeparator();
    m_quit = m_menu.addAction(QString());
    connect(m_quit, &QAction::triggered, qApp, &QCoreApplication::quit);
    m_menu.installEventFilter(this);
    retranslate();
    m_icon.setContextMenu(&m_menu);
    connect(&m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });

    // Status follows the models, at most once a second (a booting fleet changes often).
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(1000);
    connect(&m_throttle, &QTimer::timeout, this, &TrayController::update);
    auto later = [this] {
        if (!m_throttle.isActive())
            m_throttle.start();
    };
    connect(lab->services(), &QAbstractItemModel::dataChanged, this, later);
    connect(lab->services(), &ServiceListModel::runningCountChanged, this, later);
    connect(lab->devices(), &QAbstractItemModel::dataChanged, this, later);
    connect(lab->devices(), &DeviceListModel::countChanged, this, later);
    connect(lab, &LabFacade::nameChanged, this, later);
    update();
    m_icon.show();
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_menu && event->type() == QEvent::LanguageChange) {
        retranslate();
        update();
    }
    return QObject::eventFilter(watched, event);
}

void TrayController::retranslate()
{
    m_show->setText(tr("Show Metal Boot"));
    m_startAll->setText(tr("Start all services"));
    m_stopAll->setText(tr("Stop all services"));
    m_quit->setText(tr("Quit"));
}

void TrayController::update()
{
    const ServiceListModel *services = m_lab->services();
    int available = 0;
    int running = 0;
    bool failed = false;
    for (int i = 0; i < services->rowCount(); ++i) {
        const QModelIndex idx = services->index(i);
        if (!idx.data(ServiceListModel::AvailableRole).toBool() || !idx.data(ServiceListModel::EnabledRole).toBool())
            continue;
        ++available;
        const QString state = idx.data(ServiceListModel::StateRole).toString();
        running += state == QLatin1String("running") ? 1 : 0;
        failed = failed || state == QLatin1String("failed");
    }
    const DeviceListModel *devices = m_lab->devices();
    int up = 0;
    for (int i = 0; i < devices->rowCount(); ++i)
        up += devices->index(i).data(DeviceListModel::StageRole).toString() == QLatin1String("os-up") ? 1 : 0;

    const int level = failed ? 2 : running < available ? 1 : 0;
    if (level != m_lastColour) {
        m_icon.setIcon(statusIcon(level));
        m_lastColour = level;
    }
    m_status->setText(tr("%1 of %2 services running").arg(running).arg(available));
    m_devices->setText(tr("%1 of %n device(s) up", "", devices->rowCount()).arg(up));
    m_icon.setToolTip(tr("Metal Boot — %1\n%2\n%3").arg(m_lab->name(), m_status->text(), m_devices->text()));
}

void TrayController::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}
