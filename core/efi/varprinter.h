#pragma once

#include "variable.h"

#include <QList>
#include <QString>

#include <optional>

// Human-readable listings of variables in virt-fw-vars' formats (virt-firmware v23.9/v24.4
// efi/efivar.py print_compact / print_normal), so `metalboot efi print` can be compared line by
// line with the reference tool. Unlike virt-fw-vars, variables sharing a name are all listed.
namespace efi {

// virt-fw-vars fmt_data(): "boot entry: ...", "dword: 0x...", ... or nothing for a blob.
std::optional<QString> describeVariable(const Variable &variable);
// Sorted by name (stable for equal names), like Python's sorted(dict.items()).
QList<Variable> sortedByName(QList<Variable> variables);
// `--print`: one line per variable, "%-20s: <description>" (blob: N bytes when undecodable).
QString printCompact(const QList<Variable> &variables);
// `--print --verbose`: name/guid/size line, indented description, signature lists, blank line.
QString printVerbose(const QList<Variable> &variables, bool hexdump = false);

} // namespace efi
