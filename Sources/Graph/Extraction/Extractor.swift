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
        cleaner = PageCleaner(lexicon: lexicon)
        segmenter = SentenceSegmenter(abbreviations: lexicon.abbreviations)
        let grammar = Grammar(lexicon: lexicon)
        finder = MentionFinder(catalog: catalog, lexicon: lexicon, grammar: grammar)
        relations = RelationExtractor(lexicon: lexicon, catalog: catalog, signatures: lexicon.signatures, grammar: grammar)
        coreference = Coreference(lexicon: lexicon, grammar: grammar, relations: relations)
    }

    /// A document's article body before annotation: the text, what page cleaning kept and dropped,
    /// and the body's sentences.
    public struct Body: Sendable {
        public let source: SourceText
        public let cleaned: PageCleaner.Result
        public let sentences: [Sentence]
    }

    /// Page cleaning and sentence splitting: what the NLP pipeline is run on.
    public func body(of text: String) -> Body {
        let source = SourceText(text)
        let cleaned = cleaner.clean(source)
        var sentences: [Sentence] = []
        for p in cleaned.paragraphs { sentences += segmenter.split(source, paragraph: p, firstIndex: sentences.count) }
        return Body(source: source, cleaned: cleaned, sentences: sentences)
    }

    /// The sentences of a text's article body (page chrome removed).
    public func sentences(of text: String) -> [Sentence] { body(of: text).sentences }

    /// What extraction saw in one sentence: the names it resolved, the dependency arcs the
    /// pipeline gave it, and the relations it read with the trigger and rule behind each.
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
            /// The word that states the relation ("sent", "president", "'s").
            public var trigger: String
            /// How it was read: a dependency path ("nsubj < send > prep:to > pobj") or a rule ("role", "apposition").
            public var rule: String
        }
        /// A dependency arc: `dependent` is attached to `head` with `label`.
        public struct Arc: Codable, Sendable {
            public var head: String
            public var label: String
            public var dependent: String
        }
        public var start: Int
        public var end: Int
        public var text: String
        public var names: [Name]
        public var arcs: [Arc]
        public var facts: [Fact]
    }

    /// Sentence by sentence, what extraction resolves and reads: for a user who asks "why this edge?".
    public func explain(text: String, annotator: any Annotator) throws -> [SentenceExplanation] {
        let body = self.body(of: text)
        let a = analyze(body, try annotator.annotate(body.sentences.map(\.text)))
        return a.sentences.enumerated().map { s, sentence in
            let spans = a.spans[s]
            let parse = a.parses[s]
            let name = { (id: String) in a.doc.entities[id]?.name ?? catalog.entry(id: id)?.name ?? id }
            let word = { (i: Int) in "\(a.source.slice(parse.tokens[i].start, parse.tokens[i].end))/\(i)" }
            return SentenceExplanation(
                start: sentence.start, end: sentence.end, text: sentence.text,
                names: spans.filter { !$0.entity.isEmpty }.map { sp in
                    .init(text: sentence.tokens[sp.first..<sp.end].map(\.text).joined(separator: " "), entity: name(sp.entity), type: sp.type)
                },
                arcs: parse.tokens.indices.compactMap { i in
                    let t = parse.tokens[i]
                    return t.head == i || t.pos == "SPACE" ? nil : .init(head: word(t.head), label: t.dep, dependent: word(i))
                },
                facts: relations.extract(sentence.tokens, spans, parse).map {
                    .init(head: name($0.head), family: $0.family, tail: name($0.tail), trigger: $0.trigger, rule: $0.rule)
                })
        }
    }

    private struct Analysis {
        var source: SourceText
        var cleaned: PageCleaner.Result
        var sentences: [Sentence]
        var parses: [Parse]
        var spans: [[Span]]
        var doc: DocumentState
    }

    /// Mention finding and coreference over annotated sentences: everything before relations.
    private func analyze(_ body: Body, _ annotations: [AnnotatedText]) -> Analysis {
        let sentences = body.sentences
        let parses = sentences.indices.map { i in
            i < annotations.count ? Parse(annotations[i], offset: sentences[i].start, tokens: sentences[i].tokens) : .empty
        }
        var doc = DocumentState(familyFirst: lexicon.familyFirst, surnameParticles: lexicon.cue("surnameparticle"))
        var spans = sentences.indices.map { finder.find(sentences[$0], parses[$0], &doc) }
        for s in spans.indices {
            for k in spans[s].indices { spans[s][k].mainSubject = parses[s].isMainSubject(spans[s][k].first..<spans[s][k].end) }
        }
        coreference.resolve(&spans, sentences, &doc)
        return Analysis(source: body.source, cleaned: body.cleaned, sentences: sentences, parses: parses, spans: spans, doc: doc)
    }

    /// Annotates a document's sentences with `annotator` (one batch) and extracts it.
    /// - Throws: ``AnnotationError`` when the annotator cannot run.
    public func extract(documentID: String, path: String, text: String, annotator: any Annotator) throws -> ExtractionResult {
        let body = self.body(of: text)
        return extract(documentID: documentID, path: path, body: body, annotations: try annotator.annotate(body.sentences.map(\.text)))
    }

    /// Extracts one document.
    /// Pure: the body and its sentences' annotations (one ``AnnotatedText`` per sentence, in order) in,
    /// facts with evidence out.
    /// - Complexity: O(n) in the length of the text, times the lexicon's longest phrase.
    public func extract(documentID: String, path: String, body: Body, annotations: [AnnotatedText]) -> ExtractionResult {
        let a = analyze(body, annotations)
        let text = body.source.string
        let (source, cleaned, sentences, doc) = (a.source, a.cleaned, a.sentences, a.doc)
        var mentions: [Mention] = []
        var evidence: [String: (RelationExtractor.Found, [Evidence])] = [:]
        for (s, sentence) in sentences.enumerated() {
            let spans = a.spans[s]
            for span in spans where span.isNaming && !span.entity.isEmpty {
                let start = sentence.tokens[span.first].start, end = sentence.tokens[span.end - 1].end
                mentions.append(Mention(entityID: span.entity, documentID: documentID, start: start, end: end, text: source.slice(start, end)))
            }
            for f in relations.extract(sentence.tokens, spans, a.parses[s]) {
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
            .dated(DocumentDate.resolve(dropped: cleaned.dropped, sourceURL: cleaned.sourceURL, text: text, fileModified: nil))
        return ExtractionResult(document: document, text: text, entities: entities, mentions: mentions, relations: rels,
                                dropped: cleaned.dropped, sentenceCount: sentences.count)
    }

    /// Independent sources raise confidence: 1 - (1 - c)^n.
    static func confidence(_ c: Double, sources n: Int) -> Double {
        ((1 - pow(1 - c, Double(n))) * 1000).rounded() / 1000
    }
}
