# CPack DEB: metalboot_<version>_<arch>.deb for Debian 12.
set(CPACK_DEBIAN_PACKAGE_NAME "metalboot")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

# Libraries come from dpkg-shlibdeps. It cannot see what is loaded at run time: the QML modules
# that qml/ imports (Debian's Controls package does not pull in Templates or WorkerScript), the
# setcap/getcap tools of the postinst and adduser for the system user.
# tests/integration/tst_debianpackage.cpp fails when a QML import of qml/ needs a package that
# is missing here (it follows the imports of Qt's own modules too: the Basic style behind Fusion
# imports QtQuick.Shapes).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(METALBOOT_DEB_DEPENDS adduser libcap2-bin)
if(METALBOOT_BUILD_GUI)
    list(APPEND METALBOOT_DEB_DEPENDS
        qml6-module-qtqml
        qml6-module-qtqml-models
        qml6-module-qtqml-workerscript
        qml6-module-qtquick
        qml6-module-qtquick-controls
        qml6-module-qtquick-layouts
        qml6-module-qtquick-shapes
        qml6-module-qtquick-templates
        qml6-module-qtquick-window)
endif()
list(JOIN METALBOOT_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# iPXE binaries served to the Pis and to PXE clients (the lab can point at its own copies).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ipxe")

set(METALBOOT_INSTALLED_BINARY "${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/metalboot")
configure_file("${CMAKE_CURRENT_LIST_DIR}/postinst.in" "${CMAKE_CURRENT_BINARY_DIR}/deb/postinst" @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_BINARY_DIR}/deb/postinst"
    "${CMAKE_CURRENT_LIST_DIR}/prerm"
    "${CMAKE_CURRENT_LIST_DIR}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
