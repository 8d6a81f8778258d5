/// Finds the longest lexicon phrase (lower-case words) starting at a token.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    private var phrases: [String: [(words: [String], value: Value)]] = [:]

    public init() {}

    public mutating func add(_ phrase: String, _ value: Value) {
        let words = Self.words(phrase)
        guard let first = words.first else { return }
        phrases[first, default: []].append((words, value))
        phrases[first]!.sort { $0.words.count > $1.words.count }
    }

    static func words(_ phrase: String) -> [String] {
        Tokenizer.tokenize(SourceText(phrase), 0..<phrase.unicodeScalars.count).map(\.lower)
    }

    /// The longest phrase starting at `tokens[at]` and its length in tokens.
    public func match(_ tokens: [Token], at: Int) -> (value: Value, length: Int)? {
        guard at < tokens.count, let cands = phrases[tokens[at].lower] else { return nil }
        for c in cands where at + c.words.count <= tokens.count {
            if (0..<c.words.count).allSatisfy({ tokens[at + $0].lower == c.words[$0] }) {
                return (c.value, c.words.count)
            }
        }
        return nil
    }

    /// The longest phrase ending at `tokens[end - 1]`.
    public func match(_ tokens: [Token], endingAt end: Int) -> (value: Value, length: Int)? {
        var best: (Value, Int)?
        for start in stride(from: end - 1, through: max(0, end - 6), by: -1) {
            if let m = match(tokens, at: start), m.length == end - start { best = (m.value, m.length) }
        }
        return best.map { (value: $0.0, length: $0.1) }
    }
}
