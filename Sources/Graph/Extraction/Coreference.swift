/// Coreference within one article: which person a short name, a definite description
/// ("the French president") or a pronoun stands for.
///
/// Runs once per article, after mention finding, in this order:
/// 1. a one-word person named before the full name merges with it ("Pezeshkian" ... "Masoud Pezeshkian");
/// 2. each person's gender is read from the article (titles and gendered nouns before the name or in its
///    apposition, "his"/"her" in the apposition), else from the table of given names;
/// 3. a definite description resolves to the person the article names in that role for that owner;
///    when it names no such person, the description stays unresolved;
/// 4. a pronoun resolves to a person of agreeing gender (unknown gender agrees with both), and a
///    pronoun that could only mean one person teaches that person's gender to the rest of the article.
///
/// ```swift
/// coreference.resolve(&spans, sentences, &doc)
/// ```
struct Coreference: Sendable {
    enum Gender: Sendable { case male, female }

    let speechVerbs: Set<String>
    let grammar: Grammar
    let relations: RelationExtractor
    let roles: PhraseMatcher<Lexicon.Role>
    /// Every role's words, joined by spaces (to tell "officials" from "official").
    let roleNames: Set<String>
    /// Pronouns, titles and gendered nouns, by the gender they mark.
    let genderWords: [String: Gender]
    /// Given names, by the gender they usually mark.
    let givenGender: [String: Gender]
    let familyFirst: Set<String>
    /// Role nouns that stand for whoever leads their owner ("the French leader").
    let genericRoles: Set<String>
    let orgHeads: Set<String>
    let pronouns: Set<String>

    init(lexicon: Lexicon, grammar: Grammar, relations: RelationExtractor) {
        speechVerbs = grammar.speechVerbs
        self.grammar = grammar
        self.relations = relations
        roles = lexicon.roleMatcher
        roleNames = Set(lexicon.roles.map { $0.words.joined(separator: " ") })
        var words: [String: Gender] = [:]
        lexicon.cue("male").forEach { words[$0] = .male }
        lexicon.cue("female").forEach { words[$0] = .female }
        genderWords = words
        var given: [String: Gender] = [:]
        lexicon.maleNames.forEach { given[$0] = .male }
        lexicon.femaleNames.forEach { given[$0] = .female }
        givenGender = given
        familyFirst = lexicon.familyFirst
        genericRoles = lexicon.cue("genericrole")
        orgHeads = lexicon.cue("orghead")
        pronouns = lexicon.cue("pronoun")
    }

    /// Resolves the article's short names, descriptions and pronouns in place; pronouns left
    /// without a person are dropped.
    func resolve(_ spans: inout [[Span]], _ sentences: [Sentence], _ doc: inout DocumentState) {
        mergeShortNames(&spans, &doc)
        var genders = genders(spans, sentences, doc)
        resolveDescriptions(&spans, sentences)
        resolvePronouns(&spans, sentences, doc, &genders)
    }

    // MARK: - Short names

    /// "President Pezeshkian ... Masoud Pezeshkian": a one-word person named before the full name is that person.
    func mergeShortNames(_ spans: inout [[Span]], _ doc: inout DocumentState) {
        var into: [String: String] = [:]
        for id in doc.order {
            guard let e = doc.entities[id], e.type == .person else { continue }
            // "von Aldenburg" before "Margarethe von Aldenburg": a surname may open with particles
            let short = TextNormalization.fold(e.name).split(separator: " ")
            guard short.count == 1 || short.dropLast().allSatisfy({ doc.surnameParticles.contains(String($0)) }) else { continue }
            let owners = doc.order.filter { other in
                guard other != id, let o = doc.entities[other], o.type == .person else { return false }
                let parts = TextNormalization.fold(o.name).split(separator: " ")
                return parts.count > short.count && (parts.suffix(short.count).elementsEqual(short) || (short.count == 1 && parts.first! == short[0]))
            }
            if owners.count == 1 { into[id] = owners[0] }
        }
        guard !into.isEmpty else { return }
        for s in spans.indices {
            for k in spans[s].indices { if let target = into[spans[s][k].entity] { spans[s][k].entity = target } }
        }
        for (from, to) in into {
            if let e = doc.entities[from], !(doc.entities[to]?.aliases.contains(e.name) ?? true) { doc.entities[to]?.aliases.append(e.name) }
            doc.mentionCount[to, default: 0] += doc.mentionCount[from] ?? 0
            doc.entities[from] = nil
            doc.order.removeAll { $0 == from }
        }
    }

    // MARK: - Gender

