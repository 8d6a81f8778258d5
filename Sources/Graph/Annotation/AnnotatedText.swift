/// One text as the NLP pipeline read it: tokens with tags, lemmas and dependency arcs,
/// sentence boundaries and named-entity spans.
///
/// Offsets are Unicode-scalar offsets into the annotated text (Python `str` offsets).
public struct AnnotatedText: Sendable, Equatable {
    public var tokens: [AnnotatedToken]
    /// Sentences as token ranges, in order, covering every token.
    public var sentences: [Range<Int>]
    public var entities: [NamedEntity]

    public init(tokens: [AnnotatedToken], sentences: [Range<Int>], entities: [NamedEntity]) {
        self.tokens = tokens
        self.sentences = sentences
        self.entities = entities
    }
}

/// A token of an ``AnnotatedText``.
public struct AnnotatedToken: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Fine-grained Penn Treebank tag ("NNP", "VBD").
    public var tag: String
    /// Universal part of speech ("PROPN", "VERB").
    public var pos: String
    public var lemma: String
    /// Dependency label to the head ("nsubj", "dobj", "prep", "pobj", "ROOT").
    public var dep: String
    /// Index of the syntactic head in the same text; a root is its own head.
    public var head: Int

    public init(start: Int, end: Int, tag: String, pos: String, lemma: String, dep: String, head: Int) {
        self.start = start
        self.end = end
        self.tag = tag
        self.pos = pos
        self.lemma = lemma
        self.dep = dep
        self.head = head
    }
}

/// A named-entity span of an ``AnnotatedText`` with its label (PERSON, ORG, GPE, LOC, NORP, FAC, ...).
public struct NamedEntity: Sendable, Equatable {
    public var tokens: Range<Int>
    public var label: String

    public init(tokens: Range<Int>, label: String) {
        self.tokens = tokens
        self.label = label
    }
}
