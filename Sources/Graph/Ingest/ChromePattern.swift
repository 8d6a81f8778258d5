import Foundation

/// One line pattern of page chrome, read from `chrome.tsv`.
public struct ChromePattern: @unchecked Sendable {
    /// What a matching line is.
    public enum Kind: String, Sendable {
        case notice, drop, source, edition, byline, date
        /// Not a line: the opening of a body paragraph (a wire dateline) that is cut from it.
        case dateline
    }

    public let kind: Kind
    public let pattern: String
    /// ICU regular expression, searched within a line, case-insensitive (immutable, so shareable).
    let regex: NSRegularExpression

    public init(kind: Kind, pattern: String) throws {
        self.kind = kind
        self.pattern = pattern
        self.regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    /// The capture groups when the pattern is found in the line, nil otherwise.
    func match(_ line: String) -> [String]? {
        let ns = line as NSString
        guard let m = regex.firstMatch(in: line, options: [], range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<max(1, m.numberOfRanges)).map { i in
            let r = m.range(at: i)
            return r.location == NSNotFound ? "" : ns.substring(with: r)
        }
    }

    /// The length, in Unicode scalars, of the match at the start of `text`; nil when the pattern
    /// does not match there.
    func prefixLength(_ text: String) -> Int? {
        let ns = text as NSString
        guard let m = regex.firstMatch(in: text, options: [.anchored], range: NSRange(location: 0, length: ns.length)),
              m.range.length > 0 else { return nil }
        return ns.substring(to: m.range.location + m.range.length).unicodeScalars.count
    }
}
