<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BootEditorPage</name>
    <message>
        <source>Boot configuration — %1</source>
        <translation>Configuration de démarrage — %1</translation>
    </message>
    <message>
        <source>Boot entries — %1</source>
        <translation>Entrées de démarrage — %1</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Modifier le profil %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last boot configuration change</source>
        <translation>Annuler la dernière modification de la configuration de démarrage</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Tout rétablir</translation>
    </message>
    <message>
        <source>Revert all boot configuration changes</source>
        <translation>Rétablir toutes les modifications de la configuration de démarrage</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Appliquer…</translation>
    </message>
    <message>
        <source>Apply boot configuration changes</source>
        <translation>Appliquer les modifications de la configuration de démarrage</translation>
    </message>
    <message>
        <source>Close the boot editor</source>
        <translation>Fermer l&apos;éditeur de démarrage</translation>
    </message>
    <message>
        <source>Boot entries</source>
        <translation>Entrées de démarrage</translation>
    </message>
    <message>
        <source>UEFI settings</source>
        <translation>Paramètres UEFI</translation>
    </message>
    <message>
        <source>Changes to apply</source>
        <translation>Modifications à appliquer</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Aucune modification.</translation>
    </message>
</context>
<context>
    <name>BootEditorView</name>
    <message>
        <source>Discard the changes that were not applied?</source>
        <translation>Abandonner les modifications non appliquées ?</translation>
    </message>
</context>
<context>
    <name>BootEntriesPane</name>
    <message>
        <source>No boot entries: the firmware creates its own at the first boot.</source>
        <translation>Aucune entrée de démarrage : le firmware crée les siennes au premier démarrage.</translation>
    </message>
    <message>
        <source>Network entries for</source>
        <translation>Entrées réseau pour</translation>
    </message>
    <message>
        <source>Device whose network card new PXE and HTTP entries use</source>
        <translation>Appareil dont la carte réseau est utilisée par les nouvelles entrées PXE et HTTP</translation>
    </message>
    <message>
        <source>(no device uses this profile)</source>
        <translation>(aucun appareil n&apos;utilise ce profil)</translation>
    </message>
    <message>
        <source>Add PXE entry</source>
        <translation>Ajouter une entrée PXE</translation>
    </message>
    <message>
        <source>HTTP boot URI</source>
        <translation>URI de démarrage HTTP</translation>
    </message>
    <message>
        <source>http://server/boot.efi</source>
        <translation>http://serveur/boot.efi</translation>
    </message>
    <message>
        <source>Add HTTP boot entry</source>
        <translation>Ajouter une entrée de démarrage HTTP</translation>
    </message>
    <message>
        <source>Disk entry name</source>
        <translation>Nom de l&apos;entrée disque</translation>
    </message>
    <message>
        <source>Disk entry description</source>
        <translation>Description de l&apos;entrée disque</translation>
    </message>
    <message>
        <source>Disk entry loader path</source>
        <translation>Chemin du chargeur de l&apos;entrée disque</translation>
    </message>
    <message>
        <source>Add disk entry</source>
        <translation>Ajouter une entrée disque</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>Délai (secondes)</translation>
    </message>
    <message>
        <source>Boot menu timeout in seconds</source>
        <translation>Délai du menu de démarrage en secondes</translation>
    </message>
    <message>
        <source>Clear BootNext</source>
        <translation>Effacer BootNext</translation>
    </message>
    <message>
        <source>Loader on any disk, e.g. %1</source>
        <translation>Chargeur sur n&apos;importe quel disque, p. ex. %1</translation>
    </message>
</context>
<context>
    <name>BootEntryModel</name>
    <message>
        <source>Applying boot entries needs a running lab.</source>
        <translation>L&apos;application des entrées de démarrage nécessite un labo en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>BootOrder: %1 → %2</source>
        <translation>BootOrder : %1 → %2</translation>
    </message>
    <message>
        <source>%1 added: &quot;%2&quot; %3</source>
        <translation>%1 ajoutée : « %2 » %3</translation>
    </message>
    <message>
        <source>%1 description: &quot;%2&quot; → &quot;%3&quot;</source>
        <translation>Description de %1 : « %2 » → « %3 »</translation>
    </message>
    <message>
        <source>%1 activated</source>
        <translation>%1 activée</translation>
    </message>
    <message>
        <source>%1 deactivated</source>
        <translation>%1 désactivée</translation>
    </message>
    <message>
        <source>Boot%1 removed (&quot;%2&quot;)</source>
        <translation>Boot%1 supprimée (« %2 »)</translation>
    </message>
    <message>
        <source>BootNext: %1 → %2</source>
        <translation>BootNext : %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Timeout: %1 s → %2 s</source>
        <translation>Délai : %1 s → %2 s</translation>
    </message>
</context>
<context>
    <name>BootEntryRow</name>
    <message>
        <source>%1, %2, position %3</source>
        <translation>%1, %2, position %3</translation>
    </message>
    <message>
        <source>Move %1 up</source>
        <translation>Monter %1</translation>
    </message>
    <message>
        <source>Move %1 down</source>
        <translation>Descendre %1</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 active</translation>
    </message>
    <message>
        <source> (not in BootOrder)</source>
        <translation> (absente de BootOrder)</translation>
    </message>
    <message>
        <source>Description of %1</source>
        <translation>Description de %1</translation>
    </message>
    <message>
        <source>BootNext</source>
        <translation>BootNext</translation>
    </message>
    <message>
        <source>Boot %1 next time only</source>
        <translation>Démarrer sur %1 au prochain démarrage uniquement</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
</context>
<context>
    <name>BootTimeline</name>
    <message>
        <source>The DHCP server refused the requested address. Check the pool range and the device&apos;s reservation, and that no other DHCP server hands out the same subnet.</source>
        <translation>Le serveur DHCP a refusé l&apos;adresse demandée. Vérifiez la plage du pool et la réservation de l&apos;appareil, et qu&apos;aucun autre serveur DHCP ne distribue le même sous-réseau.</translation>
    </message>
    <message>
        <source>Metal Boot ignored the request: the device is not adopted, its netboot is disabled (allow_pxe), or its MAC prefix is not in the Pi list. Adopt it in the Fleet view.</source>
        <translation>Metal Boot a ignoré la requête : l&apos;appareil n&apos;est pas adopté, son démarrage réseau est désactivé (allow_pxe) ou son préfixe MAC n&apos;est pas dans la liste des Pi. Adoptez-le dans la vue Parc.</translation>
    </message>
    <message>
        <source>The device declined the offered address because something else on the network already uses it. Look for a static IP conflict.</source>
        <translation>L&apos;appareil a refusé l&apos;adresse proposée car elle est déjà utilisée sur le réseau. Recherchez un conflit d&apos;IP statique.</translation>
    </message>
    <message>
        <source>A boot file could not be sent over TFTP. Check that the file exists in the TFTP root (Services ▸ Diagnose lists missing boot files), the serial-number folder name, and that UDP port 69 is not blocked by a firewall.</source>
        <translation>Un fichier de démarrage n&apos;a pas pu être envoyé par TFTP. Vérifiez que le fichier existe dans la racine TFTP (Services ▸ Diagnostic liste les fichiers de démarrage manquants), le nom du dossier du numéro de série, et que le port UDP 69 n&apos;est pas bloqué par un pare-feu.</translation>
    </message>
    <message>
        <source>iPXE could not fetch its script, kernel or initrd over HTTP. Check the HTTP service address is reachable from the device and the files exist under the HTTP root.</source>
        <translation>iPXE n&apos;a pas pu récupérer son script, son noyau ou son initrd par HTTP. Vérifiez que l&apos;adresse du service HTTP est joignable depuis l&apos;appareil et que les fichiers existent dans la racine HTTP.</translation>
    </message>
    <message>
        <source>The UEFI firmware image for this device could not be produced. Check the firmware profile (base image, variables) assigned to the device.</source>
        <translation>L&apos;image firmware UEFI de cet appareil n&apos;a pas pu être produite. Vérifiez le profil firmware (image de base, variables) attribué à l&apos;appareil.</translation>
    </message>
    <message>
        <source>The switch did not apply the power change. Check the switch credentials, that the port mapping is right and that the port is not protected.</source>
        <translation>Le commutateur n&apos;a pas appliqué le changement d&apos;alimentation. Vérifiez les identifiants du commutateur, que l&apos;affectation des ports est correcte et que le port n&apos;est pas protégé.</translation>
    </message>
    <message>
        <source>Power was applied but the device never asked for an address. Check the cable and PoE budget, that the Pi&apos;s EEPROM BOOT_ORDER includes network boot (0x2), and that the switch port is in the lab VLAN with spanning tree portfast.</source>
        <translation>L&apos;alimentation est appliquée mais l&apos;appareil n&apos;a jamais demandé d&apos;adresse. Vérifiez le câble et le budget PoE, que le BOOT_ORDER de l&apos;EEPROM du Pi inclut le démarrage réseau (0x2), et que le port du commutateur est dans le VLAN du labo avec le portfast du spanning tree.</translation>
    </message>
    <message>
        <source>The DHCP exchange did not complete. In proxy mode another DHCP server must give the address; in full mode check the pool. Another PXE server on the segment can also answer first.</source>
        <translation>L&apos;échange DHCP n&apos;a pas abouti. En mode proxy, un autre serveur DHCP doit fournir l&apos;adresse ; en mode complet, vérifiez le pool. Un autre serveur PXE sur le segment peut aussi répondre en premier.</translation>
    </message>
    <message>
        <source>The bootloader stopped while fetching files over TFTP. Check start4.elf, fixup4.dat, config.txt and RPI_EFI.fd in the TFTP root and the firewall for UDP 69.</source>
        <translation>Le chargeur d&apos;amorçage s&apos;est arrêté pendant le téléchargement de fichiers par TFTP. Vérifiez start4.elf, fixup4.dat, config.txt et RPI_EFI.fd dans la racine TFTP, ainsi que le pare-feu pour UDP 69.</translation>
    </message>
    <message>
        <source>UEFI started but did not reach iPXE. Check the profile&apos;s boot order (the network entry first), and that the boot file for UEFI clients is served.</source>
        <translation>UEFI a démarré mais n&apos;a pas atteint iPXE. Vérifiez l&apos;ordre de démarrage du profil (l&apos;entrée réseau en premier) et que le fichier de démarrage des clients UEFI est servi.</translation>
    </message>
    <message>
        <source>iPXE started but did not load an operating system. Check the device&apos;s iPXE script or script URL and the HTTP service.</source>
        <translation>iPXE a démarré mais n&apos;a pas chargé de système d&apos;exploitation. Vérifiez le script iPXE ou l&apos;URL de script de l&apos;appareil et le service HTTP.</translation>
    </message>
    <message>
        <source>The kernel was loaded but the operating system never reported in. Check the kernel command line (console, root=) and the device&apos;s serial console.</source>
        <translation>Le noyau a été chargé mais le système d&apos;exploitation ne s&apos;est jamais signalé. Vérifiez la ligne de commande du noyau (console, root=) et la console série de l&apos;appareil.</translation>
    </message>
    <message>
        <source>No DHCP request since power-on. Is network boot in the Pi&apos;s BOOT_ORDER, is the cable in the right switch port, and is spanning tree delaying the link (enable portfast)?</source>
        <translation>Aucune requête DHCP depuis la mise sous tension. Le démarrage réseau figure-t-il dans le BOOT_ORDER du Pi, le câble est-il dans le bon port du commutateur, et le spanning tree retarde-t-il le lien (activez portfast) ?</translation>
    </message>
    <message>
        <source>The device keeps asking for an address without moving on to TFTP. In proxy mode, check that the main DHCP server answers; check for other PXE servers on the segment.</source>
        <translation>L&apos;appareil redemande sans cesse une adresse sans passer à TFTP. En mode proxy, vérifiez que le serveur DHCP principal répond ; recherchez d&apos;autres serveurs PXE sur le segment.</translation>
    </message>
    <message>
        <source>TFTP transfers started but the firmware never started. Look in the journal for files that were not found, and check the TFTP root.</source>
        <translation>Des transferts TFTP ont commencé mais le firmware n&apos;a jamais démarré. Cherchez dans le journal les fichiers introuvables et vérifiez la racine TFTP.</translation>
    </message>
    <message>
        <source>UEFI has been running for a long time without network boot. The boot order may start with another device, or UEFI is waiting at a prompt.</source>
        <translation>UEFI tourne depuis longtemps sans démarrage réseau. L&apos;ordre de démarrage commence peut-être par un autre périphérique, ou UEFI attend à une invite.</translation>
    </message>
    <message>
        <source>iPXE is running but has not fetched a kernel. The script may be waiting or failing; check the HTTP service and the device&apos;s console.</source>
        <translation>iPXE tourne mais n&apos;a pas récupéré de noyau. Le script attend peut-être ou échoue ; vérifiez le service HTTP et la console de l&apos;appareil.</translation>
    </message>
    <message>
        <source>The operating system is taking very long to come up. Check the device&apos;s console for a kernel panic or a root filesystem that cannot be mounted.</source>
        <translation>Le système d&apos;exploitation met très longtemps à démarrer. Vérifiez dans la console de l&apos;appareil s&apos;il y a une panique du noyau ou un système de fichiers racine impossible à monter.</translation>
    </message>
    <message>
        <source>Look at the journal below for the first error of this boot.</source>
        <translation>Cherchez dans le journal ci-dessous la première erreur de ce démarrage.</translation>
    </message>
