import Testing
@testable import Graph

/// One behaviour per test, on sentences written for the test.
@Suite struct RelationExtractorTests {
    @Test func stateRoleBeforeAPersonIsLeads() {
        let r = extract("Russian President Vladimir Putin spoke on television.")
        #expect(r.has("Vladimir Putin", .leads, "Russia"))
    }

    @Test func organizationRoleBeforeAPersonIsMemberOf() {
        let r = extract("Pentagon spokeswoman Ada Morrow spoke briefly.")
        #expect(r.has("Ada Morrow", .memberOf, "Pentagon"))
    }

    @Test func apposedChiefOfStaffLeadsTheArmy() {
        let r = extract("Valery Gerasimov, the chief of staff of Russia's armed forces, gave a speech.")
        #expect(r.has("Valery Gerasimov", .leads, "Russian armed forces"))
    }

    @Test func directorOfACenterAtAnInstituteLeadsTheCenterAndBelongsToTheInstitute() {
        let r = extract("Ina Sova, director of the Arctic Center at the Borealis Institute, disagreed.")
        #expect(r.has("Ina Sova", .memberOf, "Borealis Institute") || r.has("Ina Sova", .leads, "Borealis Institute"))
        #expect(r.has("Ina Sova", .leads, "Arctic Center"))
    }

    @Test func possessiveRegionIsPartOfTheState() {
        let r = extract("Drones struck a depot in Russia's Belgorod region.")
        #expect(r.has("Belgorod", .partOf, "Russia"))
    }

    @Test func coordinatedSubjectsEachConfirm() {
        let r = extract("Japan, the UK and France confirmed the presence of North Korean troops.")
        for state in ["Japan", "United Kingdom", "France"] {
            #expect(r.has(state, .confirms, "Korean People's Army"), "\(state)")
        }
    }

    @Test func declinedToConfirmStatesNothing() {
        let r = extract("China declined to confirm the presence of North Korean troops.")
        #expect(r.relations.isEmpty)
    }

    @Test func didNotDenyStatesNothing() {
        let r = extract("India did not deny the presence of Russian troops.")
        #expect(r.relations.isEmpty)
    }

    @Test func sendingTroopsToAPlaceIsDeployedTo() {
        let r = extract("Pyongyang sent thousands of troops to Kursk last year.")
        #expect(r.has("North Korea", .deployedTo, "Kursk"))
    }

    @Test func passiveDisputedByPutsTheAgentFirst() {
        let r = extract("Gerasimov said the region was retaken, a claim disputed by Ukraine.")
        #expect(r.has("Ukraine", .disputes, "Valery Gerasimov"))
    }

    @Test func speakerAfterTheQuoteSaysAboutTheFirstEntity() {
        let r = extract("Moscow needs soldiers, said Lena Varga, a professor at Tisza University.")
        #expect(r.has("Lena Varga", .says, "Russia"))
        #expect(r.has("Lena Varga", .memberOf, "Tisza University"))
    }

    @Test func treatyBetweenTwoStatesIsAnAlliance() {
        let r = extract("The move followed a mutual defense treaty between Pyongyang and Moscow.")
        #expect(r.has("North Korea", .alliedWith, "Russia"))
    }

    @Test func atAMeetingWithIsMeets() {
        let r = extract("Valery Gerasimov spoke at a meeting with Russian leader Vladimir Putin.")
        #expect(r.has("Valery Gerasimov", .meets, "Vladimir Putin"))
        #expect(r.has("Vladimir Putin", .leads, "Russia"))
    }

    @Test func praisedIsPraises() {
        let r = extract("Kim Jong Un praised the North Korean troops for their courage.")
        #expect(r.has("Kim Jong Un", .praises, "Korean People's Army"))
    }

    @Test func fightingInAPlaceIsFights() {
        let r = extract("North Korean troops are fighting in Kursk against Ukraine.")
        #expect(r.has("Korean People's Army", .fights, "Kursk"))
        #expect(r.has("Korean People's Army", .fights, "Ukraine"))
    }

    @Test func hyphenatedSupplierSupportsTheRecipient() {
        let r = extract("Taiwan received U.S.-supplied missiles.")
        #expect(r.has("United States", .supports, "Taiwan"))
    }

    @Test func everyRelationCarriesItsSentence() {
        let text = "Intro line without names.\nJapan confirmed the presence of North Korean troops. Nothing else happened."
        let r = extract(text)
        let source = SourceText(text)
        #expect(!r.relations.isEmpty)
        for rel in r.relations {
            for ev in rel.evidence {
                #expect(source.slice(ev.start, ev.end) == ev.text)
                #expect(ev.text == "Japan confirmed the presence of North Korean troops.")
            }
        }
    }

    @Test func whatADenialDeniesIsNotAsserted() {
        let r = extract("Beijing denied that its soldiers were fighting in Myanmar.")
        #expect(!r.relations.contains { $0.family == .fights })
    }

