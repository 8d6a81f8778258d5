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
