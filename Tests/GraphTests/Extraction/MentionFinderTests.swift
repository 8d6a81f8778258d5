import Testing
@testable import Graph

@Suite struct MentionFinderTests {
    @Test func unknownPersonAfterARoleNounIsAPerson() {
        let r = extract("Navy spokeswoman Tamsin Okafor said the ship was safe.")
        #expect(r.entity(named: "Tamsin Okafor")?.type == .person)
    }

    @Test func unknownNameWithAnApposedRoleIsAPerson() {
        let r = extract("The plan failed, said Bram Oduya, a research fellow at the Polder Institute.")
        #expect(r.entity(named: "Bram Oduya")?.type == .person)
        #expect(r.entity(named: "Polder Institute")?.type == .organization)
    }

    @Test func organizationHeadsTypeUnknownOrganizations() {
        let r = extract("Students at Hallan University protested. The Tarn Foundation for Peace Studies objected.")
        #expect(r.entity(named: "Hallan University")?.type == .organization)
        #expect(r.entity(named: "Tarn Foundation for Peace Studies")?.type == .organization)
    }

    @Test func placeCueTypesAnUnknownPlace() {
        let r = extract("Shelling hit the Zorvan region on Monday.")
        #expect(r.entity(named: "Zorvan")?.type == .place)
    }

    @Test func surnameResolvesToTheFullNameIntroducedEarlier() {
        let r = extract("Miles Okoye, director of the Lantern Center, spoke first. Later Okoye added a warning.")
        let miles = r.entity(named: "Miles Okoye")
        #expect(miles != nil)
        #expect(r.entities.filter { $0.type == .person }.count == 1)
        #expect(r.mentions.filter { $0.entityID == miles?.id }.count == 2)
    }

    @Test func kimResolvesToTheKimTheArticleIsAbout() {
        let r = extract("Kim Jong Un toured a factory. Kim Jong Un praised the workers. Kim Taewoo, a professor, was skeptical. Kim later left.")
        let jongUn = r.entity(named: "Kim Jong Un")!.id
        let last = r.mentions.last { $0.text == "Kim" }
        #expect(last?.entityID == jongUn)
    }

    @Test func misspelledRepeatOfANameMergesWithIt() {
        let r = extract("The Wagner Group withdrew. Months later the Wager Group returned.")
        #expect(r.entities.filter { $0.type == .organization }.count == 1)
    }

    @Test func sentenceOpeningWordsAreNotNames() {
        let r = extract("Following the talks, analysts were cautious. Despite that, Meanwhile nothing moved.")
        #expect(r.entities.isEmpty)
    }

    @Test func bareSpecialForcesJoinTheArticlesArmy() {
        let r = extract("North Korean soldiers arrived in Russia. The special forces among them trained at night.")
        #expect(r.entity(named: "North Korean special forces")?.type == .military)
    }

    @Test func titleBeforeANewNameIsStripped() {
        let r = extract("Defense Minister Olu Brandt resigned.")
        #expect(r.entity(named: "Olu Brandt")?.type == .person)
    }

    @Test func aCapitalOpeningAPersonsNameIsNotTheState() {
        let r = extract("Defence Minister Wellington Koo spoke to reporters.")
        #expect(r.entity(named: "Wellington Koo")?.type == .person)
        #expect(r.entity(named: "New Zealand") == nil)
    }

    @Test func aStatesOrganNamedInLowerCaseIsAnOrganization() {
        let r = extract("Taiwan's defence ministry said the ships left.")
        #expect(r.entity(named: "Taiwanese defence ministry")?.type == .organization)
        #expect(r.has("Taiwanese defence ministry", .partOf, "Taiwan"))
    }

    @Test func stateMediaSpeakForTheState() {
        let r = extract("North Korean state media said Kim Jong Un visited a factory.")
        #expect(r.has("North Korea", .says, "Kim Jong Un"))
    }

    @Test func directionalWordsOpenNamesButAreNoNameAlone() {
        let r = extract("The Eastern Theater Command of the People's Liberation Army held drills. Western officials objected.")
        #expect(r.entity(named: "Eastern Theater Command")?.type == .military)
        #expect(r.has("Eastern Theater Command", .partOf, "People's Liberation Army"))
        #expect(r.entities.count == 2)
    }

    @Test func forcesNamedWithHeadNounsAreUnits() {
        let r = extract("The army fought the paramilitary Rapid Support Forces, led by Mohamed Hamdan Dagalo.")
        #expect(r.entity(named: "Rapid Support Forces")?.type == .military)
        #expect(r.has("Mohamed Hamdan Dagalo", .leads, "Rapid Support Forces"))
    }

