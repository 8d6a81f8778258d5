extension RelationExtractor {
    /// "Russian President Vladimir Putin", "Pentagon spokeswoman Sabrina Singh",
    /// "Valery Gerasimov, the chief of staff of Russia's armed forces",
    /// "He is the top North Korean military official".
    func roleRelations(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        readRoles(tokens, spans) { holding, confidence in
            if let owner = holding.owner { relate(holding.person, holding.role, owner, former: holding.former, emit, confidence) }
        }
    }

    /// A person named with a role in one sentence: "French President Emmanuel Macron",
    /// "Macron, the French president,". `owner` is nil for a bare title ("President Macron").
    struct RoleHolding {
        var person: Span
        var role: Lexicon.Role
        /// Token range of the role noun in the sentence.
        var roleTokens: Range<Int>
        var owner: Span?
        var former: Bool
    }

    /// Every role one sentence gives a named person, as the role relations read them.
    func roleHoldings(_ tokens: [Token], _ spans: [Span]) -> [RoleHolding] {
        var out: [RoleHolding] = []
        readRoles(tokens, spans) { holding, _ in out.append(holding) }
        return out
    }

    /// The role patterns: each role a person holds, with the confidence of its pattern.
    func readRoles(_ tokens: [Token], _ spans: [Span], _ found: (RoleHolding, Double) -> Void) {
        for (p, person) in spans.enumerated() where person.type == .person {
            // E [’s] [adj] ROLE [,] [title] P
            var j = person.first - 1
            while j >= 0, tokens[j].text == "." || (tokens[j].isCapitalized && isTitle(tokens[j])) && roles.match(tokens, endingAt: j + 1) == nil { j -= 1 }
            if j >= 0, tokens[j].text == "," { j -= 1 }
            if let role = roles.match(tokens, endingAt: j + 1) {
                let roleStart = j + 1 - role.length
                let owner = ownerBefore(tokens, spans, p, roleStart)
                // "former President X", "Former Estonian President X"
                let former = [roleStart, owner?.first ?? roleStart].contains { $0 > 0 && tokens[$0 - 1].lower == "former" }
                found(RoleHolding(person: person, role: role.value, roleTokens: roleStart..<(j + 1), owner: owner, former: former), 0.9)
            }
            // ROLE of E, P: "the chief of staff of Russia's armed forces, Valery Gerasimov,"
            if person.first >= 2, tokens[person.first - 1].text == ",",
               let owner = spans[..<p].last(where: { $0.end == person.first - 1 && $0.type != .person }) {
                var r = owner.first - 1
                if r >= 0, grammar.determiners.contains(tokens[r].lower) { r -= 1 }
                if r >= 0, ["of", "at", "for"].contains(tokens[r].lower), let role = roles.match(tokens, endingAt: r) {
                    let former = r - role.length > 0 && tokens[r - role.length - 1].lower == "former"
                    found(RoleHolding(person: person, role: role.value, roleTokens: (r - role.length)..<r, owner: owner, former: former), 0.85)
                }
            }
            // P, [a|the|former] ROLE (of|at|for) E [at E2] [and ROLE of E3]
            var k = person.end
            if k < tokens.count, tokens[k].text == "," { k += 1 } else if k < tokens.count, ["is", "was", "as"].contains(tokens[k].lower) { k += 1 } else { continue }
            var former = false
            var clauseEnd = k
            while clauseEnd < tokens.count, ![",", ";", ".", "\u{2014}"].contains(tokens[clauseEnd].text), !(clauseEnd > k && grammar.relativizers.contains(tokens[clauseEnd].lower)) { clauseEnd += 1 }
            while k < clauseEnd {
                let w = tokens[k].lower
                if w == "former" { former = true }
                if let role = roles.match(tokens, at: k) {
                    // the owner: a modifier right before the role ("North Korean military official")
                    if let owner = spans.last(where: { $0.end <= k && $0.first >= person.end && $0.entity != person.entity && $0.type != .person }) {
                        found(RoleHolding(person: person, role: role.value, roleTokens: k..<(k + role.length), owner: owner, former: former), 0.85)
                    }
                    var m = k + role.length
                    if m < clauseEnd, ["of", "at", "for", "with"].contains(tokens[m].lower) {
                        m += 1
                        // "director of X at Y": Y is the employer
                        let inPhrase = spans.filter { $0.first >= m && $0.end <= clauseEnd && $0.type != .person && !$0.modifier }
                        var chosen: [Span] = []
                        for s in inPhrase {
                            if let last = chosen.last, tokens[last.end..<s.first].contains(where: { $0.lower == "at" }) { chosen.removeLast() }
                            if let last = chosen.last, tokens[last.end..<s.first].contains(where: { $0.lower == "and" }) == false { continue }
                            chosen.append(s)
                        }
                        for c in chosen {
                            // "director of the China Center at the Hudson Institute": a member of the institution
                            let viaAt = prepositionBefore(tokens, c) == "at" && role.value.family == .leads
                            found(RoleHolding(person: person, role: role.value, roleTokens: k..<(k + role.length), owner: c, former: former || viaAt), 0.85)
                        }
                    }
                    k += role.length
                    continue
                }
                k += 1
            }
        }
    }

    func isTitle(_ t: Token) -> Bool {
        lexicon.cue("title").contains(t.lower)
    }

    /// The entity a role before a person belongs to: a span ending right before
    /// the role, allowing a possessive and a few lower-case modifiers between.
    func ownerBefore(_ tokens: [Token], _ spans: [Span], _ p: Int, _ roleStart: Int) -> Span? {
        var j = roleStart - 1
        var hops = 0
        while j >= 0, hops < 3 {
            if let s = spans[..<p].last(where: { $0.end == j + 1 }) { return s.type == .person ? nil : s }
            if tokens[j].text == "'s" { j -= 1; continue }
            guard tokens[j].kind == .word, !tokens[j].isCapitalized else { return nil }
            j -= 1
            hops += 1
        }
        return nil
    }

    func relate(_ person: Span, _ role: Lexicon.Role, _ owner: Span, former: Bool,
                        _ emit: (Span, Span, RelationFamily, Double) -> Void, _ confidence: Double) {
        var target = owner
        if role.targetsArmy, owner.type == .government,
           let idx = catalog.index(of: owner.entity), let army = catalog.army(ofGovernment: idx) {
            target = Span(first: owner.first, end: owner.end, entity: catalog.entries[army].id, type: .military, kind: .forces)
        }
        let family: RelationFamily = former && role.family == .leads ? .memberOf : role.family
        emit(person, target, family, confidence)
    }

    /// "Park: Kim Jong Un wants money": an interview answer is said by its label.
    func speakerLabel(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        guard let label = spans.first, label.first == 0, label.type == .person, label.end < tokens.count, tokens[label.end].text == ":" else { return }
        let said = spans.filter { $0.first > label.end && $0.entity != label.entity && !$0.modifier && !$0.possessor }
        if let topic = said.first(where: { $0.type == .military || $0.type == .person }) ?? said.first {
            emit(label, topic, .says, 0.6)
        }
    }
}
