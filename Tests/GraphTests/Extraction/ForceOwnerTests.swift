import Testing
@testable import Graph

/// Whose a bare force noun ("troops", "soldiers") is: its own sentence first, the article's force last.
@Suite struct ForceOwnerTests {
    @Test func troopsAStateSendsAreItsArmyNotTheArticlesArmy() {
        let r = extract("Hungarian troops trained near Pecs. Poland has sent soldiers to Lithuania.")
        #expect(r.has("Polish armed forces", .deployedTo, "Lithuania"))
        #expect(!r.has("Hungarian armed forces", .deployedTo, "Lithuania"))
    }

    @Test func troopsANonStateSendsAreNoArmy() {
        let r = extract("Hungarian troops trained near Pecs. NATO has sent troops to Lithuania.")
        #expect(!r.has("Hungarian armed forces", .deployedTo, "Lithuania"))
        #expect(r.entities.filter { $0.type == .military }.map(\.name) == ["Hungarian armed forces"])
    }

    @Test func troopsFromAStateAreItsArmy() {
        let r = extract("Hungarian troops trained near Pecs. Troops from Poland arrived in Vilnius.")
        #expect(r.has("Polish armed forces", .locatedIn, "Lithuania"))
        #expect(!r.has("Hungarian armed forces", .locatedIn, "Lithuania"))
    }

    @Test func aDispatchByAStateIsItsArmysNotTheClauseSubjects() {
        // the noun's agent is "by Warsaw", not Budapest, which only condemned it
        let r = extract("Hungarian troops trained near Pecs. Budapest condemned the dispatch of troops by Warsaw to Lithuania.")
        #expect(r.has("Polish armed forces", .deployedTo, "Lithuania"))
        #expect(!r.has("Hungarian armed forces", .deployedTo, "Lithuania"))
    }

    @Test func aLeaderTitledWithAStateSendsThatStatesArmy() {
        let r = extract("Hungarian troops trained near Pecs. Polish President Marek Nowak visited a base. Nowak later sent soldiers to Lithuania.")
        #expect(r.has("Polish armed forces", .deployedTo, "Lithuania"))
        #expect(!r.has("Hungarian armed forces", .deployedTo, "Lithuania"))
    }

    @Test func troopsWithNoOwnerInTheirSentenceAreStillTheArticlesForce() {
        let r = extract("Hungarian troops trained near Pecs. The troops later moved to Gyor.")
        #expect(r.has("Hungarian armed forces", .deployedTo, "Gyor"))
    }
}
