#pragma once

#include <QStringList>

namespace cli {

// metalboot efi <command> ...: inspect and edit EDK2 variable stores (RPI_EFI.fd, OVMF/AAVMF
// *_VARS.fd, bare stores) from the command line. `arguments` are the words after "efi".
// Exit codes: 0 success, 1 the operation failed (bad image, store full, ...), 2 usage error.
int runEfi(const QStringList &arguments);

} // namespace cli
