/// Everything the store knows about one entity.
public struct EntityCard: Codable, Sendable {
    public struct DocumentMentions: Codable, Sendable {
        public var document: String
        public var count: Int
        public var texts: [String]
    }

    public var entity: Entity
    public var mentions: [DocumentMentions]
    /// Relations where the entity is head or tail, with all their evidence.
    public var relations: [Relation]
    /// Names of the entities those relations reach, by id.
    public var names: [String: String]
}

/// One line of `kg entities`.
public struct EntitySummary: Codable, Sendable {
    public var entity: Entity
    public var mentions: Int
    public var degree: Int
    public var documents: Int
}

/// How `kg entities` orders its lines.
public enum EntitySort: String, CaseIterable, Sendable {
    case name, degree, mentions
}
