/// An edge: `head` stands in `family` to `tail`, as stated by its evidence.
///
/// A relation without evidence does not exist; the store deletes one whose
/// last evidence goes.
public struct Relation: Codable, Hashable, Sendable {
    public var head: String
    public var tail: String
    public var family: RelationFamily
    /// How sure extraction is, 0...1: the best of its evidence.
    public var confidence: Double
    public var evidence: [Evidence]

    public init(head: String, tail: String, family: RelationFamily, confidence: Double, evidence: [Evidence]) {
        self.head = head
        self.tail = tail
        self.family = family
        self.confidence = confidence
        self.evidence = evidence
    }
}