    /// Each person's gender as the article shows it: a title or gendered noun right before a mention
    /// ("Ms Meloni", "spokeswoman Ada Morrow") or in its apposition ("Ina Sova, on her first visit,"),
    /// the majority when the article disagrees with itself; else the gender of the given name.
    func genders(_ spans: [[Span]], _ sentences: [Sentence], _ doc: DocumentState) -> [String: Gender] {
        var votes: [String: (male: Int, female: Int)] = [:]
        func vote(_ id: String, _ g: Gender) {
            var v = votes[id] ?? (0, 0)
            if g == .male { v.male += 1 } else { v.female += 1 }
            votes[id] = v
        }
        for s in spans.indices {
            let tokens = sentences[s].tokens
            for span in spans[s] where span.type == .person && span.isNaming && !span.entity.isEmpty {
                // a title or gendered noun right before the name
                var k = span.first - 1
                if k >= 0, tokens[k].text == "." { k -= 1 }
                if k >= 0, let g = genderWords[tokens[k].lower], !pronouns.contains(tokens[k].lower) { vote(span.entity, g) }
            }
            // "Ina Sova, on her first visit,", "Ina Sova, the mother of two,"; not "Ina Sova, whose husband ..."
            for (person, k) in appositionGenderWords(tokens, spans[s]) {
                if pronouns.contains(tokens[k].lower) || k == person.end + 1 || grammar.appositionLead.contains(tokens[k - 1].lower) {
                    vote(person.entity, genderWords[tokens[k].lower]!)
                }
            }
        }
        var out: [String: Gender] = [:]
        for id in doc.order {
            guard let e = doc.entities[id], e.type == .person else { continue }
            if let v = votes[id], v.male != v.female {
                out[id] = v.male > v.female ? .male : .female
            } else if let g = givenNameGender(e.name) {
                out[id] = g
            }
        }
        return out
    }

    /// The first gendered word in the apposition of each person named in a sentence: ", on her first visit,"
    /// after the name, before the next punctuation or the next person named.
    func appositionGenderWords(_ tokens: [Token], _ spans: [Span]) -> [(person: Span, word: Int)] {
        var out: [(Span, Int)] = []
        for span in spans where span.type == .person && span.isNaming && !span.entity.isEmpty {
            guard span.end < tokens.count, tokens[span.end].text == "," else { continue }
            var k = span.end + 1
            while k < tokens.count, k - span.end <= 12, tokens[k].kind != .punctuation,
                  !spans.contains(where: { $0.first == k && $0.type == .person && $0.kind != .pronoun }) {
                if genderWords[tokens[k].lower] != nil { out.append((span, k)); break }
                k += 1
            }
        }
        return out
    }

    /// The gender a person's given name usually marks ("Giorgia Meloni" -> female); nil when unknown
    /// or when the name is written family name first ("Kim Yong Bok").
    func givenNameGender(_ name: String) -> Gender? {
        let parts = name.lowercased().split(separator: " ")
        guard parts.count >= 2, !familyFirst.contains(String(parts[0])) else { return nil }
        let given = String(parts[0])
        return givenGender[given] ?? given.split(separator: "-").first.flatMap { givenGender[String($0)] }
    }

    // MARK: - Definite descriptions

    /// What a definite description says its person holds the role for.
    enum DescriptionOwner {
        /// "the French president", "Russia's defence minister", "the president of France".
        case entity(String)
        /// "the company's chief executive": an organization named by a common noun.
        case noun(String)
        /// "the president": whoever holds the role in the article.
        case any
    }

