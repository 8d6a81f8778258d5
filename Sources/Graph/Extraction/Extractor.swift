import Foundation

/// Text in, facts with evidence out. Pure: no store, no renderer.
///
/// ```swift
/// let result = Extractor.standard.extract(documentID: "a.txt", path: "a.txt", text: text)
/// ```
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let catalog: Catalog
    let cleaner: PageCleaner
    let segmenter: SentenceSegmenter
    let finder: MentionFinder
    let relations: RelationExtractor
    let coreference: Coreference

    /// An extractor over kg's bundled lexicon.
    public static let standard = Extractor(lexicon: .standard)

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        catalog = Catalog(lexicon: lexicon)
        cleaner = PageCleaner(patterns: lexicon.chrome)
        segmenter = SentenceSegmenter(abbreviations: lexicon.abbreviations)
        let grammar = Grammar(lexicon: lexicon)
        finder = MentionFinder(catalog: catalog, lexicon: lexicon, grammar: grammar)
        relations = RelationExtractor(lexicon: lexicon, catalog: catalog, signatures: lexicon.signatures, grammar: grammar)
        coreference = Coreference(lexicon: lexicon, grammar: grammar, relations: relations)
    }

    /// The sentences of a text's article body (page chrome removed).
    public func sentences(of text: String) -> [Sentence] {
        let source = SourceText(text)
        var out: [Sentence] = []
        for p in cleaner.clean(source).paragraphs {
            out += segmenter.split(source, paragraph: p, firstIndex: out.count)
        }
        return out
    }

    /// What extraction saw in one sentence: the names it resolved and the relations it read.
    public struct SentenceExplanation: Codable, Sendable {
        public struct Name: Codable, Sendable {
            public var text: String
            public var entity: String
            public var type: EntityType
        }
        public struct Fact: Codable, Sendable {
            public var head: String
            public var family: RelationFamily
            public var tail: String
        }
        public var start: Int
        public var end: Int
        public var text: String
        public var names: [Name]
        public var facts: [Fact]
    }

    /// Sentence by sentence, what extraction resolves and reads: for a user who asks "why this edge?".
    public func explain(text: String) -> [SentenceExplanation] {
        let a = analyze(text)
        return a.sentences.enumerated().map { s, sentence in
            let spans = a.spans[s]
            let name = { (id: String) in a.doc.entities[id]?.name ?? catalog.entry(id: id)?.name ?? id }
            return SentenceExplanation(
                start: sentence.start, end: sentence.end, text: sentence.text,
                names: spans.filter { !$0.entity.isEmpty }.map { sp in
                    .init(text: sentence.tokens[sp.first..<sp.end].map(\.text).joined(separator: " "), entity: name(sp.entity), type: sp.type)
                },
                facts: relations.extract(sentence.tokens, spans).map { .init(head: name($0.head), family: $0.family, tail: name($0.tail)) })
        }
    }

    private struct Analysis {
        var source: SourceText
        var cleaned: PageCleaner.Result
        var sentences: [Sentence]
        var spans: [[Span]]
        var doc: DocumentState
    }

    /// Cleaning, sentence splitting, mention finding and coreference: everything before relations.
    private func analyze(_ text: String) -> Analysis {
        let source = SourceText(text)
        let cleaned = cleaner.clean(source)
        var sentences: [Sentence] = []
        for p in cleaned.paragraphs { sentences += segmenter.split(source, paragraph: p, firstIndex: sentences.count) }
        var doc = DocumentState(familyFirst: lexicon.familyFirst)
        var spans = sentences.map { finder.find($0, &doc) }
        coreference.resolve(&spans, sentences, &doc)
        return Analysis(source: source, cleaned: cleaned, sentences: sentences, spans: spans, doc: doc)
    }

    /// Extracts one document.
    /// - Complexity: O(n) in the length of the text, times the lexicon's longest phrase.
    public func extract(documentID: String, path: String, text: String) -> ExtractionResult {
        let a = analyze(text)
        let (source, cleaned, sentences, doc) = (a.source, a.cleaned, a.sentences, a.doc)
        var mentions: [Mention] = []
        var evidence: [String: (RelationExtractor.Found, [Evidence])] = [:]
        for (s, sentence) in sentences.enumerated() {
            let spans = a.spans[s]
            for span in spans where span.isNaming && !span.entity.isEmpty {
                let start = sentence.tokens[span.first].start, end = sentence.tokens[span.end - 1].end
                mentions.append(Mention(entityID: span.entity, documentID: documentID, start: start, end: end, text: source.slice(start, end)))
            }
            for f in relations.extract(sentence.tokens, spans) {
                let ev = Evidence(documentID: documentID, text: sentence.text, start: sentence.start, end: sentence.end, confidence: f.confidence)
                let key = "\(f.head)|\(f.tail)|\(f.family.rawValue)"
                if var existing = evidence[key] {
                    existing.0.confidence = max(existing.0.confidence, f.confidence)
                    existing.1.append(ev)
                    evidence[key] = existing
                } else {
                    evidence[key] = (f, [ev])
                }
            }
        }
        let rels = evidence.values.map { f, ev in
            Relation(head: f.head, tail: f.tail, family: f.family, confidence: Self.confidence(f.confidence, sources: ev.count), evidence: ev)
        }.sorted { ($0.head, $0.tail, $0.family) < ($1.head, $1.tail, $1.family) }
        let used = Set(mentions.map(\.entityID)).union(rels.flatMap { [$0.head, $0.tail] })
        var entities = doc.order.filter(used.contains).compactMap { doc.entities[$0] }
        // an end of a relation named only through its state ("Russian Chief of Staff" -> its armed forces)
        for id in used.subtracting(doc.order).sorted() {
            if let e = catalog.entry(id: id) { entities.append(Entity(id: e.id, name: e.name, type: e.type)) }
        }

        let document = Document(id: documentID, path: path, contentHash: DocumentReader.contentHash(text),
                                title: cleaned.title, outlet: cleaned.outlet, date: cleaned.date,
                                sourceURL: cleaned.sourceURL, bylines: cleaned.bylines)
        return ExtractionResult(document: document, text: text, entities: entities, mentions: mentions, relations: rels,
                                dropped: cleaned.dropped, sentenceCount: sentences.count)
    }

    /// Independent sources raise confidence: 1 - (1 - c)^n.
    static func confidence(_ c: Double, sources n: Int) -> Double {
        ((1 - pow(1 - c, Double(n))) * 1000).rounded() / 1000
    }
}
