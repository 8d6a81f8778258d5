/// Everything extraction finds in one document: facts with their evidence.
public struct ExtractionResult: Sendable {
    public var document: Document
    /// The document's text, as read.
    public var text: String
    /// The entities this document mentions, with the names it uses for them.
    public var entities: [Entity]
    public var mentions: [Mention]
    /// Relations stated in this document; each carries its sentences as evidence.
    public var relations: [Relation]
    /// Page chrome and metadata lines that are not article text.
    public var dropped: [PageCleaner.DroppedLine]
    public var sentenceCount: Int
}
