import Foundation

/// A document's date as an ISO 8601 calendar date, and where it was read.
///
/// Sources, in order of trust: the wire dateline ("SEOUL, Nov. 4 (Wire) -"), the edition line ("This story is
/// from the November 4, 2024 edition of ..."), a "Published ..." line, a byline's date ("By Jane Roe, 4 November
/// 2024"), a date in the source URL (`/2024/11/04/`, `2024-11-04`), and last the file's modification time. A
/// date without a year (most datelines) takes it from another date of the document (those sources, then any
/// full date in the text), else from the file's modification time, and says so; a day that would fall more
/// than six months after the date the year came from belongs to the year before ("Dec. 30" in a file saved
/// on January 2).
public struct DocumentDate: Codable, Hashable, Sendable {
    /// Where a date (or its year) was read.
    public enum Origin: String, Codable, CaseIterable, Sendable {
        case dateline, edition, published, byline, url
        /// Another full date in the article's text (for a year only).
        case text
        /// The file's modification time.
        case file
    }

    /// `YYYY-MM-DD`.
    public var date: String
    public var origin: Origin
    /// Where the year came from when the origin gave none.
    public var yearFrom: Origin?

    public init(date: String, origin: Origin, yearFrom: Origin? = nil) {
        self.date = date
        self.origin = origin
        self.yearFrom = yearFrom
    }

    /// "dateline", "dateline; year from the file's modification time", "file modification time".
    public var originDescription: String {
        func name(_ o: Origin) -> String {
            switch o {
            case .dateline: return "dateline"
            case .edition: return "edition line"
            case .published: return "published line"
            case .byline: return "byline"
            case .url: return "source URL"
            case .text: return "a date in the text"
            case .file: return "file modification time"
            }
        }
        return name(origin) + (yearFrom.map { "; year from the \(name($0))" } ?? "")
    }

    /// A calendar day; `year` nil when the text gave none.
    public struct Day: Hashable, Sendable {
        public var year: Int?
        public var month: Int
        public var day: Int
    }

    /// The document's date from its metadata lines (the page cleaner's dropped lines, by reason), its source URL,
    /// its text, and the file's modification time (last resort). Nil only when no source gives a full date.
    public static func resolve(dropped: [PageCleaner.DroppedLine], sourceURL: String?, text: String, fileModified: Date?) -> DocumentDate? {
        func line(_ reason: String) -> Day? {
            dropped.lazy.filter { $0.reason == "metadata: \(reason)" }.compactMap { find(in: $0.text) }.first
        }
        var found: [(Origin, Day)] = []
        if let d = line("dateline") { found.append((.dateline, d)) }
        if let d = line("edition") { found.append((.edition, d)) }
        if let d = line("date") { found.append((.published, d)) }
        if let d = line("byline") { found.append((.byline, d)) }
        if let u = sourceURL, let d = inURL(u) { found.append((.url, d)) }
        let file = fileModified.map(day(of:))
        guard let (origin, first) = found.first ?? file.map({ (.file, $0) }) else { return nil }
        if first.year != nil { return DocumentDate(date: iso(first), origin: origin) }
        // the year from another full date: the other sources, the text, the file
        var references = found.filter { $0.1.year != nil }
        if let d = find(in: text, requireYear: true) { references.append((.text, d)) }
        if let file { references.append((.file, file)) }
        guard let (from, ref) = references.first, var year = ref.year else { return nil }
        if (first.month - ref.month) > 6 { year -= 1 }
        return DocumentDate(date: iso(Day(year: year, month: first.month, day: first.day)), origin: origin, yearFrom: from)
    }

    // MARK: parsing

    /// Month names and abbreviations (`months.tsv`) by folded spelling.
    static let months: [String: Int] = {
        guard let url = Bundle.module.url(forResource: "months", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("kg's bundled months.tsv is missing") }
        var out: [String: Int] = [:]
        for r in Lexicon.rows(text) {
            guard let n = Int(r[0]) else { continue }
            for name in r[safe: 1].split(separator: ";") { out[TextNormalization.fold(String(name))] = n }
        }
        return out
    }()