    @Test func aSurnameNamedBeforeTheFullNameMergesWithIt() {
        let r = extract("President Pezeshkian arrived on Friday. Masoud Pezeshkian and Vladimir Putin then met.")
        #expect(r.entities.filter { $0.type == .person }.map(\.name).sorted() == ["Masoud Pezeshkian", "Vladimir Putin"])
        #expect(r.has("Masoud Pezeshkian", .meets, "Vladimir Putin"))
    }

    @Test func anApposedDescriptorTypesAnOrganizationAndLaterMentionsReuseIt() {
        let r = extract("Zorblax, the world's largest chipmaker, warned of losses. Later Zorblax cut jobs.")
        let org = try! #require(r.entity(named: "Zorblax"))
        #expect(org.type == .organization)
        #expect(r.mentions.filter { $0.entityID == org.id }.count == 2)
    }

    @Test func aCapitalizedPronounInsideASentenceIsAName() {
        let r = extract("Officials met Chinese Vice Premier He Lifeng in Beijing.")
        #expect(r.entity(named: "He Lifeng")?.type == .person)
    }

    @Test func troopsSentBeforeAnyArmyIsNamedAreTheSendersArmy() {
        let r = extract("Sources said North Korea had sent 3,000 more soldiers to Russia.")
        #expect(r.has("Korean People's Army", .deployedTo, "Russia"))
        #expect(r.entity(named: "Russian armed forces") == nil)
    }

    @Test func militaryAsAnAdjectiveNamesNoForce() {
        let r = extract("Iran wants military technology from Russia.")
        #expect(!r.entities.contains { $0.type == .military })
    }

    @Test func aStatesOrganKnownByAnotherNameIsThatBody() {
        let r = extract("South Korea's spy agency briefed lawmakers.")
        #expect(r.entity(named: "National Intelligence Service") != nil)
    }

    @Test func aBodyWhoseNameOpensWithATitleWordIsAnOrganization() {
        let r = extract("Ukraine's General Staff said the attack failed. Russia's General Staff disagreed.")
        // generic body names after a state are that state's
        #expect(r.entity(named: "Ukrainian General Staff")?.type == .organization)
        #expect(r.entity(named: "Russian General Staff")?.type == .organization)
        #expect(r.entities.allSatisfy { $0.type != .person })
    }

    @Test func westernNamesShortenToTheLastNameKoreanToTheFirst() {
        let r = extract("Simon Harris met Park Min-jun in Dublin. Harris thanked Park.")
        #expect(r.has("Simon Harris", .praises, "Park Min-jun"))
        #expect(r.entities.filter { $0.type == .person }.count == 2)
    }

    @Test func branchesOfAStatesForcesAreUnitsAndGenericNamesTakeTheState() {
        let r = extract("Ukraine's air force said the drones were downed. Russian Defense Ministry spokesman Igor Konashenkov disagreed.")
        #expect(r.entity(named: "Ukrainian air force")?.type == .military)
        #expect(r.has("Igor Konashenkov", .memberOf, "Russian Defense Ministry"))
    }

    @Test func aTitleInsideARunLeavesTheNameAfterIt() {
        let r = extract("Energy Minister Herman Halushchenko said repairs would take weeks. Troops captured the village of Novoselivka.")
        #expect(r.entity(named: "Herman Halushchenko")?.type == .person)
        #expect(r.entity(named: "Novoselivka")?.type == .place)
    }

    @Test func aNameSetOffAfterTheRoleOfSomethingIsAPerson() {
        let r = extract("The head of the regional administration, Vadym Filashkin, urged residents to leave.")
        #expect(r.entity(named: "Vadym Filashkin")?.type == .person)
    }

    @Test func itsRefersToTheNearestThingBeforeIt() {
        #expect(try! Extractor.standard.explain(text: "Russian troops advanced as Kyiv pressed its allies.", annotator: annotator)[0].names.contains { $0.text == "its" && $0.entity == "Ukraine" })
    }

    @Test func aKnownBodysNameInsideALongerNameIsNotThatBody() {
        let r = extract("South Korea's National Security Council met on Friday.")
        #expect(r.entity(named: "South Korean National Security Council")?.type == .organization)
        #expect(r.entity(named: "UN Security Council") == nil)
    }

    @Test func unitsDrawnFromANamedCorpsArePartOfIt() {
        let r = extract("North Korean special forces arrived. The NIS said the troops, drawn from the 11th Corps, were training.")
        #expect(r.has("Storm Corps", .partOf, "North Korean special forces"))
        #expect(r.has("National Intelligence Service", .says, "North Korean special forces"))
    }

