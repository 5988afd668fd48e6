#include "setupwizard.h"

#include <QPointer>
#include <QThreadPool>

SetupWizard::SetupWizard(QObject *parent)
    : QObject(parent)
{
    // Interfaces that appear/disappear while the wizard is open shift rows: keep the choice by name.
    connect(&m_interfaces, &QAbstractItemModel::modelReset, this, [this] {
        if (m_selected >= 0 && m_plan.interfaceName.size()) {
            for (int i = 0; i < m_interfaces.count(); ++i)
                if (m_interfaces.at(i)->name == m_plan.interfaceName) {
                    m_selected = i;
                    Q_EMIT selectionChanged();
                    return;
                }
            m_selected = -1;
            m_plan = {};
            Q_EMIT selectionChanged();
            Q_EMIT planChanged();
        }
    });
}

QString SetupWizard::selectedName() const
{
    const auto *i = m_interfaces.at(m_selected);
    return i ? i->name : QString();
}

QString SetupWizard::selectedWarning() const
{
    const auto *i = m_interfaces.at(m_selected);
    return i ? setupplan::warning(*i) : QString();
}

void SetupWizard::setSelectedIndex(int index)
{
    const auto *i = m_interfaces.at(index);
    if (!i)
        index = -1;
    if (index == m_selected)
        return;
    m_selected = index;
    m_recommendation = i ? setupplan::recommend(*i, m_seen) : setupplan::Recommendation{};
    m_plan = i ? setupplan::propose(*i, m_recommendation.mode == setupplan::Mode::None ? setupplan::Mode::Proxy
                                                                                     : m_recommendation.mode)
               : setupplan::Plan{};
    Q_EMIT selectionChanged();
    Q_EMIT planChanged();
}

void SetupWizard::setDhcpObservation(const setupplan::DhcpObservation &seen)
{
    m_seen = seen;
    const auto *i = m_interfaces.at(m_selected);
    if (!i)
        return;
    const auto r = setupplan::recommend(*i, m_seen);
    if (r.mode == m_recommendation.mode && r.reason == m_recommendation.reason)
        return;
    m_recommendation = r;
    Q_EMIT selectionChanged();   // the user's mode choice stays as it is
}

void SetupWizard::retranslate()
{
    if (const auto *i = m_interfaces.at(m_selected))
        m_recommendation.reason = setupplan::recommend(*i, m_seen).reason;
    Q_EMIT selectionChanged();
    Q_EMIT planChanged();
}

void SetupWizard::setMode(const QString &mode)
{
    const auto m = setupplan::modeFromName(mode);
    const auto *i = m_interfaces.at(m_selected);
    if (!i || m == setupplan::Mode::None || m == m_plan.mode)
        return;
    m_plan = setupplan::propose(*i, m);
    Q_EMIT planChanged();
}

QStringList SetupWizard::summary() const
{
    return canApply() ? setupplan::describe(m_config, m_plan) : QStringList();
}

void SetupWizard::restart()
{
    m_interfaces.refresh();
    m_selected = -1;
    m_recommendation = {};
    m_plan = {};
    m_portChecks.setFindings({});
    setApplied(false);
    Q_EMIT selectionChanged();
    Q_EMIT planChanged();
}

void SetupWizard::checkPorts()
{
    if (!canApply() || m_portChecks.isRunning())
        return;
    LabConfig next = m_config;
    setupplan::apply(next, m_plan);
    const auto wanted = diagnostics::endpoints(next.services);
    // The wizard runs before the services move: our own running sockets are on other ports/addresses.
    const QString binary = m_binaryPath;
    m_portChecks.setRunning(true);
    QPointer<SetupWizard> self(this);
    QThreadPool::globalInstance()->start([self, wanted, binary] {
        const auto probe = diagnostics::SystemProbe::live();
        QList<diagnostics::Finding> findings = diagnostics::checkPorts(wanted, {}, probe);
        findings += diagnostics::checkPrivilegedPorts(wanted, binary, probe);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, findings] {
            if (!self)
                return;
            self->m_portChecks.setFindings(findings);
            self->m_portChecks.setRunning(false);
        });
    });
}

void SetupWizard::apply()
{
    if (!canApply())
        return;
    Q_EMIT applyRequested(m_plan);
}

void SetupWizard::setApplied(bool applied)
{
    if (applied == m_applied)
        return;
    m_applied = applied;
    Q_EMIT appliedChanged();
}
