#pragma once

#include <QMenu>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWindow>

class LabFacade;

// The system tray icon (only where a tray exists): the lab's status at a glance (icon colour,
// tooltip, menu lines) and quick actions: show the window, start/stop the services, quit.
// With "keep serving in the tray" on, closing the window leaves the lab running here.
class TrayController : public QObject
{
    Q_OBJECT
public:
    TrayController(LabFacade *lab, QObject *parent = nullptr);

    static bool isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }
    void setWindow(QWindow *window) { m_window = window; }

protected:
    // The menu gets QEvent::LanguageChange when the user interface language is switched.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void update();
    void showWindow();

    LabFacade *m_lab;
    QPointer<QWindow> m_window;
    QSystemTrayIcon m_icon;
    QMenu m_menu;
    QAction *m_show = nullptr;
    QAction *m_startAll = nullptr;
    QAction *m_stopAll = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_status = nullptr;
    QAction *m_devices = nullptr;
    QTimer m_throttle;
    int m_lastColour = -1;
};
