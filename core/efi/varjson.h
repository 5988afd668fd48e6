#pragma once

#include "common/result.h"
#include "varstore.h"

#include <QByteArray>
#include <QList>

// virt-firmware JSON v2 ("virt-fw-vars --output-json"/"--set-json"; also awslabs python-uefivars
// and QEMU's uefi-vars device): {"version": 2, "variables": [{"name","guid","attr","data"[,"time"]}]}.
namespace efi {

// Exactly virt-fw-vars' writer: Python json.dumps(indent=4, ensure_ascii), keys name, guid,
// attr, data (+ time when the variable has a timestamp), in the given order, no trailing newline.
QByteArray variablesToJson(const QList<Variable> &variables);

// Reader: accepts symbolic GUID names and unknown extra keys; "attr" defaults like virt-firmware
// (7 for Boot*, per-name defaults for Secure Boot variables, else 3). Later duplicates of a
// (name, GUID) replace earlier ones. Bad input gives an error naming the entry.
Result<QList<Variable>> variablesFromJson(const QByteArray &json);

// --set-json semantics keyed by (name, GUID): add or replace, never delete. A replaced variable
// keeps its MonotonicCount/PubKeyIndex, and its TimeStamp unless the JSON carries one.
// Returns how many variables were added or changed.
int applyVariables(VarStore &store, const QList<Variable> &variables);

} // namespace efi