    @Test func interviewLabelIsTheSpeaker() {
        let r = extract("We spoke with Amira Haddad, a professor at Cedar University.\nHaddad: Iran wants influence.")
        #expect(r.has("Amira Haddad", .says, "Iran"))
    }

    @Test func wireDatelineIsNotAnActor() {
        let r = extract("KYIV, March 3 (Wire) - Poland confirmed the presence of Russian troops.")
        #expect(!r.relations.contains { $0.family == .says })
        #expect(r.has("Poland", .confirms, "Russian armed forces"))
        #expect(r.mentions.allSatisfy { $0.text != "KYIV" })
    }

    @Test func aDatelineAfterATitleIsNeitherSpeakerNorSubject() {
        for title in ["Premier pledges \"no retreat\"", "Premier pledges \u{201C}no retreat\u{201D}", "Border talks resume"] {
            let r = extract("\(title)\nWASHINGTON, Feb. 2 (Wire) - Officials said Russia had moved troops near Narva.")
            #expect(r.entity(named: "United States") == nil, "\(title)")
            #expect(!r.relations.contains { $0.family == .says }, "\(title)")
            #expect(r.document.title == title)
        }
    }

    @Test func frontedPhraseTakesTheMainClauseSubjects() {
        let r = extract("After a summit in May, Chinese President Xi Jinping and Russian President Vladimir Putin signed new deals.")
        #expect(r.has("Xi Jinping", .meets, "Vladimir Putin"))
    }

    @Test func apposedAsideIsSkippedToFindTheSubject() {
        let r = extract("Valery Gerasimov, the chief of staff of Russia's armed forces, thanked North Korean troops.")
        #expect(r.has("Valery Gerasimov", .praises, "Korean People's Army"))
        #expect(!r.has("Russian armed forces", .praises, "Korean People's Army"))
    }

    @Test func aQuantityBeforeAMotionVerbStandsForTheForce() {
        let r = extract("Japan confirmed the presence of North Korean soldiers, with most massing near Kursk.")
        #expect(r.has("Korean People's Army", .deployedTo, "Kursk"))
        #expect(!r.has("Japan", .deployedTo, "Kursk"))
    }

    @Test func aSecondVerbSharesTheFirstVerbsSubject() {
        let r = extract("Gerasimov praised the troops and said they fought alongside Russian servicemen.")
        #expect(!r.relations.contains { $0.family == .says && r.entity(named: "Valery Gerasimov")?.id != $0.head })
    }

    @Test func fightingShoulderToShoulderIsAnAlliance() {
        let r = extract("North Korean troops fought shoulder to shoulder with Russian servicemen.")
        #expect(r.has("Korean People's Army", .alliedWith, "Russian armed forces"))
        #expect(!r.has("Korean People's Army", .fights, "Russian armed forces"))
    }

    @Test func nounTriggerTakesItsPossessorAsAgent() {
        let r = extract("Analysts discussed Russia's prolonged war in Ukraine.")
        #expect(r.has("Russia", .fights, "Ukraine"))
    }

    @Test func relativeClauseObjectIsItsAntecedent() {
        let r = extract("Officials said that Kursk, which Ukraine invaded last summer, was cleared.")
        #expect(r.has("Ukraine", .attacks, "Kursk"))
    }

    @Test func bareLocativeNeedsANearSubject() {
        let r = extract("Kim Yong Bok travelled with the troops, according to officials in Kyiv.")
        #expect(!r.has("Kim Yong Bok", .locatedIn, "Ukraine"))
    }

    @Test func leadersWithTitlesCoordinateIntoOneTreaty() {
        let r = extract("Iranian President Masoud Pezeshkian and Russian President Vladimir Putin signed a partnership treaty on Friday.")
        #expect(r.has("Masoud Pezeshkian", .alliedWith, "Vladimir Putin"))
        #expect(r.has("Masoud Pezeshkian", .leads, "Iran"))
    }

    @Test func sendingWeaponsSupportsSendingTroopsDeploys() {
        let weapons = extract("Poland will send more air defence systems to Kyiv.")
        #expect(weapons.has("Poland", .supports, "Ukraine"))
        #expect(!weapons.has("Poland", .deployedTo, "Ukraine"))
        let troops = extract("Poland will send troops to Lithuania.")
        #expect(troops.has("Poland", .deployedTo, "Lithuania"))
    }

    @Test func hypotheticalsAssertNothing() {
        let r = extract("The unit would undertake missions in the event of a war on Japan.")
        #expect(!r.relations.contains { $0.family == .fights })
        let s = extract("The two leaders agreed to help each other if Chile is attacked by Peru.")
        #expect(!s.relations.contains { $0.family == .attacks })
    }

    @Test func hedgedStatementsCountWithLessConfidence() {
        let sure = extract("Brazil sent troops to Haiti.")
        let hedged = extract("Brazil may consider sending troops to Haiti.")
        let a = try! #require(sure.relations.first { $0.family == .deployedTo })
        let b = try! #require(hedged.relations.first { $0.family == .deployedTo })
        #expect(b.confidence < a.confidence)
    }

