import QtQuick
import QtQuick.Controls
import QtTest
import MetalBootUi

// Switching the language at run time: the main window (fake lab) re-words QML text (qsTr
// bindings), text that C++ models translate in data() and text they cache (service details),
// through the Language menu and the persisted setting, without reloading the window.
TestCase {
    id: test
    name: "Language"
    when: windowShown

    property var window: null

    function initTestCase() {
        testSettings.firstRunDone = true
        const component = Qt.createComponent("qrc:/qt/qml/MetalBootUi/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null, { lab: testLab, settings: testSettings })
        verify(window !== null)
        window.show()
        waitForRendering(window.contentItem)
    }

    function cleanupTestCase() {
        testSettings.language = "en"
        window.destroy()
    }

    function child(name) {
        return findChild(window.contentItem, name) || findChild(window, name)
    }

    function showServices() {
        mouseClick(child("servicesTab"))
        tryCompare(child("mainTabs"), "currentIndex", 3)
        // The page and its rows are created when first shown.
        tryVerify(() => child("serviceToggle_dhcp") !== null && child("serviceToggle_redfish") !== null
                  && child("serviceWhere_dhcp") !== null)
    }

    function test_1_english() {
        compare(testLanguages.language, "en")
        compare(child("fleetTab").text, "Fleet")
        showServices()
        compare(child("serviceToggle_dhcp").text, "Start")
        verify(child("serviceWhere_dhcp").text.indexOf("proxy DHCP (boot information only)") >= 0,
               child("serviceWhere_dhcp").text)
        compare(child("serviceToggle_redfish").reason, "Redfish BMC is not part of this build yet.")
    }

    function test_2_germanFromMenu() {
        // The Language menu's entry, as a user picks it.
        const item = child("menuLanguage_de")
        verify(item)
        item.triggered()
        compare(testSettings.language, "de")
        compare(testLanguages.language, "de")
        verify(item.checked)
        verify(!child("menuLanguage_system").checked)
        // QML text, the same window.
        tryCompare(child("fleetTab"), "text", "Flotte")
        compare(child("servicesTab").text, "Dienste")
        showServices()
        compare(child("serviceToggle_dhcp").text, "Starten")
        // Text a C++ model keeps (the DHCP mode) and one it translates per row.
        tryVerify(() => child("serviceWhere_dhcp").text.indexOf("Proxy-DHCP (nur Boot-Informationen)") >= 0)
        tryCompare(child("serviceToggle_redfish"), "reason", "Redfish-BMC ist in diesem Build noch nicht enthalten.")
    }

    function test_3_french() {
        testSettings.language = "fr"
        compare(testLanguages.language, "fr")
        tryCompare(child("fleetTab"), "text", "Parc")
        compare(child("serviceToggle_dhcp").text, "Démarrer")
        tryVerify(() => child("serviceWhere_dhcp").text.indexOf("DHCP proxy (informations de démarrage uniquement)") >= 0)
        verify(child("menuLanguage_fr").checked)
    }

    function test_4_backToEnglish() {
        testSettings.language = "en"
        tryCompare(child("fleetTab"), "text", "Fleet")
        compare(child("serviceToggle_dhcp").text, "Start")
        tryVerify(() => child("serviceWhere_dhcp").text.indexOf("proxy DHCP (boot information only)") >= 0)
    }

    // A language without a translation keeps English and says so.
    function test_5_unknownLanguage() {
        testSettings.language = "xx"
        compare(testLanguages.language, "en")
        compare(child("fleetTab").text, "Fleet")
    }
}
