<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BootEditorPage</name>
    <message>
        <source>Boot configuration — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot entries — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last boot configuration change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert all boot configuration changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply boot configuration changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the boot editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UEFI settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootEditorView</name>
    <message>
        <source>Discard the changes that were not applied?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootEntriesPane</name>
    <message>
        <source>No boot entries: the firmware creates its own at the first boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network entries for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device whose network card new PXE and HTTP entries use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no device uses this profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add PXE entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP boot URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://server/boot.efi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add HTTP boot entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk entry name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk entry description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk entry loader path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add disk entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot menu timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear BootNext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loader on any disk, e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootEntryModel</name>
    <message>
        <source>Applying boot entries needs a running lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootOrder: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added: &quot;%2&quot; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 description: &quot;%2&quot; → &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1 removed (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout: %1 s → %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootEntryRow</name>
    <message>
        <source>%1, %2, position %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not in BootOrder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot %1 next time only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootTimeline</name>
    <message>
        <source>The DHCP server refused the requested address. Check the pool range and the device&apos;s reservation, and that no other DHCP server hands out the same subnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metal Boot ignored the request: the device is not adopted, its netboot is disabled (allow_pxe), or its MAC prefix is not in the Pi list. Adopt it in the Fleet view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device declined the offered address because something else on the network already uses it. Look for a static IP conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A boot file could not be sent over TFTP. Check that the file exists in the TFTP root (Services ▸ Diagnose lists missing boot files), the serial-number folder name, and that UDP port 69 is not blocked by a firewall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iPXE could not fetch its script, kernel or initrd over HTTP. Check the HTTP service address is reachable from the device and the files exist under the HTTP root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UEFI firmware image for this device could not be produced. Check the firmware profile (base image, variables) assigned to the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch did not apply the power change. Check the switch credentials, that the port mapping is right and that the port is not protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power was applied but the device never asked for an address. Check the cable and PoE budget, that the Pi&apos;s EEPROM BOOT_ORDER includes network boot (0x2), and that the switch port is in the lab VLAN with spanning tree portfast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DHCP exchange did not complete. In proxy mode another DHCP server must give the address; in full mode check the pool. Another PXE server on the segment can also answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bootloader stopped while fetching files over TFTP. Check start4.elf, fixup4.dat, config.txt and RPI_EFI.fd in the TFTP root and the firewall for UDP 69.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UEFI started but did not reach iPXE. Check the profile&apos;s boot order (the network entry first), and that the boot file for UEFI clients is served.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iPXE started but did not load an operating system. Check the device&apos;s iPXE script or script URL and the HTTP service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel was loaded but the operating system never reported in. Check the kernel command line (console, root=) and the device&apos;s serial console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DHCP request since power-on. Is network boot in the Pi&apos;s BOOT_ORDER, is the cable in the right switch port, and is spanning tree delaying the link (enable portfast)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device keeps asking for an address without moving on to TFTP. In proxy mode, check that the main DHCP server answers; check for other PXE servers on the segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TFTP transfers started but the firmware never started. Look in the journal for files that were not found, and check the TFTP root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UEFI has been running for a long time without network boot. The boot order may start with another device, or UEFI is waiting at a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iPXE is running but has not fetched a kernel. The script may be waiting or failing; check the HTTP service and the device&apos;s console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operating system is taking very long to come up. Check the device&apos;s console for a kernel panic or a root filesystem that cannot be mounted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the journal below for the first error of this boot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BootTimelineView</name>
    <message>
        <source>No boot recorded yet. Power the device on or netboot it to see each step here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot attempt %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed during %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkActionBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Power on the selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power off the selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power cycle the selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netboot the selected devices once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot from the network on the next boot only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt the selected devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message numerus="yes">
        <source>%1 — %n device(s)</source>
        <translation>
            <numerusform>%1 — %n device</numerusform>
            <numerusform>%1 — %n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Power is cut and restored on these devices. Anything running on them stops without a shutdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power is cut on these devices. Anything running on them stops without a shutdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2) — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmApplyDialog</name>
    <message numerus="yes">
        <source>Apply %n change(s) to %1?</source>
        <translation>
            <numerusform>Apply %n change to %1?</numerusform>
            <numerusform>Apply %n changes to %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the listed changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmPortDialog</name>
    <message>
        <source>Power cycle port %1 of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off port %1 of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on port %1 of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device on this port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No managed device is mapped to this port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything running on it stops without a shutdown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This port is listed as protected (an uplink or infrastructure port): switching it can cut this machine or the whole lab off the network. Switch it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No managed device is mapped to this port: whatever is plugged in (an access point, a camera, another switch) loses power. Switch it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleFeed</name>
    <message>
        <source>no engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console service is not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleModel</name>
    <message>
        <source>Give the full path of the file to write (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A save is already in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n console line(s) saved to %1</source>
        <translation>
            <numerusform>%n console line saved to %1</numerusform>
            <numerusform>%n console lines saved to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The console was not saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has no serial console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial port %1 is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still sending the previous line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send 1 to %n bytes at a time.</source>
        <translation>
            <numerusform>Send 1 to %n byte at a time.</numerusform>
            <numerusform>Send 1 to %n bytes at a time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleService</name>
    <message>
        <source>cannot listen for netconsole on udp %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen for syslog on udp %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>this machine&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show lines from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>syslog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the newest lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resume (%n new)</source>
        <translation>
            <numerusform>Resume (%n new)</numerusform>
            <numerusform>Resume (%n new)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the shown console lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown console lines to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the console view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial %1: open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial %1: closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: new lines are held back until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No console output from this device yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console service is not running: start “Consoles” on the Services page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netconsole is on for this device: its kernel sends to udp %1:%2 from its next netboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable netconsole to see its kernel messages: netconsole= (to udp %1:%2) is added to its kernel command line at its next netboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable netconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable netconsole for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or point the device&apos;s syslog at udp %1:%2 (rsyslog: *.* @%1:%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown lines to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to save the console to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a line for the serial console, Enter sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial port is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line to send to the serial console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the line to the serial console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl-C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Ctrl-C to the serial console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceChip</name>
    <message>
        <source>%1, drag onto a port to map it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close device panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (switch %1, port %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power off %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power cycle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netboot %1 once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot and UEFI settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot entries and UEFI settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DhcpService</name>
    <message>
        <source>DHCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy DHCP (PXE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP cannot use interface %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no network interface carries %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2 (PXE): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full DHCP mode needs pool.range_start, pool.range_end and pool.netmask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other DHCP servers on %1 cannot be detected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 malformed DHCP packets were dropped recently (last: %2 from %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lease file %1 is larger than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read lease file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines of the lease file %2 could not be read and were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the DHCP leases to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another PXE/netboot server (%1) answers on %2. Two netboot responders make clients boot unpredictably; switch one off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another DHCP server (%1) hands out addresses on %2 while Metal Boot runs in full DHCP mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiagnosePanel</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message numerus="yes">
        <source>%1; %n answer(s), last seen %2</source>
        <translation>
            <numerusform>%1; %n answer, last seen %2</numerusform>
            <numerusform>%1; %n answers, last seen %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason was reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the cause shown, then start the service again on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports were not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of open sockets (/proc/net) is not readable on this system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the other DHCP/PXE server (dnsmasq, a libvirt network, another netboot tool) or choose another interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the other program or change this service&apos;s port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is served by Metal Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileged ports can be bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running as root; needed for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This process has CAP_NET_BIND_SERVICE; needed for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capability is on the file but not in effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 carries CAP_NET_BIND_SERVICE, but this process does not have it (started through a wrapper, a debugger, or from a nosuid mount). Needed for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the binary directly, or run the Metal Boot system service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileged ports cannot be bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need CAP_NET_BIND_SERVICE (ports below %2), which this process does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the Metal Boot system service, or give the binary the capability: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TFTP root does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the folder and put the boot files there, or set services.tftp.root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raspberry Pi 4 boot files are missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not found in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy start4.elf and fixup4.dat from the Raspberry Pi firmware&apos;s boot folder there, or import a pftf UEFI release (.zip) as a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot file %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP offers it to %1 clients, but it is neither in %2 nor in %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the ipxe package or copy the file into the TFTP root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTP root does not exist yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernels, initrds and images served over HTTP go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; refers to a missing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the profile again or fix its path in lab.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured boot files and folders are present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another PXE/netboot server answers on the lab network (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off the netboot (PXE, option 66/67) answers of that server: with two netboot servers the Pis boot from whichever answers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another DHCP server hands out addresses next to Metal Boot&apos;s full DHCP (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use proxy DHCP mode (the other server keeps handing out addresses), or switch the other server off on this network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP server %1 hands out addresses (expected next to proxy DHCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other DHCP/PXE server seen on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DHCP service watches for other servers only when it serves a network interface (not loopback).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DHCP service watches the network for other servers while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoveredLane</name>
    <message numerus="yes">
        <source>Discovered — %n device(s) not in the lab yet</source>
        <translation>
            <numerusform>Discovered — %n device not in the lab yet</numerusform>
            <numerusform>Discovered — %n devices not in the lab yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt all discovered devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscoveryStep</name>
    <message numerus="yes">
        <source>%n new device(s) found</source>
        <translation>
            <numerusform>%n new device found</numerusform>
            <numerusform>%n new devices found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in the lab.</source>
        <translation>
            <numerusform>%n device in the lab.</numerusform>
            <numerusform>%n devices in the lab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for Raspberry Pis… Power one on: it appears here when it asks for a netboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · serial %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirmwareEditor</name>
    <message numerus="yes">
        <source>%n device(s) use this profile and receive the changes at their next boot: %1</source>
        <translation>
            <numerusform>%n device uses this profile and receives the changes at its next boot: %1</numerusform>
            <numerusform>%n devices use this profile and receive the changes at their next boot: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Boot%1: a PXE entry needs the MAC address of a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1: an HTTP boot entry needs the MAC address of a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1: new disk entries are a loader path such as \EFI\BOOT\BOOTAA64.EFI (the firmware looks for it on every disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1: unknown kind of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext is set per device (its next boot), not in a profile: open the device to set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) is part of the profile&apos;s base image and cannot be deleted through its variables; take it out of BootOrder or deactivate it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s variables file is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device&apos;s next boot can go to its first disk entry in BootOrder (the boot override &quot;Hdd&quot;); Boot%1 is not the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) cannot be a device&apos;s next boot: the boot override picks the network (PXE, HTTP) or the first disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 receives this firmware at its next boot: its RPI_EFI.fd is rendered from the profile and these settings when it asks for it over TFTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device uses this profile yet: drop it onto a device to assign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A device&apos;s boot entries and BootOrder come from its profile &quot;%1&quot; plus its own PXE entry; the UEFI engine has no per-device boot order. Edit the profile to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(blank store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext is chosen per device (its next boot only): open a device to set it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied and read back from the UEFI engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab has no profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank store generated by Metal Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variables %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt the device first: its firmware settings are kept in the lab file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the lab has no profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile was saved but its store does not show the requested boot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a device&apos;s boot entries, BootOrder and Timeout come from its profile; the UEFI engine has no per-device boot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the UEFI engine&apos;s settings are not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirmwareSettingsModel</name>
    <message>
        <source>No such setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is written by the firmware at every boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: device value %2 removed (the profile&apos;s %3 applies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: profile value %2 removed (%3 applies)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message numerus="yes">
        <source>%1 of %n device(s)</source>
        <translation>
            <numerusform>%1 of %n device</numerusform>
            <numerusform>%1 of %n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter: name, MAC, serial, IP, profile, switch:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by boot stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a profile onto devices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all shown devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No devices yet. Power on a Raspberry Pi on the lab network: it appears here when it asks for a netboot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing firmware profiles needs a running lab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDropArea</name>
    <message>
        <source>Drop to import the firmware profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message numerus="yes">
        <source>Importing %1 (%n more queued)</source>
        <translation>
            <numerusform>Importing %1 (%n more queued)</numerusform>
            <numerusform>Importing %1 (%n more queued)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterfaceStep</name>
    <message>
        <source>Which network interface is connected to the Raspberry Pis&apos; switch?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metal Boot answers netboot requests only there. Wired interfaces with a link are listed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>router %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the interface list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabFacade</name>
    <message numerus="yes">
        <source>Adopted %n device(s)</source>
        <translation>
            <numerusform>Adopted %n device</numerusform>
            <numerusform>Adopted %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) not adopted: adopt them first.</source>
        <translation>
            <numerusform>%n device not adopted: adopt them first.</numerusform>
            <numerusform>%n devices not adopted: adopt them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile removed from %n device(s)</source>
        <translation>
            <numerusform>Profile removed from %n device</numerusform>
            <numerusform>Profile removed from %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 assigned to %n device(s)</source>
        <translation>
            <numerusform>Profile %1 assigned to %n device</numerusform>
            <numerusform>Profile %1 assigned to %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Netboot once set for %n device(s): they boot from the network next time.</source>
        <translation>
            <numerusform>Netboot once set for %n device: they boot from the network next time.</numerusform>
            <numerusform>Netboot once set for %n devices: they boot from the network next time.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edited lab file was not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power control is not available: the PoE power control service is not running (start it on the Services page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved: no lab is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lab is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopting devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE power controller running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network setup saved: the services now serve on the interface you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Powered on %n device(s)</source>
        <translation>
            <numerusform>Powered on %n device</numerusform>
            <numerusform>Powered on %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Powered off %n device(s)</source>
        <translation>
            <numerusform>Powered off %n device</numerusform>
            <numerusform>Powered off %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Power cycled %n device(s)</source>
        <translation>
            <numerusform>Power cycled %n device</numerusform>
            <numerusform>Power cycled %n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt the device first: only adopted devices get netconsole= on their kernel command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The netconsole setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netconsole enabled: the device sends its kernel messages here from its next netboot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netconsole disabled for the device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Filter log by device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter log by service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal of devices and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unknown senders (%n)</source>
        <translation>
            <numerusform>Unknown senders (%n)</numerusform>
            <numerusform>Unknown senders (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console lines from unknown senders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Metal Boot — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network setup wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep serving in the tray when the window closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModeStep</name>
    <message>
        <source>How do the Pis get their IP address on %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy DHCP (recommended) — the network&apos;s DHCP server gives addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy DHCP — the network&apos;s DHCP server gives addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy DHCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full DHCP (recommended) — Metal Boot gives addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full DHCP — Metal Boot gives addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full DHCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses %1 – %2 will be handed out. Never run full DHCP on a network that already has a DHCP server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortTile</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>powered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled, no power drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2, %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no managed device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power cycle port %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 W · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (learned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected port (protected_ports): switching it needs an explicit override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No managed device on this port: switching it needs an explicit override. Drag a device here to map it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortsStep</name>
    <message>
        <source>Check the ports and apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changes in lab.yaml</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PowerFeed</name>
    <message>
        <source>Port %1 of %2 was not switched: no lab is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this lab has no PoE power controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now powered by port %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered on: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered off: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 was not power cycled: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 powered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 powered off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 of %2 power cycled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PowerManager</name>
    <message>
        <source>Switch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 of switch %2 is listed in protected_ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 of switch %2 is not mapped to a managed device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no power binding (set its switch port, or drag it onto a port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch %1 is not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>power control is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no switch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; switching it needs an explicit override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a power action on %1 is already in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a device of this lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid port name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 of switch %2 is protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PoE power control</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PowerPage</name>
    <message>
        <source>This lab has no PoE switch. Add one under switches: in the lab file to power devices on and off from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 W of %3 W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices — drag onto a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from port %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileCard</name>
    <message numerus="yes">
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n device: %1</numerusform>
            <numerusform>%n devices: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Boot entries and settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the boot entries and settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank UEFI store (generated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileChip</name>
    <message>
        <source>Profile %1, drag onto a device to assign it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message numerus="yes">
        <source>Profile %1 imported (%n variable(s)).</source>
        <translation>
            <numerusform>Profile %1 imported (%n variable).</numerusform>
            <numerusform>Profile %1 imported (%n variables).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 imported: %2, %n variable(s).</source>
        <translation>
            <numerusform>Profile %1 imported: %2, %n variable.</numerusform>
            <numerusform>Profile %1 imported: %2, %n variables.</numerusform>
        </translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding profile %1 to the lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The imported profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Drop an RPI_EFI.fd, a virt-fw-vars .json or a pftf release .zip anywhere on this window to import it as a profile, or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/RPi4_UEFI_Firmware_v1.38.zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the firmware file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet: drop a firmware file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices — drop a profile on one (or on a selected one: all selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Metal Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab configuration cannot be used:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedfishService</name>
    <message>
        <source>cannot load the Redfish accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the initial Redfish account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceListModel</name>
    <message>
        <source>DHCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consoles (netconsole, syslog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not part of this build yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full DHCP (hands out addresses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy DHCP (boot information only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesBar</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other PXE server seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP server seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface %1, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · disabled in lab.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not part of this build yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingField</name>
    <message>
        <source>set for this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set in this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the firmware image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firmware default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by the firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Loopback: only the built-in virtual Pis can use it (the demo lab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wi-Fi: the Raspberry Pi cannot netboot over Wi-Fi, and most access points drop PXE broadcasts. Use a wired interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual adapter (container, VM or VPN network): real Pis are not on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link: plug the cable to the lab switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IPv4 address: give the interface an address before serving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo lab&apos;s virtual Pis use proxy DHCP on loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This interface has no IPv4 address. Give it a static address (for an isolated lab switch, then use full DHCP) or connect it to a network with a DHCP server (then use proxy DHCP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface only has a link-local address, so no DHCP server answered on it. Give it a static address and let Metal Boot hand out addresses (full DHCP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A router (%1) is on this network and most likely runs DHCP. Proxy DHCP leaves addresses to it and only adds the boot information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No router is reachable through this interface (no default route): it looks like an isolated lab switch, so Metal Boot should hand out the addresses (full DHCP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metal Boot&apos;s DHCP service saw %1 hand out addresses on this network: proxy DHCP leaves the addresses to it and only adds the boot information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No DHCP server answered on this interface while Metal Boot&apos;s DHCP service watched it, and there is no router: Metal Boot should hand out the addresses (full DHCP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1 also answers netboot (PXE) requests; switch that off, or the Pis boot from whichever server answers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP, TFTP, HTTP and consoles serve on %1 (were on %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full DHCP: addresses %1 – %2 (netmask %3)%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, router %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy DHCP: your existing DHCP server keeps handing out addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard ports: DHCP 67 and 4011, TFTP 69 (the Pi bootloader uses no others).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP stays on port %1; Redfish stays on %2:%3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizardDialog</name>
    <message>
        <source>1 · Network interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Addresses (DHCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 · Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the demo lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the demo lab on loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strings</name>
    <message>
        <source>Metal Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netboot once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Powering on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DHCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TFTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iPXE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Powering off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TftpService</name>
    <message>
        <source>cannot bind udp %1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TFTP socket error (errno %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message numerus="yes">
        <source>%1 of %n device(s) up</source>
        <translation>
            <numerusform>%1 of %n device up</numerusform>
            <numerusform>%1 of %n devices up</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Metal Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start all services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop all services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 services running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metal Boot — %1
%2
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnknownConsolesView</name>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the lines of the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list of senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senders that are no known device. Adopt a discovered Pi on the Fleet page and its lines appear in its own console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No console lines from unknown senders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lines from this sender.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VirtualLab</name>
    <message>
        <source>Virtual lab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n error(s) in %1</source>
        <translation>
            <numerusform>%n error in %1</numerusform>
            <numerusform>%n errors in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: configuration is valid (%2 devices, %3 switches, %4 profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import metal-boot netboot.yaml / backend.yaml files into lab.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netboot.yaml to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backend.yaml to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to import: give --netboot FILE and/or --backend FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved %1 (%2 devices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the result to FILE instead of editing in place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: metalboot efi &lt;command&gt; FILE [options]

Commands (FILE is an RPI_EFI.fd, an OVMF/AAVMF *_VARS.fd or a bare variable store):
  print FILE [--verbose] [--hexdump]      list variables (virt-fw-vars --print format; FILE may be JSON)
  info FILE                               store layout, usage and boot entries
  export FILE --json OUT                  write the variables as virt-fw-vars JSON v2 (OUT &apos;-&apos; = stdout)
  apply FILE --json IN [--output OUT]     add or replace variables from JSON (never deletes)
  boot-order FILE [--set 0003,0001]       show or set BootOrder
  add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]
  set FILE NAME[:GUID] VALUE [--output OUT]  set a Raspberry Pi setting, a boot variable or raw hex (hex:...)
  delete FILE NAME[:GUID] [--output OUT]  delete a variable
  settings FILE                           Raspberry Pi settings with their values
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: metalboot efi </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbose listing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex dump of each variable (with --verbose).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output JSON file (&apos;-&apos; for stdout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --json OUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON file with variables to add or replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apply needs --json IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 variables added or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New boot order, e.g. 0003,0001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a boot entry number (4 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootOrder set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAC address of the network interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the entry first in BootOrder (default: last).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PXE over IPv6 instead of IPv4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add-pxe needs --mac MAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a MAC address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes for a new variable (default 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a GUID nor a known GUID name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext takes a boot entry number (4 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BootNext = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists under several GUIDs; write NAME:GUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 bytes: give a number that fits, or hex:...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the value of %1 as hex:... (it is not a known setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist; write NAME:GUID to create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--attr takes a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[read-only] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>efi::PiSettings</name>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (CustomCpuClock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arm core clock: low, the board default, the maximum, or the custom value below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom CPU clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock used when CPU clock is Custom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than 3 GB RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by the firmware on every boot (1 on boards with more than 3 GB); read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit to 3 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit RAM to 3 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide memory above 3 GB (for OSes whose DMA cannot reach it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACPI + Devicetree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devicetree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System table mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware description handed to the OS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPIO 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPIO 19</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACPI fan on GPIO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPIO pin of a fan driven through ACPI (ACPI mode only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fan temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SoC temperature at which the ACPI fan turns on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XHCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe (CM4 default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe / XHCI mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expose the VL805 USB controller as XHCI or the raw PCIe bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XHCI reload quirk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The devicetree carries the XHCI firmware reload quirk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMBIOS asset tag, up to 32 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eMMC2 (Pi 4 default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arasan SDHCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uSD controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which controller the micro-SD slot is routed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable multi-block transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work around cards that fail multi-block reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force 1-bit mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a 1-bit bus instead of 4 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force default speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never switch the card to high speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD default speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bus clock in default-speed mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD high speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bus clock in high-speed mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eMMC DMA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use DMA (on) or PIO (off) for the eMMC2 controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>800x600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>640x480</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1024x768</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>720p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1080p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video modes offered to the OS (one byte, one bit per mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot hotkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow screenshots with Ctrl+Alt+F12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JTAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route the JTAG pins (GPIO 22-27).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before a reset; the firmware raises it after saving variables to slow media.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text console width.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text console height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console the firmware prefers when both are present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot menu timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds before the first boot entry starts (65535 waits forever).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect network devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect all devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot discovery policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which devices the boot manager connects to find boot options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot start the lab:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. See --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netboot server and BMC for a Raspberry Pi fleet.

Commands:
  import    import metal-boot netboot.yaml/backend.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a GUI (server mode).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab file to use (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate a lab file and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language for this run (en, de, fr; default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
