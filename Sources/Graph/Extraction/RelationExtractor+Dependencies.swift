/// Relations read on the trained parser's dependency tree: a trigger's lemma (`lemmas.tsv`)
/// gives the family; its subject, object, prepositional objects, passive agent, reported clause,
/// relative-clause antecedent or controlling verb give the two ends. Conjuncts share their head;
/// negation, denial, condition and hedges are read on the tree.
extension RelationExtractor {
    typealias EmitRead = (Span, Span, RelationFamily, Double, String, String) -> Void

    /// Confidence of a relation read on the tree; a hedged one gets `hedgeFactor` of it.
    static let dependencyConfidence = 0.75
    static let hedgeFactor = 0.6

    func dependencyRelations(_ tokens: [Token], _ spans: [Span], _ parse: Parse, _ emit: EmitRead) {
        guard !parse.isEmpty else { return }
        let reader = TreeReader(tokens: tokens, spans: spans, parse: parse, grammar: grammar, roleWords: roleWords,
                                lexicon: lexicon, signatures: signatures)
        for t in parse.tokens.indices {
            guard let entries = lexicon.lemmaTriggers[parse.tokens[t].lemma.lowercased()] else { continue }
            let pos = parse.tokens[t].pos
            let isVerb = pos == "VERB" || (pos == "AUX" && parse.tokens[t].dep != "aux")
            let isNoun = pos == "NOUN" || pos == "PROPN"
            for entry in entries where (entry.verb && isVerb) || (entry.noun && isNoun) {
                reader.read(trigger: t, entry, isNoun: isNoun && !isVerb, emit)
            }
        }
        reader.roles(emit)
        reader.placeChains(emit)
    }

    /// One-word role nouns of `roles.tsv` and their family ("president" -> leads).
    var roleWords: [String: Lexicon.Role] {
        var out: [String: Lexicon.Role] = [:]
        for r in lexicon.roles where r.words.count == 1 && out[r.words[0]] == nil { out[r.words[0]] = r }
        return out
    }
}

/// Walks one sentence's tree on behalf of ``RelationExtractor/dependencyRelations(_:_:_:_:)``.
struct TreeReader {
    let tokens: [Token]
    let spans: [Span]
    let parse: Parse
    let grammar: Grammar
    let roleWords: [String: Lexicon.Role]
    let lexicon: Lexicon
    let signatures: [RelationFamily: Lexicon.Signature]
    /// The mention each parse token belongs to.
    let spanAt: [Int?]
    /// Nouns for armed forces and people ("troops", "soldiers", "personnel"): what deploys.
    let forceNouns: Set<String>

    static let subjectLabels: Set<String> = ["nsubj"]
    static let objectLabels: Set<String> = ["dobj", "dative", "attr", "oprd"]
    static let nounModifiers: Set<String> = ["compound", "amod", "nmod", "poss", "appos", "nummod"]
    static let relativizers: Set<String> = ["which", "who", "whom", "that"]
    static let conditionMarks: Set<String> = ["if", "unless", "whether"]
    static let refusals: Set<String> = ["decline", "refuse", "fail", "deny", "reject", "dismiss"]
    static let hedgeVerbs: Set<String> = ["consider", "plan", "threaten", "expect", "propose", "seek", "want", "hope", "aim", "intend"]

    init(tokens: [Token], spans: [Span], parse: Parse, grammar: Grammar, roleWords: [String: Lexicon.Role],
         lexicon: Lexicon, signatures: [RelationFamily: Lexicon.Signature]) {
        self.tokens = tokens
        self.spans = spans
        self.parse = parse
        self.grammar = grammar
        self.roleWords = roleWords
        self.lexicon = lexicon
        self.signatures = signatures
        var at = [Int?](repeating: nil, count: parse.tokens.count)
        for (k, sp) in spans.enumerated() where !sp.entity.isEmpty {
            let a = tokens[sp.first].start, b = tokens[sp.end - 1].end
            for i in parse.tokens.indices where at[i] == nil && parse.tokens[i].start >= a && parse.tokens[i].end <= b {
                at[i] = k
            }
        }
        spanAt = at
        forceNouns = lexicon.cue("forces").union(lexicon.cue("special")).union(lexicon.cue("deployable"))
    }

