# macOS: metalboot is an application bundle (Metal Boot.app) with its icon and Info.plist keys.
set(_icns "${METALBOOT_RESOURCES}/icons/metalboot.icns")
target_sources(metalboot PRIVATE "${_icns}")
set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(metalboot PROPERTIES
    MACOSX_BUNDLE TRUE
    MACOSX_BUNDLE_BUNDLE_NAME "Metal Boot"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${METALBOOT_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "metalboot.icns"
    MACOSX_BUNDLE_COPYRIGHT "Metal Boot contributors")
