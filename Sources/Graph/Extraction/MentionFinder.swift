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
    let orgNouns: Set<String>

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
        orgNouns = lexicon.cue("orgnoun")
        speechVerbs = grammar.speechVerbs
    }

    func find(_ sentence: Sentence, _ parse: Parse, _ doc: inout DocumentState) -> [Span] {
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
            if span.isNaming, entity.type == .organization || entity.type == .military { registerBodyForms(entity, &doc) }
        }

        // (A wire dateline, "SEOUL, Nov. 4 (Wire) -", is cut from its paragraph by the page cleaner.)
        var i = 0

        let names = namedEntityRanges(tokens, parse)

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
            if entry.type == .government, isInsideOrganizationName(tokens, start..<(start + hit.length), names, seat: hit.form == .seat) {
                i = start + hit.length
                continue
            }
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
                // "Ursula von der Leyen", "Luiz Lula da Silva": lower-case particles between the words of a name
                let m = particleRun(tokens, from: j + 1, covered)
                if m > 0, j + 1 + m < n, !covered[j + 1 + m], isNameToken(tokens[j + 1 + m]),
                   tokens[j + 1 + m].start - tokens[j + m].end <= 1 { j += m + 1; continue }
                // ("the Supreme Court on Thursday": a day or month after "on" ends the name)
                if grammar.connectors.contains(next.text), j + 2 < n, !covered[j + 2], isNameToken(tokens[j + 2]),
                   !(next.text == "on" && stop.contains(tokens[j + 2].lower)), !(next.text == "the" && j == i) { j += 2; continue }
                // "Center for Strategic and International Studies", "Competition and Markets Authority":
                // "and" inside an organization's name, known by its head word or by the recognizer
                if next.text == "and" || next.text == "&", j + 2 < n, !covered[j + 2], isNameToken(tokens[j + 2]),
                   tokens[i...j].contains(where: { orgHeads.contains($0.lower) })
                    || names.contains(where: { $0.label == "ORG" && $0.tokens.contains(i) && $0.tokens.contains(j + 2) }) { j += 2; continue }
                break
            }
            // "von der Leyen" after "Ursula von der Leyen": a surname opening with lower-case particles
            var from = i
            while from > 0, i - from < 3, !covered[from - 1], grammar.surnameParticles.contains(tokens[from - 1].lower),
                  !tokens[from - 1].isCapitalized, tokens[from].start - tokens[from - 1].end <= 1 { from -= 1 }
            if from < i, let id = doc.resolveShortForm(tokens[from...j].map(\.lower).joined(separator: " ")), let e = doc.entities[id] {
                add(Span(first: from, end: j + 1, entity: id, type: e.type, kind: .shortForm), e)
                i = j + 1
                continue
            }
            // a state right before the run ("Russian Defense Ministry", "Ukraine's Air Force")
            var p = i - 1
            if p >= 0, tokens[p].text == "'s" { p -= 1 }
            let owner = spans.last(where: { $0.end == p + 1 && $0.type == .government }).flatMap { catalog.index(of: $0.entity) }.flatMap { catalog.entries[$0].state }
            var runStart = i
            // "Rival Advanced Micro Devices": common words opening a sentence are not part of the name
            if isSentenceStart(tokens, i) {
                while runStart < j, !isProperNoun(runStart, parse), catalog.match(tokens, at: runStart) == nil,
                      !lexicon.givenNames.contains(tokens[runStart].lower),
                      !names.contains(where: { $0.tokens.lowerBound == runStart }) { runStart += 1 }
            }
            let ner = namedEntityType(tokens, runStart..<(j + 1), parse)
            // "China Coast Guard", "Philippine Coast Guard": a state's name or demonym opening a capitalized
            // body's name is part of that name, as written
            let ownerIndex = p == i - 1 ? spans.lastIndex(where: { $0.end == i && $0.type == .government && tokens[$0.first].isCapitalized }) : nil
            let ownerSurface = ownerIndex.map { text(tokens, spans[$0].first, spans[$0].end) }
            if var (span, entity) = typeRun(tokens, runStart, j + 1, sentenceStart: runStart == i && isSentenceStart(tokens, i),
                                            owner: owner, ownerSurface: ownerSurface, ner: ner?.type, doc) {
                if let k = ownerIndex, let surface = ownerSurface, entity.name.hasPrefix(surface + " ") {
                    span.first = spans[k].first
                    spans.remove(at: k)
                    if var e = doc.entities[entity.id] { e.aliases.removeAll { $0 == surface }; doc.entities[entity.id] = e }
                }
                add(span, entity)
            } else if let ner, ner.tokens.count >= 1, let (span, entity) = namedEntity(tokens, ner.tokens, ner.type, doc) {
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
               let target = doc.order.last(where: { doc.entities[$0]?.type == .military && TextNormalization.fold(doc.entities[$0]!.name).hasSuffix(tokens[i].lower) }),
               let e = doc.entities[target] {
                add(Span(first: i, end: i + 1, entity: target, type: e.type, kind: .anaphor), e)
                i += 1
                continue
            }
            // "the association", "the company": the organization last named with that head word, else
            // (for a word any organization may be called) the organization named last
            // (not in an apposition: "Unite, the union that ..." describes the name before it)
            if orgNouns.contains(tokens[i].lower), i > 0, ["the", "this"].contains(tokens[i - 1].lower), !(i > 1 && tokens[i - 2].text == ","),
               !(i + 1 < n && (tokens[i + 1].isCapitalized || tokens[i + 1].text == "of")) {
                let head = tokens[i].lower
                let named = doc.order.last { id in
                    guard let e = doc.entities[id], e.type == .organization else { return false }
                    return e.name.lowercased().split(separator: " ").contains { $0 == head }
                }
                if let target = named ?? doc.lastNamed[.organization], let e = doc.entities[target] {
                    spans.append(Span(first: i, end: i + 1, entity: target, type: e.type, kind: .anaphor))
                    i += 1
                    continue
                }
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

    /// The number of lower-case surname particles ("von der") from `k`, at most three, on one line.
    func particleRun(_ tokens: [Token], from k: Int, _ covered: [Bool]) -> Int {
        var m = 0
        while k + m < tokens.count, m < 3, !covered[k + m], !tokens[k + m].isCapitalized,
              grammar.surnameParticles.contains(tokens[k + m].lower), k + m == 0 || tokens[k + m].start - tokens[k + m - 1].end <= 1 { m += 1 }
        return m
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
            // ("the Nigerian navy": a one-word branch that is not a word for the whole force)
            if milHeads.contains(tokens[j].lower) && (words.count >= 2 || forces.match(tokens, at: j) == nil)
                && !(j + 1 < tokens.count && milHeads.contains(tokens[j + 1].lower)) {
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
}
