import Testing
@testable import Graph

/// The field cases of the NLP-pipeline issue, one test each, on sentences of our own.
@Suite struct FieldCaseTests {
    @Test func aTitleCaseAcronymIsTheBodyAndTakesPartInRelations() {
        let r = extract("Zelensky thanked Nato for the new air defence systems.")
        #expect(r.has("Volodymyr Zelensky", .praises, "NATO"))
    }

    @Test func accentedAndPlainSpellingsAreOneNode() {
        let r = extract("Viktor Orbán met Robert Fico in Bratislava. Later Viktor Orban criticised Brussels.")
        #expect(r.entities.filter { $0.type == .person && $0.name.hasPrefix("Viktor") }.count == 1)
    }

    @Test func aNameWithNonASCIILettersIsWhole() {
        let r = extract("Recep Tayyip Erdoğan hosted Olaf Scholz in Ankara.")
        #expect(!r.entities.contains { $0.name == "Recep Tayyip" })
        #expect(r.entities.contains { $0.type == .person && $0.name.hasPrefix("Recep Tayyip Erdo") })
    }

    @Test func surnameParticlesKeepTheNameAndTheSurnameResolves() {
        let r = extract("Ursula von der Leyen arrived in Kyiv. Von der Leyen praised Germany.")
        #expect(r.has("Ursula von der Leyen", .praises, "Germany"))
        #expect(r.entity(named: "Ursula") == nil)
    }

    @Test func aHyphenatedGivenNameOpensAPerson() {
        let r = extract("Anne-Marie Trevelyan, the British trade minister, praised Japan.")
        #expect(r.entity(named: "Anne-Marie Trevelyan")?.type == .person)
        #expect(r.has("Anne-Marie Trevelyan", .praises, "Japan"))
    }

    @Test func pronounsAgreeInGender() {
        let r = extract("Olaf Scholz met Giorgia Meloni in Rome. She said the talks went well. He criticised Hungary.")
        #expect(r.has("Olaf Scholz", .says, "Hungary"))
        #expect(!r.has("Giorgia Meloni", .says, "Hungary"))
    }

    @Test func aDefiniteDescriptionIsThePersonInThatRole() {
        let r = extract("French President Emmanuel Macron landed in Washington. The French president praised Biden.")
        #expect(r.has("Emmanuel Macron", .praises, "Joe Biden"))
    }

    @Test func troopsSentByAStateAreThatStatesNotThePreviousSentencesArmy() {
        let r = extract("Russian troops advanced near Pokrovsk. North Korea has sent troops to Kursk.")
        #expect(!r.has("Russian armed forces", .deployedTo, "Kursk"))
        #expect(r.has("North Korea", .deployedTo, "Kursk"))
    }

    @Test func aDemonymBeforeAWeaponPutsNoPlaceInItsState() {
        #expect(!extract("Russian missiles hit Odesa.").has("Odesa", .partOf, "Russia"))
        #expect(!extract("Ukrainian drones attacked the Belgorod region.").has("Belgorod", .partOf, "Ukraine"))
    }

    @Test func meetingATitledPersonWithoutWithIsAMeeting() {
        let r = extract("Jens Stoltenberg met President Volodymyr Zelenskyy.")
        #expect(r.has("Jens Stoltenberg", .meets, "Volodymyr Zelensky"))
    }
}
