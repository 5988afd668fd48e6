#pragma once

#include "configerror.h"
#include "labconfig.h"

// Import of the seed system's files (metal3-community/metal-boot):
//  - netboot.yaml: map keyed by MAC of {allow_pxe, console, facility, ipxe_script, ipxe_script_url, osie}
//  - backend.yaml: map keyed by MAC of camelCase DHCP data + netboot{allowPxe, ...} + power{...}
// Devices are merged into `lab` (added, or their netboot fields replaced). Returns the errors
// (file:line:column); on any error `lab` is left unchanged.
namespace SeedImport {

// `notes` receives what was imported or skipped (e.g. a power binding without a known switch).
ConfigErrors importNetbootYaml(const QString &path, LabConfig &lab, QStringList *notes = nullptr);
ConfigErrors importBackendYaml(const QString &path, LabConfig &lab, QStringList *notes = nullptr);

} // namespace SeedImport
