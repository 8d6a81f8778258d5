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
}
