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

    /// The pipeline's named entities as kg token ranges, with their labels.
    func namedEntityRanges(_ tokens: [Token], _ parse: Parse) -> [(tokens: Range<Int>, label: String)] {
        guard !parse.isEmpty else { return [] }
        return parse.entities.compactMap { e in
            guard !e.tokens.isEmpty else { return nil }
            let s = parse.tokens[e.tokens.lowerBound].start, t = parse.tokens[e.tokens.upperBound - 1].end
            let inside = tokens.indices.filter { tokens[$0].start >= s && tokens[$0].end <= t }
            guard let a = inside.first, let b = inside.last else { return nil }
            return (a..<(b + 1), e.label)
        }
    }

    /// "University of Costa Rica", "Organization of American States", "South China Sea":
    /// a state's name inside a longer organization's name the recognizer found, after a connector or
    /// another name word, belongs to that name.
    /// A capital ("Real Madrid", "Inter Milan") needs no head word: a capital after a name word inside
    /// an organization's name is part of it.
    func isInsideOrganizationName(_ tokens: [Token], _ hit: Range<Int>, _ names: [(tokens: Range<Int>, label: String)], seat: Bool = false) -> Bool {
        guard hit.lowerBound > 0 else { return false }
        let before = tokens[hit.lowerBound - 1]
        guard grammar.connectors.contains(before.lower) || before.lower == "and" || (before.isCapitalized && before.kind == .word) else { return false }
        return names.contains { n in
            ["ORG", "FAC", "LOC"].contains(n.label) && n.tokens.lowerBound < hit.lowerBound && n.tokens.upperBound >= hit.upperBound
                && n.tokens.count <= 8
                && (tokens[n.tokens].contains { orgHeads.contains($0.lower) || milHeads.contains($0.lower) || placeHeads.contains($0.lower) }
                    || (seat && n.label == "ORG"))
        }
    }

    /// Registers the short forms an article may use for a body it named in full: the acronym of its
    /// capitalized words ("CMA") and its first word when that word is distinctive ("Norrland").
    func registerBodyForms(_ body: Entity, _ doc: inout DocumentState) {
        let words = body.name.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return }
        let significant = words.filter { w in
            w.first?.isUppercase == true && !grammar.connectors.contains(w.lowercased()) && w.lowercased() != "and"
        }
        if significant.count >= 2 {
            let acronym = String(significant.compactMap(\.first)).lowercased()
            if doc.bodyForms[acronym] == nil { doc.bodyForms[acronym] = body.id }
        }
        let first = words[0].lowercased()
        if words[0].count >= 3, words[0].first?.isUppercase == true, !stop.contains(first), !orgHeads.contains(first),
           !milHeads.contains(first), !adjectives.contains(first), !genericWords.contains(first), !titles.contains(first),
           !grammar.connectors.contains(first), catalog.lookup(words[0]) == nil, !lexicon.givenNames.contains(first),
           doc.bodyForms[first] == nil {
            doc.bodyForms[first] = body.id
        }
    }
}
