import Foundation

/// Separates an article's body from the page it was saved with.
///
/// Works line by line on the original text, so every kept range is still an
/// offset into the file. Subscription notices end the article: what follows
/// them is teaser lists of other stories. Metadata lines (source URL, edition
/// line with outlet and date, bylines) become document metadata. A trailing
/// run of headline + standfirst pairs is a teaser list even without a notice;
/// a crosshead (a short heading inside the story, followed by body paragraphs
/// on the story's subject) is not, and is dropped alone. A wire dateline
/// opening a paragraph is cut from it.
public struct PageCleaner: Sendable {
    public let patterns: [ChromePattern]
    /// Function words, not evidence that two passages share a subject.
    public let stopWords: Set<String>

    /// A crosshead has at most this many words; a teaser headline usually has more.
    static let crossheadMaxWords = 6
    /// A heading this short is a phrase ("Kremlin reaction"), not a teaser's headline clause.
    static let crossheadPhraseWords = 3

    public init(patterns: [ChromePattern], stopWords: Set<String> = []) {
        self.patterns = patterns
        self.stopWords = stopWords
    }

    /// A cleaner with the lexicon's chrome patterns and stop words.
    public init(lexicon: Lexicon) {
        let speech = lexicon.triggers.filter { $0.frame == .speech }.flatMap(\.words)
        self.init(patterns: lexicon.chrome, stopWords: lexicon.cue("stop").union(speech))
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
        /// The first wire dateline cut from a paragraph ("SEOUL, Nov. 4 (Wire) -").
        public var dateline: String?
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
                case .dateline:
                    break // never a whole line: see cutDatelines
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
        cutDatelines(&body, source, &result)
        let text = { (r: Range<Int>) in source.slice(r.lowerBound, r.upperBound) }
        // A leading headline (no closing punctuation) is the title, not body text.
        if let first = body.first, body.count > 1, Self.isHeadlineLike(text(first)) {
            result.title = text(first).trimmingCharacters(in: .whitespaces)
            body.removeFirst()
            result.dropped.append(DroppedLine(reason: "metadata: title", start: first.lowerBound, end: first.upperBound, text: result.title!))
        }
        // A trailing teaser list: at least two headline lines, each with at most one standfirst line.
        // A short heading whose paragraph is on the story's subject is a crosshead: the story goes on there.
        var cut = body.count
        var headlines = 0
        var i = body.count - 1
        while i >= 0 {
            if Self.isHeadlineLike(text(body[i])) {
                headlines += 1
                cut = i
                i -= 1
            } else if i > 0, Self.isHeadlineLike(text(body[i - 1])) {
                let story = (result.title.map { [$0] } ?? []) + body[..<(i - 1)].map(text)
                if isCrosshead(text(body[i - 1]), paragraph: text(body[i]), story: story) { break }
                headlines += 1
                cut = i - 1
                i -= 2
            } else {
                break
            }
        }
        if headlines >= 2 && cut > 0 {
            for r in body[cut...] {
                result.dropped.append(DroppedLine(reason: "teaser", start: r.lowerBound, end: r.upperBound, text: text(r)))
            }
            body.removeSubrange(cut...)
        }
        // Crossheads inside the story: a heading between paragraphs is no sentence of it.
        var k = body.count - 2
        while k >= 1 {
            if Self.isHeadlineLike(text(body[k])), Self.closesSentence(text(body[k + 1])) {
                result.dropped.append(DroppedLine(reason: "crosshead", start: body[k].lowerBound, end: body[k].upperBound,
                                                  text: text(body[k]).trimmingCharacters(in: .whitespaces)))
                body.remove(at: k)
            }
            k -= 1
        }
        result.dropped.sort { $0.start < $1.start }
        result.paragraphs = body
        return result
    }

    private func classify(_ line: String) -> (ChromePattern.Kind, [String])? {
        for p in patterns where p.kind != .dateline {
            if let groups = p.match(line) { return (p.kind, groups) }
        }
        return nil
    }

    /// A wire dateline ("WASHINGTON, Feb. 28 (Wire) - ") opening a paragraph names where the story was
    /// filed: it is cut from the paragraph, so that no sentence starts with it.
    private func cutDatelines(_ body: inout [Range<Int>], _ source: SourceText, _ result: inout Result) {
        let datelines = patterns.filter { $0.kind == .dateline }
        guard !datelines.isEmpty else { return }
        var out: [Range<Int>] = []
        for r in body {
            let text = source.slice(r.lowerBound, r.upperBound)
            guard let n = datelines.lazy.compactMap({ $0.prefixLength(text) }).first else { out.append(r); continue }
            let cutText = source.slice(r.lowerBound, r.lowerBound + n).trimmingCharacters(in: .whitespaces)
            result.dateline = result.dateline ?? cutText
            result.dropped.append(DroppedLine(reason: "metadata: dateline", start: r.lowerBound, end: r.lowerBound + n, text: cutText))
            if r.lowerBound + n < r.upperBound { out.append((r.lowerBound + n)..<r.upperBound) }
        }
        body = out
    }