</context>
<context>
    <name>BootTimelineView</name>
    <message>
        <source>No boot recorded yet. Power the device on or netboot it to see each step here.</source>
        <translation>Aucun démarrage enregistré pour l&apos;instant. Allumez l&apos;appareil ou démarrez-le par le réseau pour voir chaque étape ici.</translation>
    </message>
    <message>
        <source>Boot attempt %1 · %2</source>
        <translation>Tentative de démarrage %1 · %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Failed during %1</source>
        <translation>Échec pendant %1</translation>
    </message>
    <message>
        <source>Stalled in %1</source>
        <translation>Bloqué à l&apos;étape %1</translation>
    </message>
</context>
<context>
    <name>BulkActionBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>Power on the selected devices</source>
        <translation>Allumer les appareils sélectionnés</translation>
    </message>
    <message>
        <source>Power off the selected devices</source>
        <translation>Éteindre les appareils sélectionnés</translation>
    </message>
    <message>
        <source>Power cycle the selected devices</source>
        <translation>Couper puis rétablir l&apos;alimentation des appareils sélectionnés</translation>
    </message>
    <message>
        <source>Netboot the selected devices once</source>
        <translation>Démarrer une fois par le réseau les appareils sélectionnés</translation>
    </message>
    <message>
        <source>Boot from the network on the next boot only</source>
        <translation>Démarrer par le réseau au prochain démarrage uniquement</translation>
    </message>
    <message>
        <source>Adopt the selected devices</source>
        <translation>Adopter les appareils sélectionnés</translation>
    </message>
    <message>
        <source>Profile to assign</source>
        <translation>Profil à attribuer</translation>
    </message>
    <message>
        <source>Assign profile</source>
        <translation>Attribuer le profil</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Effacer la sélection</translation>
    </message>
</context>
<context>
    <name>ConfirmActionDialog</name>
    <message numerus="yes">
        <source>%1 — %n device(s)</source>
        <translation>
            <numerusform>%1 — %n appareil</numerusform>
            <numerusform>%1 — %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Power is cut and restored on these devices. Anything running on them stops without a shutdown.</source>
        <translation>L&apos;alimentation de ces appareils est coupée puis rétablie. Tout ce qui s&apos;y exécute s&apos;arrête sans extinction propre.</translation>
    </message>
    <message>
        <source>Power is cut on these devices. Anything running on them stops without a shutdown.</source>
        <translation>L&apos;alimentation de ces appareils est coupée. Tout ce qui s&apos;y exécute s&apos;arrête sans extinction propre.</translation>
    </message>
    <message>
        <source>%1  (%2) — %3</source>
        <translation>%1  (%2) — %3</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>Confirmer : %1</translation>
    </message>
</context>
<context>
    <name>ConfirmApplyDialog</name>
    <message numerus="yes">
        <source>Apply %n change(s) to %1?</source>
        <translation>
            <numerusform>Appliquer %n modification à %1 ?</numerusform>
            <numerusform>Appliquer %n modifications à %1 ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply the listed changes</source>
        <translation>Appliquer les modifications listées</translation>
    </message>
</context>
<context>
    <name>ConfirmPortDialog</name>
    <message>
        <source>Power cycle port %1 of %2?</source>
        <translation>Couper puis rétablir l&apos;alimentation du port %1 de %2 ?</translation>
    </message>
    <message>
        <source>Turn off port %1 of %2?</source>
        <translation>Éteindre le port %1 de %2 ?</translation>
    </message>
    <message>
        <source>Turn on port %1 of %2?</source>
        <translation>Allumer le port %1 de %2 ?</translation>
    </message>
    <message>
        <source>Device on this port: %1</source>
        <translation>Appareil sur ce port : %1</translation>
    </message>
    <message>
        <source>No managed device is mapped to this port.</source>
        <translation>Aucun appareil géré n&apos;est associé à ce port.</translation>
    </message>
    <message>
        <source>Anything running on it stops without a shutdown.</source>
        <translation>Tout ce qui s&apos;y exécute s&apos;arrête sans extinction propre.</translation>
    </message>
    <message>
        <source>This port is listed as protected (an uplink or infrastructure port): switching it can cut this machine or the whole lab off the network. Switch it anyway.</source>
        <translation>Ce port est déclaré protégé (port de liaison montante ou d&apos;infrastructure) : le commuter peut couper cette machine ou tout le labo du réseau. Le commuter quand même.</translation>
    </message>
    <message>
        <source>No managed device is mapped to this port: whatever is plugged in (an access point, a camera, another switch) loses power. Switch it anyway.</source>
        <translation>Aucun appareil géré n&apos;est associé à ce port : ce qui y est branché (un point d&apos;accès, une caméra, un autre commutateur) perd son alimentation. Le commuter quand même.</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Éteindre</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Allumer</translation>
    </message>
</context>
<context>
    <name>ConsoleFeed</name>
    <message>
        <source>no engine</source>
        <translation>pas de moteur</translation>
    </message>
    <message>
        <source>the console service is not available</source>
        <translation>le service des consoles n’est pas disponible</translation>
    </message>
</context>
<context>
    <name>ConsoleModel</name>
    <message>
        <source>Give the full path of the file to write (%1).</source>
        <translation>Indiquez le chemin complet du fichier à écrire (%1).</translation>
    </message>
    <message>
        <source>A save is already in progress.</source>
        <translation>Un enregistrement est déjà en cours.</translation>
    </message>
    <message numerus="yes">
        <source>%n console line(s) saved to %1</source>
        <translation>
            <numerusform>%n ligne de console enregistrée dans %1</numerusform>
            <numerusform>%n lignes de console enregistrées dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The console was not saved to %1: %2</source>
        <translation>La console n’a pas été enregistrée dans %1 : %2</translation>
    </message>
    <message>
        <source>This device has no serial console.</source>
        <translation>Cet appareil n’a pas de console série.</translation>
    </message>
    <message>
        <source>The serial port %1 is not open.</source>
        <translation>Le port série %1 n’est pas ouvert.</translation>
    </message>
    <message>
        <source>Still sending the previous line.</source>
        <translation>La ligne précédente est encore en cours d’envoi.</translation>
    </message>
    <message numerus="yes">
        <source>Send 1 to %n bytes at a time.</source>
        <translation>
            <numerusform>Envoyez de 1 à %n octet à la fois.</numerusform>
            <numerusform>Envoyez de 1 à %n octets à la fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
</context>
<context>
    <name>ConsoleService</name>
    <message>
        <source>cannot listen for netconsole on udp %1:%2: %3</source>
        <translation>impossible d&apos;écouter netconsole sur UDP %1:%2 : %3</translation>
    </message>
    <message>
        <source>cannot listen for syslog on udp %1:%2: %3</source>
        <translation>impossible d&apos;écouter syslog sur UDP %1:%2 : %3</translation>
    </message>
    <message>
        <source>Consoles</source>
        <translation>Consoles</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>this machine&apos;s address</source>
        <translation>l’adresse de cette machine</translation>
    </message>
    <message>
        <source>Show lines from</source>
        <translation>Afficher les lignes de</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>netconsole</source>
        <translation>netconsole</translation>
    </message>
    <message>
        <source>syslog</source>
        <translation>syslog</translation>
    </message>
    <message>
        <source>serial</source>
        <translation>série</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Filter the console</source>
        <translation>Filtrer la console</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Follow the newest lines</source>
        <translation>Suivre les lignes les plus récentes</translation>
    </message>
    <message numerus="yes">
        <source>Resume (%n new)</source>
        <translation>
            <numerusform>Reprendre (%n nouvelle)</numerusform>
            <numerusform>Reprendre (%n nouvelles)</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume the console</source>
        <translation>Reprendre la console</translation>
    </message>
    <message>
        <source>Pause the console</source>
        <translation>Mettre la console en pause</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the shown console lines</source>
        <translation>Copier les lignes de console affichées</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Save the shown console lines to a file</source>
        <translation>Enregistrer les lignes de console affichées dans un fichier</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the console view</source>
        <translation>Effacer la vue de la console</translation>
    </message>
    <message>
        <source>Serial %1: open</source>
        <translation>Série %1 : ouverte</translation>
    </message>
    <message>
        <source>Serial %1: %2</source>
        <translation>Série %1 : %2</translation>
    </message>
    <message>
        <source>Serial %1: closed</source>
        <translation>Série %1 : fermée</translation>
    </message>
    <message>
        <source>Paused: new lines are held back until you resume.</source>
        <translation>En pause : les nouvelles lignes sont retenues jusqu’à la reprise.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Aucune ligne ne correspond au filtre.</translation>
    </message>
    <message>
        <source>No console output from this device yet.</source>
        <translation>Aucune sortie console de cet appareil pour l’instant.</translation>
    </message>
    <message>
        <source>The console service is not running: start “Consoles” on the Services page.</source>
        <translation>Le service de consoles ne tourne pas : démarrez « Consoles » dans la page Services.</translation>
    </message>
    <message>
        <source>Netconsole is on for this device: its kernel sends to udp %1:%2 from its next netboot.</source>
        <translation>Netconsole est activé pour cet appareil : son noyau envoie vers udp %1:%2 dès son prochain démarrage réseau.</translation>
    </message>
    <message>
        <source>Enable netconsole to see its kernel messages: netconsole= (to udp %1:%2) is added to its kernel command line at its next netboot.</source>
        <translation>Activez netconsole pour voir ses messages du noyau : netconsole= (vers udp %1:%2) est ajouté à sa ligne de commande du noyau lors de son prochain démarrage réseau.</translation>
    </message>
    <message>
        <source>Enable netconsole</source>
        <translation>Activer netconsole</translation>
    </message>
    <message>
        <source>Enable netconsole for %1</source>
        <translation>Activer netconsole pour %1</translation>
    </message>
    <message>
        <source>Or point the device&apos;s syslog at udp %1:%2 (rsyslog: *.* @%1:%2).</source>
        <translation>Ou dirigez le syslog de l’appareil vers udp %1:%2 (rsyslog : *.* @%1:%2).</translation>
    </message>
    <message>
        <source>Save the shown lines to</source>
        <translation>Enregistrer les lignes affichées dans</translation>
    </message>
    <message>
        <source>File to save the console to</source>
        <translation>Fichier dans lequel enregistrer la console</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the console</source>
        <translation>Enregistrer la console</translation>
    </message>
    <message>
        <source>Type a line for the serial console, Enter sends it</source>
        <translation>Tapez une ligne pour la console série, Entrée l’envoie</translation>
    </message>
    <message>
        <source>The serial port is not open</source>
        <translation>Le port série n’est pas ouvert</translation>
    </message>
    <message>
        <source>Line to send to the serial console</source>
        <translation>Ligne à envoyer à la console série</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the line to the serial console</source>
        <translation>Envoyer la ligne à la console série</translation>
    </message>
    <message>
        <source>Ctrl-C</source>
        <translation>Ctrl-C</translation>
    </message>
    <message>
        <source>Send Ctrl-C to the serial console</source>
        <translation>Envoyer Ctrl-C à la console série</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>Sélectionner %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation>%1 · %2 W</translation>
    </message>