    private static let monthPattern = months.keys.sorted { $0.count > $1.count }
        .map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
    private static let isoRegex = try! NSRegularExpression(pattern: #"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"#)
    /// "Nov. 4, 2024", "November 4th 2024", "Nov 4"
    private static let monthFirst = try! NSRegularExpression(
        pattern: #"(?<![\p{L}])(\#(monthPattern))\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d)\b)?"#, options: [.caseInsensitive])
    /// "4 November 2024", "4. november 2024", "4th Nov"
    private static let dayFirst = try! NSRegularExpression(
        pattern: #"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(\#(monthPattern))\b\.?(?:,?\s+(?:de\s+)?((?:19|20)\d\d)\b)?"#, options: [.caseInsensitive])

    /// The first date written in `text` (ISO, month-day or day-month, with or without a year).
    public static func find(in text: String, requireYear: Bool = false) -> Day? {
        let folded = TextNormalization.fold(text)
        let ns = folded as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var best: (Int, Day)?
        func consider(_ at: Int, _ d: Day?) {
            guard let d, valid(d), !requireYear || d.year != nil else { return }
            if best == nil || at < best!.0 || (at == best!.0 && d.year != nil && best!.1.year == nil) { best = (at, d) }
        }
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i))
        }
        for m in isoRegex.matches(in: folded, range: whole) {
            consider(m.range.location, Day(year: Int(group(m, 1)!), month: Int(group(m, 2)!)!, day: Int(group(m, 3)!)!))
        }
        for m in monthFirst.matches(in: folded, range: whole) {
            consider(m.range.location, months[group(m, 1)!].map { Day(year: group(m, 3).flatMap { Int($0) }, month: $0, day: Int(group(m, 2)!)!) })
        }
        for m in dayFirst.matches(in: folded, range: whole) {
            consider(m.range.location, months[group(m, 2)!].map { Day(year: group(m, 3).flatMap { Int($0) }, month: $0, day: Int(group(m, 1)!)!) })
        }
        return best?.1
    }

    private static let urlRegex = try! NSRegularExpression(
        pattern: #"(?<!\d)((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"#)

    /// A date in a URL's path: `/2024/11/04/`, `2024-11-04`, `20241104`.
    public static func inURL(_ url: String) -> Day? {
        let ns = url as NSString
        for m in urlRegex.matches(in: url, range: NSRange(location: 0, length: ns.length)) {
            let d = Day(year: Int(ns.substring(with: m.range(at: 1))), month: Int(ns.substring(with: m.range(at: 3)))!,
                        day: Int(ns.substring(with: m.range(at: 4)))!)
            if valid(d) { return d }
        }
        return nil
    }

    static func valid(_ d: Day) -> Bool {
        guard (1...12).contains(d.month), d.day >= 1 else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]
        if d.month == 2, d.day == 29, let y = d.year { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
        return d.day <= days
    }

    static func day(of date: Date) -> Day {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year, month: c.month!, day: c.day!)
    }

    static func iso(_ d: Day) -> String { String(format: "%04d-%02d-%02d", d.year ?? 0, d.month, d.day) }
}

extension Document {
    /// The document with `date` as its ISO date and origin (unchanged when nil).
    public func dated(_ date: DocumentDate?) -> Document {
        guard let date else { return self }
        var copy = self
        copy.isoDate = date.date
        copy.dateOrigin = date.originDescription
        return copy
    }
}

extension ExtractionResult {
    /// Dates the document again knowing its file: the modification time is the last resort, and gives the
    /// year a dateline lacks when nothing else does.
    public mutating func dateFromFile(_ url: URL) {
        guard document.isoDate == nil else { return } // the file is the last resort, for the date and for its year
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        document = document.dated(DocumentDate.resolve(dropped: dropped, sourceURL: document.sourceURL, text: text, fileModified: modified))
    }
}
