/// Finds the entities a sentence names: catalog names first, then unknown
/// capitalized names typed by their cues, then short forms, pronouns and bare
/// force nouns that refer back to entities already named.
struct MentionFinder: Sendable {
    let catalog: Catalog
    let lexicon: Lexicon
    let forces: PhraseMatcher<Bool>      // value: is special forces
    let roles: PhraseMatcher<Lexicon.Role>
    let orgHeads: Set<String>
    let milHeads: Set<String>
    let placeHeads: Set<String>
    let placePreps: Set<String>
    let titles: Set<String>
    let stop: Set<String>
    let pronouns: Set<String>
    let speechVerbs: Set<String>
    let grammar: Grammar
    let plurals: Set<String>
    let adjectives: Set<String>
    let mediaNouns: PhraseMatcher<Bool>
    let descriptors: PhraseMatcher<Bool>
    let stateVoice: PhraseMatcher<Bool>
    let unitHeads: Set<String>


    init(catalog: Catalog, lexicon: Lexicon) {
        self.catalog = catalog
        self.lexicon = lexicon
        grammar = Grammar(lexicon: lexicon)
        var f = PhraseMatcher<Bool>()
        lexicon.cue("forces").forEach { f.add($0, false) }
        lexicon.cue("special").forEach { f.add($0, true) }
        forces = f
        var r = PhraseMatcher<Lexicon.Role>()
        lexicon.roles.forEach { r.add($0.words.joined(separator: " "), $0) }
        roles = r
        orgHeads = lexicon.cue("orghead")
        milHeads = lexicon.cue("milhead")
        placeHeads = lexicon.cue("placehead")
        placePreps = lexicon.cue("placeprep")
        titles = lexicon.cue("title").union(lexicon.roles.compactMap { $0.words.count == 1 ? $0.words[0] : nil })
        stop = lexicon.cue("stop")
        pronouns = lexicon.cue("pronoun")
        plurals = lexicon.cue("plural")
        adjectives = lexicon.cue("adjective")
        var media = PhraseMatcher<Bool>()
        lexicon.cue("media").forEach { media.add($0, true) }
        mediaNouns = media
        var desc = PhraseMatcher<Bool>()
        lexicon.cue("orgdescriptor").forEach { desc.add($0, true) }
        descriptors = desc
        var voice = PhraseMatcher<Bool>()
        lexicon.cue("statevoice").forEach { voice.add($0, true) }
        stateVoice = voice
        unitHeads = lexicon.cue("unithead")
        speechVerbs = Set(lexicon.triggers.filter { $0.frame == .speech }.flatMap(\.words).filter { !$0.contains(" ") })
    }

