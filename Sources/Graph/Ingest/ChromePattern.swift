/// One line pattern of page chrome, read from `chrome.tsv`.
public struct ChromePattern: @unchecked Sendable {
    /// What a matching line is.
    public enum Kind: String, Sendable {
        case notice, drop, source, edition, byline
    }

    public let kind: Kind
    public let pattern: String
    let regex: Regex<AnyRegexOutput>

    public init(kind: Kind, pattern: String) throws {
        self.kind = kind
        self.pattern = pattern
        self.regex = try Regex(pattern).ignoresCase()
    }

    /// The capture groups when the whole line matches, nil otherwise.
    func match(_ line: String) -> [String]? {
        guard let m = try? regex.wholeMatch(in: line) else { return nil }
        return (1..<max(1, m.output.count)).map { i in m.output[i].substring.map(String.init) ?? "" }
    }
}
