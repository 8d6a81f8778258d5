import Testing
@testable import Graph

@Suite struct PageCleanerTests {
    let cleaner = PageCleaner(lexicon: .standard)

    func clean(_ text: String) -> (body: [String], result: PageCleaner.Result) {
        let source = SourceText(text)
        let r = cleaner.clean(source)
        return (r.paragraphs.map { source.slice($0.lowerBound, $0.upperBound) }, r)
    }

    @Test func subscriptionNoticeEndsTheArticleAndDropsTeasersAfterIt() {
        let (body, r) = clean("""
            The envoy arrived in Hanoi on Monday.
            Start your 7-day free trial to read thousands of stories.
            Already a subscriber? Sign In
            Football: City beat United again
            A late goal settled the derby.
            """)
        #expect(body == ["The envoy arrived in Hanoi on Monday."])
        #expect(r.dropped.count == 4)
        #expect(r.dropped.contains { $0.reason == "teaser" && $0.text.hasPrefix("Football") })
    }

    @Test func norwegianEditionLineGivesOutletAndDate() {
        let (body, r) = clean("""
            The minister resigned on Friday.
            Denne historien er fra March 03, 2025-utgaven av The Daily Planet.
            """)
        #expect(body == ["The minister resigned on Friday."])
        #expect(r.outlet == "The Daily Planet")
        #expect(r.date == "March 03, 2025")
    }

    @Test func templatePlaceholdersAreChromeNotMetadata() {
        let (_, r) = clean("""
            The talks ended without a deal.
            This story is from the {{IssueName}} edition of {{MagazineName}}.
            """)
        #expect(r.outlet == nil)
        #expect(r.dropped.count == 1)
    }

    @Test func sourceLinkAndBylineBecomeMetadata() {
        let (body, r) = clean("""
            The navy held drills near the coast.
            Maria Gomez contributed to this report.
            Source: https://example.org/a/b
            """)
        #expect(body == ["The navy held drills near the coast."])
        #expect(r.sourceURL == "https://example.org/a/b")
        #expect(r.bylines == ["Maria Gomez"])
    }

    @Test func readTheFullArticleIsDropped() {
        let (body, _) = clean("The port reopened after the storm.\nRead the full article here")
        #expect(body == ["The port reopened after the storm."])
    }

    @Test func trailingTeaserListWithoutANoticeIsDropped() {
        let (body, _) = clean("""
            Leaders met in Geneva for a second day. They agreed to continue talks.
            Stocks slide as rates rise
            Investors sold bank shares on Tuesday.
            Chef opens a new bistro
            The menu changes every week.
            """)
        #expect(body == ["Leaders met in Geneva for a second day. They agreed to continue talks."])
    }

    @Test func leadingHeadlineBecomesTheTitle() {
        let (body, r) = clean("Ceasefire talks stall in Cairo\nNegotiators left Cairo on Sunday without an agreement.")
        #expect(r.title == "Ceasefire talks stall in Cairo")
        #expect(body.count == 1)
    }

    @Test func offsetsStayOffsetsIntoTheFile() {
        let text = "Første linje er her.\nThe second line names Kyiv."
        let source = SourceText(text)
        let r = cleaner.clean(source)
        let last = r.paragraphs.last!
        #expect(source.slice(last.lowerBound, last.upperBound) == "The second line names Kyiv.")
        #expect(last.lowerBound == 21)
    }

    @Test func bylineWithRoleDateLineCaptionsAndRelatedLinksAreChrome() {
        let (body, r) = clean("""
            Envoys meet in Oslo
            By Laura Bennett, Diplomatic Correspondent
            Published 14:05 GMT, 17 January 2025
            The envoys met in Oslo on Friday.
            (Photo: Agency pool)
            Related: Earlier talks collapsed
            By sending aid, Norway hoped to help.
            """)
        #expect(body == ["The envoys met in Oslo on Friday.", "By sending aid, Norway hoped to help."])
        #expect(r.bylines == ["Laura Bennett"])
        #expect(r.date == "14:05 GMT, 17 January 2025")
    }

    @Test func mostReadListEndsTheArticle() {
        let (body, _) = clean("The vote passed in Riga.\nMost read\nA storm is coming\nStay indoors tonight.")
        #expect(body == ["The vote passed in Riga."])
    }

    @Test func liveBlogEntriesWithoutFullStopsAreNotTeasers() {
        let (body, _) = clean("Live: talks in Geneva\n09:10 Delegations arrive in Geneva.\n11:30 Kremlin denies involvement\n12:05 Talks resume after a break")
        #expect(body.count == 3)
    }

    @Test func hardWrappedParagraphsAreJoined() {
        let (body, r) = clean("Talks stall in Geneva\nNegotiators met in Geneva on Monday, but the talks ended without\nagreement after the proposal was rejected by both sides, officials said.\n")
        #expect(r.title == "Talks stall in Geneva")
        #expect(body.count == 1)
        #expect(body[0].hasSuffix("officials said."))
    }

    @Test func aStoryWrappedAtANarrowColumnKeepsTheFirstLineOfEveryParagraph() {
        // wrapped at 45 columns, as `fold -s -w 45` does: no line reaches the old 50-character mark
        let text = """
            Harbour board approves new ferry terminal

            The harbour board of Tallinn approved a new
            ferry terminal on Tuesday after a long
            debate about costs and noise.

            Mayor Liis Kask welcomed the decision and
            said the city would share the bill with the
            national government.

            Construction is expected to start in the
            spring, the board said.
            """
        let (body, r) = clean(text)
        #expect(r.title == "Harbour board approves new ferry terminal")
        #expect(!r.dropped.contains { $0.reason == "crosshead" })
        #expect(body.count == 3)
        #expect(body.first?.hasPrefix("The harbour board of Tallinn") == true)
        #expect(body.first?.hasSuffix("noise.") == true)
        #expect(body.last?.hasPrefix("Construction is expected") == true)
    }