    /// "The French president praised ...": a role noun after "the" and its owner (a state, an organization,
    /// "the company's"), or after "the" alone, that names no one in its own sentence, is the person the
    /// article names in that role for that owner. Unresolved when the article names no such person,
    /// or several and none before.
    func resolveDescriptions(_ spans: inout [[Span]], _ sentences: [Sentence]) {
        // what the article says each person is
        var holdings: [(sentence: Int, holding: RelationExtractor.RoleHolding)] = []
        for s in sentences.indices {
            for h in relations.roleHoldings(sentences[s].tokens, spans[s])
            where h.person.kind != .pronoun && h.person.kind != .anaphor && !h.person.entity.isEmpty && !h.former {
                holdings.append((s, h))
            }
        }
        guard !holdings.isEmpty else { return }
        for s in sentences.indices {
            let tokens = sentences[s].tokens
            // role nouns that already tie a person named in this sentence are no descriptions
            let used = Set(holdings.filter { $0.sentence == s }.flatMap { Array($0.holding.roleTokens) })
            var found: [Span] = []
            var k = 0
            while k < tokens.count {
                guard !used.contains(k), let role = roles.match(tokens, at: k),
                      let owner = descriptionOwner(tokens, spans[s], k..<(k + role.length)) else { k += 1; continue }
                let key = role.value.words.joined(separator: " ")
                func owned(_ h: RelationExtractor.RoleHolding) -> Bool {
                    switch owner {
                    case .any: return true
                    case .entity(let id): return h.owner?.entity == id
                    case .noun: return h.owner.map { $0.type == .organization } ?? false
                    }
                }
                var candidates = holdings.filter { $0.holding.role.words.joined(separator: " ") == key && owned($0.holding) }
                if candidates.isEmpty, genericRoles.contains(key), case .entity = owner {
                    candidates = holdings.filter { $0.holding.role.family == .leads && owned($0.holding) }
                }
                // "the company's chief executive": an organization whose name has that noun, if one does
                if case .noun(let noun) = owner {
                    let named = candidates.filter { c in c.holding.owner.map { tokensOf(c.sentence, $0, sentences).contains(noun) } ?? false }
                    if !named.isEmpty { candidates = named }
                }
                let people = Set(candidates.map(\.holding.person.entity))
                var person: String?
                if people.count == 1 {
                    person = people.first
                } else {
                    // several holders: the one named in that role last before the description
                    person = candidates.last { $0.sentence < s || ($0.sentence == s && $0.holding.person.end <= k) }?.holding.person.entity
                }
                if let person {
                    var span = Span(first: k, end: k + role.length, entity: person, type: .person, kind: .anaphor)
                    span.possessor = span.end < tokens.count && tokens[span.end].text == "'s"
                    found.append(span)
                }
                k += role.length
            }
            if !found.isEmpty {
                spans[s] = (spans[s] + found).sorted { $0.first < $1.first }
            }
        }
    }

    /// The lower-case words of a span's text.
    private func tokensOf(_ s: Int, _ span: Span, _ sentences: [Sentence]) -> [String] {
        sentences[s].tokens[span.first..<span.end].map(\.lower)
    }

    /// The owner of a role noun at `role` if it opens a definite description: "the French president",
    /// "Russia's defence minister", "the company's chief executive", "the president of France", "the president".
    /// Nil for a title before a name ("the French President Emmanuel Macron"), a role set off before
    /// a name, a former holder ("the former president"), a plural ("the Russian officials"), an indefinite.
    func descriptionOwner(_ tokens: [Token], _ spans: [Span], _ role: Range<Int>) -> DescriptionOwner? {
        let (a, b) = (role.lowerBound, role.upperBound)
        guard !spans.contains(where: { $0.first < b && $0.end > a }) else { return nil }
        let key = tokens[role].map(\.lower).joined(separator: " ")
        if key.hasSuffix("s"), roleNames.contains(String(key.dropLast())) { return nil }
        // a role apposed to a name
        if b < tokens.count, tokens[b].text == ",", spans.contains(where: { $0.first == b + 1 && $0.type == .person }) { return nil }
        let the = { (i: Int) in i >= 0 && tokens[i].lower == "the" }
        // "the president of France"
        if b + 1 < tokens.count, tokens[b].lower == "of" {
            let o = b + 1 + (the(b + 1) ? 1 : 0)
            guard the(a - 1), let owner = spans.first(where: { $0.first == o }),
                  [.government, .organization, .military].contains(owner.type) else { return nil }
            return .entity(owner.entity)
        }
        // "Russia's defence minister", "the French president"
        if a >= 1, tokens[a - 1].text == "'s" {
            guard endsNounPhrase(tokens, b, strict: false) else { return nil }
            if let owner = spans.last(where: { $0.end == a - 1 }) {
                return [.government, .organization, .military].contains(owner.type) ? .entity(owner.entity) : nil
            }
            if a >= 3, orgHeads.contains(tokens[a - 2].lower), !tokens[a - 2].isCapitalized, the(a - 3) { return .noun(tokens[a - 2].lower) }
            return nil
        }
        if let owner = spans.last(where: { $0.end == a }) {
            guard owner.type == .government, the(owner.first - 1), endsNounPhrase(tokens, b, strict: false) else { return nil }
            return .entity(owner.entity)
        }
        return the(a - 1) && endsNounPhrase(tokens, b, strict: true) ? .any : nil
    }