    @Test func aFarNounIsNotTheObject() {
        let r = extract("Ukraine mounted a surprise attack in the summer of last year and later cleared the area of Russian forces.")
        #expect(!r.has("Ukraine", .attacks, "Russian armed forces"))
    }

    @Test func aStatementCallingThemHeroesPraisesThem() {
        let r = extract("Kim Jong Un said the North Korean troops were heroes of the motherland.")
        #expect(r.has("Kim Jong Un", .says, "Korean People's Army"))
        #expect(r.has("Kim Jong Un", .praises, "Korean People's Army"))
    }

    @Test func passivesOfEveryFamilyPutTheAgentFirst() {
        let r = extract("Ukraine is backed by the United States and the European Union. Kyiv was attacked by Russian drones.")
        #expect(r.has("United States", .supports, "Ukraine"))
        #expect(r.has("European Union", .supports, "Ukraine"))
        #expect(!r.has("Ukraine", .supports, "European Union"))
        #expect(r.has("Russia", .attacks, "Ukraine"))
    }

    @Test func roleOfAnEntityBeforeTheApposedPerson() {
        let r = extract("The head of Ukraine's military intelligence agency, Kyrylo Budanov, said the talks failed.")
        #expect(r.has("Kyrylo Budanov", .leads, "Ukrainian military intelligence agency"))
        #expect(!r.relations.contains { $0.family == .says })
    }

    @Test func anIndefiniteDescriptionNamesNoBody() {
        let r = extract("The Wagner Group, a Russian private military company, withdrew.")
        #expect(r.entities.map(\.name).sorted() == ["Russia", "Wagner Group"])
    }

    @Test func aParticiplePassiveModifiesItsNounNotTheSubject() {
        let r = extract("Moscow rejected a proposal backed by the United States and France.")
        #expect(!r.relations.contains { $0.family == .supports })
        #expect(!r.has("Russia", .disputes, "France"))
    }

    @Test func aFinitePassiveTakesItsClauseSubject() {
        let r = extract("The North Korean troops, sent last year, are not well trained and are largely commanded by Russian officers.")
        #expect(r.has("Russian armed forces", .leads, "Korean People's Army"))
        let s = extract("The Rapid Support Forces, led by Mohamed Hamdan Dagalo, withdrew.")
        #expect(s.has("Mohamed Hamdan Dagalo", .leads, "Rapid Support Forces"))
    }

    @Test func aVisitorArrivingIsLocatedNotDeployed() {
        let r = extract("Sergei Shoigu, Putin's former defence minister, arrived in Pyongyang on Monday for his third visit.")
        #expect(r.has("Sergei Shoigu", .locatedIn, "North Korea"))
        #expect(!r.relations.contains { $0.family == .deployedTo })
    }

    @Test func supportForAStatesWarSupportsTheState() {
        let r = extract("Kim Jong Un pledged unconditional support for Russia's war in Ukraine during talks with Sergei Shoigu.")
        #expect(r.has("Kim Jong Un", .supports, "Russia"))
        #expect(r.has("Kim Jong Un", .meets, "Sergei Shoigu"))
        #expect(!r.has("Ukraine", .meets, "Sergei Shoigu"))
    }

    @Test func aStatesSecurityCouncilIsNotTheUNs() {
        let r = extract("Sergei Shoigu, the secretary of Russia's Security Council, spoke.")
        #expect(r.has("Sergei Shoigu", .memberOf, "Russian Security Council"))
        #expect(r.entity(named: "UN Security Council") == nil)
    }

    @Test func aQuotedSentenceKeepsItsRelationsInside() {
        let r = extract("“The North Koreans are paying in blood,” said Andrei Lankov, a professor at Kookmin University.")
        #expect(!r.relations.contains { $0.family == .supports })
        #expect(r.has("Andrei Lankov", .memberOf, "Kookmin University"))
        let fragment = extract("North Korean troops arrived. Gerasimov said they had been “fighting shoulder to shoulder” with Russian servicemen.")
        #expect(fragment.has("Korean People's Army", .alliedWith, "Russian armed forces"))
    }

    @Test func andInsideAnOrganizationsName() {
        let r = extract("Victor Cha, an expert at the Center for Strategic and International Studies, spoke.")
        #expect(r.has("Victor Cha", .memberOf, "Center for Strategic and International Studies"))
    }

    @Test func aSubordinateClauseAfterAfterHasItsOwnSubject() {
        let r = extract("The attack came hours after Ukrainian forces struck a refinery in Russia's Saratov region.")
        #expect(r.has("Armed Forces of Ukraine", .attacks, "Saratov"))
    }

    @Test func whatWasSaidBeforeTheSpeakerIsAboutTheActorsOfTheReportedClause() {
        let r = extract("Jeon Kyung-joo studies the army. Chile began promoting Gen. Ana Rojas to reassure Peru, she added.")
        #expect(r.has("Jeon Kyung-joo", .says, "Ana Rojas"))
        // the reported clause's subject is what the statement is about too
        #expect(r.has("Jeon Kyung-joo", .says, "Chile"))
    }
}
