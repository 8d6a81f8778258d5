/// A place in a document where an entity is named.
public struct Mention: Codable, Hashable, Sendable {
    public var entityID: String
    public var documentID: String
    /// Character (Unicode scalar) offsets into the document's file.
    public var start: Int
    public var end: Int
    public var text: String

    public init(entityID: String, documentID: String, start: Int, end: Int, text: String) {
        self.entityID = entityID
        self.documentID = documentID
        self.start = start
        self.end = end
        self.text = text
    }
}
