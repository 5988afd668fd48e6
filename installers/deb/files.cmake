# Files installed next to the binary on freedesktop systems (the .deb, or `cmake --install`):
# desktop entry, AppStream metainfo, icons, man page, systemd unit, demo lab, Debian docs.
# Generated files are built by the `metalboot_package_files` target (part of ALL).

set(_gen "${CMAKE_CURRENT_BINARY_DIR}/generated")
set(_outputs "")

# Templates configured from project(VERSION).
execute_process(COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C date -u -R -d "${METALBOOT_RELEASE_DATE}"
    OUTPUT_VARIABLE METALBOOT_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE
    COMMAND_ERROR_IS_FATAL ANY)
if(METALBOOT_LICENSE STREQUAL "LicenseRef-proprietary")
    set(METALBOOT_LICENSE_TEXT "No licence has been chosen for Metal Boot yet: all rights reserved by its contributors.")
else()
    set(METALBOOT_LICENSE_TEXT "See the LICENSE file of the source tree (SPDX: ${METALBOOT_LICENSE}).")
endif()
configure_file("${METALBOOT_RESOURCES}/${METALBOOT_APP_ID}.metainfo.xml.in"
               "${_gen}/${METALBOOT_APP_ID}.metainfo.xml" @ONLY)
configure_file("${METALBOOT_RESOURCES}/metalboot.1.in" "${_gen}/metalboot.1" @ONLY)
configure_file("${CMAKE_CURRENT_LIST_DIR}/changelog.in" "${_gen}/changelog" @ONLY)
configure_file("${CMAKE_CURRENT_LIST_DIR}/copyright.in" "${_gen}/copyright" @ONLY)

# Man page and changelog are shipped gzip -9n compressed (Debian policy 12.1 and 12.7).
find_program(METALBOOT_GZIP gzip REQUIRED)
foreach(_doc metalboot.1 changelog)
    add_custom_command(OUTPUT "${_gen}/${_doc}.gz"
        COMMAND "${METALBOOT_GZIP}" -9nc "${_gen}/${_doc}" > "${_gen}/${_doc}.gz"
        DEPENDS "${_gen}/${_doc}"
        COMMENT "Compressing ${_doc}" VERBATIM)
    list(APPEND _outputs "${_gen}/${_doc}.gz")
endforeach()

# PNG icons rendered from the SVG (librsvg2-bin).
set(_svg "${METALBOOT_RESOURCES}/icons/${METALBOOT_APP_ID}.svg")
set(METALBOOT_ICON_SIZES 16 22 24 32 48 64 128 256 512)
find_program(METALBOOT_RSVG_CONVERT rsvg-convert)
if(METALBOOT_RSVG_CONVERT)
    foreach(_size IN LISTS METALBOOT_ICON_SIZES)
        set(_png "${_gen}/icons/hicolor/${_size}x${_size}/apps/${METALBOOT_APP_ID}.png")
        add_custom_command(OUTPUT "${_png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gen}/icons/hicolor/${_size}x${_size}/apps"
            COMMAND "${METALBOOT_RSVG_CONVERT}" --width=${_size} --height=${_size} --keep-aspect-ratio
                    --output "${_png}" "${_svg}"
            DEPENDS "${_svg}"
            COMMENT "Rendering ${_size}x${_size} icon" VERBATIM)
        list(APPEND _outputs "${_png}")
    endforeach()
    install(DIRECTORY "${_gen}/icons/" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons")
else()
    message(WARNING "rsvg-convert not found (apt install librsvg2-bin): the package gets only the SVG icon")
endif()

add_custom_target(metalboot_package_files ALL DEPENDS ${_outputs})

if(METALBOOT_BUILD_GUI)
    install(FILES "${METALBOOT_RESOURCES}/${METALBOOT_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${_gen}/${METALBOOT_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
endif()
install(FILES "${_svg}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
install(FILES "${_gen}/metalboot.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${METALBOOT_RESOURCES}/metalboot.service" DESTINATION "lib/systemd/system")
install(FILES "${METALBOOT_RESOURCES}/default-lab.yaml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metalboot")
install(FILES "${_gen}/copyright" "${_gen}/changelog.gz" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/metalboot")