    @Test func aNameAfterAnAmbassadorRoleIsAPerson() {
        let r = extract("Russia's ambassador in Seoul, Georgy Zinoviev, was summoned.")
        #expect(r.entity(named: "Georgy Zinoviev")?.type == .person)
    }

    @Test func aPossessiveAfterASpeechVerbIsTheSubjectsNotTheLastSpeakers() {
        let r = extract("Olena Petrenko said the talks failed. Oleksandr Syrskyi, the army chief, said his forces were fighting in Kursk.")
        #expect(r.has("Oleksandr Syrskyi", .fights, "Kursk"))
        #expect(!r.has("Olena Petrenko", .fights, "Kursk"))
    }

    @Test func spellingsWithAndWithoutAccentsAreOneEntityShownWithTheAccents() {
        let r = extract("Zoltan Ferenczy, a professor at Szeged University, left early. Later Zoltán Ferenczy met Olaf Scholz.")
        let persons = r.entities.filter { $0.type == .person && $0.name.hasPrefix("Zolt") }
        #expect(persons.map(\.name) == ["Zoltán Ferenczy"])
        #expect(persons.first?.id == "person:zoltan-ferenczy")
        #expect(r.mentions.filter { $0.entityID == persons.first?.id }.count == 2)
        #expect(r.has("Zoltán Ferenczy", .meets, "Olaf Scholz"))
    }

    @Test func namesWithNonASCIILettersAreWhole() {
        for text in ["Ayşegül Yıldırım, the Turkish trade minister, praised Japan.",
                     "Ays\u{327}egu\u{308}l Yıldırım, the Turkish trade minister, praised Japan."] {
            let r = extract(text)
            #expect(r.entities.filter { $0.type == .person }.map(\.name) == ["Ayşegül Yıldırım"], "\(text)")
            #expect(r.has("Ayşegül Yıldırım", .praises, "Japan"))
        }
    }

    @Test func particlesInsideAPersonsNameKeepItWholeAndOpenTheSurname() {
        let r = extract("""
            Commission President Margarethe von Aldenburg visited Kyiv. Von Aldenburg praised Germany.
            Later, von Aldenburg thanked Poland.
            """)
        #expect(r.entities.filter { $0.type == .person }.map(\.name) == ["Margarethe von Aldenburg"])
        #expect(r.has("Margarethe von Aldenburg", .praises, "Germany"))
        #expect(r.has("Margarethe von Aldenburg", .praises, "Poland"))
        #expect(Set(r.mentions.map(\.text)).isSuperset(of: ["Von Aldenburg", "von Aldenburg"]))
        // a title ending the run before a name is not an organization ("Commission President")
        #expect(!r.entities.contains { $0.type == .organization })
    }

    @Test func aSurnameWithParticlesNamedFirstMergesWithTheFullName() {
        let r = extract("President von Aldenburg arrived in Oslo. Margarethe von Aldenburg praised Norway.")
        #expect(r.entities.filter { $0.type == .person }.map(\.name) == ["Margarethe von Aldenburg"])
        #expect(r.mentions.first?.text == "von Aldenburg")
        #expect(r.has("Margarethe von Aldenburg", .locatedIn, "Norway"))
    }

    @Test func aParticleFoundOnlyInPersonsNamesMakesAPerson() {
        let r = extract("Pieter van der Meer met Olaf Scholz in Berlin.")
        #expect(r.entity(named: "Pieter van der Meer")?.type == .person)
        #expect(r.has("Pieter van der Meer", .meets, "Olaf Scholz"))
    }

    @Test func aHyphenatedGivenNameOpensAPersonsName() {
        let r = extract("Anne-Sophie Delacroix, the French trade minister, praised Japan. Jan-Erik Solberg met Olaf Scholz.")
        #expect(r.entity(named: "Anne-Sophie Delacroix")?.type == .person)
        #expect(r.has("Anne-Sophie Delacroix", .memberOf, "France") || r.has("Anne-Sophie Delacroix", .leads, "France"))
        #expect(r.has("Anne-Sophie Delacroix", .praises, "Japan"))
        #expect(r.has("Jan-Erik Solberg", .meets, "Olaf Scholz"))
    }

    @Test func aStateAndModifiersBeforeAnApposedRoleMakeAPerson() {
        let r = extract("Kristjan Vaher, the Estonian defence minister, praised Latvia.")
        #expect(r.entity(named: "Kristjan Vaher")?.type == .person)
        #expect(r.has("Kristjan Vaher", .memberOf, "Estonia"))
    }
}
