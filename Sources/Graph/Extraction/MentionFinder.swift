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
    let genericWords: Set<String>

    init(catalog: Catalog, lexicon: Lexicon, grammar: Grammar) {
        self.catalog = catalog
        self.lexicon = lexicon
        self.grammar = grammar
        var f = PhraseMatcher<Bool>()
        lexicon.cue("forces").forEach { f.add($0, false) }
        lexicon.cue("special").forEach { f.add($0, true) }
        forces = f
        roles = lexicon.roleMatcher
        orgHeads = lexicon.cue("orghead")
        milHeads = lexicon.cue("milhead")
        placeHeads = lexicon.cue("placehead")
        placePreps = lexicon.cue("placeprep")
        titles = lexicon.cue("title").union(lexicon.roles.compactMap { $0.words.count == 1 ? $0.words[0] : nil })
        stop = lexicon.cue("stop")
        pronouns = lexicon.cue("pronoun")
        plurals = lexicon.cue("plural")
        adjectives = lexicon.cue("adjective")
        mediaNouns = lexicon.phrases("media")
        descriptors = lexicon.phrases("orgdescriptor")
        stateVoice = lexicon.phrases("statevoice")
        unitHeads = lexicon.cue("unithead")
        genericWords = lexicon.cue("generic")
        speechVerbs = grammar.speechVerbs
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
            // "National Security Council" is not the "Security Council": a known body's name inside a longer name
            if entry.type == .organization, start > 0, isNameToken(tokens[start - 1]), !covered[start - 1],
               !titles.contains(tokens[start - 1].lower), !isSentenceStart(tokens, start - 1) {
                i = start + hit.length
                continue
            }
            // "Russia's Security Council" is not the UN's: a generic name after a state is that state's body
            if entry.type == .organization, start > 0,
               tokens[start..<(start + hit.length)].allSatisfy({ genericWords.contains($0.lower) }),
               tokens[start - 1].text == "'s" || spans.contains(where: { $0.end == start && $0.type == .government }) {
                i = start + hit.length
                continue
            }
            // "Simon Harris ... Harris": the article's own person before a known one with that surname
            if hit.form == .surname, let own = doc.resolveShortForm(tokens[start].lower), own != entry.id {
                i = start + hit.length
                continue
            }
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
                } else if hit.form == .demonym || possessive, let (end, special) = forcePhrase(tokens, from: j) {
                    entity = special ? specialForces(ofState: s) : armyEntity(ofState: s)
                    if special { doc.specialForces = entity.id }
                    span = Span(first: start, end: end, entity: entity.id, type: .military, kind: .forces)
                } else if hit.form == .demonym || possessive, !(start > 0 && ["a", "an"].contains(tokens[start - 1].lower)),
                          let (end, organ) = stateOrgan(tokens, from: j, state: s) {
                    // ("a Russian private military company" describes; it names no body)
                    entity = organ
                    span = Span(first: start, end: end, entity: organ.id, type: organ.type, kind: .name)
                    add(span, entity)
                    i = span.end
                    continue
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
                // "Center for Strategic and International Studies": "and" inside an organization's name
                if next.text == "and" || next.text == "&", j + 2 < n, !covered[j + 2], isNameToken(tokens[j + 2]),
                   tokens[i...j].contains(where: { orgHeads.contains($0.lower) }) { j += 2; continue }
                break
            }
            // a state right before the run ("Russian Defense Ministry", "Ukraine's Air Force")
            var p = i - 1
            if p >= 0, tokens[p].text == "'s" { p -= 1 }
            let owner = spans.last(where: { $0.end == p + 1 && $0.type == .government }).flatMap { catalog.index(of: $0.entity) }.flatMap { catalog.entries[$0].state }
            if let (span, entity) = typeRun(tokens, i, j + 1, sentenceStart: isSentenceStart(tokens, i), owner: owner, doc) {
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
               let last = spans.filter({ $0.end <= i && $0.type != .person && $0.kind != .pronoun }).max(by: { $0.end < $1.end }),
               let e = doc.entities[last.entity] {
                spans.append(Span(first: i, end: i + 1, entity: last.entity, type: e.type, kind: .anaphor))
                i += 1
                continue
            }
            // "military technology", "military aid": "military" as an adjective names no force
            let adjectival = tokens[i].lower == "military" && i + 1 < n && tokens[i + 1].kind == .word && !tokens[i + 1].isCapitalized
                && !grammar.prepositions.contains(tokens[i + 1].lower) && !grammar.auxiliaries.contains(tokens[i + 1].lower)
                && !speechVerbs.contains(tokens[i + 1].lower)
            if !adjectival, let m = forces.match(tokens, at: i), !(i + m.length < n && roles.match(tokens, at: i + m.length) != nil) {
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
                    let possessed = owned || (i > 0 && ["its", "their"].contains(tokens[i - 1].lower))
                    // the owner its own sentence gives ("North Korea sent troops") before the article's salient force
                    switch possessed ? nil : sentenceOwner(tokens, i, i + m.length, spans, &doc) {
                    case .force(let id)?: target = id
                    case .nobody?: target = nil
                    case nil: target = forcesOwner(tokens, i, spans, &doc) ?? (owned ? nil : doc.salientMilitary)
                    }
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
        for span in spans where span.type == .person && span.isNaming {
            if let st = titleState(tokens, spans, span) { doc.titleStates[span.entity] = st }
        }
        return spans
    }

    /// "Taiwan's defence ministry", "Japanese media", "North Korean state media": an organ of a state
    /// named by lower-case words ending in an organization head or a media noun.
    func stateOrgan(_ tokens: [Token], from: Int, state s: Int) -> (Int, Entity)? {
        var j = from
        var words: [String] = []
        while j < tokens.count, words.count < 3, tokens[j].kind == .word, !tokens[j].isCapitalized,
              !stop.contains(tokens[j].lower) || ["state", "national", "foreign", "intelligence", "military", "defence", "defense", "security", "special"].contains(tokens[j].lower) {
            if let m = mediaNouns.match(tokens, at: j) {
                words += tokens[j..<(j + m.length)].map(\.text)
                j += m.length
                return (j, organ(words, s))
            }
            words.append(tokens[j].text)
            if orgHeads.contains(tokens[j].lower) && words.count >= 2 && !(j + 1 < tokens.count && orgHeads.contains(tokens[j + 1].lower)) {
                return (j + 1, organ(words, s))
            }
            // "Ukraine's air force", "Taiwan's coast guard": a branch of the state's forces
            if milHeads.contains(tokens[j].lower) && words.count >= 2 && !(j + 1 < tokens.count && milHeads.contains(tokens[j + 1].lower)) {
                return (j + 1, organ(words, s, type: .military))
            }
            j += 1
        }
        return nil
    }

    func organ(_ words: [String], _ s: Int, type: EntityType = .organization) -> Entity {
        let name = "\(catalog.demonym(ofState: s)) \(words.joined(separator: " "))"
        // a known body under another name ("South Korean spy agency" is the National Intelligence Service)
        if let known = catalog.lookup(name) ?? catalog.lookup("\(catalog.states[s].name)'s \(words.joined(separator: " "))"),
           catalog.entries[known].type == type {
            let e = catalog.entries[known]
            return Entity(id: e.id, name: e.name, type: e.type, aliases: e.aliases)
        }
        return Entity(id: Entity.makeID(type: type, name: name), name: name, type: type)
    }

    /// The end of a leading dateline: capitals, then a comma, an optional date and agency, then a dash.
    func datelineEnd(_ tokens: [Token], _ sentence: Sentence) -> Int {
        guard sentence.index == 0, let first = tokens.first, first.isAllCaps else { return 0 }
        for k in 1..<min(tokens.count, 14) where ["-", "\u{2014}", "\u{2013}"].contains(tokens[k].text) {
            return tokens[1..<k].contains { $0.text == "," || $0.text == "(" } ? k + 1 : 0
        }
        return 0
    }
}