    func find(_ sentence: Sentence, _ doc: inout DocumentState) -> [Span] {
        let tokens = sentence.tokens
        let n = tokens.count
        var spans: [Span] = []
        var covered = [Bool](repeating: false, count: n)
        func add(_ span: Span, _ entity: Entity) {
            if span.type == .military, catalog.entry(id: entity.id)?.state != nil { doc.armies.insert(entity.id) }
            for k in span.first..<span.end { covered[k] = true }
            spans.append(span)
            let surface = span.isNaming ? text(tokens, span.first, span.end) : nil
            doc.note(entity, alias: surface, naming: span.isNaming)
        }

        // 0. A wire dateline ("SEOUL, Nov. 4 (Wire) -") names where the story was filed, not an actor.
        var i = datelineEnd(tokens, sentence)
        for k in 0..<i { covered[k] = true }

        // 1. Catalog names, with a state's forms extended to its forces or government.
        while i < n {
            if let forcesSpan = forcesOfState(tokens, at: i, &doc) {
                add(forcesSpan.0, forcesSpan.1)
                i = forcesSpan.0.end
                continue
            }
            // a title may open an alias ("Col. Gen. Kim") or stand before a longer name ("Col. Gen. Kim Yong Bok")
            var start = i
            var found = catalog.match(tokens, at: i)
            if titles.contains(tokens[i].lower) {
                var j = i
                while j < n, titles.contains(tokens[j].lower) || tokens[j].text == "." { j += 1 }
                if j < n, let later = catalog.match(tokens, at: j), j + later.length > i + (found?.length ?? 0) {
                    found = later
                    start = j
                }
            }
            guard let hit = found else { i += 1; continue }
            let entry = catalog.entries[hit.entry]
            // "Wellington Koo", "Washington Irving": a capital opening a person's name
            if hit.form == .seat, start + hit.length < n, isNameToken(tokens[start + hit.length]),
               !stop.contains(tokens[start + hit.length].lower), tokens[start + hit.length].start - tokens[start + hit.length - 1].end == 1 {
                i = start + hit.length + 1
                continue
            }
            // "the China Center", "Korea Times": a state's name opening an organization's name
            if entry.type == .government, start + hit.length < n, tokens[start + hit.length].isCapitalized,
               orgHeads.contains(tokens[start + hit.length].lower) {
                i = start + hit.length + 1
                continue
            }
            var span = Span(first: start, end: start + hit.length, entity: entry.id, type: entry.type,
                            kind: hit.form == .seat || hit.form == .demonym ? .stateForm : .name)
            var entity = Entity(id: entry.id, name: entry.name, type: entry.type)
            if entry.type == .government, let s = entry.state {
                doc.stateCounts[s, default: 0] += 1
                var j = span.end
                let possessive = j < n && tokens[j].text == "'s"
                if possessive { j += 1 }
                if hit.form == .demonym || possessive, let m = stateVoice.match(tokens, at: j) {
                    // "North Korean state media": the state speaking through its own outlets
                    span.end = j + m.length
                    span.kind = .name
                } else if hit.form == .demonym || possessive, let (end, organ) = stateOrgan(tokens, from: j, state: s) {
                    entity = organ
                    span = Span(first: start, end: end, entity: organ.id, type: .organization, kind: .name)
                    add(span, entity)
                    i = span.end
                    continue
                } else if hit.form == .demonym || possessive, let (end, special) = forcePhrase(tokens, from: j) {
                    entity = special ? specialForces(ofState: s) : armyEntity(ofState: s)
                    if special { doc.specialForces = entity.id }
                    span = Span(first: start, end: end, entity: entity.id, type: .military, kind: .forces)
                } else if !possessive, j < n, grammar.governmentNouns.contains(tokens[j].lower), tokens[j].start - tokens[j - 1].end <= 1 {
                    span.end = j + 1
                    span.kind = .name
                }
            }
            // "North Korean military units": an army's name followed by a force noun is still the army
            if entry.type == .military, entry.state != nil, let m = forces.match(tokens, at: span.end), !m.value {
                span.end += m.length
            }
            add(span, entity)
            i = span.end
        }

        // 2. Unknown names.
        i = 0
        while i < n {
            guard !covered[i], isNameToken(tokens[i]) else { i += 1; continue }
            var j = i
            while j + 1 < n {
                let next = tokens[j + 1]
                if !covered[j + 1], isNameToken(next), next.start - tokens[j].end <= 1 { j += 1; continue }
                if grammar.connectors.contains(next.text), j + 2 < n, !covered[j + 2], isNameToken(tokens[j + 2]),
                   !(next.text == "the" && j == i) { j += 2; continue }
                break
            }
            if let (span, entity) = typeRun(tokens, i, j + 1, sentenceStart: isSentenceStart(tokens, i), doc) {
                add(span, entity)
            }
            i = j + 1
        }

        // 3. Pronouns and bare force nouns.
        i = 0
        while i < n {
            if covered[i] { i += 1; continue }
            if pronouns.contains(tokens[i].lower) {
                spans.append(Span(first: i, end: i + 1, entity: "", type: .person, kind: .pronoun))
                i += 1
                continue
            }
            // "they", "them": the force the article talks about
            if plurals.contains(tokens[i].lower), tokens[i].lower != "their", let target = doc.salientMilitary, let e = doc.entities[target] {
                spans.append(Span(first: i, end: i + 1, entity: target, type: e.type, kind: .anaphor))
                i += 1
                continue
            }
            // "the corps": the last unit named with that head
            if unitHeads.contains(tokens[i].lower), i > 0, ["the", "this", "that"].contains(tokens[i - 1].lower),
               let target = doc.order.last(where: { doc.entities[$0]?.type == .military && doc.entities[$0]!.name.lowercased().hasSuffix(tokens[i].lower) }),
               let e = doc.entities[target] {
                add(Span(first: i, end: i + 1, entity: target, type: e.type, kind: .anaphor), e)
                i += 1
                continue
            }
            // "its discipline": the thing named last before it
            if tokens[i].lower == "its", forces.match(tokens, at: i + 1) == nil,
               let last = spans.last(where: { $0.end <= i && $0.type != .person && $0.kind != .pronoun }), let e = doc.entities[last.entity] {
                spans.append(Span(first: i, end: i + 1, entity: last.entity, type: e.type, kind: .anaphor))
                i += 1
                continue
            }
            if let m = forces.match(tokens, at: i), !(i + m.length < n && roles.match(tokens, at: i + m.length) != nil) {
                var target: String?
                if m.value {
                    if doc.specialForces == nil, let s = dominantState(doc) {
                        let sf = specialForces(ofState: s)
                        doc.specialForces = sf.id
                        doc.note(sf, alias: nil, naming: false)
                    }
                    target = doc.specialForces
                } else {
                    // "Mr Putin's forces", "his forces": someone's forces we cannot name
                    let owned = i > 0 && ["'s", "his", "her"].contains(tokens[i - 1].lower)
                    target = forcesOwner(tokens, i, spans, &doc) ?? (owned ? nil : doc.salientMilitary)
                }
                if let target, let entity = doc.entities[target] {
                    let span = Span(first: i, end: i + m.length, entity: target, type: entity.type, kind: m.value ? .name : .anaphor)
                    add(span, entity)
                }
                i += m.length
                continue
            }
            i += 1
        }
        spans.sort { $0.first < $1.first }
        markModifiers(tokens, &spans)
        return spans
    }

