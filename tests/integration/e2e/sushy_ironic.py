#!/usr/bin/python3
"""The Redfish calls Ironic's redfish driver makes, through Debian's python3-sushy.

Used by tst_qemunetboot inside the test's network namespace:
  sushy_ironic.py URL PASSWORD_FILE CA SYSTEM_ID boot TARGET   set a one-time UEFI boot override
                                                               (Pxe or UefiHttp), then Reset On
  sushy_ironic.py URL PASSWORD_FILE CA SYSTEM_ID state         print power and boot override
Prints one JSON object; exit 77 when sushy is missing, 1 on any error.
"""

import json
import os
import sys

try:
    import sushy
except ImportError:
    print("SKIP: python3-sushy is not installed (scripts/deps-test.txt)")
    sys.exit(77)


def main(argv):
    if len(argv) < 6 or argv[5] not in ("boot", "state") or (argv[5] == "boot" and len(argv) != 7):
        print(__doc__, file=sys.stderr)
        return 1
    url, password_file, ca, system_id, command = argv[1:6]
    # requests prefers these over the CA sushy sets on its session.
    for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        os.environ.pop(var, None)
    with open(password_file) as f:
        fields = dict(line.split(": ", 1) for line in f.read().splitlines() if ": " in line)
    # The default auth ("auto") logs in through SessionService, as Ironic does.
    root = sushy.Sushy(url + "/redfish/v1", username=fields["user"].strip(),
                       password=fields["password"].strip(), verify=ca)
    system = root.get_system("/redfish/v1/Systems/" + system_id)
    if command == "boot":
        targets = {"Pxe": sushy.BOOT_SOURCE_TARGET_PXE, "UefiHttp": sushy.BOOT_SOURCE_TARGET_UEFI_HTTP}
        # ironic.drivers.modules.redfish.management.set_boot_device(persistent=False), then power on.
        system.set_system_boot_options(target=targets[argv[6]], enabled=sushy.BOOT_SOURCE_ENABLED_ONCE,
                                       mode=sushy.BOOT_SOURCE_MODE_UEFI)
        system.reset_system(sushy.RESET_ON)
        system.refresh()
    boot = system.boot
    # sushy's enums carry the Redfish value ("On", "Once", "Pxe").
    value = lambda v: getattr(v, "value", v)
    print(json.dumps({"power_state": value(system.power_state),
                      "enabled": value(boot.enabled),
                      "target": value(boot.target)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
