import Foundation
import GRDB

extension GraphStore {
    /// Tables of corrections: the corrections themselves, in the order they were made, and the evidence that
    /// rejections hide (kept so that `accept` can bring it back without re-building).
    static func registerCorrectionMigrations(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-corrections") { db in
            try db.execute(sql: """
                CREATE TABLE correction (id INTEGER PRIMARY KEY, made TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE rejected_evidence (
                    id INTEGER PRIMARY KEY, head TEXT NOT NULL, tail TEXT NOT NULL, family TEXT NOT NULL,
                    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, confidence REAL NOT NULL,
                    UNIQUE (head, tail, family, document_id, start));
                CREATE INDEX rejected_evidence_document ON rejected_evidence(document_id);
                """)
        }
        m.registerMigration("v3-document-dates") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN iso_date TEXT;
                ALTER TABLE document ADD COLUMN date_origin TEXT;
                CREATE INDEX document_iso_date ON document(iso_date);
                """)
        }
        m.registerMigration("v4-correction-scope") { db in
            // the entity ids each correction touches, one a line: a build replays only those of its documents
            try db.execute(sql: "ALTER TABLE correction ADD COLUMN ids TEXT NOT NULL DEFAULT ''")
            for (id, c) in try storedCorrections(db) {
                try db.execute(sql: "UPDATE correction SET ids = ? WHERE id = ?", arguments: [c.touchedIDs.joined(separator: "\n"), id])
            }
        }
    }

    /// What follows storing a document, inside its transaction: the columns later schema versions add to it
    /// (its ISO date and where it was read), then every correction, replayed.
    static func finishDocument(_ db: Database, _ result: ExtractionResult) throws {
        try db.execute(sql: "UPDATE document SET iso_date = ?, date_origin = ? WHERE id = ?",
                       arguments: [result.document.isoDate, result.document.dateOrigin, result.document.id])
        let ids = Set(result.entities.map(\.id) + result.mentions.map(\.entityID) + result.relations.flatMap { [$0.head, $0.tail] })
        try applyCorrections(db, touching: ids)
    }

    // MARK: reading

    /// Every correction, in the order it was made (and is applied).
    public func corrections() throws -> [Correction] {
        try db.read { db in try Self.storedCorrections(db).map(\.1) }
    }

    static func storedCorrections(_ db: Database) throws -> [(Int64, Correction)] {
        try Row.fetchAll(db, sql: "SELECT id, body FROM correction ORDER BY id").map { r in
            (r["id"], try JSONDecoder().decode(Correction.self, from: Data((r["body"] as String).utf8)))
        }
    }

    // MARK: making corrections

    /// Adds aliases to an entity: `kg show NAME` finds it by them.
    @discardableResult
    public func addAliases(_ entity: Entity, _ names: [String]) throws -> Correction {
        let keys = Set(([entity.name] + entity.aliases).map(TextNormalization.key))
        let new = names.filter { !keys.contains(TextNormalization.key($0)) && !TextNormalization.key($0).isEmpty }
        guard !new.isEmpty else { throw StoreError.nothingToCorrect("\(entity.name) already has these names") }
        return try record(Correction(kind: .alias, entity: entity.id, names: new, made: Self.now()))
    }

    /// Merges `others` into `keep`: their mentions, aliases, relations and evidence follow; relations that
    /// collide after the merge combine their evidence.
    /// - Parameter type: the merged entity's type; required when the entities' types differ.
    /// - Throws: `StoreError.typesDiffer` when types differ and `type` is nil.
    @discardableResult
    public func merge(keep: Entity, others: [Entity], type: EntityType? = nil) throws -> Correction {
        let rest = others.filter { $0.id != keep.id }
        guard !rest.isEmpty else { throw StoreError.nothingToCorrect("nothing to merge into \(keep.name)") }
        let types = Set(([keep] + rest).map(\.type))
        if types.count > 1 && type == nil {
            throw StoreError.typesDiffer(([keep] + rest).map { "\($0.name) (\($0.type.rawValue))" })
        }
        let finalType = type ?? keep.type
        let target = finalType == keep.type ? keep.id : Entity.makeID(type: finalType, name: keep.name)
        let merged = ([keep] + rest).map(\.id).filter { $0 != target }
        return try record(Correction(kind: .merge, entity: target, merged: merged, name: keep.name, type: finalType, made: Self.now()))
    }

    /// Gives an entity a new name (its old name stays an alias).
    @discardableResult
    public func rename(_ entity: Entity, to name: String) throws -> Correction {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != entity.name else { throw StoreError.nothingToCorrect("\(entity.name) is already named '\(name)'") }
        return try record(Correction(kind: .rename, entity: entity.id, name: name, made: Self.now()))
    }

    /// Gives an entity another type. Its id follows the type (`organization:kpa` -> `military:kpa`), so an
    /// entity of that type and name, if any, is merged with it.
    @discardableResult
    public func retype(_ entity: Entity, to type: EntityType) throws -> Correction {
        guard type != entity.type else { throw StoreError.nothingToCorrect("\(entity.name) is already a \(type.rawValue)") }
        return try record(Correction(kind: .retype, entity: Entity.makeID(type: type, name: entity.name), merged: [entity.id],
                                     name: entity.name, type: type, made: Self.now()))
    }

    /// Hides a relation (only the evidence from `document` when given) from every query and export, now and
    /// after every later build.
    /// - Throws: `StoreError.noRelation` when no such relation is stored.
    @discardableResult
    public func reject(head: Entity, family: RelationFamily, tail: Entity, document: String? = nil, reason: String? = nil) throws -> Correction {
        let c = Correction(kind: .reject, entity: head.id, family: family, tail: tail.id, document: document, reason: reason, made: Self.now())
        return try db.write { db in
            if let document, try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [document]) != true {
                let ids = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id")
                throw StoreError.unknownDocument(document, suggestions: Suggest.closest(document, in: ids))
            }
            let evidence = try Self.matchingEvidence(db, c, table: "evidence")
            guard evidence > 0 else {
                throw StoreError.noRelation("\(head.name) -[\(family.rawValue)]-> \(tail.name)" + (document.map { " in \($0)" } ?? ""),
                                            stored: try Self.familiesBetween(db, head.id, tail.id))
            }
            try Self.insert(c, db)
            try Self.apply(c, db)
            return c
        }
    }

    /// Undoes a rejection: the hidden evidence comes back.
    /// - Throws: `StoreError.notRejected` when nothing of that relation is hidden.
    @discardableResult
    public func accept(head: Entity, family: RelationFamily, tail: Entity, document: String? = nil) throws -> Correction {
        let c = Correction(kind: .accept, entity: head.id, family: family, tail: tail.id, document: document, made: Self.now())
        return try db.write { db in
            guard try Self.matchingEvidence(db, c, table: "rejected_evidence") > 0 else {
                throw StoreError.notRejected("\(head.name) -[\(family.rawValue)]-> \(tail.name)" + (document.map { " in \($0)" } ?? ""))
            }
            // the rejection itself goes when it is the one undone; otherwise the acceptance is recorded after it
            let same = try Self.storedCorrections(db).filter { _, r in
                r.kind == .reject && r.family == family && r.document == document && Self.sameEnds(r, c)
            }
            if same.isEmpty {
                try Self.insert(c, db)
            } else {
                for (id, _) in same { try db.execute(sql: "DELETE FROM correction WHERE id = ?", arguments: [id]) }
            }
            try Self.apply(c, db)
            return c
        }
    }

    /// Adds corrections made elsewhere (skipping ones already stored) and applies them, all or none;
    /// returns how many were new. One without `made` is stamped with the time of the import.
    /// - Throws: `StoreError.badCorrections` naming `source` for a correction that lacks a field its kind needs.
    public func importCorrections(_ list: [Correction], from source: String) throws -> Int {
        for (i, c) in list.enumerated() where !c.isComplete {
            throw StoreError.badCorrections(source, reason: "correction \(i + 1): a '\(c.kind.rawValue)' correction lacks a field")
        }
        return try db.write { db in
            var known = Set(try Self.storedCorrections(db).map(\.1))
            var added = 0
            let stamp = Self.now()
            for var c in list where !known.contains(c) {
                if c.made.isEmpty { c.made = stamp } // a hand-written file may leave the time out
                try Self.insert(c, db)
                known.insert(c)
                added += 1
            }
            try Self.applyCorrections(db)
            return added
        }
    }

    private func record(_ c: Correction) throws -> Correction {
        try db.write { db in
            try Self.insert(c, db)
            try Self.apply(c, db)
            return c
        }
    }

    static func insert(_ c: Correction, _ db: Database) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        try db.execute(sql: "INSERT INTO correction (made, body, ids) VALUES (?, ?, ?)",
                       arguments: [c.made, String(decoding: try enc.encode(c), as: UTF8.self), c.touchedIDs.joined(separator: "\n")])
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: applying

    /// Applies the stored corrections, in the order they were made. Idempotent: what is already corrected
    /// stays as it is. After a document is stored (inside its transaction), only the corrections that touch
    /// its entities are applied, and those that touch what they lead to (a merge's target, renamed later):
    /// the others are applied already, and storing the document cannot have undone them.
    /// - Parameter touching: the ids the document stored; nil applies every correction.
    /// - Complexity: O(corrections) to choose, plus O(the entities and relations the chosen ones touch).
    static func applyCorrections(_ db: Database, touching: Set<String>? = nil) throws {
        var scope = touching
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, ids FROM correction ORDER BY id"))
        for row in rows {
            let ids = (row["ids"] as String).split(separator: "\n").map(String.init)
            if let s = scope {
                guard ids.contains(where: s.contains) else { continue }
                scope = s.union(ids)
            }
            let body = try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM correction WHERE id = ?"), arguments: [row["id"]])!
            try apply(try JSONDecoder().decode(Correction.self, from: Data(body.utf8)), db)
        }
    }

    static func apply(_ c: Correction, _ db: Database) throws {
        switch c.kind {
        case .alias:
            guard try entity(db, id: c.entity) != nil else { return }
            for n in c.names { try addAlias(db, c.entity, n) }
        case .merge, .retype:
            for other in c.merged { try move(db, other, into: c.entity, name: c.name ?? other, type: c.type) }
        case .rename:
            guard let name = c.name, try entity(db, id: c.entity) != nil else { return }
            try db.execute(sql: "UPDATE entity SET name = ? WHERE id = ?", arguments: [name, c.entity])
            try addAlias(db, c.entity, name)
        case .reject:
            try hide(db, c)
        case .accept:
            try restore(db, c)
        }
    }

    static func addAlias(_ db: Database, _ id: String, _ alias: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO alias (entity_id, alias, key) VALUES (?, ?, ?)",
                       arguments: [id, alias, TextNormalization.key(alias)])
    }

    /// Moves everything of entity `from` to `into` (created with `name` and `type` when absent), then deletes `from`.
    static func move(_ db: Database, _ from: String, into: String, name: String, type: EntityType?) throws {
        guard from != into, try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ?", arguments: [from]) == true else { return }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ?", arguments: [into]) != true {
            let stored = try entity(db, id: from)
            try db.execute(sql: "INSERT INTO entity (id, name, type) VALUES (?, ?, ?)",
                           arguments: [into, name, (type ?? stored?.type ?? .organization).rawValue])
            try addAlias(db, into, name)
        }
        if let type { try db.execute(sql: "UPDATE entity SET type = ? WHERE id = ?", arguments: [type.rawValue, into]) }
        try db.execute(sql: """
            INSERT OR IGNORE INTO alias (entity_id, alias, key) SELECT ?, alias, key FROM alias WHERE entity_id = ? ORDER BY rowid
            """, arguments: [into, from])
        try db.execute(sql: "UPDATE mention SET entity_id = ? WHERE entity_id = ?", arguments: [into, from])
        let rows = try Row.fetchAll(db, sql: "SELECT id, head, tail, family FROM relation WHERE head = ? OR tail = ? ORDER BY id",
                                    arguments: [from, from])
        for r in rows {
            let id: Int64 = r["id"], family: String = r["family"]
            let head: String = r["head"] == from ? into : r["head"]
            let tail: String = r["tail"] == from ? into : r["tail"]
            if head == tail {
                // a relation between the two merged entities says nothing once they are one
                try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
                continue
            }
            let symmetric = RelationFamily(rawValue: family)?.isSymmetric == true
            let existing = try Int64.fetchOne(db, sql: """
                SELECT id FROM relation WHERE family = ? AND id != ? AND ((head = ? AND tail = ?) OR (? AND head = ? AND tail = ?))
                ORDER BY id LIMIT 1
                """, arguments: [family, id, head, tail, symmetric, tail, head])
            if let existing {
                try db.execute(sql: #"""
                    INSERT OR IGNORE INTO evidence (relation_id, document_id, text, start, "end", confidence)
                    SELECT ?, document_id, text, start, "end", confidence FROM evidence WHERE relation_id = ?
                    """#, arguments: [existing, id])
                try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
                try recount(db, relation: existing)
            } else {
                try db.execute(sql: "UPDATE relation SET head = ?, tail = ? WHERE id = ?", arguments: [head, tail, id])
            }
        }
        try db.execute(sql: "UPDATE OR IGNORE rejected_evidence SET head = ? WHERE head = ?", arguments: [into, from])
        try db.execute(sql: "UPDATE OR IGNORE rejected_evidence SET tail = ? WHERE tail = ?", arguments: [into, from])
        try db.execute(sql: "DELETE FROM rejected_evidence WHERE head = ? OR tail = ?", arguments: [from, from])
        try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [from])
    }

    /// The SQL condition matching a correction's relation ends (either way round for a symmetric family) and
    /// document in a table with `head`, `tail`, `family` and `document_id` columns.
    private static func relationMatch(_ c: Correction, document: Bool = true) -> (String, StatementArguments) {
        let symmetric = c.family?.isSymmetric == true
        var clause = "family = ? AND ((head = ? AND tail = ?) OR (? AND head = ? AND tail = ?))"
        var args: StatementArguments = [c.family?.rawValue, c.entity, c.tail, symmetric, c.tail, c.entity]
        if document, let d = c.document { clause += " AND document_id = ?"; args += [d] }
        return (clause, args)
    }

    /// How much evidence of the correction's relation `table` (`evidence` or `rejected_evidence`) holds.
    static func matchingEvidence(_ db: Database, _ c: Correction, table: String) throws -> Int {
        let (clause, args) = relationMatch(c)
        let source = table == "evidence" ? "(SELECT r.head, r.tail, r.family, e.document_id FROM evidence e JOIN relation r ON r.id = e.relation_id)" : table
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(source) WHERE \(clause)", arguments: args) ?? 0
    }

    /// Moves a rejected relation's evidence aside; a relation left without evidence goes.
    static func hide(_ db: Database, _ c: Correction) throws {
        let (clause, args) = relationMatch(c, document: false)
        let rels = try Int64.fetchAll(db, sql: "SELECT id FROM relation WHERE \(clause) ORDER BY id", arguments: args)
        for id in rels {
            let docFilter = c.document == nil ? "" : " AND document_id = ?"
            var a: StatementArguments = [id]
            if let d = c.document { a += [d] }
            try db.execute(sql: #"""
                INSERT OR IGNORE INTO rejected_evidence (head, tail, family, document_id, text, start, "end", confidence)
                SELECT r.head, r.tail, r.family, e.document_id, e.text, e.start, e."end", e.confidence
                FROM evidence e JOIN relation r ON r.id = e.relation_id WHERE r.id = ?
                """# + docFilter.replacingOccurrences(of: "document_id", with: "e.document_id"), arguments: a)
            try db.execute(sql: "DELETE FROM evidence WHERE relation_id = ?" + docFilter, arguments: a)
            try recount(db, relation: id)
        }
    }

    /// Brings an accepted relation's hidden evidence back (for ends that still exist).
    static func restore(_ db: Database, _ c: Correction) throws {
        let (clause, args) = relationMatch(c)
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM rejected_evidence WHERE \(clause)
              AND EXISTS (SELECT 1 FROM entity WHERE id = head) AND EXISTS (SELECT 1 FROM entity WHERE id = tail) ORDER BY id
            """, arguments: args)
        for r in rows {
            try db.execute(sql: "INSERT INTO relation (head, tail, family, confidence) VALUES (?, ?, ?, 0) ON CONFLICT (head, tail, family) DO NOTHING",
                           arguments: [r["head"], r["tail"], r["family"]])
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM relation WHERE head = ? AND tail = ? AND family = ?",
                                        arguments: [r["head"], r["tail"], r["family"]])!
            try db.execute(sql: #"""
                INSERT OR IGNORE INTO evidence (relation_id, document_id, text, start, "end", confidence) VALUES (?, ?, ?, ?, ?, ?)
                """#, arguments: [id, r["document_id"], r["text"], r["start"], r["end"], r["confidence"]])
            try db.execute(sql: "DELETE FROM rejected_evidence WHERE id = ?", arguments: [r["id"]])
            try recount(db, relation: id)
        }
    }

    /// Rebuilds a relation's sources (one per citing article, its best sentence) and confidence from its evidence,
    /// after corrections moved evidence; a relation left without evidence goes.
    static func recount(_ db: Database, relation id: Int64) throws {
        try db.execute(sql: "DELETE FROM relation_source WHERE relation_id = ?", arguments: [id])
        try db.execute(sql: """
            INSERT INTO relation_source (relation_id, document_id, confidence)
            SELECT relation_id, document_id, MAX(confidence) FROM evidence WHERE relation_id = ? GROUP BY document_id
            """, arguments: [id])
        let cs = try Double.fetchAll(db, sql: "SELECT confidence FROM relation_source WHERE relation_id = ?", arguments: [id])
        guard !cs.isEmpty else {
            try db.execute(sql: "DELETE FROM relation WHERE id = ?", arguments: [id])
            return
        }
        let miss = cs.map(logMiss).reduce(0, +)
        try db.execute(sql: "UPDATE relation SET sources = ?, log_miss = ?, confidence = ? WHERE id = ?",
                       arguments: [cs.count, miss, confidence(logMiss: miss), id])
    }

    static func sameEnds(_ a: Correction, _ b: Correction) -> Bool {
        (a.entity == b.entity && a.tail == b.tail) || (a.family?.isSymmetric == true && a.entity == b.tail && a.tail == b.entity)
    }

    /// The families of relations stored between two entities, either way, for error messages.
    static func familiesBetween(_ db: Database, _ a: String, _ b: String) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT r.head, r.family, r.tail, h.name AS hn, t.name AS tn FROM relation r
            JOIN entity h ON h.id = r.head JOIN entity t ON t.id = r.tail
            WHERE (r.head = ? AND r.tail = ?) OR (r.head = ? AND r.tail = ?) ORDER BY r.family
            """, arguments: [a, b, b, a]).map { "\($0["hn"] as String) \($0["family"] as String) \($0["tn"] as String)" }
    }
}
