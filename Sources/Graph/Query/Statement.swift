/// A relation as one article states it: its ends with their names, and the article's sentences that state it.
/// One line of a timeline or of `kg show-document`.
public struct Statement: Codable, Sendable {
    public var document: String
    /// The article's date (ISO 8601) and where it was read; nil for a store built before dates were kept.
    public var date: String?
    public var dateOrigin: String?
    public var head: String
    public var headName: String
    public var family: RelationFamily
    public var tail: String
    public var tailName: String
    /// The article's sentences that state the relation, in text order.
    public var evidence: [Evidence]
}
