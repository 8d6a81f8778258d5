/// Reads relations off one sentence's structure: role nouns and appositions,
/// possessives and compounds, then verb and noun triggers with their subject
/// and object. Negated or hedged triggers state nothing.
struct RelationExtractor: Sendable {
    struct Found: Hashable {
        var head: String
        var tail: String
        var family: RelationFamily
        var confidence: Double
    }

    let lexicon: Lexicon
    let catalog: Catalog
    let triggers: PhraseMatcher<Lexicon.Trigger>
    let roles: PhraseMatcher<Lexicon.Role>
    let signatures: [RelationFamily: (heads: Set<EntityType>, tails: Set<EntityType>)]

    static let negators: Set<String> = ["not", "n't", "never", "no", "declined", "refused", "neither", "nor", "without", "failed", "unable", "denies", "denied", "hardly"]
    static let beVerbs: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "had", "has", "have"]
    static let prepositions: Set<String> = ["of", "in", "at", "for", "from", "with", "on", "near", "to", "into", "by", "against", "than", "about", "over", "toward", "towards", "inside", "across"]
    static let destinationPreps: Set<String> = ["to", "into", "near", "in", "toward", "towards", "inside", "on"]
    static let clauseBreaks: Set<String> = [";", "\u{201C}", "\u{201D}", "\"", "(", ")", "\u{2014}"]
    static let relativizers: Set<String> = ["which", "who", "whom", "that", "where"]
    static let coordinators: Set<String> = [",", "and", "both", "the", "nor", "neither", "or", "as", "well"]
    static let appositionLead: Set<String> = ["a", "an", "the", "former", "senior", "top", "deputy", "its", "their", "then", "acting", "longtime", "chief"]

    init(lexicon: Lexicon, catalog: Catalog, signatures: [RelationFamily: (heads: Set<EntityType>, tails: Set<EntityType>)]) {
        self.lexicon = lexicon
        self.catalog = catalog
        var t = PhraseMatcher<Lexicon.Trigger>()
        for trig in lexicon.triggers { trig.words.forEach { t.add($0, trig) } }
        triggers = t
        var r = PhraseMatcher<Lexicon.Role>()
        lexicon.roles.forEach { r.add($0.words.joined(separator: " "), $0) }
        roles = r
        self.signatures = signatures
    }

    func extract(_ tokens: [Token], _ spans: [Span]) -> [Found] {
        var found: [Found] = []
        func emit(_ h: Span, _ t: Span, _ family: RelationFamily, _ confidence: Double) {
            guard !h.entity.isEmpty, !t.entity.isEmpty, h.entity != t.entity else { return }
            if let sig = signatures[family], !(sig.heads.contains(h.type) && sig.tails.contains(t.type)) { return }
            var head = h.entity, tail = t.entity
            if family.isSymmetric && tail < head { swap(&head, &tail) }
            found.append(Found(head: head, tail: tail, family: family, confidence: confidence))
        }
        roleRelations(tokens, spans, emit)
        possessiveRelations(tokens, spans, emit)
        triggerRelations(tokens, spans, emit)
        // one relation per (head, tail, family), the most confident reading
        var best: [String: Found] = [:]
        for f in found {
            let key = "\(f.head)|\(f.tail)|\(f.family.rawValue)"
            if (best[key]?.confidence ?? -1) < f.confidence { best[key] = f }
        }
        return best.values.sorted { ($0.head, $0.tail, $0.family) < ($1.head, $1.tail, $1.family) }
    }

    // MARK: roles and appositions

    /// "Russian President Vladimir Putin", "Pentagon spokeswoman Sabrina Singh",
    /// "Valery Gerasimov, the chief of staff of Russia's armed forces",
    /// "He is the top North Korean military official".
    private func roleRelations(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        for (p, person) in spans.enumerated() where person.type == .person {
            // E [’s] [adj] ROLE [,] [title] P
            var j = person.first - 1
            while j >= 0, tokens[j].text == "." || (tokens[j].isCapitalized && isTitle(tokens[j])) && roles.match(tokens, endingAt: j + 1) == nil { j -= 1 }
            if j >= 0, tokens[j].text == "," { j -= 1 }
            if let role = roles.match(tokens, endingAt: j + 1) {
                let roleStart = j + 1 - role.length
                let former = roleStart > 0 && tokens[roleStart - 1].lower == "former"
                if let owner = ownerBefore(tokens, spans, p, roleStart) {
                    relate(person, role.value, owner, former: former, emit, 0.9)
                }
            }
            // P, [a|the|former] ROLE (of|at|for) E [at E2] [and ROLE of E3]
            var k = person.end
            if k < tokens.count, tokens[k].text == "," { k += 1 } else if k < tokens.count, ["is", "was", "as"].contains(tokens[k].lower) { k += 1 } else { continue }
            var former = false
            var clauseEnd = k
            while clauseEnd < tokens.count, ![",", ";", ".", "\u{2014}"].contains(tokens[clauseEnd].text), !(clauseEnd > k && Self.relativizers.contains(tokens[clauseEnd].lower)) { clauseEnd += 1 }
            while k < clauseEnd {
                let w = tokens[k].lower
                if w == "former" { former = true }
                if let role = roles.match(tokens, at: k) {
                    // the owner: a modifier right before the role ("North Korean military official")
                    if let owner = spans.last(where: { $0.end <= k && $0.first >= person.end && $0.entity != person.entity && $0.type != .person }) {
                        relate(person, role.value, owner, former: former, emit, 0.85)
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
                        chosen.forEach { relate(person, role.value, $0, former: former, emit, 0.85) }
                    }
                    k += role.length
                    continue
                }
                k += 1
            }
        }
    }

    private func isTitle(_ t: Token) -> Bool {
        lexicon.cue("title").contains(t.lower)
    }

    /// The entity a role before a person belongs to: a span ending right before
    /// the role, allowing a possessive and a few lower-case modifiers between.
    private func ownerBefore(_ tokens: [Token], _ spans: [Span], _ p: Int, _ roleStart: Int) -> Span? {
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

    private func relate(_ person: Span, _ role: Lexicon.Role, _ owner: Span, former: Bool,
                        _ emit: (Span, Span, RelationFamily, Double) -> Void, _ confidence: Double) {
        var target = owner
        if role.targetsArmy, owner.type == .government,
           let idx = catalog.entries.firstIndex(where: { $0.id == owner.entity }), let army = catalog.army(ofGovernment: idx) {
            target = Span(first: owner.first, end: owner.end, entity: catalog.entries[army].id, type: .military, kind: .forces)
        }
        let family: RelationFamily = former && role.family == .leads ? .memberOf : role.family
        emit(person, target, family, confidence)
    }

    // MARK: possessives and compounds

    /// "Russia's Kursk region", "South Korea's intelligence agency",
    /// "the South Korean government-funded Korea Institute ...": part_of.
    private func possessiveRelations(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        for (i, s) in spans.enumerated() where s.type == .government || s.type == .place {
            guard i + 1 < spans.count else { continue }
            let next = spans[i + 1]
            guard [.organization, .place, .military].contains(next.type), next.kind != .forces, next.kind != .anaphor else { continue }
            let between = tokens[s.end..<next.first]
            guard between.count <= 3, between.allSatisfy({ $0.text == "'s" || ($0.kind == .word && !$0.isCapitalized && !Self.prepositions.contains($0.lower) && !["and", "or"].contains($0.lower)) }) else { continue }
            if s.kind == .stateForm || between.first?.text == "'s" {
                emit(next, s, .partOf, 0.85)
            }
        }
        // a catalog name that opens with a state's name: "South Korean intelligence agency"
        for s in spans where s.kind == .name && (s.type == .organization || s.type == .military) && s.end - s.first >= 2
            && catalog.entry(id: s.entity)?.state == nil {
            for len in stride(from: min(3, s.end - s.first - 1), through: 1, by: -1) {
                if let hit = catalog.match(Array(tokens[s.first..<(s.first + len)]), at: 0), hit.length == len,
                   catalog.entries[hit.entry].type == .government {
                    let gov = Span(first: s.first, end: s.first + len, entity: catalog.entries[hit.entry].id, type: .government, kind: .stateForm)
                    emit(s, gov, .partOf, 0.8)
                    break
                }
            }
        }
        // "X, also known as Y, a special forces unit": X part_of the unit named in the description
        for (i, s) in spans.enumerated() where s.type == .military || s.type == .organization {
            var k = s.end
            guard k < tokens.count, tokens[k].text == "," else { continue }
            k += 1
            if k + 3 < tokens.count, tokens[k].lower == "also", tokens[k + 1].lower == "known", tokens[k + 2].lower == "as" {
                while k < tokens.count, tokens[k].text != "," { k += 1 }
                k += 1
            }
            guard k < tokens.count, ["a", "an"].contains(tokens[k].lower) else { continue }
            if let d = spans[(i + 1)...].first(where: { $0.first > k }), d.first - k <= 4,
               !tokens[k..<d.first].contains(where: { $0.text == "," }) {
                emit(s, d, .partOf, 0.7)
            }
        }
    }

    // MARK: triggers

    private func triggerRelations(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        var inSpan = [Bool](repeating: false, count: tokens.count)
        for s in spans where s.kind != .pronoun { for k in s.first..<s.end { inSpan[k] = true } }
        var i = 0
        while i < tokens.count {
            guard !inSpan[i], let m = triggers.match(tokens, at: i) else { i += 1; continue }
            let trig = m.value
            let tStart = i, tEnd = i + m.length
            i = tEnd
            if negated(tokens, tStart) { continue }
            let (clauseStart, clauseEnd) = clause(tokens, around: tStart)
            // "U.S.-supplied weapons": the attached name supplies the clause's subject
            if tStart >= 2, tokens[tStart - 1].text == "-", tokens[tStart - 1].end == tokens[tStart].start {
                if let owner = spans.first(where: { $0.end == tStart - 1 }), trig.family == .supports,
                   let recipient = spans.last(where: { $0.end <= owner.first && $0.first >= clauseStart && !$0.modifier }) {
                    emit(owner, recipient, .supports, 0.6)
                }
                continue
            }
            let before = spans.filter { $0.end <= tStart && $0.first >= clauseStart && !$0.modifier }
            let after = spans.filter { $0.first >= tEnd && $0.end <= clauseEnd && !$0.modifier }
            switch trig.frame {
            case .svo:
                let subjects = subjects(tokens, before, family: trig.family)
                var objects = Array(after.prefix(1))
                if trig.family == .fights {
                    objects += after.dropFirst().filter { s in s.first > 0 && ["against", "in"].contains(tokens[s.first - 1].lower) || (s.first > 1 && tokens[s.first - 1].lower == "the" && ["against", "in"].contains(tokens[s.first - 2].lower)) }
                }
                if objects.isEmpty, let subj = subjects.first, let rel = relativeAntecedent(tokens, before, subj) { objects = [rel] }
                for s in subjects { for o in objects { emit(s, o, trig.family, 0.7) } }
            case .passive:
                guard let agent = after.first, let patient = spans.first(where: { $0.end <= tStart && !$0.modifier }) else { continue }
                emit(agent, patient, trig.family, 0.7)
            case .motion:
                let subjects = subjects(tokens, before, family: trig.family)
                var destination: Span?
                var themes: [Span] = []
                for s in after {
                    let prev = s.first > 0 ? tokens[s.first - 1].lower : ""
                    let prev2 = s.first > 1 ? tokens[s.first - 2].lower : ""
                    if (s.type == .place || s.type == .government) && (Self.destinationPreps.contains(prev) || (prev == "the" && Self.destinationPreps.contains(prev2)) || prev == "aid" || prev == "assist") {
                        destination = s
                        break
                    }
                    if s.type == .military || s.type == .person { themes.append(s) }
                }
                if destination == nil, let s = after.first(where: { $0.type == .place }) { destination = s }
                guard let destination else { continue }
                var agents = subjects
                if let by = after.first(where: { $0.first > 0 && tokens[$0.first - 1].lower == "by" }) { agents.append(by) }
                for s in agents + themes { emit(s, destination, .deployedTo, 0.7) }
            case .speech:
                speech(tokens, spans, before: before, after: after, tStart: tStart, tEnd: tEnd, emit)
            case .source:
                guard let speaker = after.first,
                      let topic = spans.first(where: { $0.entity != speaker.entity && !$0.modifier && $0.first < tStart }) ?? after.dropFirst().first(where: { $0.entity != speaker.entity && !$0.modifier })
                else { continue }
                emit(speaker, topic, .says, 0.6)
            case .mutual:
                var party = subjects(tokens, before, family: trig.family)
                let partnerWords: Set<String> = ["with", "between", "and", "alongside"]
                let opensPhrase = partnerWords.contains(tokens[tEnd - 1].lower) || (tEnd < tokens.count && partnerWords.contains(tokens[tEnd].lower))
                if let w = opensPhrase ? after.first : after.first(where: { s in s.first > 0 && partnerWords.contains(tokens[s.first - 1].lower) }) {
                    party.append(w)
                    if let k = after.firstIndex(where: { $0.first == w.first }), k + 1 < after.count,
                       tokens[w.end..<after[k + 1].first].allSatisfy({ $0.lower == "and" || $0.text == "," }) {
                        party.append(after[k + 1])
                    }
                }
                for a in party.indices { for b in party.indices where a < b { emit(party[a], party[b], trig.family, 0.65) } }
            }
        }
    }

    /// The subject of a trigger: the nearest span before it that is not a prepositional
    /// object, with the spans coordinated with it ("South Korea, the US, and the UK").
    private func subjects(_ tokens: [Token], _ before: [Span], family: RelationFamily) -> [Span] {
        let heads = signatures[family]?.heads
        guard let idx = before.indices.last(where: { k in
            let s = before[k]
            let forTo = s.first > 0 && tokens[s.first - 1].lower == "for" && s.end < tokens.count && tokens[s.end].lower == "to"
            let prep = s.first > 0 && Self.prepositions.contains(tokens[s.first - 1].lower) && !forTo
            let prepThe = s.first > 1 && tokens[s.first - 1].lower == "the" && Self.prepositions.contains(tokens[s.first - 2].lower)
            return !(prep || prepThe) && (heads?.contains(s.type) ?? true)
        }) else { return [] }
        var out = [before[idx]]
        var k = idx
        while k > 0 {
            let gap = tokens[before[k - 1].end..<before[k].first]
            guard gap.allSatisfy({ Self.coordinators.contains($0.lower) }) else { break }
            out.append(before[k - 1])
            k -= 1
        }
        return out
    }

    /// "the special-forces unit he commanded", "Kursk, which Ukraine invaded": the noun the clause hangs on.
    private func relativeAntecedent(_ tokens: [Token], _ before: [Span], _ subject: Span) -> Span? {
        guard let k = before.lastIndex(where: { $0.end <= subject.first }) else { return nil }
        let gap = tokens[before[k].end..<subject.first]
        guard gap.count <= 2, gap.allSatisfy({ $0.text == "," || Self.relativizers.contains($0.lower) }) else { return nil }
        return before[k]
    }

    private func speech(_ tokens: [Token], _ spans: [Span], before: [Span], after: [Span], tStart: Int, tEnd: Int,
                        _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        let opensAfterQuote = tStart > 0 && [",", "\u{201D}", "\""].contains(tokens[tStart - 1].text)
        if opensAfterQuote || (after.first.map { $0.first == tEnd } ?? false) && before.isEmpty {
            // ", said Miles Yu" / "” Jeon said": speaker after the trigger, or a pronoun before it
            let speaker = after.first(where: { $0.first <= tEnd + 1 }) ?? before.last
            guard let speaker else { return }
            if let topic = spans.first(where: { $0.entity != speaker.entity && !$0.modifier && $0.first < speaker.first }) {
                emit(speaker, topic, .says, 0.6)
            }
            return
        }
        let speakers = subjects(tokens, before, family: .says)
        guard let speaker = speakers.first else { return }
        let topic = after.first(where: { $0.entity != speaker.entity })
            ?? spans.first(where: { $0.entity != speaker.entity && !$0.modifier && $0.first < speaker.first })
        guard let topic else { return }
        for s in speakers { emit(s, topic, .says, 0.6) }
    }

    /// Negation or a hedge in the few words before a trigger.
    private func negated(_ tokens: [Token], _ at: Int) -> Bool {
        for k in stride(from: at - 1, through: max(0, at - 3), by: -1) {
            if [",", ";", "."].contains(tokens[k].text) { break }
            if Self.negators.contains(tokens[k].lower) { return true }
        }
        return false
    }

    /// The clause around a trigger: bounded by semicolons, dashes and quotes.
    private func clause(_ tokens: [Token], around at: Int) -> (Int, Int) {
        var a = at
        while a > 0, !Self.clauseBreaks.contains(tokens[a - 1].text) { a -= 1 }
        var b = at
        while b < tokens.count, !Self.clauseBreaks.contains(tokens[b].text) { b += 1 }
        return (a, b)
    }
}
