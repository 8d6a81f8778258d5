/// One change an analyst made to the graph, kept as data so that it is applied again to every later build.
///
/// Corrections are replayed in the order they were made, after each document is stored, so a document that is
/// re-built, or removed and built again, comes back corrected.
///
/// | kind | `entity` | other fields |
/// |---|---|---|
/// | `alias` | the entity | `names`: the aliases added |
/// | `merge` | the entity kept (its id after the merge) | `merged`: ids merged into it; `name`, `type`: its name and type |
/// | `rename` | the entity | `name`: its new name |
/// | `retype` | the entity's id under its new type | `merged`: its old id; `name`; `type`: the new type |
/// | `reject` | the relation's head | `family`, `tail`; `document`: only that article's evidence (all when absent); `reason` |
/// | `accept` | the relation's head | `family`, `tail`, `document`: evidence rejected earlier comes back |
public struct Correction: Codable, Hashable, Sendable {
    /// What a correction does.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case alias, merge, rename, retype, reject, accept
    }

    public var kind: Kind
    public var entity: String
    public var names: [String]
    public var merged: [String]
    public var name: String?
    public var type: EntityType?
    public var family: RelationFamily?
    public var tail: String?
    public var document: String?
    public var reason: String?
    /// When it was made, ISO 8601 (UTC).
    public var made: String

    public init(kind: Kind, entity: String, names: [String] = [], merged: [String] = [], name: String? = nil,
                type: EntityType? = nil, family: RelationFamily? = nil, tail: String? = nil, document: String? = nil,
                reason: String? = nil, made: String) {
        self.kind = kind
        self.entity = entity
        self.names = names
        self.merged = merged
        self.name = name
        self.type = type
        self.family = family
        self.tail = tail
        self.document = document
        self.reason = reason
        self.made = made
    }

    enum CodingKeys: String, CodingKey {
        case kind, entity, names, merged, name, type, family, tail, document, reason, made
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        entity = try c.decode(String.self, forKey: .entity)
        names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        merged = try c.decodeIfPresent([String].self, forKey: .merged) ?? []
        name = try c.decodeIfPresent(String.self, forKey: .name)
        type = try c.decodeIfPresent(EntityType.self, forKey: .type)
        family = try c.decodeIfPresent(RelationFamily.self, forKey: .family)
        tail = try c.decodeIfPresent(String.self, forKey: .tail)
        document = try c.decodeIfPresent(String.self, forKey: .document)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        made = try c.decodeIfPresent(String.self, forKey: .made) ?? ""
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(entity, forKey: .entity)
        if !names.isEmpty { try c.encode(names, forKey: .names) }
        if !merged.isEmpty { try c.encode(merged, forKey: .merged) }
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(family, forKey: .family)
        try c.encodeIfPresent(tail, forKey: .tail)
        try c.encodeIfPresent(document, forKey: .document)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(made, forKey: .made)
    }

    /// The fields a correction of its kind needs are there.
    public var isComplete: Bool {
        switch kind {
        case .alias: return !names.isEmpty
        case .merge, .retype: return !merged.isEmpty && name != nil && type != nil
        case .rename: return name != nil
        case .reject, .accept: return family != nil && tail != nil
        }
    }

    /// The entity ids the correction reads or writes.
    public var touchedIDs: [String] {
        [entity] + merged + (tail.map { [$0] } ?? [])
    }

    /// One line for people: "merge person:kim-yong-bok <- person:kim-yb".
    public var summary: String {
        switch kind {
        case .alias: return "alias \(entity) + \(names.joined(separator: "; "))"
        case .merge: return "merge \(entity) <- \(merged.joined(separator: ", "))"
        case .rename: return "rename \(entity) -> \(name ?? "")"
        case .retype: return "retype \(merged.joined(separator: ", ")) -> \(entity)"
        case .reject, .accept:
            var s = "\(kind.rawValue) \(entity) -[\(family?.rawValue ?? "")]-> \(tail ?? "")"
            if let document { s += " in \(document)" }
            if let reason { s += " (\(reason))" }
            return s
        }
    }
}
