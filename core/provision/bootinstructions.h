#pragma once

#include "common/macaddress.h"
#include "lifecycle.h"
#include "workflow.h"

#include <QJsonObject>
#include <QString>

// The JSON the deploy environment gets from GET /api/v1/boot/pi (the pureboot seed's design):
// {"state", "action", "message", ...} where action is
//   wait          discovered / ready / failed: poll again later
//   deploy_image  image_url, image_checksum, target_device, post_install, callback/failed/progress URLs
//   nfs_setup     nfs_server, nfs_path (the node's overlay), nfs_base (read-only base image)
//   run_script    script_url, script_args, post_install, callback URLs
//   local_boot    deployed from an image or script: boot the local disk
//   nfs_boot      deployed diskless: nfs_server, nfs_path
//   none          retired
// Pure; the callback token is never part of it (the agent has it from its command line).
namespace provision {

struct InstructionsInput
{
    QString serial;
    MacAddress mac;
    lifecycle::State state = lifecycle::State::Discovered;
    QString workflowId;                  // assigned id (the workflow itself may be missing)
    const Workflow *workflow = nullptr;
    QString lastError;
    QString baseUrl;
};

QJsonObject bootInstructions(const InstructionsInput &input);

} // namespace provision
