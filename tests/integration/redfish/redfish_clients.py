#!/usr/bin/python3
"""Real Redfish clients against a temporary Metal Boot lab (redfishtestlab).

Debian's python3-sushy 4.3.3 (the library under OpenStack Ironic) and redfishtool 1.1.5 drive the
Redfish service the way Ironic does: power on/off, the split reboot, boot overrides (Pxe once,
consumed by the next netboot; UefiHttp), virtual media through the Manager, inspection reads and
BIOS settings. Every change is checked against the lab's own state through its control port, so
a Redfish answer that merely looks right is not enough.

usage: redfish_clients.py <redfishtestlab binary>        (exit 77 when sushy/redfishtool are missing)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

try:
    import sushy
    from sushy import auth as sushy_auth
except ImportError:
    print("SKIP: python3-sushy is not installed (scripts/deps-test.txt)")
    sys.exit(77)

LAB_BINARY = None
SYSTEM_ID = "dc-a6-32-00-00-01"        # inspected: 4 GiB, SD card + USB SSD
OTHER_ID = "dc-a6-32-00-00-02"         # model defaults only
SYSTEM = "/redfish/v1/Systems/" + SYSTEM_ID
MANAGER = "/redfish/v1/Managers/" + SYSTEM_ID


class Lab:
    """redfishtestlab in a temporary directory, killed by pid at the end."""

    def __init__(self, binary, devices=4):
        self.dir = tempfile.mkdtemp(prefix="mb-redfish-clients-")
        self.log = open(os.path.join(self.dir, "lab.log"), "w")
        self.proc = subprocess.Popen([binary, os.path.join(self.dir, "lab"), str(devices)],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "READY":
            self.stop()
            raise RuntimeError("redfishtestlab did not start, see " + self.log.name)
        _, port, password_file, self.ca, control = line
        self.url = "https://127.0.0.1:" + port
        self.control = "http://127.0.0.1:" + control
        with open(password_file) as f:
            self.password = [l.split(": ", 1)[1].strip() for l in f if l.startswith("password: ")][0]

    def device(self, ident):
        with urllib.request.urlopen(self.control + "/device/" + ident, timeout=10) as r:
            return json.load(r)

    def netboot(self, ident):
        req = urllib.request.Request(self.control + "/netboot/" + ident, data=b"", method="POST")
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.load(r)["served"]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for(predicate, timeout=10.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


class SushyTest(unittest.TestCase):
    lab = None

    @classmethod
    def setUpClass(cls):
        # requests prefers these over the CA sushy sets on its session (reference/redfish.md §6).
        for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
            os.environ.pop(var, None)
        cls.lab = Lab(LAB_BINARY)
        # The default auth ("auto") logs in through SessionService and uses X-Auth-Token.
        cls.root = sushy.Sushy(cls.lab.url + "/redfish/v1", username="admin", password=cls.lab.password,
                               verify=cls.lab.ca)

    @classmethod
    def tearDownClass(cls):
        if cls.lab:
            cls.lab.stop()

    def system(self, ident=SYSTEM):
        return self.root.get_system(ident)

    def power(self, ident=SYSTEM_ID):
        return self.lab.device(ident)["power"]

    # -- power ------------------------------------------------------------------------------

    def test_power_on_off(self):
        system = self.system()
        allowed = system.get_allowed_reset_system_values()
        self.assertIn(sushy.RESET_ON, allowed)
        self.assertIn(sushy.RESET_FORCE_OFF, allowed)
        self.assertNotIn(sushy.RESET_GRACEFUL_SHUTDOWN, allowed)   # no in-band agent: not offered
        system.reset_system(sushy.RESET_ON)
        self.assertIn(self.power(), ("powering-on", "on"))
        self.assertTrue(wait_for(lambda: self.system().power_state == sushy.SYSTEM_POWER_STATE_ON))
        self.assertEqual(self.power(), "on")
        system.reset_system(sushy.RESET_FORCE_OFF)
        # Ironic polls right after the POST: Off must be reported at once.
        self.assertEqual(self.system().power_state, sushy.SYSTEM_POWER_STATE_OFF)
        self.assertEqual(self.power(), "off")
        with self.assertRaises(sushy.exceptions.InvalidParameterValueError):
            system.reset_system(sushy.RESET_NMI)

    def test_ironic_reboot_with_pxe_once(self):
        system = self.system()
        system.reset_system(sushy.RESET_ON)
        self.assertTrue(wait_for(lambda: self.system().power_state == sushy.SYSTEM_POWER_STATE_ON))
        # ironic.drivers.modules.redfish.power.reboot: ForceOff, wait for Off, restore boot, On.
        system.reset_system(sushy.RESET_FORCE_OFF)
        self.assertTrue(wait_for(lambda: self.system().power_state == sushy.SYSTEM_POWER_STATE_OFF))
        system = self.system()
        self.assertIn(sushy.BOOT_SOURCE_TARGET_PXE, system.get_allowed_system_boot_source_values())
        system.set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_PXE,
                                       enabled=sushy.BOOT_SOURCE_ENABLED_ONCE,
                                       mode=sushy.BOOT_SOURCE_MODE_UEFI)
        self.assertEqual(self.lab.device(SYSTEM_ID)["boot"]["target"], "Pxe")
        self.assertEqual(self.lab.device(SYSTEM_ID)["boot"]["enabled"], "Once")
        system = self.system()
        self.assertEqual(system.boot.target, sushy.BOOT_SOURCE_TARGET_PXE)
        self.assertEqual(system.boot.enabled, sushy.BOOT_SOURCE_ENABLED_ONCE)
        self.assertEqual(system.boot.mode, sushy.BOOT_SOURCE_MODE_UEFI)
        system.reset_system(sushy.RESET_ON)
        self.assertTrue(wait_for(lambda: self.system().power_state == sushy.SYSTEM_POWER_STATE_ON))
        # The device netboots: the one-time override is served, then reads back Disabled.
        served = self.lab.netboot(SYSTEM_ID)
        self.assertEqual((served["target"], served["enabled"]), ("Pxe", "Once"))
        self.assertEqual(self.system().boot.enabled, sushy.BOOT_SOURCE_ENABLED_DISABLED)
        self.assertEqual(self.lab.device(SYSTEM_ID)["boot"]["enabled"], "Disabled")
        # A second netboot gets no override.
        self.assertEqual(self.lab.netboot(SYSTEM_ID)["enabled"], "Disabled")
        # Persistent disk boot (Ironic's "boot from local disk after deploy").
        self.system().set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_HDD,
                                              enabled=sushy.BOOT_SOURCE_ENABLED_CONTINUOUS)
        self.lab.netboot(SYSTEM_ID)
        self.assertEqual(self.system().boot.enabled, sushy.BOOT_SOURCE_ENABLED_CONTINUOUS)
        self.assertEqual(self.system().boot.target, sushy.BOOT_SOURCE_TARGET_HDD)

    def test_boot_override_refused_values(self):
        system = self.system()
        with self.assertRaises(sushy.exceptions.InvalidParameterValueError):
            system.set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_FLOPPY)
        # Behind sushy's client-side check, the service refuses with a DMTF error body.
        with self.assertRaises(sushy.exceptions.BadRequestError) as ctx:
            self.root._conn.patch(SYSTEM, data={"Boot": {"BootSourceOverrideMode": "Legacy"}})
        self.assertIn("PropertyValueNotInList", str(ctx.exception))

    def test_uefi_http(self):
        # sushy 4.3.3 knows the UefiHttp target but has no http_boot_uri (newer sushy sends
        # Boot.HttpBootUri itself); the URI is PATCHed through sushy's connector here.
        system = self.system()
        self.assertIn(sushy.BOOT_SOURCE_TARGET_UEFI_HTTP, system.get_allowed_system_boot_source_values())
        system.set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_UEFI_HTTP,
                                       enabled=sushy.BOOT_SOURCE_ENABLED_ONCE)
        self.root._conn.patch(SYSTEM, data={"Boot": {"HttpBootUri": "http://127.0.0.1:8080/esp.img"}},
                              etag=self.system()._get_etag())
        boot = self.lab.device(SYSTEM_ID)["boot"]
        self.assertEqual((boot["target"], boot["enabled"], boot["http_boot_uri"]),
                         ("UefiHttp", "Once", "http://127.0.0.1:8080/esp.img"))
        self.assertEqual(self.system().boot.target, sushy.BOOT_SOURCE_TARGET_UEFI_HTTP)
        self.lab.netboot(SYSTEM_ID)
        self.assertEqual(self.system().boot.enabled, sushy.BOOT_SOURCE_ENABLED_DISABLED)
        self.root._conn.patch(SYSTEM, data={"Boot": {"HttpBootUri": None}})
        self.assertEqual(self.lab.device(SYSTEM_ID)["boot"]["http_boot_uri"], "")

    # -- virtual media (sushy 4.3.3 finds it through the Manager) ------------------------------

    def test_virtual_media_insert_eject(self):
        system = self.system()
        managers = system.managers
        self.assertEqual([m.path for m in managers], [MANAGER])
        manager = managers[0]
        cd = None
        for vm in manager.virtual_media.get_members():
            if sushy.VIRTUAL_MEDIA_CD in vm.media_types:
                cd = vm
        self.assertIsNotNone(cd)
        self.assertFalse(cd.inserted)
        image = "http://127.0.0.1:9/images/ironic-python-agent.iso"
        cd.insert_media(image)                       # sushy 4.3.3 sends Inserted/WriteProtected true
        cd.refresh()
        self.assertTrue(cd.inserted)
        self.assertEqual(cd.image, image)
        self.assertEqual(self.lab.device(SYSTEM_ID)["media"]["Cd"], {"image": image, "inserted": True})
        cd.eject_media()
        cd.refresh()
        self.assertFalse(cd.inserted)
        self.assertIsNone(cd.image)
        self.assertEqual(self.lab.device(SYSTEM_ID)["media"]["Cd"]["image"], "")

    # -- inspection ---------------------------------------------------------------------------

    def test_inspection_reads(self):
        system = self.system()
        # ironic inspect.py: memory_mb, cpu_arch (InstructionSet ARM-A64 -> aarch64), local_gb, ports.
        self.assertEqual(system.memory_summary.size_gib, 4)
        self.assertEqual(system.processors.summary.count, 4)          # logical CPUs
        cpu = system.processors.get_members()[0]
        self.assertEqual(cpu.instruction_set, sushy.PROCESSOR_INSTRUCTIONSET_ARM_A64)
        self.assertEqual(cpu.processor_architecture, sushy.PROCESSOR_ARCH_ARM)
        self.assertEqual(cpu.total_cores, 4)
        self.assertEqual(system.processors.summary.architecture, sushy.PROCESSOR_ARCH_ARM)
        self.assertEqual(max(system.simple_storage.disks_sizes_bytes), 500107862016)
        self.assertEqual(max(system.storage.drives_sizes_bytes), 500107862016)
        macs = system.ethernet_interfaces.summary
        self.assertIn("dc:a6:32:00:00:01", [m.lower() for m in macs])
        # A device never inspected: memory unknown (null), not a guess; its boot NIC is known.
        other = self.system("/redfish/v1/Systems/" + OTHER_ID)
        self.assertIsNone(other.memory_summary.size_gib)
        self.assertIn("dc:a6:32:00:00:02", [m.lower() for m in other.ethernet_interfaces.summary])

    # -- BIOS -----------------------------------------------------------------------------------

    def test_bios_settings(self):
        bios = self.system().bios
        self.assertEqual(bios.attributes["CpuClock"], "1")
        self.assertIs(bios.attributes["RamLimitTo3GB"], True)
        self.assertIn(sushy.APPLY_TIME_ON_RESET, bios.supported_apply_times)
        # The attribute registry (Ironic caches its metadata with the settings). Debian's sushy
        # 4.3.3 cannot load it through bios.get_attribute_registry(): Sushy.registries lists the
        # package's sushy/standard_registries/ directory, which the .deb does not ship
        # (FileNotFoundError). So do what Sushy.registries does per Registries member.
        from sushy.resources.registry import message_registry_file
        files = self.root._conn.get("/redfish/v1/Registries").json()["Members"]
        registry = None
        for member in files:
            f = message_registry_file.MessageRegistryFile(self.root._conn, member["@odata.id"],
                                                          redfish_version=self.root.redfish_version)
            if f.registry == bios._attribute_registry:
                registry = f.get_attribute_registry("en", None)
        self.assertIsNotNone(registry)
        entries = {a.name: a for a in registry.registry_entries.attributes}
        self.assertEqual([v["ValueName"] for v in entries["CpuClock"].allowable_values], ["0", "1", "2"])
        self.assertEqual(entries["FanOnGpio"].upper_bound, 40)
        bios.set_attributes({"CpuClock": "2", "FanOnGpio": 14})
        # Pending until the device gets its next firmware; the lab already stores it.
        self.assertEqual(bios.pending_attributes["CpuClock"], "2")
        self.assertEqual(self.lab.device(SYSTEM_ID)["bios"]["FanOnGpio"], 14)
        bios.refresh()
        self.assertEqual(bios.attributes["CpuClock"], "1")
        self.lab.netboot(SYSTEM_ID)                  # firmware rendered with the new settings
        bios.refresh()
        self.assertEqual(bios.attributes["CpuClock"], "2")
        self.assertEqual(bios.attributes["FanOnGpio"], 14)
        with self.assertRaises(sushy.exceptions.BadRequestError):
            bios.set_attributes({"CpuClock": "9"})
        bios.reset_bios()
        self.assertEqual(self.lab.device(SYSTEM_ID)["bios"]["CpuClock"], "1")

    # -- auth -----------------------------------------------------------------------------------

    def test_basic_auth_and_operator_role(self):
        # An Ironic-style Operator account, created by the administrator, over Basic auth.
        self.root._conn.post("/redfish/v1/AccountService/Accounts",
                             data={"UserName": "ironic", "Password": "ironic-pass-1", "RoleId": "Operator"})
        op = sushy.Sushy(self.lab.url + "/redfish/v1", verify=self.lab.ca,
                         auth=sushy_auth.BasicAuth(username="ironic", password="ironic-pass-1"))
        system = op.get_system("/redfish/v1/Systems/" + OTHER_ID)
        system.reset_system(sushy.RESET_ON)
        self.assertTrue(wait_for(lambda: self.power(OTHER_ID) == "on"))
        system.set_system_boot_options(target=sushy.BOOT_SOURCE_TARGET_CD, enabled=sushy.BOOT_SOURCE_ENABLED_ONCE)
        self.assertEqual(self.lab.device(OTHER_ID)["boot"]["target"], "Cd")
        # Virtual media needs ConfigureManager (DSP8011): refused for Operator.
        cd = op.get_manager("/redfish/v1/Managers/" + OTHER_ID).virtual_media.get_member(
            "/redfish/v1/Managers/" + OTHER_ID + "/VirtualMedia/Cd")
        with self.assertRaises(sushy.exceptions.AccessError):
            cd.insert_media("http://127.0.0.1:9/x.iso")
        bad = sushy.Sushy(self.lab.url + "/redfish/v1", verify=self.lab.ca,
                          auth=sushy_auth.BasicAuth(username="ironic", password="wrong-pass-1"))
        with self.assertRaises(sushy.exceptions.AccessError):
            bad.get_system("/redfish/v1/Systems/" + OTHER_ID)


class RedfishtoolTest(unittest.TestCase):
    lab = None

    @classmethod
    def setUpClass(cls):
        if not shutil.which("redfishtool"):
            raise unittest.SkipTest("redfishtool is not installed")
        cls.lab = Lab(LAB_BINARY, devices=3)

    @classmethod
    def tearDownClass(cls):
        if cls.lab:
            cls.lab.stop()

    def run_tool(self, *args):
        host = self.lab.url[len("https://"):]
        cmd = ["redfishtool", "-r", host, "-u", "admin", "-p", self.lab.password, "-S", "Always", *args]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        return out.stdout

    def test_list_systems(self):
        out = self.run_tool("Systems", "list")
        for i in (1, 2, 3):
            self.assertIn("/redfish/v1/Systems/dc-a6-32-00-00-0%d" % i, out)

    def test_reset_one(self):
        self.run_tool("-I", "dc-a6-32-00-00-02", "Systems", "reset", "On")
        self.assertTrue(wait_for(lambda: self.lab.device("dc-a6-32-00-00-02")["power"] == "on"))
        self.assertEqual(self.lab.device("dc-a6-32-00-00-03")["power"], "off")
        self.run_tool("-I", "dc-a6-32-00-00-02", "Systems", "reset", "ForceOff")
        self.assertEqual(self.lab.device("dc-a6-32-00-00-02")["power"], "off")
        out = self.run_tool("-I", "dc-a6-32-00-00-02", "Systems", "get")
        self.assertEqual(json.loads(out)["PowerState"], "Off")

    def test_session_auth_and_boot_override(self):
        self.run_tool("-A", "Session", "-I", "dc-a6-32-00-00-03", "Systems", "setBootOverride", "Once", "Pxe")
        boot = self.lab.device("dc-a6-32-00-00-03")["boot"]
        self.assertEqual((boot["target"], boot["enabled"]), ("Pxe", "Once"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    LAB_BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