</context>
<context>
    <name>DeviceChip</name>
    <message>
        <source>%1, drag onto a port to map it</source>
        <translation>%1, faites-le glisser sur un port pour l&apos;associer</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <source>Device name</source>
        <translation>Nom de l&apos;appareil</translation>
    </message>
    <message>
        <source>Rename device</source>
        <translation>Renommer l&apos;appareil</translation>
    </message>
    <message>
        <source>Close device panel</source>
        <translation>Fermer le panneau de l&apos;appareil</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit profile %1</source>
        <translation>Modifier le profil %1</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <source>%1 · %2 W</source>
        <translation>%1 · %2 W</translation>
    </message>
    <message>
        <source> (switch %1, port %2)</source>
        <translation> (commutateur %1, port %2)</translation>
    </message>
    <message>
        <source>Power on %1</source>
        <translation>Allumer %1</translation>
    </message>
    <message>
        <source>Power off %1</source>
        <translation>Éteindre %1</translation>
    </message>
    <message>
        <source>Power cycle %1</source>
        <translation>Couper puis rétablir l&apos;alimentation de %1</translation>
    </message>
    <message>
        <source>Netboot %1 once</source>
        <translation>Démarrer %1 une fois par le réseau</translation>
    </message>
    <message>
        <source>Boot and UEFI settings…</source>
        <translation>Démarrage et paramètres UEFI…</translation>
    </message>
    <message>
        <source>Boot entries and UEFI settings of %1</source>
        <translation>Entrées de démarrage et paramètres UEFI de %1</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>Adopter %1</translation>
    </message>
    <message>
        <source>Boot timeline</source>
        <translation>Chronologie du démarrage</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Console (%1)</source>
        <translation>Console (%1)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
</context>
<context>
    <name>DhcpService</name>
    <message>
        <source>DHCP server</source>
        <translation>Serveur DHCP</translation>
    </message>
    <message>
        <source>Proxy DHCP (PXE)</source>
        <translation>DHCP proxy (PXE)</translation>
    </message>
    <message>
        <source>DHCP cannot use interface %1: %2</source>
        <translation>DHCP ne peut pas utiliser l&apos;interface %1 : %2</translation>
    </message>
    <message>
        <source>no network interface carries %1</source>
        <translation>aucune interface réseau ne porte %1</translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2: %3</source>
        <translation>impossible d&apos;écouter sur UDP %1:%2 : %3</translation>
    </message>
    <message>
        <source>cannot listen on UDP %1:%2 (PXE): %3</source>
        <translation>impossible d&apos;écouter sur UDP %1:%2 (PXE) : %3</translation>
    </message>
    <message>
        <source>full DHCP mode needs pool.range_start, pool.range_end and pool.netmask</source>
        <translation>le mode DHCP complet nécessite pool.range_start, pool.range_end et pool.netmask</translation>
    </message>
    <message>
        <source>Other DHCP servers on %1 cannot be detected: %2</source>
        <translation>Les autres serveurs DHCP sur %1 ne peuvent pas être détectés : %2</translation>
    </message>
    <message>
        <source>%1 malformed DHCP packets were dropped recently (last: %2 from %3).</source>
        <translation>%1 paquets DHCP malformés ont été rejetés récemment (dernier : %2 de %3).</translation>
    </message>
    <message>
        <source>lease file %1 is larger than %2 bytes</source>
        <translation>le fichier de baux %1 dépasse %2 octets</translation>
    </message>
    <message>
        <source>cannot read lease file %1: %2</source>
        <translation>impossible de lire le fichier de baux %1 : %2</translation>
    </message>
    <message>
        <source>%1 lines of the lease file %2 could not be read and were skipped.</source>
        <translation>%1 lignes du fichier de baux %2 n&apos;ont pas pu être lues et ont été ignorées.</translation>
    </message>
    <message>
        <source>Cannot save the DHCP leases to %1: %2</source>
        <translation>Impossible d&apos;enregistrer les baux DHCP dans %1 : %2</translation>
    </message>
    <message>
        <source>Another PXE/netboot server (%1) answers on %2. Two netboot responders make clients boot unpredictably; switch one off.</source>
        <translation>Un autre serveur PXE/de démarrage réseau (%1) répond sur %2. Avec deux serveurs de démarrage réseau, les clients démarrent de façon imprévisible ; désactivez-en un.</translation>
    </message>
    <message>
        <source>Another DHCP server (%1) hands out addresses on %2 while Metal Boot runs in full DHCP mode.</source>
        <translation>Un autre serveur DHCP (%1) distribue des adresses sur %2 alors que Metal Boot fonctionne en mode DHCP complet.</translation>
    </message>
</context>
<context>
    <name>DiagnosePanel</name>
    <message>
        <source>Diagnose</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <source>No problem found</source>
        <translation>Aucun problème détecté</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Lancer les vérifications</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Run diagnostics</source>
        <translation>Lancer le diagnostic</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>%1 failed</source>
        <translation>Échec de %1</translation>
    </message>
    <message>
        <source>No reason was reported.</source>
        <translation>Aucune raison n&apos;a été indiquée.</translation>
    </message>
    <message>
        <source>Fix the cause shown, then start the service again on this page.</source>
        <translation>Corrigez la cause indiquée, puis redémarrez le service sur cette page.</translation>
    </message>
    <message>
        <source>Ports were not checked</source>
        <translation>Les ports n&apos;ont pas été vérifiés</translation>
    </message>
    <message>
        <source>The list of open sockets (/proc/net) is not readable on this system.</source>
        <translation>La liste des sockets ouverts (/proc/net) n&apos;est pas lisible sur ce système.</translation>
    </message>
    <message>
        <source>another program on %1</source>
        <translation>un autre programme sur %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 is already in use</source>
        <translation>%1 est déjà utilisé</translation>
    </message>
    <message>
        <source>Used by %1.</source>
        <translation>Utilisé par %1.</translation>
    </message>
    <message>
        <source>Stop the other DHCP/PXE server (dnsmasq, a libvirt network, another netboot tool) or choose another interface.</source>
        <translation>Arrêtez l&apos;autre serveur DHCP/PXE (dnsmasq, un réseau libvirt, un autre outil de démarrage réseau) ou choisissez une autre interface.</translation>
    </message>
    <message>
        <source>Stop the other program or change this service&apos;s port.</source>
        <translation>Arrêtez l&apos;autre programme ou changez le port de ce service.</translation>
    </message>
    <message>
        <source>%1 is served by Metal Boot</source>
        <translation>%1 est servi par Metal Boot</translation>
    </message>
    <message>
        <source>%1 is free</source>
        <translation>%1 est libre</translation>
    </message>
    <message>
        <source>Privileged ports can be bound</source>
        <translation>Les ports privilégiés peuvent être liés</translation>
    </message>
    <message>
        <source>Running as root; needed for %1.</source>
        <translation>Exécution en root ; nécessaire pour %1.</translation>
    </message>
    <message>
        <source>This process has CAP_NET_BIND_SERVICE; needed for %1.</source>
        <translation>Ce processus dispose de CAP_NET_BIND_SERVICE ; nécessaire pour %1.</translation>
    </message>
    <message>
        <source>The capability is on the file but not in effect</source>
        <translation>La capacité est posée sur le fichier mais n&apos;est pas effective</translation>
    </message>
    <message>
        <source>%1 carries CAP_NET_BIND_SERVICE, but this process does not have it (started through a wrapper, a debugger, or from a nosuid mount). Needed for %2.</source>
        <translation>%1 porte CAP_NET_BIND_SERVICE, mais ce processus ne l&apos;a pas (lancé via un wrapper, un débogueur ou depuis un montage nosuid). Nécessaire pour %2.</translation>
    </message>
    <message>
        <source>Start the binary directly, or run the Metal Boot system service.</source>
        <translation>Lancez directement l&apos;exécutable, ou utilisez le service système Metal Boot.</translation>
    </message>
    <message>
        <source>Privileged ports cannot be bound</source>
        <translation>Les ports privilégiés ne peuvent pas être liés</translation>
    </message>
    <message>
        <source>%1 need CAP_NET_BIND_SERVICE (ports below %2), which this process does not have.</source>
        <translation>%1 nécessitent CAP_NET_BIND_SERVICE (ports inférieurs à %2), dont ce processus ne dispose pas.</translation>
    </message>
    <message>
        <source>Run the Metal Boot system service, or give the binary the capability: %1</source>
        <translation>Utilisez le service système Metal Boot, ou donnez la capacité à l&apos;exécutable : %1</translation>
    </message>
    <message>
        <source>The TFTP root does not exist</source>
        <translation>La racine TFTP n&apos;existe pas</translation>
    </message>
    <message>
        <source>Create the folder and put the boot files there, or set services.tftp.root.</source>
        <translation>Créez le dossier et placez-y les fichiers de démarrage, ou définissez services.tftp.root.</translation>
    </message>
    <message>
        <source>Raspberry Pi 4 boot files are missing</source>
        <translation>Des fichiers de démarrage du Raspberry Pi 4 manquent</translation>
    </message>
    <message>
        <source>%1 not found in %2.</source>
        <translation>%1 introuvable dans %2.</translation>
    </message>
    <message>
        <source>Copy start4.elf and fixup4.dat from the Raspberry Pi firmware&apos;s boot folder there, or import a pftf UEFI release (.zip) as a profile.</source>
        <translation>Copiez-y start4.elf et fixup4.dat depuis le dossier boot du firmware Raspberry Pi, ou importez une version UEFI pftf (.zip) comme profil.</translation>
    </message>
    <message>
        <source>Boot file %1 is missing</source>
        <translation>Le fichier de démarrage %1 est manquant</translation>
    </message>
    <message>
        <source>DHCP offers it to %1 clients, but it is neither in %2 nor in %3.</source>
        <translation>DHCP le propose aux clients %1, mais il ne se trouve ni dans %2 ni dans %3.</translation>
    </message>
    <message>
        <source>Install the ipxe package or copy the file into the TFTP root.</source>
        <translation>Installez le paquet ipxe ou copiez le fichier dans la racine TFTP.</translation>
    </message>
    <message>
        <source>The HTTP root does not exist yet</source>
        <translation>La racine HTTP n&apos;existe pas encore</translation>
    </message>
    <message>
        <source>Kernels, initrds and images served over HTTP go there.</source>
        <translation>Les noyaux, initrd et images servis par HTTP y sont placés.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; refers to a missing file</source>
        <translation>Le profil « %1 » fait référence à un fichier manquant</translation>
    </message>
    <message>
        <source>Import the profile again or fix its path in lab.yaml.</source>
        <translation>Importez à nouveau le profil ou corrigez son chemin dans lab.yaml.</translation>
    </message>
    <message>
        <source>Configured boot files and folders are present</source>
        <translation>Les fichiers et dossiers de démarrage configurés sont présents</translation>
    </message>
    <message numerus="yes">
        <source>%1; %n answer(s), last seen %2</source>
        <translation>
            <numerusform>%1 ; %n réponse, vue pour la dernière fois %2</numerusform>
            <numerusform>%1 ; %n réponses, vues pour la dernière fois %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Another PXE/netboot server answers on the lab network (%1)</source>
        <translation>Un autre serveur PXE/de démarrage réseau répond sur le réseau du labo (%1)</translation>
    </message>
    <message>
        <source>Switch off the netboot (PXE, option 66/67) answers of that server: with two netboot servers the Pis boot from whichever answers first.</source>
        <translation>Désactivez les réponses de démarrage réseau (PXE, option 66/67) de ce serveur : avec deux serveurs de démarrage réseau, les Pi démarrent sur celui qui répond en premier.</translation>
    </message>
    <message>
        <source>Another DHCP server hands out addresses next to Metal Boot&apos;s full DHCP (%1)</source>
        <translation>Un autre serveur DHCP distribue des adresses à côté du DHCP complet de Metal Boot (%1)</translation>
    </message>
    <message>
        <source>Use proxy DHCP mode (the other server keeps handing out addresses), or switch the other server off on this network.</source>
        <translation>Utilisez le mode DHCP proxy (l&apos;autre serveur continue de distribuer les adresses), ou désactivez l&apos;autre serveur sur ce réseau.</translation>
    </message>
    <message>
        <source>DHCP server %1 hands out addresses (expected next to proxy DHCP)</source>
        <translation>Le serveur DHCP %1 distribue des adresses (attendu avec le DHCP proxy)</translation>
    </message>
    <message>
        <source>No other DHCP/PXE server seen on %1</source>
        <translation>Aucun autre serveur DHCP/PXE détecté sur %1</translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not watched</source>
        <translation>Autres serveurs DHCP/PXE : non surveillés</translation>
    </message>
    <message>
        <source>The DHCP service watches for other servers only when it serves a network interface (not loopback).</source>
        <translation>Le service DHCP ne surveille les autres serveurs que lorsqu&apos;il sert une interface réseau (pas le loopback).</translation>
    </message>
    <message>
        <source>Other DHCP/PXE servers: not checked</source>
        <translation>Autres serveurs DHCP/PXE : non vérifiés</translation>
    </message>
    <message>
        <source>The DHCP service watches the network for other servers while it runs.</source>
        <translation>Le service DHCP surveille le réseau à la recherche d&apos;autres serveurs pendant son fonctionnement.</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
