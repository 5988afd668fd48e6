<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkActionBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
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
        <source>Power %1: %n device(s) done</source>
        <translation>
            <numerusform>Power %1: %n device done</numerusform>
            <numerusform>Power %1: %n devices done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Netboot once set for %n device(s): they boot from the network next time.</source>
        <translation>
            <numerusform>Netboot once set for %n device: they boot from the network next time.</numerusform>
            <numerusform>Netboot once set for %n devices: they boot from the network next time.</numerusform>
        </translation>
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
</context>
</TS>
