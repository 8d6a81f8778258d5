import Foundation

/// A range of article dates, inclusive at both ends: queries keep only evidence (and mentions) from
/// articles dated within it. Articles without a date are outside every range.
public struct DateRange: Sendable, Equatable {
    /// First day in the range, `YYYY-MM-DD`, or nil for no lower bound.
    public var since: String?
    /// Last day in the range, `YYYY-MM-DD`, or nil for no upper bound.
    public var until: String?

    /// A range from two dates written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: `since` starts on the first day of
    /// what it names, `until` ends on the last ("--until 2024-11" keeps November 30).
    /// - Throws: `DateRange.Error` naming the option and the value.
    public init(since: String? = nil, until: String? = nil) throws {
        self.since = try since.map { s in
            guard let d = Self.day(s, last: false) else { throw Error.badDate("--since", s) }
            return d
        }
        self.until = try until.map { s in
            guard let d = Self.day(s, last: true) else { throw Error.badDate("--until", s) }
            return d
        }
        if let a = self.since, let b = self.until, a > b { throw Error.empty(a, b) }
    }

    /// What is wrong with a range given on the command line.
    public enum Error: LocalizedError, Equatable {
        /// The option's value is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.
        case badDate(String, String)
        /// `since` falls after `until`.
        case empty(String, String)

        public var errorDescription: String? {
            switch self {
            case .badDate(let option, let v): return "'\(option) \(v)': not a date; write YYYY-MM-DD, YYYY-MM or YYYY"
            case .empty(let a, let b): return "'--since \(a)' is after '--until \(b)': the range is empty"
            }
        }
    }

    /// `YYYY[-MM[-DD]]` as the first (or last) day it names; nil when it is no valid date.
    static func day(_ s: String, last: Bool) -> String? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let year = Int(parts[0]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }) else { return nil }
        let month = parts.count > 1 ? Int(parts[1])! : (last ? 12 : 1)
        guard (1...12).contains(month) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        let day = parts.count > 2 ? Int(parts[2])! : (last ? days : 1)
        guard (1...days).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The SQL condition "the document in `column` is dated within the range". The bounds are validated
    /// `YYYY-MM-DD` strings, so they are written into the SQL as literals.
    func condition(document column: String) -> String {
        var parts = ["iso_date IS NOT NULL"]
        if let since { parts.append("iso_date >= '\(since)'") }
        if let until { parts.append("iso_date <= '\(until)'") }
        return "\(column) IN (SELECT id FROM document WHERE \(parts.joined(separator: " AND ")))"
    }
}

extension GraphStore {
    /// " AND <condition>" restricting `column` (a document id) to the store's date range; empty without one.
    func dateRangeClause(document column: String) -> String {
        range.map { " AND " + $0.condition(document: column) } ?? ""
    }
}
