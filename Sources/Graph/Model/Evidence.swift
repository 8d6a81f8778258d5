/// The sentence that states a relation, and where it stands in its file.
public struct Evidence: Codable, Hashable, Sendable {
    public var documentID: String
    public var text: String
    /// Character (Unicode scalar) offsets of the sentence in the document's file.
    public var start: Int
    public var end: Int
    /// How sure extraction is that this sentence states the relation, 0...1.
    public var confidence: Double

    /// JSON says `document`, as every kg output does.
    enum CodingKeys: String, CodingKey {
        case documentID = "document", text, start, end, confidence
    }

    public init(documentID: String, text: String, start: Int, end: Int, confidence: Double = 1) {
        self.documentID = documentID
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
    }
}
