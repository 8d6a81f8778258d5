import Testing
@testable import Graph

@Suite struct CatalogTests {
    @Test func kremlinMoscowAndRussianStandForRussia() {
        let r = extract("The Kremlin said Moscow would answer. Russian diplomats left.")
        #expect(r.entities.filter { $0.type == .government }.map(\.name) == ["Russia"])
        #expect(Set(r.entity(named: "Russia")!.aliases).isSuperset(of: ["Kremlin", "Moscow", "Russian"]))
    }

    @Test func demonymBeforeTroopsIsTheArmyAloneItIsTheState() {
        let r = extract("North Korean troops crossed the river. North Korean diplomats stayed home.")
        #expect(r.entity(named: "Korean People's Army")?.type == .military)
        #expect(r.entity(named: "North Korea")?.type == .government)
    }

    @Test func possessiveTroopsAreTheArmy() {
        let r = extract("Officials said Pyongyang's soldiers were exhausted.")
        #expect(r.entity(named: "Korean People's Army") != nil)
        #expect(r.entity(named: "North Korea") == nil)
    }

    @Test func servicemenOfAStateAreItsArmy() {
        let r = extract("He thanked the servicemen of the Democratic People's Republic of Korea.")
        #expect(r.entity(named: "Korean People's Army") != nil)
    }

    @Test func acronymsMatchOnlyAsWritten() {
        #expect(extract("Let us see what comes.").entities.isEmpty)
        #expect(extract("The US said no.").entity(named: "United States") != nil)
    }

    @Test func matchingIgnoresCaseInsideNames() {
        #expect(extract("He fought in the Korean war as a boy.").entity(named: "Korean War") != nil)
    }

    @Test func colGenKimIsKimYongBok() {
        let r = extract("Col. Gen. Kim arrived in Russia last week.")
        #expect(r.entity(named: "Kim Yong Bok") != nil)
    }

    @Test func aLoneKnownSurnameIsItsPersonButNotInsideAnotherName() {
        #expect(extract("Later, Gerasimov spoke again.").entity(named: "Valery Gerasimov") != nil)
        #expect(extract("Analyst Anna Putin spoke.").entity(named: "Vladimir Putin") == nil)
    }

    @Test func aCatalogAcronymMatchesInTitleCaseButNotInLowerCase() {
        let r = extract("Kristjan Vaher, the Estonian defence minister, thanked Nato for the air patrols.")
        #expect(r.has("Kristjan Vaher", .praises, "NATO"))
        #expect(r.mentions.contains { $0.text == "Nato" })
        #expect(extract("The ship sailed past the nato buoy.").entity(named: "NATO") == nil)
        // an acronym whose title case is a common word only matches in capitals
        #expect(extract("Who paid for the new clinic?").entity(named: "World Health Organization") == nil)
        #expect(extract("The WHO paid for the new clinic.").entity(named: "World Health Organization") != nil)
    }

    @Test func catalogNamesMatchWithOrWithoutTheirAccents() {
        let r = extract("Turkish President Recep Tayyip Erdogan met Olaf Scholz. Recep Tayyip Erdoğan then flew home.")
        #expect(r.entities.filter { $0.type == .person && $0.name.hasPrefix("Recep") }.map(\.name) == ["Recep Tayyip Erdoğan"])
        #expect(r.mentions.filter { $0.text.hasPrefix("Recep") }.count == 2)
        #expect(r.has("Recep Tayyip Erdoğan", .leads, "Turkey"))
    }

    @Test func aNameInDecomposedUnicodeIsOneName() {
        // "ğ" written as "g" and a combining breve, as some saved pages have it
        let r = extract("Turkish President Recep Tayyip Erdog\u{306}an met Olaf Scholz.")
        #expect(r.entities.filter { $0.type == .person }.count == 2)
        #expect(r.has("Recep Tayyip Erdoğan", .meets, "Olaf Scholz"))
    }

    @Test func aKnownSurnameOpeningWithParticlesIsItsPerson() {
        let r = extract("Von der Leyen praised Germany. Later, von der Leyen met Olaf Scholz.")
        #expect(r.has("Ursula von der Leyen", .praises, "Germany"))
        #expect(r.has("Ursula von der Leyen", .meets, "Olaf Scholz"))
        #expect(r.mentions.map(\.text).contains("von der Leyen"))
    }

    @Test func aNameWithAHyphenatedParticleMatches() {
        #expect(extract("Fighters loyal to al-Qaeda attacked a convoy.").entity(named: "al-Qaeda")?.type == .organization)
    }
}
