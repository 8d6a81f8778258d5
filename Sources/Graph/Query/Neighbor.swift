/// Which way an edge points, seen from the entity asked about.
public enum Direction: String, Codable, CaseIterable, Sendable {
    /// The entity is the head: it leads, says, deploys...
    case out
    /// The entity is the tail.
    case `in`
    /// Either.
    case both
}

/// One entity reached from another, and the relation that reaches it.
public struct Neighbor: Codable, Sendable {
    public var entity: Entity
    /// The entity it was reached from (the query entity at depth 1), and its name.
    public var from: String
    public var fromName: String
    public var depth: Int
    public var family: RelationFamily
    /// `out` when `from` is the relation's head.
    public var direction: Direction
    public var confidence: Double
    /// How many articles state the relation.
    public var sources: Int
    /// Its citing sentences, as many as the query asked for.
    public var evidence: [Evidence]
}

/// One step of a path: a relation crossed from `from` to `to`.
public struct PathHop: Codable, Sendable {
    public var from: String
    public var to: String
    public var fromName: String
    public var toName: String
    public var family: RelationFamily
    /// `out` when `from` is the relation's head.
    public var direction: Direction
    public var evidence: [Evidence]
}
