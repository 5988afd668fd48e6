#pragma once

#include "labconfig.h"
#include "yamlreader.h"

#include <yaml-cpp/yaml.h>

// Each lab.yaml section knows how to read and write itself (one file per section).
namespace config {

void parseServices(YamlReader &reader, const YAML::Node &node, ServicesConfig &out);
void writeServices(YAML::Emitter &out, const ServicesConfig &services);

void parseDevices(YamlReader &reader, const YAML::Node &node, QList<DeviceConfig> &out);
void writeDevices(YAML::Emitter &out, const QList<DeviceConfig> &devices);
// One device entry (also used by the management API to validate a JSON body converted to YAML).
QStringList virtualBadFiles();   // devices.<mac>.virtual.bad_file values
DeviceConfig parseDevice(YamlReader &reader, const YAML::Node &node, const MacAddress &mac, const QString &path);
void writeDevice(YAML::Emitter &out, const DeviceConfig &device);

void parseSwitches(YamlReader &reader, const YAML::Node &node, QList<SwitchConfig> &out);
void writeSwitches(YAML::Emitter &out, const QList<SwitchConfig> &switches);

void parseProfiles(YamlReader &reader, const YAML::Node &node, QList<ProfileConfig> &out);
void writeProfiles(YAML::Emitter &out, const QList<ProfileConfig> &profiles);

void parseProvisioning(YamlReader &reader, const YAML::Node &node, ProvisioningConfig &out);
void writeProvisioning(YAML::Emitter &out, const ProvisioningConfig &provisioning);
bool isDefaultProvisioning(const ProvisioningConfig &provisioning);

// Checks that need several sections (references, conflicts). Runs after all parsers.
void crossValidate(YamlReader &reader, const LabConfig &config);

// Names used in services.dhcp.boot_files, and their defaults.
QStringList bootFileArchNames();
QMap<QString, QString> defaultBootFiles();
QStringList defaultPiMacPrefixes();
// Known switch drivers.
QStringList switchDriverNames();

} // namespace config
