/// Reads relations off one sentence's structure: role nouns and appositions,
/// possessives and compounds, then verb and noun triggers with their subject
/// and object. Negated or hedged triggers state nothing.
struct RelationExtractor: Sendable {
    struct Found: Hashable {
        var head: String
        var tail: String
        var family: RelationFamily
        var confidence: Double
        /// The word that states the relation, when one does.
        var trigger: String = ""
        /// How the relation was read: a dependency path or the name of a rule.
        var rule: String = ""
    }

    let lexicon: Lexicon
    let catalog: Catalog
    let triggers: PhraseMatcher<Lexicon.Trigger>
    let roles: PhraseMatcher<Lexicon.Role>
    let signatures: [RelationFamily: Lexicon.Signature]
    let grammar: Grammar
    let titles: Set<String>
    let materiel: Set<String>
    let praiseWords: Set<String>
    let nominal: Set<String>
    let openers: Set<String>
    let idioms: PhraseMatcher<Bool>

    static let clauseBreaks: Set<String> = [";"]
    /// A subject further than this many tokens from its verb is not taken.
    static let maxSubjectDistance = 25
    /// An object further than this many tokens after its verb is not taken.
    static let maxObjectDistance = 8

    init(lexicon: Lexicon, catalog: Catalog, signatures: [RelationFamily: Lexicon.Signature], grammar: Grammar) {
        self.lexicon = lexicon
        self.catalog = catalog
        var t = PhraseMatcher<Lexicon.Trigger>()
        for trig in lexicon.triggers { trig.words.forEach { t.add($0, trig) } }
        triggers = t
        roles = lexicon.roleMatcher
        self.signatures = signatures
        self.grammar = grammar
        titles = lexicon.cue("title")
        materiel = lexicon.cue("materiel")
        praiseWords = lexicon.cue("praise")
        nominal = lexicon.cue("nominal")
        openers = lexicon.cue("opener")
        idioms = lexicon.phrases("idiom")
    }

    func extract(_ tokens: [Token], _ spans: [Span], _ parse: Parse) -> [Found] {
        var found: [Found] = []
        var rule = ""
        func emit(_ h: Span, _ t: Span, _ family: RelationFamily, _ confidence: Double) {
            emitRead(h, t, family, confidence, "", rule)
        }
        func emitRead(_ h: Span, _ t: Span, _ family: RelationFamily, _ confidence: Double, _ trigger: String, _ how: String) {
            guard !h.entity.isEmpty, !t.entity.isEmpty, h.entity != t.entity else { return }
            if let sig = signatures[family], !(sig.heads.contains(h.type) && sig.tails.contains(t.type)) { return }
            var head = h.entity, tail = t.entity
            if family.isSymmetric && tail < head { swap(&head, &tail) }
            found.append(Found(head: head, tail: tail, family: family, confidence: confidence, trigger: trigger, rule: how))
        }
        rule = "role noun"
        roleRelations(tokens, spans, emit)
        rule = "speaker label"
        speakerLabel(tokens, spans, emit)
        rule = "possessive or compound"
        possessiveRelations(tokens, spans, parse, emit)
        rule = "trigger in token window"
        triggerRelations(tokens, spans, emit)
        let windowed = found.count
        dependencyRelations(tokens, spans, parse, emitRead)
        // A sending verb deploys people and supplies things: where the tree read a pair as supplied,
        // the token window's deployment of it yields ("sent water purifiers to Malawi").
        let supplied = Set(found[windowed...].filter { $0.family == .supports }.map { "\($0.head)|\($0.tail)" })
        found = found.enumerated().filter { i, f in
            !(i < windowed && f.family == .deployedTo && supplied.contains("\(f.head)|\(f.tail)"))
        }.map(\.element)
        // one relation per (head, tail, family), the most confident reading
        var best: [String: Found] = [:]
        for f in found {
            let key = "\(f.head)|\(f.tail)|\(f.family.rawValue)"
            if (best[key]?.confidence ?? -1) < f.confidence { best[key] = f }
        }
        return best.values.sorted { ($0.head, $0.tail, $0.family) < ($1.head, $1.tail, $1.family) }
    }
}
