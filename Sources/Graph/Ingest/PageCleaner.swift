import Foundation

/// Separates an article's body from the page it was saved with.
///
/// Works line by line on the original text, so every kept range is still an
/// offset into the file. Subscription notices end the article: what follows
/// them is teaser lists of other stories. Metadata lines (source URL, edition
/// line with outlet and date, bylines) become document metadata. A trailing
/// run of headline + standfirst pairs is a teaser list even without a notice.
public struct PageCleaner: Sendable {
    public let patterns: [ChromePattern]

    public init(patterns: [ChromePattern]) {
        self.patterns = patterns
    }

    /// A block removed from the body, kept for inspection.
    public struct DroppedLine: Codable, Hashable, Sendable {
        public var reason: String
        public var start: Int
        public var end: Int
        public var text: String
    }

    /// The result of cleaning one document.
    public struct Result: Sendable {
        /// Body paragraphs as offset ranges into the source.
        public var paragraphs: [Range<Int>]
        public var dropped: [DroppedLine]
        public var title: String?
        public var outlet: String?
        public var date: String?
        public var sourceURL: String?
        public var bylines: [String]
    }

    public func clean(_ source: SourceText) -> Result {
        var result = Result(paragraphs: [], dropped: [], bylines: [])
        let lines = source.lineRanges().filter { range in
            !source.slice(range.lowerBound, range.upperBound).allSatisfy(\.isWhitespace)
        }
        var inTrailingChrome = false
        var body: [Range<Int>] = []
        for range in lines {
            let text = source.slice(range.lowerBound, range.upperBound).trimmingCharacters(in: .whitespaces)
            func drop(_ reason: String) {
                result.dropped.append(DroppedLine(reason: reason, start: range.lowerBound, end: range.upperBound, text: text))
            }
            if let (kind, groups) = classify(text) {
                switch kind {
                case .notice:
                    inTrailingChrome = true
                    drop("subscription notice")
                case .drop:
                    drop("page chrome")
                case .source:
                    result.sourceURL = result.sourceURL ?? groups.first
                    drop("metadata: source")
                case .edition:
                    if groups.count >= 2, !groups.joined().contains("{{") {
                        result.date = result.date ?? groups[0].trimmingCharacters(in: .whitespaces)
                        result.outlet = result.outlet ?? groups[1].trimmingCharacters(in: .whitespaces)
                    }
                    inTrailingChrome = true
                    drop("metadata: edition")
                case .date:
                    result.date = result.date ?? groups.first?.trimmingCharacters(in: .whitespaces)
                    drop("metadata: date")
                case .byline:
                    if let name = groups.first, !name.isEmpty { result.bylines.append(name) }
                    drop("metadata: byline")
                }
                continue
            }
            if inTrailingChrome {
                drop("teaser")
                continue
            }
            body.append(range)
        }
        body = Self.joinWrappedLines(body, source)
        // A leading headline (no closing punctuation) is the title, not body text.
        if let first = body.first, body.count > 1,
           Self.isHeadlineLike(source.slice(first.lowerBound, first.upperBound)) {
            result.title = source.slice(first.lowerBound, first.upperBound).trimmingCharacters(in: .whitespaces)
            body.removeFirst()
            result.dropped.append(DroppedLine(reason: "metadata: title", start: first.lowerBound, end: first.upperBound, text: result.title!))
        }
        // A trailing teaser list: at least two headline lines, each with at most one standfirst line.
        var cut = body.count
        var headlines = 0
        var i = body.count - 1
        while i >= 0 {
            let text = source.slice(body[i].lowerBound, body[i].upperBound)
            if Self.isHeadlineLike(text) {
                headlines += 1
                cut = i
                i -= 1
            } else if i > 0, Self.isHeadlineLike(source.slice(body[i - 1].lowerBound, body[i - 1].upperBound)) {
                headlines += 1
                cut = i - 1
                i -= 2
            } else {
                break
            }
        }
        if headlines >= 2 && cut > 0 {
            for r in body[cut...] {
                result.dropped.append(DroppedLine(reason: "teaser", start: r.lowerBound, end: r.upperBound,
                                                  text: source.slice(r.lowerBound, r.upperBound)))
            }
            body.removeSubrange(cut...)
        }
        result.dropped.sort { $0.start < $1.start }
        result.paragraphs = body
        return result
    }

    private func classify(_ line: String) -> (ChromePattern.Kind, [String])? {
        for p in patterns {
            if let groups = p.match(line) { return (p.kind, groups) }
        }
        return nil
    }

    /// Hard-wrapped text: a line that does not close a sentence and is long, or is followed by a
    /// lower-case start, continues on the next line.
    static func joinWrappedLines(_ lines: [Range<Int>], _ source: SourceText) -> [Range<Int>] {
        // a hard-wrapped document: most of its lines are long and stop mid-sentence
        let texts = lines.map { source.slice($0.lowerBound, $0.upperBound).trimmingCharacters(in: .whitespaces) }
        let openLong = texts.filter { t in t.count >= 50 && !(t.last.map { ".!?:;\"”’)".contains($0) } ?? true) }.count
        let wrapped = lines.count >= 3 && openLong * 2 >= lines.count
        var out: [Range<Int>] = []
        var prev = ""
        for (r, next) in zip(lines, texts) {
            defer { prev = next }
            if let last = out.last {
                let open = !(prev.last.map { ".!?:;\"”’)".contains($0) } ?? true)
                let continues = next.first?.isLowercase == true || (wrapped && prev.count >= 50)
                if open && continues && r.lowerBound - last.upperBound <= 2 {
                    out[out.count - 1] = last.lowerBound..<r.upperBound
                    continue
                }
            }
            out.append(r)
        }
        return out
    }

    /// Short, and not closed like a sentence: a headline.
    static func isHeadlineLike(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let last = t.last else { return false }
        // a live-blog entry opens with its time ("12:30 Kremlin denies involvement")
        if t.range(of: #"^\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil { return false }
        let words = t.split(separator: " ").count
        return words <= 14 && !".!?\"”’:;)".contains(last)
    }
}
