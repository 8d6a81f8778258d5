extension MentionFinder {
    /// Whose forces a bare force noun names: "its troops" (the state named before in the sentence),
    /// "the Russian president's troops" (the state of a role), nil when unknown.
    func forcesOwner(_ tokens: [Token], _ i: Int, _ spans: [Span], _ doc: inout DocumentState) -> String? {
        guard i > 0 else { return nil }
        let prev = tokens[i - 1].lower
        var stateSpan: Span?
        if prev == "its" || prev == "their" || doc.salientMilitary == nil {
            // "its troops"; or, before any army is named, "North Korea sent 3,000 soldiers": the state's own
            stateSpan = spans.first { $0.end <= i && $0.type == .government
                && !($0.first > 0 && grammar.prepositions.contains(tokens[$0.first - 1].lower)) }
        } else if prev == "'s" {
            var k = i - 2
            while k >= 0, roles.match(tokens, endingAt: k + 1) != nil || !tokens[k].isCapitalized && tokens[k].kind == .word { k -= 1 }
            stateSpan = spans.last { $0.end == k + 1 && $0.type == .government }
        }
        guard let s = stateSpan, let idx = catalog.index(of: s.entity), let st = catalog.entries[idx].state else {
            return nil
        }
        let army = armyEntity(ofState: st)
        doc.note(army, alias: nil, naming: false)
        return army.id
    }

    /// "servicemen of the Democratic People's Republic of Korea": a force noun, "of", a state.
    func forcesOfState(_ tokens: [Token], at i: Int, _ doc: inout DocumentState) -> (Span, Entity)? {
        guard let m = forces.match(tokens, at: i) else { return nil }
        var j = i + m.length
        guard j < tokens.count, tokens[j].lower == "of" else { return nil }
        j += 1
        if j < tokens.count, tokens[j].lower == "the" { j += 1 }
        guard j < tokens.count, let hit = catalog.match(tokens, at: j),
              catalog.entries[hit.entry].type == .government, let s = catalog.entries[hit.entry].state else { return nil }
        let entity = m.value ? specialForces(ofState: s) : armyEntity(ofState: s)
        if m.value { doc.specialForces = entity.id }
        return (Span(first: i, end: j + hit.length, entity: entity.id, type: .military, kind: .forces), entity)
    }

    /// A force noun phrase starting at `from`, after at most two lower-case modifiers; nil when
    /// the noun is part of a role or an organization's name ("military official", "military company").
    func forcePhrase(_ tokens: [Token], from: Int) -> (Int, Bool)? {
        var j = from
        for _ in 0..<3 {
            guard j < tokens.count else { return nil }
            if let m = forces.match(tokens, at: j) {
                let end = j + m.length
                if end < tokens.count, roles.match(tokens, at: end) != nil || orgHeads.contains(tokens[end].lower) { return nil }
                return (end, m.value)
            }
            guard tokens[j].kind == .word, !tokens[j].isCapitalized, !stop.contains(tokens[j].lower) else { return nil }
            j += 1
        }
        return nil
    }

    func armyEntity(ofState s: Int) -> Entity {
        let e = catalog.entries[catalog.armyEntry[s]]
        return Entity(id: e.id, name: e.name, type: .military, aliases: e.aliases)
    }

    func specialForces(ofState s: Int) -> Entity {
        let name = "\(catalog.demonym(ofState: s)) special forces"
        return Entity(id: Entity.makeID(type: .military, name: name), name: name, type: .military)
    }

    /// The state whose forces the article talks about, else the state it names most.
    func dominantState(_ doc: DocumentState) -> Int? {
        if let m = doc.lastMilitary, let idx = catalog.index(of: m), let s = catalog.entries[idx].state {
            return s
        }
        return doc.stateCounts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
