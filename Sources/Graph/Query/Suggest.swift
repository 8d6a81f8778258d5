/// Nearest names for "did you mean" messages.
enum Suggest {
    /// Up to `limit` candidates closest to `name` (prefix and substring hits first, then edit distance).
    static func closest(_ name: String, in candidates: [String], limit: Int = 3) -> [String] {
        let q = name.lowercased()
        let scored = Set(candidates).map { c -> (String, Int) in
            let l = c.lowercased()
            if l.hasPrefix(q) || q.hasPrefix(l) { return (c, 0) }
            if l.contains(q) || q.contains(l) { return (c, 1) }
            return (c, 2 + MentionFinder.editDistance(q, l, limit: 100))
        }
        return scored.filter { $0.1 <= max(3, q.count / 2 + 2) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }
}
