import Testing
@testable import Graph

@Suite struct SentenceSegmenterTests {
    func split(_ text: String) -> [String] {
        Extractor.standard.sentences(of: text).map(\.text)
    }

    @Test func militaryTitlesDoNotEndASentence() {
        #expect(split("Col. Gen. Park led the unit. He retired later.") == ["Col. Gen. Park led the unit.", "He retired later."])
    }

    @Test func monthAbbreviationsDoNotEndASentence() {
        #expect(split("On Oct. 28, the ministry spoke. Nobody listened.") == ["On Oct. 28, the ministry spoke.", "Nobody listened."])
    }

    @Test func courtesyTitlesAndInitialsDoNotEndASentence() {
        #expect(split("Mr. Smith met John F. Kennedy. They talked.") == ["Mr. Smith met John F. Kennedy.", "They talked."])
    }

    @Test func initialismsStayWhole() {
        let s = split("U.S. officials arrived in the U.K. yesterday. Talks began.")
        #expect(s == ["U.S. officials arrived in the U.K. yesterday.", "Talks began."])
    }

    @Test func closingQuoteStaysWithItsSentence() {
        #expect(split("“We will win,” she said. The crowd cheered.") == ["“We will win,” she said.", "The crowd cheered."])
        #expect(split("He said: “It is over.” Then he left.") == ["He said: “It is over.”", "Then he left."])
    }

    @Test func lowercaseAfterADotDoesNotSplit() {
        #expect(split("The figure was 1.2 million vs. last year's 1.1 million.").count == 1)
    }
}

extension SentenceSegmenterTests {
    /// Work per sentence stays bounded: a text without full stops is cut into sentences of at
    /// most `maxTokens` tokens, covering every token once.
    @Test func aRunWithoutFullStopsIsCutIntoBoundedSentences() {
        let words = (0..<1_050).map { ["troops", "moved", "north", "and", "east"][$0 % 5] }.joined(separator: " ")
        let source = SourceText(words)
        let sentences = SentenceSegmenter(abbreviations: []).split(source, paragraph: 0..<source.count)
        #expect(sentences.count == 6)
        #expect(sentences.allSatisfy { $0.tokens.count <= SentenceSegmenter.maxTokens })
        #expect(sentences.map(\.tokens.count).reduce(0, +) == 1_050)
    }
}