    /// "Taiwan's defence ministry", "Japanese media", "North Korean state media": an organ of a state
    /// named by lower-case words ending in an organization head or a media noun.
    private func stateOrgan(_ tokens: [Token], from: Int, state s: Int) -> (Int, Entity)? {
        var j = from
        var words: [String] = []
        while j < tokens.count, words.count < 3, tokens[j].kind == .word, !tokens[j].isCapitalized,
              !stop.contains(tokens[j].lower) || ["state", "national", "foreign", "intelligence"].contains(tokens[j].lower) {
            if let m = mediaNouns.match(tokens, at: j) {
                words += tokens[j..<(j + m.length)].map(\.text)
                j += m.length
                return (j, organ(words, s))
            }
            words.append(tokens[j].text)
            if orgHeads.contains(tokens[j].lower) && words.count >= 2 && !(j + 1 < tokens.count && orgHeads.contains(tokens[j + 1].lower)) {
                return (j + 1, organ(words, s))
            }
            j += 1
        }
        return nil
    }

    private func organ(_ words: [String], _ s: Int) -> Entity {
        let name = "\(catalog.demonym(ofState: s)) \(words.joined(separator: " "))"
        return Entity(id: Entity.makeID(type: .organization, name: name), name: name, type: .organization)
    }

    /// The end of a leading dateline: capitals, then a comma, an optional date and agency, then a dash.
    private func datelineEnd(_ tokens: [Token], _ sentence: Sentence) -> Int {
        guard sentence.index == 0, let first = tokens.first, first.isAllCaps else { return 0 }
        for k in 1..<min(tokens.count, 14) where ["-", "\u{2014}", "\u{2013}"].contains(tokens[k].text) {
            return tokens[1..<k].contains { $0.text == "," || $0.text == "(" } ? k + 1 : 0
        }
        return 0
    }

