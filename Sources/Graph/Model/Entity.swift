/// A node of the graph: one real-world identity with every name it goes by.
public struct Entity: Codable, Hashable, Sendable, Identifiable {
    /// Stable identifier, `type:slug-of-canonical-name` (e.g. `person:kim-yong-bok`).
    public var id: String
    public var name: String
    public var type: EntityType
    public var aliases: [String]

    public init(id: String, name: String, type: EntityType, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
    }

    /// The identifier an entity of `type` named `name` gets.
    public static func makeID(type: EntityType, name: String) -> String {
        "\(type.rawValue):\(TextNormalization.slug(name))"
    }
}
