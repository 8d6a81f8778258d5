/// A whole graph (or a part of it) in memory: what renderers and exporters read.
public struct GraphSnapshot: Codable, Sendable {
    public var documents: [Document]
    public var entities: [Entity]
    public var mentions: [Mention]
    public var relations: [Relation]

    public init(documents: [Document] = [], entities: [Entity] = [], mentions: [Mention] = [], relations: [Relation] = []) {
        self.documents = documents
        self.entities = entities
        self.mentions = mentions
        self.relations = relations
    }
}

extension GraphSnapshot {
    /// The same graph without entities that take part in no relation.
    /// - Complexity: O(entities + relations).
    public func withoutIsolatedEntities() -> GraphSnapshot {
        let linked = Set(relations.flatMap { [$0.head, $0.tail] })
        var copy = self
        copy.entities = entities.filter { linked.contains($0.id) }
        copy.mentions = mentions.filter { linked.contains($0.entityID) }
        return copy
    }
}