    @Test func aLongHeadlineIsNotJoinedToTheFirstParagraph() {
        let (body, r) = clean("Moscow-backed forces advance near Pokrovsk as Kyiv awaits Western arms\nRussian troops pushed closer to Pokrovsk on Wednesday.\nKyiv asked for more air defence.")
        #expect(r.title == "Moscow-backed forces advance near Pokrovsk as Kyiv awaits Western arms")
        #expect(body.count == 2)
    }

    @Test func crossheadsInsideAShortStoryKeepTheBodyAndAreDroppedAlone() {
        let (body, r) = clean("""
            Ferry deal signed in Tallinn
            Estonia and Finland agreed on Monday to run a joint ferry service across the gulf.
            Harbour reaction
            Dock workers in Helsinki welcomed the plan but asked for more staff.
            Ticket prices
            Fares will stay at last year's level until the spring, the operator said.
            """)
        #expect(body == ["Estonia and Finland agreed on Monday to run a joint ferry service across the gulf.",
                         "Dock workers in Helsinki welcomed the plan but asked for more staff.",
                         "Fares will stay at last year's level until the spring, the operator said."])
        #expect(r.dropped.filter { $0.reason == "crosshead" }.map(\.text) == ["Harbour reaction", "Ticket prices"])
        #expect(!r.dropped.contains { $0.reason == "teaser" })
    }

    @Test func aLongerCrossheadOnTheStorysSubjectIsNotATeaser() {
        let (body, r) = clean("""
            The Lindqvist Foundation opened a clinic in Tartu on Friday.
            What the Lindqvist Foundation plans next
            The foundation wants to open two more clinics by the winter.
            Why Tartu was chosen first
            Tartu has the region's oldest university hospital, the director said.
            """)
        #expect(body.count == 3)
        #expect(r.dropped.map(\.reason) == ["crosshead", "crosshead"])
    }

    @Test func aTeaserListAfterACrossheadedStoryIsStillDropped() {
        let (body, r) = clean("""
            Engineers reopened the Varna bridge after a week of repairs.
            Traffic returns
            Lorries crossed the Varna bridge again on Thursday morning.
            Singer cancels her autumn tour of Spain
            The shows will be rescheduled next year.
            Local team wins the regional cup final
            A penalty decided the match in extra time.
            """)
        #expect(body == ["Engineers reopened the Varna bridge after a week of repairs.",
                         "Lorries crossed the Varna bridge again on Thursday morning."])
        #expect(r.dropped.filter { $0.reason == "teaser" }.count == 4)
        #expect(r.dropped.contains { $0.reason == "crosshead" && $0.text == "Traffic returns" })
    }

    @Test func aCrossheadIsNoSentenceOfTheStory() {
        let sentences = Extractor.standard.sentences(of: """
            Flooding closed roads across Moravia on Sunday.
            Rescue efforts
            Volunteers filled sandbags through the night. The army sent two trucks.
            Soldiers also cleared a blocked bridge.
            """)
        #expect(sentences.map(\.text) == ["Flooding closed roads across Moravia on Sunday.", "Volunteers filled sandbags through the night.",
                                          "The army sent two trucks.", "Soldiers also cleared a blocked bridge."])
    }

    @Test func aHeadlineEndingInAQuotationIsTheTitle() {
        for headline in ["Premier pledges \"no return to austerity\"", "Premier pledges \u{201C}no return to austerity\u{201D}",
                         "Premier pledges \u{2018}no return\u{2019}"] {
            let (body, r) = clean("\(headline)\nThe premier spoke to parliament on Wednesday.")
            #expect(r.title == headline)
            #expect(body == ["The premier spoke to parliament on Wednesday."])
        }
        // a quoted sentence closed inside the quote is no headline
        let (body, r) = clean("He said \"we will not return to austerity.\"\nThe premier spoke to parliament on Wednesday.")
        #expect(r.title == nil)
        #expect(body.count == 2)
    }

    @Test func aWireDatelineIsCutFromItsParagraphAfterTheTitle() {
        let text = "Premier pledges \"no return\"\nLISBON, March 9 (Wire) - Officials said the budget would pass.\nThe vote is on Friday."
        let (body, r) = clean(text)
        #expect(r.title == "Premier pledges \"no return\"")
        #expect(body == ["Officials said the budget would pass.", "The vote is on Friday."])
        #expect(r.dateline == "LISBON, March 9 (Wire) -")
        #expect(r.dropped.contains { $0.reason == "metadata: dateline" && SourceText(text).slice($0.start, $0.end).hasPrefix("LISBON") })
    }

    @Test func datelinesOfEveryShapeAreCutAndCapitalsThatOpenSentencesAreNot() {
        for (line, rest) in [("SEOUL, Nov. 4 (Wire) -- Troops left.", "Troops left."),
                             ("KYIV, Ukraine (AP) \u{2014} Troops left.", "Troops left."),
                             ("NEW DELHI (Wire) - Troops left.", "Troops left."),
                             ("PARIS, France, Jan. 3, 2025 \u{2013} Troops left.", "Troops left."),
                             ("OSLO \u{2014} Troops left.", "Troops left.")] {
            #expect(clean("The first paragraph ends here.\n\(line)").body.last == rest, "\(line)")
        }
        for line in ["UN-backed forces said they had left - for now.", "US, UK and French officials - all of them - agreed.",
                     "NATO said the drills were over.", "EU officials \u{2014} and their guests \u{2014} arrived."] {
            #expect(clean("The first paragraph ends here.\n\(line)").body.last == line, "\(line)")
        }
    }
}
