#include "bootinstructions.h"

#include "nativeboot.h"

#include <QJsonArray>

namespace provision {

static QJsonArray postInstallJson(const Workflow &w)
{
    QJsonArray steps;
    for (const PostInstallStep &s : w.postInstall) {
        if (!s.name.isEmpty())
            steps.append(s.name);
        else
            steps.append(QJsonObject{{QStringLiteral("script"), s.script}, {QStringLiteral("args"), s.args}});
    }
    return steps;
}

QJsonObject bootInstructions(const InstructionsInput &in)
{
    using lifecycle::State;
    QJsonObject o{{QStringLiteral("state"), lifecycle::name(in.state)},
                  {QStringLiteral("serving"), lifecycle::servingName(lifecycle::servingFor(in.state))}};
    if (!in.serial.isEmpty())
        o.insert(QStringLiteral("serial"), in.serial);
    if (in.mac.isValid()) {
        o.insert(QStringLiteral("mac"), in.mac.toString());
        o.insert(QStringLiteral("node_id"), nodeId(in.mac));
    }
    if (!in.workflowId.isEmpty())
        o.insert(QStringLiteral("workflow"), in.workflowId);

    const auto wait = [&o](const QString &message) {
        o.insert(QStringLiteral("action"), QStringLiteral("wait"));
        o.insert(QStringLiteral("message"), message);
    };
    const auto callbacks = [&o, &in]() {
        if (!in.mac.isValid())
            return;
        o.insert(QStringLiteral("callback_url"), nodeUrl(in.baseUrl, in.mac, QStringLiteral("installed")));
        o.insert(QStringLiteral("failed_url"), nodeUrl(in.baseUrl, in.mac, QStringLiteral("install-failed")));
        o.insert(QStringLiteral("progress_url"), nodeUrl(in.baseUrl, in.mac, QStringLiteral("progress")));
    };

    switch (in.state) {
    case State::Discovered:
        wait(QStringLiteral("Node registered, awaiting adoption and a workflow"));
        break;
    case State::Ready:
        wait(in.workflowId.isEmpty()
                 ? QStringLiteral("Node ready, no workflow assigned")
                 : QStringLiteral("Workflow %1 assigned, waiting for provisioning to start").arg(in.workflowId));
        break;
    case State::Failed:
        wait(QStringLiteral("The last install failed; waiting for the operator"));
        if (!in.lastError.isEmpty())
            o.insert(QStringLiteral("error"), in.lastError);
        break;
    case State::Provisioning:
    case State::Reprovision:
        if (!in.workflow) {
            wait(QStringLiteral("Workflow %1 is not available (missing or invalid file); waiting").arg(in.workflowId));
            break;
        }
        switch (in.workflow->method) {
        case InstallMethod::Image:
            o.insert(QStringLiteral("action"), QStringLiteral("deploy_image"));
            o.insert(QStringLiteral("image_url"), resolveServerUrl(in.baseUrl, in.workflow->imageUrl));
            if (!in.workflow->imageChecksum.isEmpty())
                o.insert(QStringLiteral("image_checksum"), in.workflow->imageChecksum);
            o.insert(QStringLiteral("target_device"), in.workflow->targetDevice);
            break;
        case InstallMethod::Nfs:
            o.insert(QStringLiteral("action"), QStringLiteral("nfs_setup"));
            o.insert(QStringLiteral("nfs_server"), in.workflow->nfsServer);
            o.insert(QStringLiteral("nfs_path"), nfsNodePath(*in.workflow, in.serial));
            o.insert(QStringLiteral("nfs_base"), nfsBaseImagePath(*in.workflow));
            break;
        case InstallMethod::Script:
            o.insert(QStringLiteral("action"), QStringLiteral("run_script"));
            o.insert(QStringLiteral("script_url"), resolveServerUrl(in.baseUrl, in.workflow->scriptUrl));
            if (!in.workflow->scriptArgs.isEmpty())
                o.insert(QStringLiteral("script_args"), in.workflow->scriptArgs);
            break;
        }
        o.insert(QStringLiteral("post_install"), postInstallJson(*in.workflow));
        o.insert(QStringLiteral("message"), QStringLiteral("Run workflow %1").arg(in.workflow->id));
        callbacks();
        break;
    case State::Deployed:
        if (in.workflow && in.workflow->method == InstallMethod::Nfs) {
            o.insert(QStringLiteral("action"), QStringLiteral("nfs_boot"));
            o.insert(QStringLiteral("nfs_server"), in.workflow->nfsServer);
            o.insert(QStringLiteral("nfs_path"), nfsNodePath(*in.workflow, in.serial));
            o.insert(QStringLiteral("message"), QStringLiteral("Deployed diskless: boot the NFS root"));
        } else {
            o.insert(QStringLiteral("action"), QStringLiteral("local_boot"));
            o.insert(QStringLiteral("message"), QStringLiteral("Deployed: boot from the local disk"));
        }
        break;
    case State::Retired:
        o.insert(QStringLiteral("action"), QStringLiteral("none"));
        o.insert(QStringLiteral("message"), QStringLiteral("Node retired"));
        break;
    }
    return o;
}

} // namespace provision