    /// A short heading followed by a paragraph of full sentences: a crosshead of the story, not a teaser
    /// of another one, when the heading is very short (a teaser headline is a clause; a kicker is in
    /// capitals) or the section shares a word of substance with the story before it.
    func isCrosshead(_ heading: String, paragraph: String, story: [String]) -> Bool {
        let words = heading.split(separator: " ")
        guard words.count <= Self.crossheadMaxWords, Self.closesSentence(paragraph) else { return false }
        let capitals = heading.unicodeScalars.filter { $0.properties.isAlphabetic }.allSatisfy { $0.properties.isUppercase }
        if words.count <= Self.crossheadPhraseWords && !capitals { return true }
        let before = story.reduce(into: Set<String>()) { $0.formUnion(contentWords($1)) }
        return !contentWords(heading + "\n" + paragraph).isDisjoint(with: before)
    }

    /// Words that say what a passage is about: names, and longer words that are not function words.
    func contentWords(_ text: String) -> Set<String> {
        let source = SourceText(text)
        var out: Set<String> = []
        for t in Tokenizer.tokenize(source, 0..<source.count) where t.kind == .word && !stopWords.contains(t.lower) {
            guard t.isCapitalized ? t.lower.count >= 3 : t.lower.count >= 5 else { continue }
            var w = t.lower
            if w.hasSuffix("s"), w.count > 4 { w.removeLast() } // "talks" and "talk"
            out.insert(w)
        }
        return out
    }

    /// Ends like a sentence (closing quotes and brackets aside).
    static func closesSentence(_ text: String) -> Bool {
        let t = withoutClosers(text.trimmingCharacters(in: .whitespaces))
        return t.last.map { ".!?\u{2026}".contains($0) } ?? false
    }

    /// The text without its closing quotes and brackets: `vows "no retreat"` -> `vows "no retreat`.
    static func withoutClosers(_ t: String) -> Substring {
        var s = Substring(t)
        while let c = s.last, "\"\u{201D}\u{2019}'\u{00BB})]".contains(c) { s.removeLast() }
        return s
    }

    /// Hard-wrapped text: a line that does not close a sentence and is long, or is followed by a
    /// lower-case start, continues on the next line.
    static func joinWrappedLines(_ lines: [Range<Int>], _ source: SourceText) -> [Range<Int>] {
        // A hard-wrapped document: most of its lines stop mid-sentence close to one width (the wrap
        // column, whatever it is). A line was wrapped when the next line's first word would not have fit.
        let texts = lines.map { source.slice($0.lowerBound, $0.upperBound).trimmingCharacters(in: .whitespaces) }
        let isOpen = { (t: String) in !(t.last.map { ".!?:;\"”’)".contains($0) } ?? true) }
        let openLengths = texts.filter(isOpen).map(\.count).sorted()
        let width = openLengths.isEmpty ? 0 : openLengths[min(openLengths.count - 1, openLengths.count * 9 / 10)]
        let long = max(30, width * 7 / 10)
        let wrapped = lines.count >= 3 && width >= 40 && texts.filter { isOpen($0) && $0.count >= long }.count * 2 >= lines.count
        var out: [Range<Int>] = []
        var prev = ""
        for (r, next) in zip(lines, texts) {
            defer { prev = next }
            if let last = out.last {
                let firstWord = next.prefix { !$0.isWhitespace }.count
                let gap = source.slice(last.upperBound, r.lowerBound).filter(\.isNewline).count
                // a lowercase start continues across one blank line; a wrap never leaves a blank line
                let continues = (next.first?.isLowercase == true && gap <= 2)
                    || (wrapped && gap == 1 && prev.count >= long && prev.count + 1 + firstWord > width)
                if isOpen(prev) && continues {
                    out[out.count - 1] = last.lowerBound..<r.upperBound
                    continue
                }
            }
            out.append(r)
        }
        return out
    }

    /// Short, and not closed like a sentence: a headline. A closing quote ends a headline as well as a
    /// sentence (`Minister vows "no retreat"`): what counts is the punctuation before it.
    static func isHeadlineLike(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return false }
        // a live-blog entry opens with its time ("12:30 Kremlin denies involvement")
        if t.range(of: #"^\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil { return false }
        let words = t.split(separator: " ").count
        // "(Photo: pool)": a bracketed line is a caption, not a headline
        if t.last == ")" { return false }
        guard let last = withoutClosers(t).last else { return false }
        return words <= 14 && !".!?\u{2026}:;,".contains(last)
    }
}
