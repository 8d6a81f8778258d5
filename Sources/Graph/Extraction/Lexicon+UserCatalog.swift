import Foundation

extension Lexicon {
    /// The identities of a user catalog: a file in the bundled `entities.tsv` format, one identity a line,
    /// `type<TAB>canonical name<TAB>aliases separated by ;` (`#` starts a comment line). Names and aliases only,
    /// never relations.
    /// - Throws: `LexiconError.badCatalogLine` naming `path:line` and the problem, or `.unreadable`.
    public static func userEntities(contentsOf path: String) throws -> [KnownEntity] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw LexiconError.unreadable(path, reason: (error as NSError).localizedDescription)
        }
        var out: [KnownEntity] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func bad(_ why: String) -> LexiconError { .badCatalogLine(path, line: n + 1, reason: why) }
            guard cols.count >= 2 else { throw bad("expected type<TAB>name<TAB>aliases, found \(cols.count) column") }
            guard cols.count <= 3 else { throw bad("expected at most 3 tab-separated columns, found \(cols.count)") }
            guard let type = EntityType(rawValue: cols[0].lowercased()) else {
                throw bad("unknown type '\(cols[0])' (types: \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !TextNormalization.key(cols[1]).isEmpty else { throw bad("the name is empty") }
            let aliases = cols[safe: 2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out.append(KnownEntity(type: type, name: cols[1], aliases: aliases))
        }
        return out
    }

    /// This lexicon with a user's own identities: they come first, so their names and aliases win over the
    /// bundled ones ("Col. Gen. Kim" may name someone else), and one with the id of a bundled identity
    /// (same type and name) replaces it.
    public func adding(_ own: [KnownEntity]) -> Lexicon {
        guard !own.isEmpty else { return self }
        let ids = Set(own.map { Entity.makeID(type: $0.type, name: $0.name) })
        var copy = self
        copy.entities = own + entities.filter { !ids.contains(Entity.makeID(type: $0.type, name: $0.name)) }
        return copy
    }
}
