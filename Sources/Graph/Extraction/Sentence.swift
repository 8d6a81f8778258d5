/// One sentence of a document: its tokens and where it stands.
public struct Sentence: Sendable {
    public let index: Int
    public let start: Int
    public let end: Int
    public let tokens: [Token]
    public let text: String
}
