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

    /// Whose a bare force noun is by its own sentence, before the article's salient force is considered.
    enum SentenceOwner {
        case force(String)
        /// The sentence gives an owner that is no state's ("Kim sent troops"): the noun names no force.
        case nobody
    }

    /// The owner a bare force noun's own sentence gives it: "troops from North Korea" (that state's army),
    /// and the object of a sending verb ("North Korea has sent troops to Kursk", "Moscow's deployment of
    /// 3,000 more soldiers"): the army of the verb's subject if that is a state (or a state's titled person,
    /// "North Korean leader Kim Jong Un sent troops"), a force subject itself, else nobody. Nil when the
    /// sentence says nothing about the owner.
    func sentenceOwner(_ tokens: [Token], _ i: Int, _ end: Int, _ spans: [Span], _ doc: inout DocumentState) -> SentenceOwner? {
        func army(_ span: Span) -> String? {
            guard span.type == .government, let idx = catalog.index(of: span.entity), let st = catalog.entries[idx].state else { return nil }
            let army = armyEntity(ofState: st)
            doc.note(army, alias: nil, naming: false)
            return army.id
        }
        // "troops from North Korea"
        if end + 1 < tokens.count, tokens[end].lower == "from" {
            let o = end + 1 + (grammar.determiners.contains(tokens[end + 1].lower) ? 1 : 0)
            if let state = spans.first(where: { $0.first == o }), let id = army(state) { return .force(id) }
        }
        // the verb that sends it: back over numbers and lower-case modifiers ("sent 3,000 more", "deployment of")
        var v = i - 1
        while v >= 0, i - v <= 5, !grammar.sendVerbs.contains(tokens[v].lower) {
            let t = tokens[v]
            guard t.kind == .number || (t.kind == .word && !t.isCapitalized && (t.lower == "of" || !grammar.prepositions.contains(t.lower))) else { return nil }
            v -= 1
        }
        guard v >= 0, grammar.sendVerbs.contains(tokens[v].lower) else { return nil }
        func owner(_ span: Span) -> SentenceOwner {
            if let id = army(span) { return .force(id) }
            return span.type == .military ? .force(span.entity) : .nobody
        }
        // a noun ("the dispatch of troops by Pyongyang", "Moscow's deployment of troops"): its agent is
        // "by X" or its possessor, never the subject of the verb it hangs on
        let previous = v > 0 ? tokens[v - 1].lower : ""
        if grammar.determiners.contains(previous) || previous == "'s" || spans.contains(where: { $0.end == v && $0.type != .person })
            || (lexicon.cue("nominal").contains(tokens[v].lower) && !grammar.auxiliaries.contains(previous) && previous != "to") {
            if let by = spans.first(where: { $0.first > end && $0.first - end <= 3 && tokens[end..<$0.first].contains { $0.lower == "by" } }) {
                return owner(by)
            }
            if let possessor = spans.first(where: { $0.end == v || ($0.end == v - 1 && previous == "'s") }) { return owner(possessor) }
            return nil
        }
        // its subject: the nearest name before it in its clause, not a prepositional object nor another clause's
        var k = v - 1
        while k >= 0 {
            let t = tokens[k]
            if t.text == ";" || t.lower == "that" || speechVerbs.contains(t.lower) { return nil }
            if let subject = spans.filter({ $0.first <= k && k < $0.end }).max(by: { $0.end - $0.first < $1.end - $1.first }) {
                var p = subject.first - 1
                while p >= 0, grammar.determiners.contains(tokens[p].lower) { p -= 1 }
                if p >= 0, grammar.prepositions.contains(tokens[p].lower) { k = p - 1; continue }
                if subject.type != .person { return owner(subject) }
                // "North Korean leader Kim Jong Un sent": the state of the person's title, here or earlier;
                // a person of no known state leaves the noun to the article's force
                guard let st = titleState(tokens, spans, subject) ?? doc.titleStates[subject.entity] else { return nil }
                let army = armyEntity(ofState: st)
                doc.note(army, alias: nil, naming: false)
                return .force(army.id)
            }
            k -= 1
        }
        return nil
    }

    /// The state a person's title names: "North Korean leader Kim Jong Un", "Russia's defence minister Andrei Belousov".
    func titleState(_ tokens: [Token], _ spans: [Span], _ person: Span) -> Int? {
        guard let r = roles.match(tokens, endingAt: person.first) else { return nil }
        let roleStart = person.first - r.length
        guard let state = spans.first(where: { $0.type == .government && ($0.end == roleStart || ($0.end + 1 == roleStart && tokens[$0.end].text == "'s")) }),
              let idx = catalog.index(of: state.entity) else { return nil }
        return catalog.entries[idx].state
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
