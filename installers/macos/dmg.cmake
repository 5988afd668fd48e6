# CPack DragNDrop (macOS): a DMG with Metal Boot.app and a link to /Applications. Built on macOS
# only; the app is not signed or notarised (Gatekeeper asks on first start, see docs/installing.md).
set(CPACK_DMG_VOLUME_NAME "Metal Boot ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
