import Testing
@testable import Graph

@Suite struct PageCleanerTests {
    let cleaner = PageCleaner(patterns: Lexicon.standard.chrome)

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

    @Test func aLongHeadlineIsNotJoinedToTheFirstParagraph() {
        let (body, r) = clean("Moscow-backed forces advance near Pokrovsk as Kyiv awaits Western arms\nRussian troops pushed closer to Pokrovsk on Wednesday.\nKyiv asked for more air defence.")
        #expect(r.title == "Moscow-backed forces advance near Pokrovsk as Kyiv awaits Western arms")
        #expect(body.count == 2)
    }
}
