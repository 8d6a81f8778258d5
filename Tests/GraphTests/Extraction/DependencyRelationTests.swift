import Testing
@testable import Graph

/// Relations read on the trained parser's tree: each mechanism on sentences of our own.
@Suite struct DependencyRelationTests {
    @Test func aDirectObjectAfterATitleIsMetWithoutWith() {
        let r = extract("Ingrid Halvorsen met President Tomas Reyes in Quito.")
        #expect(r.has("Ingrid Halvorsen", .meets, "Tomas Reyes"))
    }

    @Test func aDemonymQualifyingTheWeaponMakesNoPlaceOfItsState() {
        let hit = extract("Russian missiles hit Odesa overnight.")
        #expect(hit.has("Russia", .attacks, "Odesa"))
        #expect(!hit.has("Odesa", .partOf, "Russia"))
        let drones = extract("Ukrainian drones attacked the Belgorod region.")
        #expect(drones.has("Ukraine", .attacks, "Belgorod"))
        #expect(!drones.has("Belgorod", .partOf, "Ukraine"))
    }

    @Test func aPossessiveOfThePlaceItselfStillMakesItPartOfTheState() {
        let r = extract("Fighting continued in Russia's Belgorod region.")
        #expect(r.has("Belgorod", .partOf, "Russia"))
    }

    @Test func theObjectOfTheControllingVerbIsTheSubjectOfTheOpenClause() {
        let r = extract("The president authorized Ms Lane to meet Omar Haddad in Doha.")
        #expect(r.relations(between: "Lane", "Omar Haddad") == ["Lane meets Omar Haddad"])
    }

    @Test func aRelativePronounStandsForTheNounItsClauseModifies() {
        let r = extract("Rebels held the Donetsk region, which Russia occupied years ago.")
        #expect(r.has("Russia", .fights, "Donetsk"))
    }

    @Test func aPassiveAgentIsTheActorAndCoordinatedAgentsShareIt() {
        let r = extract("Prime Minister Lena Kask was praised by Finland and Estonia.")
        #expect(r.has("Finland", .praises, "Lena Kask"))
        #expect(r.has("Estonia", .praises, "Lena Kask"))
    }

    @Test func aSpeakerAfterTheReportedClauseSaysWhatItIsAbout() {
        let r = extract("Somalia had sent soldiers to Baidoa, the Kenyan foreign ministry said.")
        #expect(r.has("Somalia", .deployedTo, "Baidoa"))
        #expect(r.has("Kenyan foreign ministry", .says, "Somalia"))
    }

    @Test func negatedAndRefusedTriggersStateNothing() {
        let r = extract("Kenya did not confirm the visit of Jonas Obi. Chile declined to praise Argentina.")
        #expect(r.relations(between: "Kenya", "Jonas Obi").isEmpty)
        #expect(r.relations(between: "Chile", "Argentina").isEmpty)
    }

    @Test func aConditionStatesNothingAndAHedgeLowersConfidence() {
        let conditional = extract("If Serbia attacks Kosovo, the alliance will respond.")
        #expect(!conditional.has("Serbia", .attacks, "Kosovo"))
        let hedged = extract("Poland may send engineers to Lithuania.")
        let sure = extract("Poland sent engineers to Lithuania.")
        let c = { (r: ExtractionResult) in r.relations.first { $0.family == .deployedTo }?.confidence ?? 0 }
        #expect(c(hedged) > 0 && c(hedged) < c(sure))
    }

    @Test func thingsSentToAStateSupportItAndPeopleSentThereDeploy() {
        let aid = extract("Norway sent water purifiers to Malawi.")
        #expect(aid.has("Norway", .supports, "Malawi"))
        #expect(!aid.has("Norway", .deployedTo, "Malawi"))
        let crew = extract("Norway sent rescue teams to Malawi.")
        #expect(crew.has("Norway", .deployedTo, "Malawi"))
    }

    @Test func aNounTriggerTakesItsPossessorAndItsPrepositionalObject() {
        let r = extract("Ethiopia's invasion of Eritrea was condemned.")
        #expect(r.has("Ethiopia", .attacks, "Eritrea"))
        let talks = extract("Talks between Chile and Peru resumed in Lima.")
        #expect(talks.has("Chile", .meets, "Peru"))
    }

    @Test func aRoleNounWithItsBodyTiesTheApposedPerson() {
        let r = extract("Teodora Vasquez, the chief executive of Halcyon Mining, said profits fell.")
        #expect(r.has("Teodora Vasquez", .leads, "Halcyon Mining"))
    }

    @Test func aNamedPersonOfAForceIsItsMember() {
        let r = extract("Captain Aisha Bello of the Nigerian navy praised the crew.")
        #expect(r.entity(named: "Nigerian navy")?.type == .military)
        #expect(r.has("Aisha Bello", .memberOf, "Nigerian navy"))
    }

    @Test func aLemmaTriggerCoversEveryInflection() {
        for verb in ["endorses", "endorsed", "is endorsing"] {
            let r = extract("The Harbor Workers Union \(verb) Mayor Dana Whitfield.")
            #expect(r.has("Harbor Workers Union", .supports, "Dana Whitfield"), "\(verb)")
        }
    }

    @Test func explainShowsArcsAndTheTriggerBehindEachFact() throws {
        let e = try Extractor.standard.explain(text: "Norway sent rescue teams to Malawi.", annotator: annotator)
        let s = try #require(e.first)
        #expect(s.arcs.contains { $0.label == "nsubj" && $0.head.hasPrefix("sent/") && $0.dependent.hasPrefix("Norway/") })
        let fact = try #require(s.facts.first { $0.family == .deployedTo })
        #expect(fact.trigger == "sent" && fact.rule.contains("prep:to"))
    }
}

@Suite struct PhrasalAndClubNameTests {
    @Test func aPhrasalVerbIsNotItsBareVerbsTrigger() {
        let r = extract("The Supreme Court struck down a ruling by Ohio.")
        #expect(!r.relations.contains { $0.family == .attacks && r.entity(named: "Ohio")?.id == $0.tail })
    }

    @Test func aCapitalInsideAClubsNameIsPartOfTheName() {
        let r = extract("The coach of Real Madrid praised Inter Milan.")
        #expect(!r.entities.contains { $0.name == "Spain" || $0.name == "Italy" })
        #expect(r.entity(named: "Real Madrid")?.type == .organization)
    }

    @Test func versusInACaseNameDoesNotEndTheSentence() {
        let r = extract("The ruling in Delgado v. Ohio was praised by Kenya.")
        #expect(r.sentenceCount == 1)
    }
}
