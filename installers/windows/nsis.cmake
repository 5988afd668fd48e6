# CPack NSIS (Windows): per-machine installer with a Start menu entry and inbound firewall rules
# for the ports Metal Boot serves. Built on Windows only (Debian has no Qt for Windows); on Linux
# `cpack -G NSIS` merely checks this script with makensis (see docs/installing.md).
set(CPACK_NSIS_PACKAGE_NAME "Metal Boot")
set(CPACK_NSIS_DISPLAY_NAME "Metal Boot ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_MUI_ICON "${METALBOOT_RESOURCES}/icons/metalboot.ico")
set(CPACK_NSIS_MUI_UNIICON "${METALBOOT_RESOURCES}/icons/metalboot.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\metalboot.exe")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)

# Inbound rules, scoped to metalboot.exe: Windows Firewall otherwise drops the Pis' broadcasts
# silently. Replies (TFTP data from ephemeral ports) pass as stateful UDP responses.
#   name | protocol | local ports
set(_rules
    "Metal Boot DHCP and PXE|UDP|67,4011"
    "Metal Boot TFTP|UDP|69,1069"
    "Metal Boot HTTP boot and API|TCP|80,8080"
    "Metal Boot Redfish|TCP|443,8443"
    "Metal Boot consoles|UDP|6666,5514")
set(_install "")
set(_uninstall "")
foreach(_rule IN LISTS _rules)
    string(REPLACE "|" ";" _f "${_rule}")
    list(GET _f 0 _name)
    list(GET _f 1 _proto)
    list(GET _f 2 _ports)
    # Delete first: a reinstall must not stack duplicate rules.
    string(APPEND _install
        "nsExec::ExecToLog 'netsh advfirewall firewall delete rule name=\"${_name}\"'\n"
        "nsExec::ExecToLog 'netsh advfirewall firewall add rule name=\"${_name}\" dir=in action=allow "
        "program=\"$INSTDIR\\bin\\metalboot.exe\" enable=yes profile=any protocol=${_proto} localport=${_ports}'\n")
    string(APPEND _uninstall
        "nsExec::ExecToLog 'netsh advfirewall firewall delete rule name=\"${_name}\"'\n")
endforeach()
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "${_install}")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "${_uninstall}")
