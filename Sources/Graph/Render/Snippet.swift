import Foundation

/// An evidence sentence cut to a width around the names it links, for terminal lines.
///
/// The window is centred on the stretch from the first name to the second (the pair of
/// occurrences closest together); when that stretch is wider than the window, each name gets
/// half of it, joined by " … ". Cuts fall on word boundaries where possible and show "…".
public enum Snippet {
    /// `text` (whitespace runs made single spaces) cut to at most `width` characters around the
    /// names of `entities`; all of it when `width` is nil or it fits.
    /// - Complexity: O(n · k) for a sentence of n characters and k name forms.
    public static func centred(_ text: String, on entities: [Entity], width: Int?) -> String {
        let flat = Array(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        guard let asked = width, flat.count > asked else { return String(flat) }
        let width = max(asked, 12)
        let found = entities.map { occurrences(of: $0, in: String(flat)) }.filter { !$0.isEmpty }
        guard let first = found.first else { return window(flat, around: 0..<0, width: width) }
        var best = first[0]
        if found.count > 1 {
            var bestLength = Int.max
            for a in first { for b in found[1] {
                let span = min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
                if span.count < bestLength { bestLength = span.count; best = span }
            } }
            if bestLength > width - 2 {
                let a = first.min { distance($0, found[1]) < distance($1, found[1]) }!
                let b = found[1].min { distance($0, [a]) < distance($1, [a]) }!
                let (l, r) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
                let half = (width - 3) / 2
                let left = window(flat, around: l, width: half, before: 1), right = window(flat, around: r, width: width - 3 - half, before: 1)
                return stripEllipsis(left, end: true) + " … " + stripEllipsis(right, end: false)
            }
        }
        return window(flat, around: best, width: width)
    }

    private static func distance(_ r: Range<Int>, _ others: [Range<Int>]) -> Int {
        others.map { abs($0.lowerBound - r.lowerBound) }.min() ?? 0
    }

    private static func stripEllipsis(_ s: String, end: Bool) -> String {
        end ? (s.hasSuffix("…") ? String(s.dropLast()) : s) : (s.hasPrefix("…") ? String(s.dropFirst()) : s)
    }

    /// At most `width` characters of `chars` containing `span` (as much as fits), centred on it
    /// (or, with `before`, starting that share of the room before it), with "…" where cut.
    private static func window(_ chars: [Character], around span: Range<Int>, width: Int, before: Double = 0.5) -> String {
        guard chars.count > width else { return String(chars) }
        let room = width - 2
        let slack = max(0, room - span.count)
        var start = max(0, span.lowerBound - Int(Double(slack) * before))
        var end = min(chars.count, start + room)
        start = max(0, end - room)
        if start == 0 { end = min(chars.count, room + 1) } else if end == chars.count { start = max(0, chars.count - room - 1) }
        // prefer word boundaries, within 15 characters
        if start > 0 && chars[start - 1] != " " {
            let limit = min(start + 15, span.lowerBound)
            if let s = (start..<max(start, limit)).first(where: { chars[$0 - 1] == " " }) { start = s } else if span.lowerBound <= start + 15 { start = max(start, span.lowerBound) }
        }
        if end < chars.count && chars[end] != " " {
            let limit = max(end - 15, span.upperBound)
            if let e = stride(from: end, to: min(end, limit), by: -1).first(where: { chars[$0] == " " }) { end = e } else if span.upperBound >= end - 15 { end = min(end, max(span.upperBound, start)) }
        }
        return (start > 0 ? "…" : "") + String(chars[start..<end]).trimmingCharacters(in: .whitespaces) + (end < chars.count ? "…" : "")
    }

    /// Where an entity's name, an alias, or (for a person) the surname stands in `text`, as
    /// character offsets; longest forms first, no overlaps.
    static func occurrences(of entity: Entity, in text: String) -> [Range<Int>] {
        var forms = [entity.name] + entity.aliases
        if entity.type == .person, let last = entity.name.split(separator: " ").last, last.count > 2 { forms.append(String(last)) }
        var out: [Range<Int>] = []
        for form in forms.sorted(by: { $0.count > $1.count }) where !form.isEmpty {
            var from = text.startIndex
            while let r = text.range(of: form, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
                let a = text.distance(from: text.startIndex, to: r.lowerBound), b = a + text.distance(from: r.lowerBound, to: r.upperBound)
                if !out.contains(where: { $0.overlaps(a..<b) }) { out.append(a..<b) }
                from = r.upperBound
            }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }
}
