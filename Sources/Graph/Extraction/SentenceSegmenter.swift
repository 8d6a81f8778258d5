/// Splits a paragraph into sentences.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
/// when the next token opens a new sentence (capital, digit or opening quote),
/// unless the word before the dot is an abbreviation ("Col. Gen. Kim",
/// "Oct. 28", "Mr. Putin") or a single initial ("John F. Kennedy").
/// A run of more than ``maxTokens`` tokens without a sentence end is cut into pieces of
/// at most that many, so the work per sentence (parsing, relation reading) stays bounded
/// and a text without full stops costs time linear in its length.
public struct SentenceSegmenter: Sendable {
    /// The longest sentence kg reads, in tokens (news sentences rarely pass 80).
    public static let maxTokens = 200

    public let abbreviations: Set<String>

    public init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
    }

    static let closers: Set<String> = ["\"", "\u{201D}", "\u{2019}", "'", ")", "]"]
    static let openers: Set<String> = ["\"", "\u{201C}", "\u{2018}", "'", "(", "["]

    public func split(_ source: SourceText, paragraph: Range<Int>, firstIndex: Int = 0) -> [Sentence] {
        let tokens = Tokenizer.tokenize(source, paragraph)
        var sentences: [Sentence] = []
        var begin = 0
        func emit(_ endExclusive: Int) {
            guard begin < endExclusive else { return }
            let slice = Array(tokens[begin..<endExclusive])
            let start = slice.first!.start, end = slice.last!.end
            sentences.append(Sentence(index: firstIndex + sentences.count, start: start, end: end,
                                      tokens: slice, text: source.slice(start, end)))
            begin = endExclusive
        }
        var i = 0
        while i < tokens.count {
            if i - begin >= Self.maxTokens { emit(i) }
            let t = tokens[i]
            if t.kind == .punctuation, [".", "!", "?", "\u{2026}"].contains(t.text), !isAbbreviationDot(tokens, i) {
                var j = i + 1
                // a closing quote hugs what it closes; a straight quote after a space opens the next sentence
                while j < tokens.count, Self.closers.contains(tokens[j].text),
                      !(["\"", "'"].contains(tokens[j].text) && tokens[j].start > tokens[j - 1].end) { j += 1 }
                if j == tokens.count || opensSentence(tokens[j]) {
                    emit(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(tokens.count)
        return sentences
    }

    private func isAbbreviationDot(_ tokens: [Token], _ i: Int) -> Bool {
        guard tokens[i].text == ".", i > 0 else { return false }
        let prev = tokens[i - 1]
        guard prev.end == tokens[i].start, prev.kind == .word else { return false }
        if abbreviations.contains(prev.lower) { return true }
        return prev.text.count == 1 && prev.isCapitalized
    }

    private func opensSentence(_ t: Token) -> Bool {
        if Self.openers.contains(t.text) { return true }
        if t.kind == .number { return true }
        return t.isCapitalized
    }
}
