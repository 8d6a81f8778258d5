import GRDB

extension GraphStore {
    /// The entity a user means by `name`: canonical names and aliases, case-insensitively
    /// ("kursk", "Gerasimov", "the Kremlin"); a lone name part ("Syrskyi", "Kim") when it
    /// belongs to one person only.
    /// - Throws: `StoreError.ambiguousEntity` listing the candidates,
    ///   `StoreError.unknownEntity` with the nearest names, or `StoreError.emptyName`.
    public func resolveEntity(_ name: String) throws -> Entity {
        guard TextNormalization.key(name).contains(where: { $0.isLetter || $0.isNumber }) else { throw StoreError.emptyName(name) }
        return try db.read { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document)") != true { throw StoreError.emptyStore(path) }
            let key = TextNormalization.key(name)
            if let e = try Self.entity(db, id: name) { return e }
            var ids = try String.fetchAll(db, sql: "SELECT DISTINCT entity_id FROM alias WHERE key = ? ORDER BY entity_id", arguments: [key])
            let canonical = try ids.filter { id in
                try Self.entity(db, id: id).map { TextNormalization.key($0.name) == key } ?? false
            }
            if ids.count > 1 && canonical.count == 1 {
                ids = canonical // a canonical name beats an alias
            } else if canonical.isEmpty, !key.isEmpty, !key.contains(" ") {
                // "Kim" may be an alias of one person and a name part of others: ask which
                ids = Array(Set(ids + (try Self.personsNamed(db, part: key)))).sorted()
            }
            if ids.count == 1, let e = try Self.entity(db, id: ids[0]) { return e }
            if ids.count > 1 {
                let names = try ids.compactMap { try Self.entity(db, id: $0) }.map { "\($0.name) (\($0.type.rawValue))" }
                throw StoreError.ambiguousEntity(name, candidates: names)
            }
            // a name the bundled catalog knows ("Zelenskyy", "KPA") though no article used it
            if let known = Self.catalogIdentity(name), let e = try Self.entity(db, id: known) { return e }
            let all = try String.fetchAll(db, sql: "SELECT name FROM entity UNION SELECT alias FROM alias")
            throw StoreError.unknownEntity(name, suggestions: Suggest.closest(name, in: all))
        }
    }

    /// The id of the bundled catalog's identity with this name or alias (any case), if any.
    static func catalogIdentity(_ name: String) -> String? {
        let catalog = Extractor.standard.catalog
        return catalog.lookup(name).map { catalog.entries[$0].id }
    }

    /// Persons one of whose name words is `part` ("kim").
    static func personsNamed(_ db: Database, part: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT id FROM entity WHERE type = 'person'
              AND (' ' || lower(name) || ' ') LIKE ('% ' || ? || ' %') ORDER BY id
            """, arguments: [part])
    }

    /// Several entities by id, in one query each for entities and aliases.
    static func entities(_ db: Database, ids: [String]) throws -> [String: Entity] {
        guard !ids.isEmpty else { return [:] }
        let list = jsonArray(Array(Set(ids)).sorted())
        let aliases = try aliasesByEntity(db, sql: "SELECT entity_id, alias FROM alias WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                                          arguments: [list])
        var out: [String: Entity] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, type FROM entity WHERE id IN (SELECT value FROM json_each(?))", arguments: [list]) {
            let e = entity(row, aliases: aliases[row["id"] as String] ?? [])
            out[e.id] = e
        }
        return out
    }

    static func entity(_ db: Database, id: String) throws -> Entity? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, name, type FROM entity WHERE id = ?", arguments: [id]) else { return nil }
        let aliases = try String.fetchAll(db, sql: "SELECT alias FROM alias WHERE entity_id = ? ORDER BY rowid", arguments: [id])
        return entity(row, aliases: aliases)
    }
}