    // MARK: forces

    /// Whose forces a bare force noun names: "its troops" (the state named before in the sentence),
    /// "the Russian president's troops" (the state of a role), nil when unknown.
    private func forcesOwner(_ tokens: [Token], _ i: Int, _ spans: [Span], _ doc: inout DocumentState) -> String? {
        guard i > 0 else { return nil }
        let prev = tokens[i - 1].lower
        var stateSpan: Span?
        if prev == "its" || prev == "their" {
            stateSpan = spans.last { $0.end <= i && $0.type == .government }
        } else if prev == "'s" {
            var k = i - 2
            while k >= 0, roles.match(tokens, endingAt: k + 1) != nil || !tokens[k].isCapitalized && tokens[k].kind == .word { k -= 1 }
            stateSpan = spans.last { $0.end == k + 1 && $0.type == .government }
        }
        guard let s = stateSpan, let idx = catalog.entries.firstIndex(where: { $0.id == s.entity }), let st = catalog.entries[idx].state else {
            return nil
        }
        let army = armyEntity(ofState: st)
        doc.note(army, alias: nil, naming: false)
        return army.id
    }

    /// "servicemen of the Democratic People's Republic of Korea": a force noun, "of", a state.
    private func forcesOfState(_ tokens: [Token], at i: Int, _ doc: inout DocumentState) -> (Span, Entity)? {
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
    private func forcePhrase(_ tokens: [Token], from: Int) -> (Int, Bool)? {
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
    private func dominantState(_ doc: DocumentState) -> Int? {
        if let m = doc.lastMilitary, let idx = catalog.entries.firstIndex(where: { $0.id == m }), let s = catalog.entries[idx].state {
            return s
        }
        return doc.stateCounts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    // MARK: unknown names

    private func isNameToken(_ t: Token) -> Bool {
        guard t.kind == .word, !t.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        if t.isCapitalized { return true }
        // "el-Sisi", "al-Assad"
        let parts = t.text.split(separator: "-", maxSplits: 1)
        return parts.count == 2 && grammar.nameParticles.contains(parts[0].lowercased()) && parts[1].first?.isUppercase == true
    }

    private func isSentenceStart(_ tokens: [Token], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].kind == .punctuation, SentenceSegmenter.openers.contains(tokens[k].text) { k -= 1 }
        return k < 0 || [":", "\u{2014}", "-", ";"].contains(tokens[k].text)
    }

    private func typeRun(_ tokens: [Token], _ start: Int, _ end: Int, sentenceStart: Bool, _ doc: DocumentState) -> (Span, Entity)? {
        var a = start
        var titled = false
        // titles and sentence-opening function words are not part of a name
        while a < end {
            let w = tokens[a].lower
            if let role = roles.match(tokens, at: a), a + role.length <= end { titled = true; a += role.length; continue }
            if titles.contains(w) { titled = true; a += 1; continue }
            // "Western officials" is no name, "Eastern Theater Command" is
            if adjectives.contains(w) && end - a > 1 && !stop.contains(tokens[a + 1].lower) { break }
            // "Vice Premier He Lifeng": a capitalized pronoun inside a sentence is a name
            if pronouns.contains(w) && !(sentenceStart && a == start) { break }
            if stop.contains(w) || grammar.connectors.contains(w) { a += 1; continue }
            break
        }
        var b = end
        while b > a, grammar.connectors.contains(tokens[b - 1].lower) { b -= 1 }
        guard a < b else { return nil }
        // a title just before the run: "Gen. Kim", "spokeswoman Sabrina Singh"
        var k = start - 1
        if k >= 0, tokens[k].text == "." { k -= 1 }
        if k >= 0, titles.contains(tokens[k].lower) { titled = true }
        // "Later Okoye": a sentence-opening word before a known short form is not part of the name
        if sentenceStart && a == start && b - a == 2, doc.resolveShortForm(tokens[a + 1].lower) != nil,
           !lexicon.givenNames.contains(tokens[a].lower), !lexicon.surnames.contains(tokens[a].lower) {
            a += 1
        }
        let words = tokens[a..<b].map(\.lower)
        let name = text(tokens, a, b)
        let atStart = sentenceStart && a == start

        // a name this article already typed ("Nvidia" after "Nvidia, the chipmaker,")
        if let id = doc.order.first(where: { doc.entities[$0]?.name == name }), let e = doc.entities[id] {
            return (Span(first: a, end: b, entity: id, type: e.type, kind: .name), e)
        }
        // a short form of a person named earlier ("Yu", "Mr Putin", "Kim")
        if b - a == 1, let id = doc.resolveShortForm(words[0]), let e = doc.entities[id] {
            return (Span(first: a, end: b, entity: id, type: .person, kind: .shortForm), e)
        }
        // a misspelling of a name used earlier in the article ("Wager Group")
        if b - a >= 2, name.count >= 8,
           let id = doc.order.first(where: { id in
               guard let e = doc.entities[id], e.type != .person else { return false }
               return ([e.name] + e.aliases).contains { Self.editDistance($0.lowercased(), name.lowercased(), limit: 1) <= 1 }
           }), let e = doc.entities[id] {
            return (Span(first: a, end: b, entity: id, type: e.type, kind: .name), e)
        }
        let type: EntityType?
        let after = b < tokens.count ? tokens[b].lower : ""
        // "Nvidia, the world's most valuable chipmaker,": described as an organization
        if let described = describedAs(tokens, b) {
            let entity = Entity(id: Entity.makeID(type: described, name: name), name: name, type: described)
            return (Span(first: a, end: b, entity: entity.id, type: described, kind: .name), entity)
        }
        if words.contains(where: orgHeads.contains) && (b - a >= 2 || tokens[a].isAllCaps) {
            type = .organization
        } else if milHeads.contains(words.last!) && b - a >= 2 {
            type = .military
        } else if placeHeads.contains(after) && b - a <= 3 && !isPersonLike(words) {
            type = .place
        } else if isPersonLike(words) || (titled && b - a <= 6) || roleFollows(tokens, b) || roleBefore(tokens, start)
                    || (b - a >= 2 && b - a <= 4 && knownPersonWord(words.last!, doc))
                    || (speechVerbs.contains(after) && b - a >= 2 && b - a <= 3) {
            type = b - a >= 2 || titled || roleFollows(tokens, b) || roleBefore(tokens, start) ? .person : nil
        } else if a > 0, placePreps.contains(tokens[a - 1].lower), b - a <= 2, !atStart, !tokens[a].isAllCaps {
            type = .place
        } else {
            type = nil
        }
        guard let type else { return nil }
        if atStart && b - a == 1 && type != .organization && !titled { return nil }
        let entity = Entity(id: Entity.makeID(type: type, name: name), name: name, type: type)
        return (Span(first: a, end: b, entity: entity.id, type: type, kind: .name), entity)
    }

    /// The type an apposition gives a name: ", the world's largest chipmaker," -> organization.
    private func describedAs(_ tokens: [Token], _ b: Int) -> EntityType? {
        guard b + 1 < tokens.count, tokens[b].text == ",", ["a", "an", "the"].contains(tokens[b + 1].lower) else { return nil }
        var k = b + 2
        while k < tokens.count, k - b <= 8, tokens[k].text != ",", tokens[k].text != "." {
            // "a professor at Cedar University" describes a person
            if roles.match(tokens, at: k) != nil || tokens[k].isCapitalized { return nil }
            if let d = descriptors.match(tokens, at: k), k + d.length >= tokens.count || [",", "."].contains(tokens[k + d.length].text) {
                return ["militia", "rebel group", "armed group"].contains(tokens[k..<(k + d.length)].map(\.lower).joined(separator: " ")) ? .military : .organization
            }
            k += 1
        }
        return nil
    }

    /// A one-word person the article already named ("President Pezeshkian" before "Masoud Pezeshkian").
    private func knownPersonWord(_ word: String, _ doc: DocumentState) -> Bool {
        doc.order.contains { id in doc.entities[id].map { $0.type == .person && $0.name.lowercased() == word } ?? false }
    }

    private func isPersonLike(_ words: [String]) -> Bool {
        let particles = words.filter { grammar.nameParticles.contains($0) || grammar.connectors.contains($0) }.count
        guard words.count >= 2 && words.count - particles <= 4 else { return false }
        return lexicon.givenNames.contains(words[0]) || lexicon.surnames.contains(words[0])
            || (words.count == 2 && lexicon.surnames.contains(words[1]) && !orgHeads.contains(words[1]))
    }

    /// ", a research fellow at ..." / ", director of ..." after a name.
    private func roleFollows(_ tokens: [Token], _ b: Int) -> Bool {
        guard b < tokens.count, tokens[b].text == "," else { return false }
        var j = b + 1
        while j < tokens.count, grammar.appositionLead.contains(tokens[j].lower) {
            if roles.match(tokens, at: j) != nil { return true }
            j += 1
        }
        return roles.match(tokens, at: j) != nil
    }

    /// "spokeswoman Sabrina Singh": a lower-case role noun right before the name.
    private func roleBefore(_ tokens: [Token], _ a: Int) -> Bool {
        guard a > 0, !tokens[a - 1].isCapitalized else { return false }
        return roles.match(tokens, endingAt: a) != nil
    }

    // MARK: modifiers

    /// A state or organization right before a role noun, or a possessor, qualifies what follows.
    private func markModifiers(_ tokens: [Token], _ spans: inout [Span]) {
        for s in spans.indices where spans[s].kind != .pronoun {
            var j = spans[s].end
            let possessive = j < tokens.count && tokens[j].text == "'s"
            if possessive { j += 1 }
            // attached by a hyphen: "U.S.-supplied weapons"
            if j < tokens.count, tokens[j].text == "-", tokens[j].start == tokens[j - 1].end { spans[s].modifier = true; continue }
            var hops = 0
            while j < tokens.count, hops < 3 {
                if roles.match(tokens, at: j) != nil { spans[s].modifier = true; break }
                if s + 1 < spans.count, spans[s + 1].first == j {
                    let next = spans[s + 1]
                    // "Russia's Kursk region", "the South Korean government-funded Korea Institute"
                    spans[s].modifier = (possessive || (spans[s].kind == .stateForm && hops <= 1)) && spans[s].type != .person
                        && next.type != .government && next.isNaming
                    break
                }
                guard tokens[j].kind == .word, !tokens[j].isCapitalized || titles.contains(tokens[j].lower),
                      !grammar.prepositions.contains(tokens[j].lower), !speechVerbs.contains(tokens[j].lower) else { break }
                j += 1
                hops += 1
            }
            if possessive && !spans[s].modifier && spans[s].kind != .pronoun {
                spans[s].possessor = true
            }
        }
    }

    // MARK: helpers

    func text(_ tokens: [Token], _ a: Int, _ b: Int) -> String {
        var out = ""
        for k in a..<b {
            if k > a && tokens[k].start > tokens[k - 1].end { out += " " }
            out += tokens[k].text
        }
        return out
    }

    static func editDistance(_ x: String, _ y: String, limit: Int) -> Int {
        let a = Array(x), b = Array(y)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var prev = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
