/// The trained pipeline's named entities as mention candidates beside the catalog and the cue rules.
extension MentionFinder {
    /// The entity type a named-entity label proposes for a name the catalog does not know.
    /// A GPE the catalog does not know is no state (the catalog has them all): a city or region.
    static func entityType(ofLabel label: String) -> EntityType? {
        switch label {
        case "PERSON": return .person
        case "ORG": return .organization
        case "GPE", "LOC", "FAC": return .place
        default: return nil
        }
    }

    /// The type the pipeline gives the kg tokens `run`: the label of the named entity that covers
    /// most of them (nil when none covers any, or its label names no entity type).
    func namedEntityType(_ tokens: [Token], _ run: Range<Int>, _ parse: Parse) -> (type: EntityType, tokens: Range<Int>)? {
        guard !parse.isEmpty, !run.isEmpty else { return nil }
        let a = tokens[run.lowerBound].start, b = tokens[run.upperBound - 1].end
        var best: (overlap: Int, entity: NamedEntity)?
        for e in parse.entities where !e.tokens.isEmpty {
            let s = parse.tokens[e.tokens.lowerBound].start, t = parse.tokens[e.tokens.upperBound - 1].end
            let overlap = min(b, t) - max(a, s)
            if overlap > 0, overlap > (best?.overlap ?? 0) { best = (overlap, e) }
        }
        guard let e = best?.entity, let type = Self.entityType(ofLabel: e.label) else { return nil }
        // the kg tokens of the run inside the entity's characters
        let s = parse.tokens[e.tokens.lowerBound].start, t = parse.tokens[e.tokens.upperBound - 1].end
        let inside = run.filter { tokens[$0].start >= s && tokens[$0].end <= t }
        guard let first = inside.first, let last = inside.last else { return nil }
        return (type, first..<(last + 1))
    }

    /// Whether the pipeline tags kg token `k` a proper noun (a capitalized word that opens a
    /// sentence is a name only then). Without a parse, every capitalized word may be.
    func isProperNoun(_ k: Int, _ parse: Parse) -> Bool {
        guard !parse.isEmpty, k < parse.ofToken.count, let p = parse.ofToken[k] else { return true }
        return parse.tokens[p].pos == "PROPN"
    }
}