</context>
<context>
    <name>DiscoveredLane</name>
    <message numerus="yes">
        <source>Discovered — %n device(s) not in the lab yet</source>
        <translation>
            <numerusform>Découverts — %n appareil pas encore dans le labo</numerusform>
            <numerusform>Découverts — %n appareils pas encore dans le labo</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt all</source>
        <translation>Tout adopter</translation>
    </message>
    <message>
        <source>Adopt all discovered devices</source>
        <translation>Adopter tous les appareils découverts</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>Adopter %1</translation>
    </message>
</context>
<context>
    <name>DiscoveryStep</name>
    <message>
        <source>Waiting for Raspberry Pis… Power one on: it appears here when it asks for a netboot.</source>
        <translation>En attente de Raspberry Pi… Allumez-en un : il apparaît ici dès qu&apos;il demande un démarrage réseau.</translation>
    </message>
    <message numerus="yes">
        <source>%n new device(s) found</source>
        <translation>
            <numerusform>%n nouvel appareil trouvé</numerusform>
            <numerusform>%n nouveaux appareils trouvés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · serial %2 · %3</source>
        <translation>%1 · numéro de série %2 · %3</translation>
    </message>
    <message>
        <source>unknown model</source>
        <translation>modèle inconnu</translation>
    </message>
    <message>
        <source>Adopt %1</source>
        <translation>Adopter %1</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) in the lab.</source>
        <translation>
            <numerusform>%n appareil dans le labo.</numerusform>
            <numerusform>%n appareils dans le labo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
</context>
<context>
    <name>FirmwareEditor</name>
    <message>
        <source>Boot%1: a PXE entry needs the MAC address of a device</source>
        <translation>Boot%1 : une entrée PXE nécessite l&apos;adresse MAC d&apos;un appareil</translation>
    </message>
    <message>
        <source>Boot%1: an HTTP boot entry needs the MAC address of a device</source>
        <translation>Boot%1 : une entrée de démarrage HTTP nécessite l&apos;adresse MAC d&apos;un appareil</translation>
    </message>
    <message>
        <source>Boot%1: new disk entries are a loader path such as \EFI\BOOT\BOOTAA64.EFI (the firmware looks for it on every disk)</source>
        <translation>Boot%1 : les nouvelles entrées disque sont un chemin de chargeur tel que \EFI\BOOT\BOOTAA64.EFI (le firmware le cherche sur chaque disque)</translation>
    </message>
    <message>
        <source>Boot%1: unknown kind of entry</source>
        <translation>Boot%1 : type d&apos;entrée inconnu</translation>
    </message>
    <message>
        <source>BootNext is set per device (its next boot), not in a profile: open the device to set it.</source>
        <translation>BootNext se définit par appareil (son prochain démarrage), pas dans un profil : ouvrez l&apos;appareil pour le définir.</translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) is part of the profile&apos;s base image and cannot be deleted through its variables; take it out of BootOrder or deactivate it instead.</source>
        <translation>Boot%1 (« %2 ») fait partie de l&apos;image de base du profil et ne peut pas être supprimée via ses variables ; retirez-la plutôt de BootOrder ou désactivez-la.</translation>
    </message>
    <message>
        <source>the profile&apos;s variables file is not valid: %1</source>
        <translation>le fichier de variables du profil n&apos;est pas valide : %1</translation>
    </message>
    <message>
        <source>Boot%1 does not exist</source>
        <translation>Boot%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>A device&apos;s next boot can go to its first disk entry in BootOrder (the boot override &quot;Hdd&quot;); Boot%1 is not the first one.</source>
        <translation>Le prochain démarrage d&apos;un appareil peut aller vers sa première entrée disque de BootOrder (la substitution de démarrage « Hdd ») ; Boot%1 n&apos;est pas la première.</translation>
    </message>
    <message>
        <source>Boot%1 (&quot;%2&quot;) cannot be a device&apos;s next boot: the boot override picks the network (PXE, HTTP) or the first disk.</source>
        <translation>Boot%1 (« %2 ») ne peut pas être le prochain démarrage d&apos;un appareil : la substitution de démarrage choisit le réseau (PXE, HTTP) ou le premier disque.</translation>
    </message>
    <message>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Appareil %1</translation>
    </message>
    <message>
        <source>%1 receives this firmware at its next boot: its RPI_EFI.fd is rendered from the profile and these settings when it asks for it over TFTP.</source>
        <translation>%1 reçoit ce firmware à son prochain démarrage : son RPI_EFI.fd est produit à partir du profil et de ces paramètres lorsqu&apos;il le demande par TFTP.</translation>
    </message>
    <message>
        <source>No device uses this profile yet: drop it onto a device to assign it.</source>
        <translation>Aucun appareil n&apos;utilise encore ce profil : déposez-le sur un appareil pour l&apos;attribuer.</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) use this profile and receive the changes at their next boot: %1</source>
        <translation>
            <numerusform>%n appareil utilise ce profil et reçoit les modifications à son prochain démarrage : %1</numerusform>
            <numerusform>%n appareils utilisent ce profil et reçoivent les modifications à leur prochain démarrage : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation>Aucun labo n&apos;est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>A device&apos;s boot entries and BootOrder come from its profile &quot;%1&quot; plus its own PXE entry; the UEFI engine has no per-device boot order. Edit the profile to change them.</source>
        <translation>Les entrées de démarrage et le BootOrder d&apos;un appareil proviennent de son profil « %1 » et de sa propre entrée PXE ; le moteur UEFI n&apos;a pas d&apos;ordre de démarrage par appareil. Modifiez le profil pour les changer.</translation>
    </message>
    <message>
        <source>(blank store)</source>
        <translation>(stockage vierge)</translation>
    </message>
    <message>
        <source>BootNext is chosen per device (its next boot only): open a device to set it.</source>
        <translation>BootNext se choisit par appareil (son prochain démarrage uniquement) : ouvrez un appareil pour le définir.</translation>
    </message>
    <message>
        <source>Applied and read back from the UEFI engine.</source>
        <translation>Appliqué et relu depuis le moteur UEFI.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
    <message>
        <source>The lab has no profile &quot;%1&quot;.</source>
        <translation>Le labo n&apos;a pas de profil « %1 ».</translation>
    </message>
    <message>
        <source>blank store generated by Metal Boot</source>
        <translation>stockage vierge généré par Metal Boot</translation>
    </message>
    <message>
        <source>variables %1</source>
        <translation>variables %1</translation>
    </message>
    <message>
        <source>Adopt the device first: its firmware settings are kept in the lab file.</source>
        <translation>Adoptez d&apos;abord l&apos;appareil : ses paramètres firmware sont conservés dans le fichier du labo.</translation>
    </message>
    <message>
        <source>the lab has no profile &quot;%1&quot;</source>
        <translation>le labo n&apos;a pas de profil « %1 »</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>the profile was saved but its store does not show the requested boot order</source>
        <translation>le profil a été enregistré mais son stockage ne présente pas l&apos;ordre de démarrage demandé</translation>
    </message>
    <message>
        <source>a device&apos;s boot entries, BootOrder and Timeout come from its profile; the UEFI engine has no per-device boot order</source>
        <translation>les entrées de démarrage, le BootOrder et le Timeout d&apos;un appareil proviennent de son profil ; le moteur UEFI n&apos;a pas d&apos;ordre de démarrage par appareil</translation>
    </message>
    <message>
        <source>the UEFI engine&apos;s settings are not available</source>
        <translation>les paramètres du moteur UEFI ne sont pas disponibles</translation>
    </message>
</context>
<context>
    <name>FirmwareSettingsModel</name>
    <message>
        <source>No such setting.</source>
        <translation>Ce paramètre n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 is written by the firmware at every boot.</source>
        <translation>%1 est écrit par le firmware à chaque démarrage.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>%1: device value %2 removed (the profile&apos;s %3 applies)</source>
        <translation>%1 : valeur de l&apos;appareil %2 supprimée (la valeur %3 du profil s&apos;applique)</translation>
    </message>
    <message>
        <source>%1: profile value %2 removed (%3 applies)</source>
        <translation>%1 : valeur du profil %2 supprimée (%3 s&apos;applique)</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Filter: name, MAC, serial, IP, profile, switch:port</source>
        <translation>Filtre : nom, MAC, numéro de série, IP, profil, commutateur:port</translation>
    </message>
    <message>
        <source>Filter devices</source>
        <translation>Filtrer les appareils</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Toutes les étapes</translation>
    </message>
    <message>
        <source>Filter by boot stage</source>
        <translation>Filtrer par étape de démarrage</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n device(s)</source>
        <translation>
            <numerusform>%1 sur %n appareil</numerusform>
            <numerusform>%1 sur %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag a profile onto devices:</source>
        <translation>Déposez un profil sur des appareils :</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Select all shown devices</source>
        <translation>Sélectionner tous les appareils affichés</translation>
    </message>
    <message>
        <source>No devices yet. Power on a Raspberry Pi on the lab network: it appears here when it asks for a netboot.</source>
        <translation>Aucun appareil pour l&apos;instant. Allumez un Raspberry Pi sur le réseau du labo : il apparaît ici dès qu&apos;il demande un démarrage réseau.</translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>impossible d&apos;écouter sur %1:%2 : %3</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>Serveur HTTP</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing firmware profiles needs a running lab.</source>
        <translation>L&apos;importation de profils firmware nécessite un labo en cours d&apos;exécution.</translation>
    </message>