    /// The noun phrase ends before `b`: the sentence ends, or punctuation, a possessive, a function word,
    /// an adverb or a verb follows ("the president said", "the president also met", "the president, who");
    /// "the general public", "the official figures", "the French President Emmanuel Macron" go on.
    /// A verb in -s counts unless `strict`.
    func endsNounPhrase(_ tokens: [Token], _ b: Int, strict: Bool) -> Bool {
        guard b < tokens.count else { return true }
        let t = tokens[b], w = t.lower
        if t.kind == .punctuation { return !(t.text == "-" && t.start == tokens[b - 1].end) }
        if t.kind != .word || t.isCapitalized { return false }
        if w == "'s" || grammar.auxiliaries.contains(w) || grammar.prepositions.contains(w) || grammar.relativizers.contains(w)
            || grammar.conjunctions.contains(w) || speechVerbs.contains(w) || grammar.pastVerbs.contains(w)
            || grammar.adverbs.contains(w) || grammar.hedges.contains(w) { return true }
        if w.hasSuffix("ed") || w.hasSuffix("ly") { return true }
        return !strict && w.hasSuffix("s") && !w.hasSuffix("ss")
    }

    // MARK: - Pronouns

    /// A pronoun is the sentence's subject before it, else the person named most recently (within two
    /// sentences), else the article's main person; the subject of a speech verb ("she added") is the last
    /// person quoted. Every choice skips persons of the other gender.
    func resolvePronouns(_ spans: inout [[Span]], _ sentences: [Sentence], _ doc: DocumentState, _ genders: inout [String: Gender]) {
        /// Persons named so far, the most recent last.
        var recent: [(id: String, sentence: Int)] = []
        var speakers: [String] = []
        let persons = doc.order.filter { doc.entities[$0]?.type == .person }
        for s in spans.indices {
            let tokens = sentences[s].tokens
            recent.removeAll { s - $0.sentence > 2 }
            let earlier = recent
            // "Ina Sova, on her first visit,": a pronoun opening a name's apposition is that name
            let apposed = Dictionary(appositionGenderWords(tokens, spans[s]).filter { pronouns.contains(tokens[$0.word].lower) }
                .map { ($0.word, $0.person.entity) }, uniquingKeysWith: { a, _ in a })
            /// The speaker of a speech verb ("she added", "said Jeon"); a possessive after it ("said his forces") is not.
            func nextToSpeech(_ span: Span) -> Bool {
                if span.kind == .pronoun && !["he", "she"].contains(tokens[span.first].lower) { return false }
                return (span.end < tokens.count && speechVerbs.contains(tokens[span.end].lower))
                    || (span.first > 0 && speechVerbs.contains(tokens[span.first - 1].lower))
            }
            for k in spans[s].indices {
                let span = spans[s][k]
                if span.kind == .pronoun {
                    let g = genderWords[tokens[span.first].lower]
                    let known = genders
                    let fits = { (id: String) in g == nil || known[id] == nil || known[id] == g }
                    // "Shoigu, Putin's former minister, arrived ... for his visit": the sentence's subject
                    let subjects = spans[s][..<k].filter { $0.type == .person && $0.kind != .pronoun && !$0.possessor && !$0.modifier && !$0.entity.isEmpty }
                    let window = recent.reversed().filter { s - $0.sentence <= 2 }.map(\.id)
                    let main = doc.mainPerson(where: fits)
                    var chosen: String?
                    var considered: [String]
                    if let owner = apposed[span.first], fits(owner) {
                        chosen = owner
                        considered = [owner]
                    } else if nextToSpeech(span) {
                        // "..., she added": the last speaker, else someone named before this sentence
                        let before = earlier.reversed().filter { s - $0.sentence <= 2 }.map(\.id)
                        chosen = speakers.last.flatMap { fits($0) ? $0 : nil } ?? before.first(where: fits)
                            ?? speakers.last(where: fits) ?? main
                        considered = speakers.suffix(1) + before
                    } else {
                        chosen = subjects.map(\.entity).first(where: fits) ?? window.first(where: fits) ?? main
                        considered = subjects.map(\.entity) + window
                    }
                    if considered.isEmpty { considered = persons }
                    spans[s][k].entity = chosen ?? ""
                    // the only person of its gender it could mean: the pronoun tells that person's gender
                    if let chosen, let g, genders[chosen] == nil, Set(considered.filter(fits)) == [chosen] { genders[chosen] = g }
                } else if span.type == .person, !span.entity.isEmpty {
                    recent.append((span.entity, s))
                }
                if spans[s][k].type == .person, !spans[s][k].entity.isEmpty, nextToSpeech(spans[s][k]) {
                    speakers.append(spans[s][k].entity)
                }
            }
            // the main clause's subject outranks persons named inside its clauses ("X, whose husband met Y, ... She")
            if let subject = spans[s].first(where: { $0.mainSubject && $0.type == .person && !$0.entity.isEmpty }) {
                recent.removeAll { $0.id == subject.entity }
                recent.append((subject.entity, s))
            }
            spans[s].removeAll { $0.kind == .pronoun && $0.entity.isEmpty }
        }
    }
}