    func lemma(_ i: Int) -> String { parse.tokens[i].lemma.lowercased() }
    func dep(_ i: Int) -> String { parse.tokens[i].dep }
    func head(_ i: Int) -> Int { parse.tokens[i].head }
    func word(_ i: Int) -> String {
        guard let k = parse.toToken[i] else { return parse.tokens[i].lemma }
        return tokens[k].text
    }

    // MARK: Arguments

    /// The mentions a noun phrase headed by `i` stands for: its own mention, else the mentions
    /// that modify it ("Russian missiles", "the Kursk region", "Seoul's spy agency"), then its conjuncts.
    func mentions(_ i: Int, depth: Int = 0) -> [Int] {
        guard depth < 4 else { return [] }
        var i = i
        // "the region, which Russia occupied": a relative pronoun is the noun its clause modifies
        if Self.relativizers.contains(lemma(i)), let clause = parse.ancestors(i).first(where: { dep($0) == "relcl" }) {
            i = head(clause)
        }
        var out: [Int] = []
        if let k = spanAt[i] {
            out.append(k)
        } else if ["NOUN", "PROPN", "PRON", "X", "NUM"].contains(parse.tokens[i].pos) {
            // a role noun ("the minister") is a person of its own, not the body that modifies it
            if roleWords[lemma(i)] == nil {
                for c in parse.children(of: i, Self.nounModifiers) {
                    if let k = spanAt[c], !out.contains(k) { out.append(k) }
                }
                // "units of the North Korean army", "some of the troops": a quantity or part of what follows "of"
                if out.isEmpty, grammar.quantities.contains(lemma(i)) || ["unit", "part", "member", "group"].contains(lemma(i)) {
                    for p in parse.children(of: i, ["prep"]) where lemma(p) == "of" {
                        for o in parse.children(of: p, ["pobj"]) { out += mentions(o, depth: depth + 1) }
                    }
                }
            }
        }
        for c in parse.children(of: i, ["conj", "appos"]) where !(dep(c) == "appos" && !out.isEmpty) {
            for k in mentions(c, depth: depth + 1) where !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// Objects of a preposition under `i` whose preposition is in `preps` (all when empty), with the preposition.
    func prepositionalObjects(_ i: Int, _ preps: Set<String>) -> [(prep: String, object: Int)] {
        var out: [(String, Int)] = []
        for p in parse.children(of: i, ["prep", "dative"]) where parse.tokens[p].pos == "ADP" {
            let w = lemma(p)
            guard preps.isEmpty || preps.contains(w) else { continue }
            for o in parse.children(of: p, ["pobj", "pcomp"]) { out.append((w, o)) }
            // "in and around Kursk": a coordinated preposition shares the object
            for c in parse.children(of: p, ["conj"]) where parse.tokens[c].pos == "ADP" {
                for o in parse.children(of: c, ["pobj"]) { out.append((lemma(c), o)) }
            }
        }
        return out
    }

    /// The subject of verb `v`: its own, else a coordinated verb's, else the controller of an open
    /// clause, else the noun a relative or participial clause modifies.
    func subjects(_ v: Int) -> (tokens: [Int], passive: Bool) {
        var v = v
        for _ in 0..<6 {
            let own = parse.children(of: v, Self.subjectLabels)
            if !own.isEmpty { return (own, false) }
            let pass = parse.children(of: v, ["nsubjpass"])
            if !pass.isEmpty { return (pass, true) }
            switch dep(v) {
            case "conj" where ["VERB", "AUX"].contains(parse.tokens[head(v)].pos):
                v = head(v)
            case "xcomp":
                // "authorized Ms Lane to meet ...": the object controls; "agreed to send": the subject
                let objects = parse.children(of: head(v), ["dobj"])
                if !objects.isEmpty { return (objects, false) }
                v = head(v)
            case "advcl" where parse.tokens[v].tag == "VBG":
                v = head(v)
            case "relcl":
                return ([head(v)], false)
            case "acl":
                // "troops sent to Kursk": a past participle's noun is what was acted on
                return ([head(v)], parse.tokens[v].tag == "VBN")
            default:
                return ([], false)
            }
        }
        return ([], false)
    }

    /// The passive agent of `v` ("by X").
    func agents(_ v: Int) -> [Int] {
        parse.children(of: v, ["agent"]).flatMap { parse.children(of: $0, ["pobj"]) }
    }

    // MARK: Scope

    /// Whether `v` is negated, refused, denied or conditional: then it states nothing.
    func isBlocked(_ v: Int) -> Bool {
        if parse.children(of: v, ["neg"]).count > 0 { return true }
        if parse.children[v].contains(where: { ["never", "no"].contains(lemma($0)) && ["neg", "advmod", "det"].contains(dep($0)) }) { return true }
        var j = v
        for a in parse.ancestors(v) {
            // "declined to confirm", "denied that troops were fighting"
            if ["xcomp", "ccomp"].contains(dep(j)), Self.refusals.contains(lemma(a)) { return true }
            if parse.children(of: j, ["mark"]).contains(where: { Self.conditionMarks.contains(lemma($0)) }) { return true }
            if !["xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "pobj", "prep"].contains(dep(j)) { break }
            j = a
        }
        return parse.children(of: j, ["mark"]).contains(where: { Self.conditionMarks.contains(lemma($0)) })
    }

    /// Whether `v` is only possible, planned or reported second-hand ("may send", "plans to deploy").
    func isHedged(_ v: Int) -> Bool {
        if parse.children(of: v, ["aux"]).contains(where: { ["may", "might", "could", "would"].contains(lemma($0)) }) { return true }
        if dep(v) == "xcomp", Self.hedgeVerbs.contains(lemma(head(v))) { return true }
        return false
    }

    // MARK: Triggers

    func read(trigger t: Int, _ entry: Lexicon.LemmaTrigger, isNoun: Bool, _ emit: TreeReader.Emit) {
        if isBlocked(t) { return }
        // a phrasal verb is another verb: "struck down a law" is no strike, "backed off" no support
        if !isNoun, !parse.children(of: t, ["prt"]).isEmpty { return }
        let confidence = RelationExtractor.dependencyConfidence * (isHedged(t) ? RelationExtractor.hedgeFactor : 1)
        let preps = entry.prepositions.isEmpty ? (signatures[entry.family]?.objectPrepositions ?? []) : entry.prepositions
        let trig = word(t)

        // the two sides
        var agents: [(Int, String)] = []   // (mention, how)
        var patients: [(Int, String)] = []
        func add(_ list: inout [(Int, String)], _ token: Int, _ how: String) {
            for k in mentions(token) where !list.contains(where: { $0.0 == k }) { list.append((k, how)) }
        }
        if isNoun {
            // "Russia's invasion of Ukraine", "the Russian attack on Odesa", "talks between X and Y"
            for c in parse.children(of: t, ["poss", "compound", "amod"]) { add(&agents, c, dep(c)) }
            for (p, o) in prepositionalObjects(t, ["by"]) { add(&agents, o, "prep:\(p) > pobj") }
            for (p, o) in prepositionalObjects(t, preps) { add(&patients, o, "prep:\(p) > pobj") }
            // "launched an attack on X": the noun's verb supplies the agent
            if agents.isEmpty, ["dobj", "attr", "pobj"].contains(dep(t)) {
                let v = dep(t) == "pobj" ? head(head(t)) : head(t)
                if ["VERB", "AUX"].contains(parse.tokens[v].pos), !isBlocked(v) {
                    for s in subjects(v).tokens { add(&agents, s, "nsubj < \(word(v)) > \(dep(t))") }
                }
            }
        } else {
            let (subj, passive) = subjects(t)
            if passive {
                for a in self.agents(t) { add(&agents, a, "agent > pobj") }
                for s in subj { add(&patients, s, "nsubjpass") }
            } else {
                for s in subj { add(&agents, s, dep(s) == "nsubj" ? "nsubj" : "subject of \(dep(t))") }
                // "agreed on by X": a participle's agent
                for a in self.agents(t) { add(&agents, a, "agent > pobj") }
            }
            for o in parse.children(of: t, TreeReader.objectLabels) where !(passive && dep(o) == "attr") {
                add(&patients, o, dep(o))
            }
            if entry.frame == .speech {
                // the reported clause: below the verb, or the clause the verb is attached to ("..., the ministry said")
                var clauses = parse.children(of: t, ["ccomp", "xcomp"])
                if ["parataxis", "ccomp"].contains(dep(t)), head(t) != t, parse.tokens[head(t)].start < parse.tokens[t].start {
                    clauses.append(head(t))
                }
                for c in clauses {
                    let (cs, _) = subjects(c)
                    for s in cs { add(&patients, s, "ccomp > nsubj") }
                    for o in parse.children(of: c, ["dobj"]) { add(&patients, o, "ccomp > dobj") }
                    if patients.isEmpty { for (p, o) in prepositionalObjects(c, []) { add(&patients, o, "ccomp > prep:\(p)") } }
                }
                for (p, o) in prepositionalObjects(t, ["about", "of", "to"]) { add(&patients, o, "prep:\(p) > pobj") }
            } else {
                for (p, o) in prepositionalObjects(t, preps) { add(&patients, o, "prep:\(p) > pobj") }
            }
        }

        switch entry.frame {
        case .motion:
            // what moves goes too: "North Korea sent troops to Kursk"
            let moved = patients.filter { p in !spanIsPlace(p.0) && !p.1.hasPrefix("prep") }
            let places = patients.filter { p in p.1.hasPrefix("prep") && (spanIsPlace(p.0) || spans[p.0].type == .government) }
            // "send air defence systems to Kyiv": things sent to someone support them; only people and forces deploy
            let things = isNoun ? [] : parse.children(of: t, ["dobj"]).filter { o in
                mentions(o).isEmpty && !forceNouns.contains(lemma(o)) && !forceNouns.contains(word(o).lowercased())
            }
            let family: RelationFamily = entry.family == .deployedTo && !things.isEmpty ? .supports : entry.family
            let receivers = family == .supports ? patients.filter { $0.1.hasPrefix("prep") && !spanIsPlace($0.0) } : places
            for (d, dh) in receivers {
                for (a, ah) in agents + (family == .supports ? [] : moved) where a != d {
                    emit(spans[a], spans[d], family, confidence, trig, "\(ah) < \(trig) > \(family == .supports ? "dobj:\(word(things[0])) " : "")\(dh)")
                }
            }
        case .mutual:
            let all = agents + patients
            for x in all.indices {
                for y in all.indices where y > x {
                    emit(spans[all[x].0], spans[all[y].0], entry.family, confidence, trig, "\(all[x].1) < \(trig) > \(all[y].1)")
                }
            }
        case .act, .speech:
            for (a, ah) in agents {
                for (p, ph) in patients where a != p {
                    emit(spans[a], spans[p], entry.family, confidence, trig, "\(ah) < \(trig) > \(ph)")
                }
            }
        }
    }

    typealias Emit = RelationExtractor.EmitRead

    func spanIsPlace(_ k: Int) -> Bool { spans[k].type == .place }

    // MARK: Roles and place chains

    /// "Major Diallo of the Malian army", "X, the head of Y", "X is the chief executive of Y":
    /// a role noun tied to a person gives its family toward the body the role noun names.
    func roles(_ emit: Emit) {
        for r in parse.tokens.indices {
            guard let role = roleWords[lemma(r)] ?? roleWords[parse.tokens[r].lemma.lowercased()],
                  parse.tokens[r].pos == "NOUN" || parse.tokens[r].pos == "PROPN" else { continue }
            // the person: the noun the role is compound to or apposed to, or the subject of a copula
            var people: [Int] = []
            if let k = spanAt[r], spans[k].type == .person { continue }
            switch dep(r) {
            case "compound" where spanAt[head(r)].map({ spans[$0].type == .person }) ?? false:
                people = [spanAt[head(r)]!]
            case "appos":
                people = mentions(head(r)).filter { spans[$0].type == .person }
            case "attr":
                people = parse.children(of: head(r), ["nsubj"]).flatMap { mentions($0) }.filter { spans[$0].type == .person }
            default:
                break
            }
            for c in parse.children(of: r, ["appos"]) { people += mentions(c).filter { spans[$0].type == .person } }
            guard !people.isEmpty else { continue }
            var bodies: [(Int, String)] = []
            for c in parse.children(of: r, ["poss", "compound", "amod", "nmod"]) {
                for k in mentions(c) where spans[k].type != .person { bodies.append((k, dep(c))) }
            }
            // "Captain Aisha Bello of the Nigerian navy": the phrase may hang on the name the title stands before
            let holders = dep(r) == "compound" ? [r, head(r)] : [r]
            for x in holders {
                for (p, o) in prepositionalObjects(x, ["of", "at", "for", "in", "with"]) {
                    for k in mentions(o) where spans[k].type != .person { bodies.append((k, "prep:\(p) > pobj")) }
                }
            }
            // "Former Estonian President X" belongs to the state; he no longer leads it
            let former = ([r] + [head(r)]).contains { x in parse.children[x].contains { ["former", "ex", "then"].contains(lemma($0)) } }
            let family: RelationFamily = former && role.family == .leads ? .memberOf : role.family
            for person in people {
                for (b, how) in bodies {
                    emit(spans[person], spans[b], family, RelationExtractor.dependencyConfidence, word(r), "role \(dep(r)) > \(how)")
                }
            }
        }
    }

    /// "Sudzha in the Kursk region", "the Kursk region of Russia": a place inside another;
    /// "troops in Kursk": something present in a place; "Major Diallo of the Malian army": a member.
    func placeChains(_ emit: Emit) {
        for i in parse.tokens.indices {
            guard let k = spanAt[i], parse.tokens[i].pos != "ADP" else { continue }
            // the noun phrase's head: the mention's own token, or the head noun it modifies ("Kursk region")
            var h = i
            if ["compound", "amod"].contains(dep(i)), spanAt[head(i)] == nil || spanAt[head(i)] == k { h = head(i) }
            if h != i && spanAt[h] == k { continue }
            for (p, o) in prepositionalObjects(h, ["in", "of", "inside", "near", "at", "from"]) {
                for m in mentions(o) where m != k {
                    let inner = spans[k], outer = spans[m]
                    if inner.type == .person && ["of", "at", "from"].contains(p) && [.organization, .military].contains(outer.type) {
                        // "Major Diallo of the Malian army", "Lena Park at Orbis Capital"
                        emit(inner, outer, .memberOf, RelationExtractor.dependencyConfidence, p, "prep:\(p) > pobj")
                    } else if ["at", "from"].contains(p) {
                        continue
                    } else if inner.type == .place && (outer.type == .place || outer.type == .government) && p != "near" {
                        emit(inner, outer, .partOf, RelationExtractor.dependencyConfidence, p, "prep:\(p) > pobj")
                    } else if [.person, .military, .organization].contains(inner.type) && outer.type == .place && p != "of" {
                        emit(inner, outer, .locatedIn, RelationExtractor.dependencyConfidence * RelationExtractor.hedgeFactor, p, "prep:\(p) > pobj")
                    }
                }
            }
        }
    }
}