</context>
<context>
    <name>ImportDropArea</name>
    <message>
        <source>Drop to import the firmware profile</source>
        <translation>Déposer pour importer le profil firmware</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message numerus="yes">
        <source>Importing %1 (%n more queued)</source>
        <translation>
            <numerusform>Importation de %1 (%n autre en attente)</numerusform>
            <numerusform>Importation de %1 (%n autres en attente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
</context>
<context>
    <name>InterfaceStep</name>
    <message>
        <source>Which network interface is connected to the Raspberry Pis&apos; switch?</source>
        <translation>Quelle interface réseau est reliée au commutateur des Raspberry Pi ?</translation>
    </message>
    <message>
        <source>Metal Boot answers netboot requests only there. Wired interfaces with a link are listed first.</source>
        <translation>Metal Boot ne répond aux requêtes de démarrage réseau que sur celle-ci. Les interfaces filaires avec lien sont listées en premier.</translation>
    </message>
    <message>
        <source>Interface %1</source>
        <translation>Interface %1</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Utiliser %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <source>virtual</source>
        <translation>virtuelle</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>loopback</translation>
    </message>
    <message>
        <source>wired</source>
        <translation>filaire</translation>
    </message>
    <message>
        <source>no IPv4 address</source>
        <translation>pas d&apos;adresse IPv4</translation>
    </message>
    <message>
        <source>link up</source>
        <translation>lien actif</translation>
    </message>
    <message>
        <source>no link</source>
        <translation>pas de lien</translation>
    </message>
    <message>
        <source>router %1</source>
        <translation>routeur %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the interface list</source>
        <translation>Actualiser la liste des interfaces</translation>
    </message>
</context>
<context>
    <name>LabFacade</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>The edited lab file was not applied: %1</source>
        <translation>Le fichier du labo modifié n&apos;a pas été appliqué : %1</translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE switch.</source>
        <translation>Contrôle de l&apos;alimentation indisponible : ce labo n&apos;a pas de commutateur PoE.</translation>
    </message>
    <message>
        <source>Power control is not available: the PoE power control service is not running (start it on the Services page).</source>
        <translation>Contrôle de l&apos;alimentation indisponible : le service de contrôle d&apos;alimentation PoE ne tourne pas (démarrez-le sur la page Services).</translation>
    </message>
    <message>
        <source>%1 was not saved: no lab is running.</source>
        <translation>%1 n&apos;a pas été enregistré : aucun labo n&apos;est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 n&apos;a pas été enregistré : %2</translation>
    </message>
    <message>
        <source>no lab is running.</source>
        <translation>aucun labo n&apos;est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>The new layout</source>
        <translation>La nouvelle disposition</translation>
    </message>
    <message>
        <source>Adopting devices</source>
        <translation>L&apos;adoption des appareils</translation>
    </message>
    <message numerus="yes">
        <source>Adopted %n device(s)</source>
        <translation>
            <numerusform>%n appareil adopté</numerusform>
            <numerusform>%n appareils adoptés</numerusform>
        </translation>
    </message>
    <message>
        <source>The profile assignment</source>
        <translation>L&apos;attribution du profil</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) not adopted: adopt them first.</source>
        <translation>
            <numerusform>%n appareil non adopté : adoptez-le d&apos;abord.</numerusform>
            <numerusform>%n appareils non adoptés : adoptez-les d&apos;abord.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile removed from %n device(s)</source>
        <translation>
            <numerusform>Profil retiré de %n appareil</numerusform>
            <numerusform>Profil retiré de %n appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 assigned to %n device(s)</source>
        <translation>
            <numerusform>Profil %1 attribué à %n appareil</numerusform>
            <numerusform>Profil %1 attribué à %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>The new name</source>
        <translation>Le nouveau nom</translation>
    </message>
    <message>
        <source>Power control is not available: this lab has no PoE power controller running.</source>
        <translation>Contrôle de l&apos;alimentation indisponible : aucun contrôleur d&apos;alimentation PoE ne tourne dans ce labo.</translation>
    </message>
    <message numerus="yes">
        <source>Netboot once set for %n device(s): they boot from the network next time.</source>
        <translation>
            <numerusform>Démarrage réseau unique défini pour %n appareil : il démarrera par le réseau la prochaine fois.</numerusform>
            <numerusform>Démarrage réseau unique défini pour %n appareils : ils démarreront par le réseau la prochaine fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network setup</source>
        <translation>La configuration réseau</translation>
    </message>
    <message>
        <source>Network setup saved: the services now serve on the interface you chose.</source>
        <translation>Configuration réseau enregistrée : les services servent désormais sur l&apos;interface choisie.</translation>
    </message>
    <message numerus="yes">
        <source>Powered on %n device(s)</source>
        <translation>
            <numerusform>%n appareil allumé</numerusform>
            <numerusform>%n appareils allumés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Powered off %n device(s)</source>
        <translation>
            <numerusform>%n appareil éteint</numerusform>
            <numerusform>%n appareils éteints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Power cycled %n device(s)</source>
        <translation>
            <numerusform>Alimentation coupée puis rétablie sur %n appareil</numerusform>
            <numerusform>Alimentation coupée puis rétablie sur %n appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Adopt the device first: only adopted devices get netconsole= on their kernel command line.</source>
        <translation>Adoptez d’abord l’appareil : seuls les appareils adoptés reçoivent netconsole= sur leur ligne de commande du noyau.</translation>
    </message>
    <message>
        <source>The netconsole setting</source>
        <translation>Le réglage netconsole</translation>
    </message>
    <message>
        <source>Netconsole enabled: the device sends its kernel messages here from its next netboot.</source>
        <translation>Netconsole activé : l’appareil envoie ses messages du noyau ici dès son prochain démarrage réseau.</translation>
    </message>
    <message>
        <source>Netconsole disabled for the device.</source>
        <translation>Netconsole désactivé pour l’appareil.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Filter log by device</source>
        <translation>Filtrer le journal par appareil</translation>
    </message>
    <message>
        <source>Filter log by service</source>
        <translation>Filtrer le journal par service</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>Gravité minimale</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>Tous les messages</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs uniquement</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Rechercher du texte</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Rechercher dans le journal</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation>Copier les lignes affichées</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Rien n&apos;a encore été journalisé.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Aucune ligne ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Journal of devices and services</source>
        <translation>Journal des appareils et des services</translation>
    </message>
    <message numerus="yes">
        <source>Unknown senders (%n)</source>
        <translation>
            <numerusform>Expéditeurs inconnus (%n)</numerusform>
            <numerusform>Expéditeurs inconnus (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown senders</source>
        <translation>Expéditeurs inconnus</translation>
    </message>
    <message>
        <source>Console lines from unknown senders</source>
        <translation>Lignes de console d’expéditeurs inconnus</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Metal Boot — %1</source>
        <translation>Metal Boot — %1</translation>
    </message>
    <message>
        <source>Main menu</source>
        <translation>Menu principal</translation>
    </message>
    <message>
        <source>Network setup wizard…</source>
        <translation>Assistant de configuration réseau…</translation>
    </message>
    <message>
        <source>Keep serving in the tray when the window closes</source>
        <translation>Continuer à servir dans la zone de notification à la fermeture de la fenêtre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
</context>
<context>
    <name>ModeStep</name>
    <message>
        <source>How do the Pis get their IP address on %1?</source>
        <translation>Comment les Pi obtiennent-ils leur adresse IP sur %1 ?</translation>
    </message>
    <message>
        <source>Proxy DHCP (recommended) — the network&apos;s DHCP server gives addresses</source>
        <translation>DHCP proxy (recommandé) — le serveur DHCP du réseau attribue les adresses</translation>
    </message>
    <message>
        <source>Proxy DHCP — the network&apos;s DHCP server gives addresses</source>
        <translation>DHCP proxy — le serveur DHCP du réseau attribue les adresses</translation>
    </message>
    <message>
        <source>Proxy DHCP</source>
        <translation>DHCP proxy</translation>
    </message>
    <message>
        <source>Full DHCP (recommended) — Metal Boot gives addresses</source>
        <translation>DHCP complet (recommandé) — Metal Boot attribue les adresses</translation>
    </message>
    <message>
        <source>Full DHCP — Metal Boot gives addresses</source>
        <translation>DHCP complet — Metal Boot attribue les adresses</translation>
    </message>
    <message>
        <source>Full DHCP</source>
        <translation>DHCP complet</translation>
    </message>
    <message>
        <source>Addresses %1 – %2 will be handed out. Never run full DHCP on a network that already has a DHCP server.</source>
        <translation>Les adresses %1 – %2 seront attribuées. N&apos;utilisez jamais le DHCP complet sur un réseau qui a déjà un serveur DHCP.</translation>
    </message>
</context>
<context>
    <name>PortTile</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>powered</source>
        <translation>alimenté</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>défaut</translation>
    </message>
    <message>
        <source>enabled, no power drawn</source>
        <translation>activé, aucune puissance consommée</translation>
    </message>
    <message>
        <source>off</source>
        <translation>éteint</translation>
    </message>
    <message>
        <source>Port %1 of %2, %3%4</source>
        <translation>Port %1 de %2, %3%4</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>protected port</source>
        <translation>port protégé</translation>
    </message>
    <message>
        <source>no managed device</source>
        <translation>aucun appareil géré</translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <source>Power cycle port %1 of %2</source>
        <translation>Couper puis rétablir l&apos;alimentation du port %1 de %2</translation>
    </message>
    <message>
        <source>%1 W · %2</source>
        <translation>%1 W · %2</translation>
    </message>
    <message>
        <source>%1 (learned)</source>
        <translation>%1 (appris)</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>protégé</translation>
    </message>
    <message>
        <source>unmapped</source>
        <translation>non associé</translation>
    </message>
    <message>
        <source>Protected port (protected_ports): switching it needs an explicit override.</source>
        <translation>Port protégé (protected_ports) : le commuter nécessite un forçage explicite.</translation>
    </message>
    <message>
        <source>No managed device on this port: switching it needs an explicit override. Drag a device here to map it.</source>
        <translation>Aucun appareil géré sur ce port : le commuter nécessite un forçage explicite. Faites glisser un appareil ici pour l&apos;associer.</translation>
    </message>
</context>
<context>
    <name>PortsStep</name>
    <message>
        <source>Check the ports and apply</source>
        <translation>Vérifier les ports et appliquer</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>What changes in lab.yaml</source>
        <translation>Ce qui change dans lab.yaml</translation>
    </message>
</context>
<context>
    <name>PowerFeed</name>
    <message>
        <source>Port %1 of %2 was not switched: no lab is running.</source>
        <translation>Le port %1 de %2 n&apos;a pas été commuté : aucun labo n&apos;est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>this lab has no PoE power controller</source>
        <translation>ce labo n&apos;a pas de contrôleur d&apos;alimentation PoE</translation>
    </message>
    <message>
        <source>The port mapping</source>
        <translation>L&apos;association des ports</translation>
    </message>
    <message>
        <source>%1 is now powered by port %2 of %3</source>
        <translation>%1 est désormais alimenté par le port %2 de %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered on: %3</source>
        <translation>Le port %1 de %2 n&apos;a pas été allumé : %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not powered off: %3</source>
        <translation>Le port %1 de %2 n&apos;a pas été éteint : %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 was not power cycled: %3</source>
        <translation>L&apos;alimentation du port %1 de %2 n&apos;a pas été coupée puis rétablie : %3</translation>
    </message>
    <message>
        <source>Port %1 of %2 powered on</source>
        <translation>Port %1 de %2 allumé</translation>
    </message>
    <message>
        <source>Port %1 of %2 powered off</source>
        <translation>Port %1 de %2 éteint</translation>
    </message>
    <message>
        <source>Port %1 of %2 power cycled</source>
        <translation>Alimentation du port %1 de %2 coupée puis rétablie</translation>
    </message>
</context>
<context>
    <name>PowerManager</name>
    <message>
        <source>Switch %1: %2</source>
        <translation>Commutateur %1 : %2</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is listed in protected_ports</source>
        <translation>le port %1 du commutateur %2 figure dans protected_ports</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is not mapped to a managed device</source>
        <translation>le port %1 du commutateur %2 n&apos;est associé à aucun appareil géré</translation>
    </message>
    <message>
        <source>%1 has no power binding (set its switch port, or drag it onto a port)</source>
        <translation>%1 n&apos;a pas d&apos;association d&apos;alimentation (définissez son port de commutateur, ou faites-le glisser sur un port)</translation>
    </message>
    <message>
        <source>switch %1: %2</source>
        <translation>commutateur %1 : %2</translation>
    </message>
    <message>
        <source>switch %1 is not configured</source>
        <translation>le commutateur %1 n&apos;est pas configuré</translation>
    </message>
    <message>
        <source>power control is not running</source>
        <translation>le contrôle de l&apos;alimentation ne tourne pas</translation>
    </message>
    <message>
        <source>no switch %1</source>
        <translation>pas de commutateur %1</translation>
    </message>
    <message>
        <source>%1; switching it needs an explicit override</source>
        <translation>%1 ; le commuter nécessite un forçage explicite</translation>
    </message>
    <message>
        <source>a power action on %1 is already in progress</source>
        <translation>une action d&apos;alimentation sur %1 est déjà en cours</translation>
    </message>
    <message>
        <source>%1 is not a device of this lab</source>
        <translation>%1 n&apos;est pas un appareil de ce labo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid port name</source>
        <translation>« %1 » n&apos;est pas un nom de port valide</translation>
    </message>
    <message>
        <source>port %1 of switch %2 is protected</source>
        <translation>le port %1 du commutateur %2 est protégé</translation>
    </message>
    <message>
        <source>PoE power control</source>
        <translation>Contrôle de l&apos;alimentation PoE</translation>
    </message>
</context>
<context>
    <name>PowerPage</name>
    <message>
        <source>This lab has no PoE switch. Add one under switches: in the lab file to power devices on and off from here.</source>
        <translation>Ce labo n&apos;a pas de commutateur PoE. Ajoutez-en un sous switches: dans le fichier du labo pour allumer et éteindre les appareils d&apos;ici.</translation>
    </message>
    <message>
        <source>%1 — %2 W of %3 W</source>
        <translation>%1 — %2 W sur %3 W</translation>
    </message>
    <message>
        <source>%1 — %2 W</source>
        <translation>%1 — %2 W</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Injoignable : %1</translation>
    </message>
    <message>
        <source>Devices — drag onto a port</source>
        <translation>Appareils — faites-les glisser sur un port</translation>
    </message>
    <message>
        <source>Remove %1 from port %2 of %3</source>
        <translation>Retirer %1 du port %2 de %3</translation>
    </message>
</context>
<context>
    <name>ProfileCard</name>
    <message>
        <source>Boot entries and settings…</source>
        <translation>Entrées de démarrage et paramètres…</translation>
    </message>
    <message>
        <source>Edit the boot entries and settings of %1</source>
        <translation>Modifier les entrées de démarrage et les paramètres de %1</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>blank UEFI store (generated)</source>
        <translation>stockage UEFI vierge (généré)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Boot files</source>
        <translation>Fichiers de démarrage</translation>
    </message>
    <message>
        <source>Boot order</source>
        <translation>Ordre de démarrage</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>no device</source>
        <translation>aucun appareil</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n appareil : %1</numerusform>
            <numerusform>%n appareils : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileChip</name>
    <message>
        <source>Profile %1, drag onto a device to assign it</source>
        <translation>Profil %1, faites-le glisser sur un appareil pour l&apos;attribuer</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <source>No lab is running.</source>
        <translation>Aucun labo n&apos;est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importation annulée.</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <source>Adding profile %1 to the lab</source>
        <translation>Ajout du profil %1 au labo</translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 imported (%n variable(s)).</source>
        <translation>
            <numerusform>Profil %1 importé (%n variable).</numerusform>
            <numerusform>Profil %1 importé (%n variables).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile %1 imported: %2, %n variable(s).</source>
        <translation>
            <numerusform>Profil %1 importé : %2, %n variable.</numerusform>
            <numerusform>Profil %1 importé : %2, %n variables.</numerusform>
        </translation>
    </message>
    <message>
        <source>The imported profile</source>
        <translation>Le profil importé</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Drop an RPI_EFI.fd, a virt-fw-vars .json or a pftf release .zip anywhere on this window to import it as a profile, or:</source>
        <translation>Déposez un RPI_EFI.fd, un .json virt-fw-vars ou un .zip de version pftf n&apos;importe où sur cette fenêtre pour l&apos;importer comme profil, ou :</translation>
    </message>
    <message>
        <source>/path/to/RPi4_UEFI_Firmware_v1.38.zip</source>
        <translation>/chemin/vers/RPi4_UEFI_Firmware_v1.38.zip</translation>
    </message>
    <message>
        <source>Firmware file to import</source>
        <translation>Fichier firmware à importer</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import the firmware file</source>
        <translation>Importer le fichier firmware</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l&apos;importation</translation>
    </message>
    <message>
        <source>No profiles yet: drop a firmware file here.</source>
        <translation>Aucun profil pour l&apos;instant : déposez un fichier firmware ici.</translation>
    </message>
    <message>
        <source>Devices — drop a profile on one (or on a selected one: all selected)</source>
        <translation>Appareils — déposez un profil sur l&apos;un d&apos;eux (ou sur un appareil sélectionné : tous les sélectionnés)</translation>
    </message>
    <message>
        <source>Select %1</source>
        <translation>Sélectionner %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Metal Boot</source>
        <translation>Metal Boot</translation>
    </message>
    <message>
        <source>The lab configuration cannot be used:

%1</source>
        <translation>La configuration du labo ne peut pas être utilisée :

%1</translation>
    </message>
</context>
<context>
    <name>RedfishService</name>
    <message>
        <source>cannot load the Redfish accounts: %1</source>
        <translation>impossible de charger les comptes Redfish : %1</translation>
    </message>
    <message>
        <source>cannot create the initial Redfish account: %1</source>
        <translation>impossible de créer le compte Redfish initial : %1</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>impossible d&apos;écouter sur %1:%2 : %3</translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation>BMC Redfish</translation>
    </message>
</context>
<context>
    <name>ServiceListModel</name>
    <message>
        <source>DHCP server</source>
        <translation>Serveur DHCP</translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation>Serveur TFTP</translation>
    </message>
    <message>
        <source>HTTP server</source>
        <translation>Serveur HTTP</translation>
    </message>
    <message>
        <source>Redfish BMC</source>
        <translation>BMC Redfish</translation>
    </message>
    <message>
        <source>Consoles (netconsole, syslog)</source>
        <translation>Consoles (netconsole, syslog)</translation>
    </message>
    <message>
        <source>Not part of this build yet.</source>
        <translation>Pas encore inclus dans cette version.</translation>
    </message>
    <message>
        <source>full DHCP (hands out addresses)</source>
        <translation>DHCP complet (attribue les adresses)</translation>
    </message>
    <message>
        <source>proxy DHCP (boot information only)</source>
        <translation>DHCP proxy (informations de démarrage uniquement)</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>plain HTTP</source>
        <translation>HTTP non chiffré</translation>
    </message>
</context>
<context>
    <name>ServicesBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Other PXE server seen: %1</source>
        <translation>Autre serveur PXE détecté : %1</translation>
    </message>
    <message>
        <source>DHCP server seen: %1</source>
        <translation>Serveur DHCP détecté : %1</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>interface %1, </source>
        <translation>interface %1, </translation>
    </message>
    <message>
        <source>address %1</source>
        <translation>adresse %1</translation>
    </message>
    <message>
        <source> · disabled in lab.yaml</source>
        <translation> · désactivé dans lab.yaml</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>À l&apos;écoute sur %1</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 is not part of this build yet.</source>
        <translation>%1 n&apos;est pas encore inclus dans cette version.</translation>
    </message>
</context>
<context>
    <name>SettingField</name>
    <message>
        <source>set for this device</source>
        <translation>défini pour cet appareil</translation>
    </message>
    <message>
        <source>set in this profile</source>
        <translation>défini dans ce profil</translation>
    </message>
    <message>
        <source>from the profile</source>
        <translation>hérité du profil</translation>
    </message>
    <message>
        <source>from the firmware image</source>
        <translation>issu de l&apos;image firmware</translation>
    </message>
    <message>
        <source>firmware default</source>
        <translation>valeur par défaut du firmware</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>written by the firmware</source>
        <translation>écrit par le firmware</translation>
    </message>
    <message>
        <source>Reset %1 to %2</source>
        <translation>Réinitialiser %1 à %2</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Loopback: only the built-in virtual Pis can use it (the demo lab).</source>
        <translation>Loopback : seuls les Pi virtuels intégrés peuvent l&apos;utiliser (le labo de démonstration).</translation>
    </message>
    <message>
        <source>Wi-Fi: the Raspberry Pi cannot netboot over Wi-Fi, and most access points drop PXE broadcasts. Use a wired interface.</source>
        <translation>Wi-Fi : le Raspberry Pi ne peut pas démarrer par le réseau en Wi-Fi, et la plupart des points d&apos;accès rejettent les diffusions PXE. Utilisez une interface filaire.</translation>
    </message>
    <message>
        <source>Virtual adapter (container, VM or VPN network): real Pis are not on it.</source>
        <translation>Adaptateur virtuel (réseau de conteneur, de VM ou de VPN) : les vrais Pi n&apos;y sont pas.</translation>
    </message>
    <message>
        <source>The interface is down.</source>
        <translation>L&apos;interface est désactivée.</translation>
    </message>
    <message>
        <source>No link: plug the cable to the lab switch.</source>
        <translation>Pas de lien : branchez le câble sur le commutateur du labo.</translation>
    </message>
    <message>
        <source>No IPv4 address: give the interface an address before serving.</source>
        <translation>Pas d&apos;adresse IPv4 : attribuez une adresse à l&apos;interface avant de servir.</translation>
    </message>
    <message>
        <source>The demo lab&apos;s virtual Pis use proxy DHCP on loopback.</source>
        <translation>Les Pi virtuels du labo de démonstration utilisent le DHCP proxy sur le loopback.</translation>
    </message>
    <message>
        <source>This interface has no IPv4 address. Give it a static address (for an isolated lab switch, then use full DHCP) or connect it to a network with a DHCP server (then use proxy DHCP).</source>
        <translation>Cette interface n&apos;a pas d&apos;adresse IPv4. Donnez-lui une adresse statique (pour un commutateur de labo isolé, puis utilisez le DHCP complet) ou reliez-la à un réseau doté d&apos;un serveur DHCP (puis utilisez le DHCP proxy).</translation>
    </message>
    <message>
        <source>The interface only has a link-local address, so no DHCP server answered on it. Give it a static address and let Metal Boot hand out addresses (full DHCP).</source>
        <translation>L&apos;interface n&apos;a qu&apos;une adresse lien-local : aucun serveur DHCP n&apos;y a donc répondu. Donnez-lui une adresse statique et laissez Metal Boot attribuer les adresses (DHCP complet).</translation>
    </message>
    <message>
        <source>A router (%1) is on this network and most likely runs DHCP. Proxy DHCP leaves addresses to it and only adds the boot information.</source>
        <translation>Un routeur (%1) est présent sur ce réseau et fait très probablement office de serveur DHCP. Le DHCP proxy lui laisse les adresses et n&apos;ajoute que les informations de démarrage.</translation>
    </message>
    <message>
        <source>No router is reachable through this interface (no default route): it looks like an isolated lab switch, so Metal Boot should hand out the addresses (full DHCP).</source>
        <translation>Aucun routeur n&apos;est joignable par cette interface (pas de route par défaut) : cela ressemble à un commutateur de labo isolé, Metal Boot devrait donc attribuer les adresses (DHCP complet).</translation>
    </message>
    <message>
        <source>Metal Boot&apos;s DHCP service saw %1 hand out addresses on this network: proxy DHCP leaves the addresses to it and only adds the boot information.</source>
        <translation>Le service DHCP de Metal Boot a vu %1 distribuer des adresses sur ce réseau : le DHCP proxy lui laisse les adresses et n&apos;ajoute que les informations de démarrage.</translation>
    </message>
    <message>
        <source>No DHCP server answered on this interface while Metal Boot&apos;s DHCP service watched it, and there is no router: Metal Boot should hand out the addresses (full DHCP).</source>
        <translation>Aucun serveur DHCP n&apos;a répondu sur cette interface pendant que le service DHCP de Metal Boot la surveillait, et il n&apos;y a pas de routeur : Metal Boot devrait attribuer les adresses (DHCP complet).</translation>
    </message>
    <message>
        <source>Warning: %1 also answers netboot (PXE) requests; switch that off, or the Pis boot from whichever server answers first.</source>
        <translation>Attention : %1 répond aussi aux requêtes de démarrage réseau (PXE) ; désactivez-le, sinon les Pi démarrent sur le serveur qui répond en premier.</translation>
    </message>
    <message>
        <source>DHCP, TFTP, HTTP and consoles serve on %1 (were on %2).</source>
        <translation>DHCP, TFTP, HTTP et les consoles servent sur %1 (auparavant sur %2).</translation>
    </message>
    <message>
        <source>Full DHCP: addresses %1 – %2 (netmask %3)%4.</source>
        <translation>DHCP complet : adresses %1 – %2 (masque %3)%4.</translation>
    </message>
    <message>
        <source>, router %1</source>
        <translation>, routeur %1</translation>
    </message>
    <message>
        <source>Proxy DHCP: your existing DHCP server keeps handing out addresses.</source>
        <translation>DHCP proxy : votre serveur DHCP existant continue de distribuer les adresses.</translation>
    </message>
    <message>
        <source>Standard ports: DHCP 67 and 4011, TFTP 69 (the Pi bootloader uses no others).</source>
        <translation>Ports standard : DHCP 67 et 4011, TFTP 69 (le chargeur d&apos;amorçage du Pi n&apos;en utilise pas d&apos;autres).</translation>
    </message>
    <message>
        <source>HTTP stays on port %1; Redfish stays on %2:%3.</source>
        <translation>HTTP reste sur le port %1 ; Redfish reste sur %2:%3.</translation>
    </message>
</context>
<context>
    <name>SetupWizardDialog</name>
    <message>
        <source>1 · Network interface</source>
        <translation>1 · Interface réseau</translation>
    </message>
    <message>
        <source>2 · Addresses (DHCP)</source>
        <translation>2 · Adresses (DHCP)</translation>
    </message>
    <message>
        <source>3 · Ports</source>
        <translation>3 · Ports</translation>
    </message>
    <message>
        <source>4 · Discovery</source>
        <translation>4 · Découverte</translation>
    </message>
    <message>
        <source>Keep the demo lab</source>
        <translation>Garder le labo de démonstration</translation>
    </message>
    <message>
        <source>Keep the demo lab on loopback</source>
        <translation>Garder le labo de démonstration sur le loopback</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
</context>
<context>
    <name>Strings</name>
    <message>
        <source>Metal Boot</source>
        <translation>Metal Boot</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>Allumer</translation>
    </message>
    <message>
        <source>Power off</source>
        <translation>Éteindre</translation>
    </message>
    <message>
        <source>Power cycle</source>
        <translation>Cycle d&apos;alimentation</translation>
    </message>
    <message>
        <source>Netboot once</source>
        <translation>Démarrage réseau unique</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Adopter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>Tous les appareils</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(aucun profil)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Éteint</translation>
    </message>
    <message>
        <source>Powering on</source>
        <translation>Mise sous tension</translation>
    </message>
    <message>
        <source>DHCP</source>
        <translation>DHCP</translation>
    </message>
    <message>
        <source>TFTP</source>
        <translation>TFTP</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>iPXE</source>
        <translation>iPXE</translation>
    </message>
    <message>
        <source>Loading OS</source>
        <translation>Chargement de l&apos;OS</translation>
    </message>
    <message>
        <source>OS up</source>
        <translation>OS démarré</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Allumé</translation>
    </message>
    <message>
        <source>Powering off</source>
        <translation>Mise hors tension</translation>
    </message>
    <message>
        <source>Power unknown</source>
        <translation>Alimentation inconnue</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>TftpService</name>
    <message>
        <source>cannot bind udp %1:%2: %3</source>
        <translation>impossible de lier UDP %1:%2 : %3</translation>
    </message>
    <message>
        <source>TFTP socket error (errno %1)</source>
        <translation>erreur de socket TFTP (errno %1)</translation>
    </message>
    <message>
        <source>TFTP server</source>
        <translation>Serveur TFTP</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Show Metal Boot</source>
        <translation>Afficher Metal Boot</translation>
    </message>
    <message>
        <source>Start all services</source>
        <translation>Démarrer tous les services</translation>
    </message>
    <message>
        <source>Stop all services</source>
        <translation>Arrêter tous les services</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>%1 of %2 services running</source>
        <translation>%1 sur %2 services en cours d&apos;exécution</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n device(s) up</source>
        <translation>
            <numerusform>%1 sur %n appareil en marche</numerusform>
            <numerusform>%1 sur %n appareils en marche</numerusform>
        </translation>
    </message>
    <message>
        <source>Metal Boot — %1
%2
%3</source>
        <translation>Metal Boot — %1
%2
%3</translation>
    </message>
</context>
<context>
    <name>UnknownConsolesView</name>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>Filter the lines of the sender</source>
        <translation>Filtrer les lignes de l’expéditeur</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the shown lines</source>
        <translation>Copier les lignes affichées</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list of senders</source>
        <translation>Actualiser la liste des expéditeurs</translation>
    </message>
    <message>
        <source>Senders that are no known device. Adopt a discovered Pi on the Fleet page and its lines appear in its own console.</source>
        <translation>Expéditeurs qui ne sont pas un appareil connu. Adoptez un Pi découvert sur la page Parc et ses lignes apparaîtront dans sa propre console.</translation>
    </message>
    <message>
        <source>No console lines from unknown senders.</source>
        <translation>Aucune ligne de console d’expéditeurs inconnus.</translation>
    </message>
    <message>
        <source>No line matches the filter.</source>
        <translation>Aucune ligne ne correspond au filtre.</translation>
    </message>
    <message>
        <source>No lines from this sender.</source>
        <translation>Aucune ligne de cet expéditeur.</translation>
    </message>
</context>
<context>
    <name>VirtualLab</name>
    <message>
        <source>Virtual lab</source>
        <translation>Laboratoire virtuel</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>%n error(s) in %1</source>
        <translation>
            <numerusform>%n erreur dans %1</numerusform>
            <numerusform>%n erreurs dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: configuration is valid (%2 devices, %3 switches, %4 profiles)</source>
        <translation>%1 : la configuration est valide (%2 appareils, %3 commutateurs, %4 profils)</translation>
    </message>
    <message>
        <source>Import metal-boot netboot.yaml / backend.yaml files into lab.yaml</source>
        <translation>Importer les fichiers netboot.yaml / backend.yaml de metal-boot dans lab.yaml</translation>
    </message>
    <message>
        <source>netboot.yaml to import</source>
        <translation>netboot.yaml à importer</translation>
    </message>
    <message>
        <source>backend.yaml to import</source>
        <translation>backend.yaml à importer</translation>
    </message>
    <message>
        <source>nothing to import: give --netboot FILE and/or --backend FILE</source>
        <translation>rien à importer : indiquez --netboot FICHIER et/ou --backend FICHIER</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>saved %1 (%2 devices)</source>
        <translation>%1 enregistré (%2 appareils)</translation>
    </message>
    <message>
        <source>Write the result to FILE instead of editing in place.</source>
        <translation>Écrire le résultat dans FILE au lieu de modifier le fichier sur place.</translation>
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
        <translation>Usage : metalboot efi &lt;commande&gt; FILE [options]

Commandes (FILE est un RPI_EFI.fd, un *_VARS.fd OVMF/AAVMF ou un stockage de variables brut) :
  print FILE [--verbose] [--hexdump]      lister les variables (format virt-fw-vars --print ; FILE peut être du JSON)
  info FILE                               structure, occupation et entrées de démarrage du stockage
  export FILE --json OUT                  écrire les variables en JSON virt-fw-vars v2 (OUT &apos;-&apos; = stdout)
  apply FILE --json IN [--output OUT]     ajouter ou remplacer des variables depuis du JSON (ne supprime jamais)
  boot-order FILE [--set 0003,0001]       afficher ou définir BootOrder
  add-pxe FILE --mac MAC [--first] [--ipv6] [--description TEXT] [--output OUT]
  set FILE NAME[:GUID] VALUE [--output OUT]  définir un paramètre Raspberry Pi, une variable de démarrage ou de l&apos;hexadécimal brut (hex:...)
  delete FILE NAME[:GUID] [--output OUT]  supprimer une variable
  settings FILE                           paramètres Raspberry Pi avec leurs valeurs
</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>erreur : </translation>
    </message>
    <message>
        <source>usage: metalboot efi </source>
        <translation>usage : metalboot efi </translation>
    </message>
    <message>
        <source>%1 not written: %2</source>
        <translation>%1 non écrit : %2</translation>
    </message>
    <message>
        <source>Verbose listing.</source>
        <translation>Liste détaillée.</translation>
    </message>
    <message>
        <source>Hex dump of each variable (with --verbose).</source>
        <translation>Vidage hexadécimal de chaque variable (avec --verbose).</translation>
    </message>
    <message>
        <source>Output JSON file (&apos;-&apos; for stdout).</source>
        <translation>Fichier JSON de sortie (&apos;-&apos; pour stdout).</translation>
    </message>
    <message>
        <source>export needs --json OUT</source>
        <translation>export nécessite --json OUT</translation>
    </message>
    <message>
        <source>JSON file with variables to add or replace.</source>
        <translation>Fichier JSON des variables à ajouter ou remplacer.</translation>
    </message>
    <message>
        <source>apply needs --json IN</source>
        <translation>apply nécessite --json IN</translation>
    </message>
    <message>
        <source>%1 of %2 variables added or changed</source>
        <translation>%1 variables sur %2 ajoutées ou modifiées</translation>
    </message>
    <message>
        <source>New boot order, e.g. 0003,0001.</source>
        <translation>Nouvel ordre de démarrage, p. ex. 0003,0001.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(manquante)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a boot entry number (4 hex digits)</source>
        <translation>&apos;%1&apos; n&apos;est pas un numéro d&apos;entrée de démarrage (4 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>%1 does not exist in %2</source>
        <translation>%1 n&apos;existe pas dans %2</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 apparaît deux fois</translation>
    </message>
    <message>
        <source>BootOrder set</source>
        <translation>BootOrder défini</translation>
    </message>
    <message>
        <source>MAC address of the network interface.</source>
        <translation>Adresse MAC de l&apos;interface réseau.</translation>
    </message>
    <message>
        <source>Put the entry first in BootOrder (default: last).</source>
        <translation>Placer l&apos;entrée en tête de BootOrder (par défaut : à la fin).</translation>
    </message>
    <message>
        <source>PXE over IPv6 instead of IPv4.</source>
        <translation>PXE sur IPv6 au lieu d&apos;IPv4.</translation>
    </message>
    <message>
        <source>Entry title.</source>
        <translation>Titre de l&apos;entrée.</translation>
    </message>
    <message>
        <source>add-pxe needs --mac MAC</source>
        <translation>add-pxe nécessite --mac MAC</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a MAC address</source>
        <translation>&apos;%1&apos; n&apos;est pas une adresse MAC</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; %3</source>
        <translation>%1 « %2 » %3</translation>
    </message>
    <message>
        <source>Attributes for a new variable (default 7).</source>
        <translation>Attributs d&apos;une nouvelle variable (7 par défaut).</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither a GUID nor a known GUID name</source>
        <translation>&apos;%1&apos; n&apos;est ni un GUID ni un nom de GUID connu</translation>
    </message>
    <message>
        <source>BootNext takes a boot entry number (4 hex digits)</source>
        <translation>BootNext attend un numéro d&apos;entrée de démarrage (4 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>BootNext = %1</source>
        <translation>BootNext = %1</translation>
    </message>
    <message>
        <source>%1 exists under several GUIDs; write NAME:GUID</source>
        <translation>%1 existe sous plusieurs GUID ; écrivez NAME:GUID</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid hex</source>
        <translation>&apos;%1&apos; n&apos;est pas de l&apos;hexadécimal valide</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: give a number that fits, or hex:...</source>
        <translation>%1 fait %2 octets : donnez un nombre qui tient, ou hex:...</translation>
    </message>
    <message>
        <source>give the value of %1 as hex:... (it is not a known setting)</source>
        <translation>donnez la valeur de %1 sous la forme hex:... (ce n&apos;est pas un paramètre connu)</translation>
    </message>
    <message>
        <source>%1 does not exist; write NAME:GUID to create it</source>
        <translation>%1 n&apos;existe pas ; écrivez NAME:GUID pour la créer</translation>
    </message>
    <message>
        <source>--attr takes a number</source>
        <translation>--attr attend un nombre</translation>
    </message>
    <message>
        <source>%1 (%2) = %3</source>
        <translation>%1 (%2) = %3</translation>
    </message>
    <message>
        <source>%1 (%2) deleted</source>
        <translation>%1 (%2) supprimée</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <source>[read-only] </source>
        <translation>[lecture seule] </translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>efi::PiSettings</name>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximale</translation>
    </message>
    <message>
        <source>Custom (CustomCpuClock)</source>
        <translation>Personnalisée (CustomCpuClock)</translation>
    </message>
    <message>
        <source>CPU clock</source>
        <translation>Fréquence CPU</translation>
    </message>
    <message>
        <source>Arm core clock: low, the board default, the maximum, or the custom value below.</source>
        <translation>Fréquence des cœurs Arm : basse, celle de la carte par défaut, la maximale, ou la valeur personnalisée ci-dessous.</translation>
    </message>
    <message>
        <source>Custom CPU clock</source>
        <translation>Fréquence CPU personnalisée</translation>
    </message>
    <message>
        <source>Clock used when CPU clock is Custom.</source>
        <translation>Fréquence utilisée lorsque la fréquence CPU est sur Personnalisée.</translation>
    </message>
    <message>
        <source>More than 3 GB RAM</source>
        <translation>Plus de 3 Go de RAM</translation>
    </message>
    <message>
        <source>Written by the firmware on every boot (1 on boards with more than 3 GB); read-only.</source>
        <translation>Écrit par le firmware à chaque démarrage (1 sur les cartes de plus de 3 Go) ; en lecture seule.</translation>
    </message>
    <message>
        <source>Full RAM</source>
        <translation>RAM complète</translation>
    </message>
    <message>
        <source>Limit to 3 GB</source>
        <translation>Limiter à 3 Go</translation>
    </message>
    <message>
        <source>Limit RAM to 3 GB</source>
        <translation>Limiter la RAM à 3 Go</translation>
    </message>
    <message>
        <source>Hide memory above 3 GB (for OSes whose DMA cannot reach it).</source>
        <translation>Masquer la mémoire au-delà de 3 Go (pour les OS dont le DMA ne peut pas l&apos;atteindre).</translation>
    </message>
    <message>
        <source>ACPI</source>
        <translation>ACPI</translation>
    </message>
    <message>
        <source>ACPI + Devicetree</source>
        <translation>ACPI + Devicetree</translation>
    </message>
    <message>
        <source>Devicetree</source>
        <translation>Devicetree</translation>
    </message>
    <message>
        <source>System table mode</source>
        <translation>Mode des tables système</translation>
    </message>
    <message>
        <source>Hardware description handed to the OS.</source>
        <translation>Description du matériel transmise à l&apos;OS.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>GPIO 18</source>
        <translation>GPIO 18</translation>
    </message>
    <message>
        <source>GPIO 19</source>
        <translation>GPIO 19</translation>
    </message>
    <message>
        <source>ACPI fan on GPIO</source>
        <translation>Ventilateur ACPI sur GPIO</translation>
    </message>
    <message>
        <source>GPIO pin of a fan driven through ACPI (ACPI mode only).</source>
        <translation>Broche GPIO d&apos;un ventilateur piloté par ACPI (mode ACPI uniquement).</translation>
    </message>
    <message>
        <source>Fan temperature</source>
        <translation>Température du ventilateur</translation>
    </message>
    <message>
        <source>SoC temperature at which the ACPI fan turns on.</source>
        <translation>Température du SoC à laquelle le ventilateur ACPI se met en marche.</translation>
    </message>
    <message>
        <source>XHCI</source>
        <translation>XHCI</translation>
    </message>
    <message>
        <source>PCIe</source>
        <translation>PCIe</translation>
    </message>
    <message>
        <source>PCIe (CM4 default)</source>
        <translation>PCIe (par défaut sur CM4)</translation>
    </message>
    <message>
        <source>PCIe / XHCI mode</source>
        <translation>Mode PCIe / XHCI</translation>
    </message>
    <message>
        <source>Expose the VL805 USB controller as XHCI or the raw PCIe bus.</source>
        <translation>Exposer le contrôleur USB VL805 en XHCI ou sous forme de bus PCIe brut.</translation>
    </message>
    <message>
        <source>XHCI reload quirk</source>
        <translation>Correctif de rechargement XHCI</translation>
    </message>
    <message>
        <source>The devicetree carries the XHCI firmware reload quirk.</source>
        <translation>Le devicetree contient le correctif de rechargement du firmware XHCI.</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Étiquette d&apos;inventaire</translation>
    </message>
    <message>
        <source>SMBIOS asset tag, up to 32 characters.</source>
        <translation>Étiquette d&apos;inventaire SMBIOS, 32 caractères maximum.</translation>
    </message>
    <message>
        <source>eMMC2 (Pi 4 default)</source>
        <translation>eMMC2 (par défaut sur Pi 4)</translation>
    </message>
    <message>
        <source>Arasan SDHCI</source>
        <translation>Arasan SDHCI</translation>
    </message>
    <message>
        <source>uSD controller</source>
        <translation>Contrôleur microSD</translation>
    </message>
    <message>
        <source>Which controller the micro-SD slot is routed to.</source>
        <translation>Contrôleur auquel le lecteur microSD est relié.</translation>
    </message>
    <message>
        <source>Disable multi-block transfers</source>
        <translation>Désactiver les transferts multiblocs</translation>
    </message>
    <message>
        <source>Work around cards that fail multi-block reads.</source>
        <translation>Contourne les cartes dont les lectures multiblocs échouent.</translation>
    </message>
    <message>
        <source>Force 1-bit mode</source>
        <translation>Forcer le mode 1 bit</translation>
    </message>
    <message>
        <source>Use a 1-bit bus instead of 4 bits.</source>
        <translation>Utiliser un bus 1 bit au lieu de 4 bits.</translation>
    </message>
    <message>
        <source>Force default speed</source>
        <translation>Forcer la vitesse par défaut</translation>
    </message>
    <message>
        <source>Never switch the card to high speed.</source>
        <translation>Ne jamais passer la carte en haute vitesse.</translation>
    </message>
    <message>
        <source>SD default speed</source>
        <translation>Vitesse SD par défaut</translation>
    </message>
    <message>
        <source>Bus clock in default-speed mode.</source>
        <translation>Fréquence du bus en mode vitesse par défaut.</translation>
    </message>
    <message>
        <source>SD high speed</source>
        <translation>SD haute vitesse</translation>
    </message>
    <message>
        <source>Bus clock in high-speed mode.</source>
        <translation>Fréquence du bus en mode haute vitesse.</translation>
    </message>
    <message>
        <source>eMMC DMA</source>
        <translation>DMA eMMC</translation>
    </message>
    <message>
        <source>Use DMA (on) or PIO (off) for the eMMC2 controller.</source>
        <translation>Utiliser le DMA (activé) ou le PIO (désactivé) pour le contrôleur eMMC2.</translation>
    </message>
    <message>
        <source>800x600</source>
        <translation>800x600</translation>
    </message>
    <message>
        <source>640x480</source>
        <translation>640x480</translation>
    </message>
    <message>
        <source>1024x768</source>
        <translation>1024x768</translation>
    </message>
    <message>
        <source>720p</source>
        <translation>720p</translation>
    </message>
    <message>
        <source>1080p</source>
        <translation>1080p</translation>
    </message>
    <message>
        <source>Native resolution</source>
        <translation>Résolution native</translation>
    </message>
    <message>
        <source>Display modes</source>
        <translation>Modes d&apos;affichage</translation>
    </message>
    <message>
        <source>Video modes offered to the OS (one byte, one bit per mode).</source>
        <translation>Modes vidéo proposés à l&apos;OS (un octet, un bit par mode).</translation>
    </message>
    <message>
        <source>Screenshot hotkey</source>
        <translation>Raccourci de capture d&apos;écran</translation>
    </message>
    <message>
        <source>Allow screenshots with Ctrl+Alt+F12.</source>
        <translation>Autoriser les captures d&apos;écran avec Ctrl+Alt+F12.</translation>
    </message>
    <message>
        <source>JTAG</source>
        <translation>JTAG</translation>
    </message>
    <message>
        <source>Route the JTAG pins (GPIO 22-27).</source>
        <translation>Router les broches JTAG (GPIO 22-27).</translation>
    </message>
    <message>
        <source>Reset delay</source>
        <translation>Délai de réinitialisation</translation>
    </message>
    <message>
        <source>Delay before a reset; the firmware raises it after saving variables to slow media.</source>
        <translation>Délai avant une réinitialisation ; le firmware l&apos;augmente après l&apos;enregistrement de variables sur un support lent.</translation>
    </message>
    <message>
        <source>Console columns</source>
        <translation>Colonnes de la console</translation>
    </message>
    <message>
        <source>Text console width.</source>
        <translation>Largeur de la console texte.</translation>
    </message>
    <message>
        <source>Console rows</source>
        <translation>Lignes de la console</translation>
    </message>
    <message>
        <source>Text console height.</source>
        <translation>Hauteur de la console texte.</translation>
    </message>
    <message>
        <source>Graphical</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Preferred console</source>
        <translation>Console préférée</translation>
    </message>
    <message>
        <source>Console the firmware prefers when both are present.</source>
        <translation>Console que le firmware privilégie lorsque les deux sont présentes.</translation>
    </message>
    <message>
        <source>Boot menu timeout</source>
        <translation>Délai du menu de démarrage</translation>
    </message>
    <message>
        <source>Seconds before the first boot entry starts (65535 waits forever).</source>
        <translation>Secondes avant le lancement de la première entrée de démarrage (65535 attend indéfiniment).</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimale</translation>
    </message>
    <message>
        <source>Connect network devices</source>
        <translation>Connecter les périphériques réseau</translation>
    </message>
    <message>
        <source>Connect all devices</source>
        <translation>Connecter tous les périphériques</translation>
    </message>
    <message>
        <source>Boot discovery policy</source>
        <translation>Stratégie de découverte du démarrage</translation>
    </message>
    <message>
        <source>Which devices the boot manager connects to find boot options.</source>
        <translation>Périphériques que le gestionnaire de démarrage connecte pour trouver les options de démarrage.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot start the lab:</source>
        <translation>Impossible de démarrer le labo :</translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. See --help.</source>
        <translation>Commande inconnue &apos;%1&apos;. Voir --help.</translation>
    </message>
    <message>
        <source>Netboot server and BMC for a Raspberry Pi fleet.

Commands:
  import    import metal-boot netboot.yaml/backend.yaml</source>
        <translation>Serveur de démarrage réseau et BMC pour un parc de Raspberry Pi.

Commandes :
  import    importer les fichiers netboot.yaml/backend.yaml de metal-boot</translation>
    </message>
    <message>
        <source>Run without a GUI (server mode).</source>
        <translation>Exécuter sans interface graphique (mode serveur).</translation>
    </message>
    <message>
        <source>Lab file to use (default: %1).</source>
        <translation>Fichier du labo à utiliser (par défaut : %1).</translation>
    </message>
    <message>
        <source>Validate a lab file and exit.</source>
        <translation>Valider un fichier de labo et quitter.</translation>
    </message>
    <message>
        <source>User interface language for this run (en, de, fr; default: the system&apos;s).</source>
        <translation>Langue de l&apos;interface pour cette exécution (en, de, fr ; par défaut : celle du système).</translation>
    </message>
</context>
</TS>
