extension RelationExtractor {
    /// What one sentence offers the trigger frames: its tokens, spans and parentheticals.
    struct Context {
        let tokens: [Token]
        let spans: [Span]
        /// Tokens inside parentheses or a pair of dashes.
        let aside: [Bool]
        /// Index of the sentence's first comma (tokens.count when none).
        let firstComma: Int
    }

    func context(_ tokens: [Token], _ spans: [Span]) -> Context {
        var aside = [Bool](repeating: false, count: tokens.count)
        var depth = 0
        var dashOpen: Int?
        for (k, t) in tokens.enumerated() {
            if t.text == "(" || t.text == "[" { depth += 1 }
            if depth > 0 { aside[k] = true }
            if t.text == ")" || t.text == "]" { depth = max(0, depth - 1) }
            if t.text == "\u{2014}" || t.text == "\u{2013}" {
                if let open = dashOpen {
                    for j in open...k { aside[j] = true }
                    dashOpen = nil
                } else {
                    dashOpen = k
                }
            }
        }
        let firstComma = tokens.firstIndex { $0.text == "," } ?? tokens.count
        return Context(tokens: tokens, spans: spans, aside: aside, firstComma: firstComma)
    }

    func triggerRelations(_ tokens: [Token], _ spans: [Span], _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        let ctx = context(tokens, spans)
        var inSpan = [Bool](repeating: false, count: tokens.count)
        for s in spans where s.kind != .pronoun && s.kind != .anaphor { for k in s.first..<s.end { inSpan[k] = true } }
        let denied = deniedScope(tokens)
        let supposed = hypotheticalScope(tokens)
        var i = 0
        while i < tokens.count {
            if let idiom = idioms.match(tokens, at: i) { i += idiom.length; continue }
            // "The Kremlin denied that foreign soldiers were fighting for Russia" asserts no fighting
            if denied[i], let m = triggers.match(tokens, at: i), m.value.family != .disputes { i += m.length; continue }
            // "in the event of a war", "if either is attacked": nothing asserted
            if supposed[i], let m = triggers.match(tokens, at: i) { i += m.length; continue }
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
            let triggerAside = ctx.aside[tStart]
            // "may consider sending": hedged statements count, with less confidence
            let hedged = (max(0, tStart - 4)..<tStart).contains { grammar.hedges.contains(tokens[$0].lower) }
            func say(_ h: Span, _ t: Span, _ f: RelationFamily, _ c: Double) { emit(h, t, f, hedged ? c * 0.6 : c) }
            let before = spans.filter { $0.end <= tStart && $0.first >= clauseStart && !$0.modifier && !$0.possessor && (triggerAside || !ctx.aside[$0.first]) }
            let after = spans.filter { s in s.first >= tEnd && s.end <= clauseEnd && !s.modifier && (!triggerAside || ctx.aside[s.first])
                // "support for Russia's war": who owns what is supported is supported
                && (!s.possessor || (trig.family == .supports && ["for", "to"].contains(prepositionBefore(tokens, s)))) }
            let isNominal = nominal.contains(tokens[tStart].lower) || nominal.contains(tokens[tStart..<tEnd].map(\.lower).joined(separator: " "))
            var agents = isNominal ? nominalAgents(ctx, tStart, tEnd, clauseEnd) : []
            // "troops joining Russia's war in Ukraine": who joins a war or a fight takes part in it
            if isNominal, let join = (max(clauseStart, tStart - 6)..<tStart).last(where: { grammar.joinVerbs.contains(tokens[$0].lower) }) {
                agents += subjects(ctx, spans.filter { $0.end <= join && $0.first >= clauseStart && !$0.modifier && !$0.possessor }, family: trig.family, tStart: join)
            }
            if agents.isEmpty && !(isNominal && trig.frame == .mutual) {
                agents = subjects(ctx, before, family: trig.family, tStart: tStart)
            }
            // "Following a meeting ..., X and Y took": a fronted phrase takes the main clause's subject
            if agents.isEmpty && tStart < ctx.firstComma && ctx.firstComma < tokens.count && trig.frame != .speech && trig.frame != .source,
               openers.contains(tokens[0].lower) || tokens[0].lower.hasSuffix("ing") {
                agents = mainClauseSubjects(ctx, from: ctx.firstComma + 1)
            }
            // a bare preposition ("in") only places a subject close before it, in the same clause
            if m.length == 1, grammar.prepositions.contains(tokens[tStart].lower) {
                agents = agents.filter { s in s.end <= tStart && tStart - s.end <= 8 && !tokens[s.end..<tStart].contains { $0.kind == .punctuation } }
            }
            switch trig.frame {
            case .svo:
                // "fought shoulder to shoulder with": an alliance, not a fight
                if trig.family == .fights, let next = triggers.match(tokens, at: tEnd), next.value.family == .alliedWith { continue }
                var objects = Array(directObject(ctx, after, family: trig.family, tEnd: tEnd).map { [$0] } ?? [])
                if trig.family == .fights {
                    objects += after.filter { s in !objects.contains { $0.first == s.first } && ["against", "in"].contains(prepositionBefore(tokens, s)) }
                }
                // "Kursk, which Ukraine invaded": the object is the noun the clause hangs on
                if !isNominal, let subj = agents.first, tStart - subj.end <= 2, let antecedent = relativeAntecedent(tokens, spans, subj) {
                    objects = [antecedent]
                }
                for s in agents { for o in objects { say(s, o, trig.family, 0.7) } }
            case .passive:
                // what was done to: the name right before "was backed by" (a disputed claim: its author, the sentence's first name)
                let near = spans.last(where: { s in s.end <= tStart && !s.modifier && !s.possessor
                    && tokens[s.end..<tStart].allSatisfy { grammar.auxiliaries.contains($0.lower) || grammar.relativizers.contains($0.lower) || [",", "been", "being", "also", "reportedly", "allegedly", "repeatedly", "largely", "mainly"].contains($0.lower) } })
                let first = spans.first(where: { $0.end <= tStart && !$0.modifier && !$0.possessor })
                // "the troops ... are largely guided by": a finite passive takes its clause's subject;
                // "a proposal backed by" (a participle) has none
                let finite = (max(0, tStart - 3)..<tStart).contains { grammar.auxiliaries.contains(tokens[$0].lower) }
                let finitePassiveSubject = finite ? subjects(ctx, before, family: .says, tStart: tStart).first : nil
                guard let agent = after.first(where: { prepositionBefore(tokens, $0) == "by" || $0.first == tEnd }),
                      let patient = trig.family == .disputes ? first : (near ?? finitePassiveSubject)
                else { continue }
                // "backed by the United States and the European Union"
                var agents = [agent]
                for s in after where s.first > agents.last!.end {
                    let gap = tokens[agents.last!.end..<s.first]
                    guard gap.allSatisfy({ grammar.coordinators.contains($0.lower) }), gap.contains(where: { grammar.conjunctions.contains($0.lower) || $0.text == "," }) else { break }
                    agents.append(s)
                }
                for a in agents { say(a, patient, trig.family, 0.7) }
            case .motion:
                motion(ctx, family: trig.family, agents: agents, before: before, tStart: tStart, tEnd: tEnd, clauseEnd: clauseEnd, say)
            case .speech:
                speech(ctx, before: before, after: after, tStart: tStart, tEnd: tEnd, say)
            case .source:
                guard let speaker = spans.first(where: { $0.first >= tEnd && $0.first - tEnd <= 4 && !$0.modifier }),
                      !tokens[tEnd..<speaker.first].contains(where: { $0.text == "," })
                else { continue }
                let reported = spans.filter { ($0.end <= tStart || $0.first >= speaker.end) && $0.entity != speaker.entity && !$0.modifier && !$0.possessor }
                let core = reported.filter { !grammar.prepositions.contains(prepositionBefore(tokens, $0)) }
                if let topic = core.first(where: { $0.type == .military || $0.type == .person }) ?? reported.first {
                    say(speaker, topic, .says, 0.6)
                }
            case .mutual:
                var party = agents
                let partnerWords: Set<String> = ["with", "between", "and", "alongside"]
                let opensPhrase = partnerWords.union(["for", "of"]).contains(tokens[tEnd - 1].lower) || (tEnd < tokens.count && partnerWords.contains(tokens[tEnd].lower))
                if let w = opensPhrase ? after.first : after.first(where: { ["with", "between", "alongside"].contains(prepositionBefore(tokens, $0)) }) {
                    var partners = [w]
                    if let k = after.firstIndex(where: { $0.first == w.first }), k + 1 < after.count,
                       tokens[w.end..<after[k + 1].first].allSatisfy({ $0.lower == "and" || $0.text == "," || $0.lower == "the" }) {
                        partners.append(after[k + 1])
                    }
                    // "a treaty between A and B" names both parties
                    party = partners.count >= 2 && tokens[tEnd - 1].lower != "with" && prepositionBefore(tokens, w) == "between"
                        ? partners : (party.isEmpty && isNominal ? subjects(ctx, before, family: trig.family, tStart: tStart) : party) + partners
                } else if let w = before.last(where: { s in prepositionBefore(tokens, s) == "with" && !party.contains(where: { p in p.first == s.first }) }) {
                    party.append(w)
                } else if !isNominal, let o = directObject(ctx, after, family: trig.family, tEnd: tEnd) {
                    party.append(o) // "He met South Korean officials"
                } else if party.isEmpty && isNominal {
                    party = subjects(ctx, before, family: trig.family, tStart: tStart) // "X and Y signed a treaty"
                }
                for a in party.indices { for b in party.indices where a < b { say(party[a], party[b], trig.family, 0.65) } }
            }
        }
    }

    /// Tokens after a hypothetical marker, up to the next punctuation.
    func hypotheticalScope(_ tokens: [Token]) -> [Bool] {
        var scope = [Bool](repeating: false, count: tokens.count)
        var i = 0
        while i < tokens.count {
            guard let m = grammar.hypothetical.match(tokens, at: i) else { i += 1; continue }
            var k = i + m.length
            while k < tokens.count, tokens[k].kind != .punctuation { scope[k] = true; k += 1 }
            i = k
        }
        return scope
    }

    /// Tokens inside what a denial denies: "denied that ...", "rejected claims that ...".
    func deniedScope(_ tokens: [Token]) -> [Bool] {
        var scope = [Bool](repeating: false, count: tokens.count)
        var i = 0
        while i < tokens.count {
            guard let m = triggers.match(tokens, at: i), m.value.family == .disputes, m.value.frame == .svo, !negated(tokens, i) else { i += 1; continue }
            let end = i + m.length
            if let that = (end..<min(tokens.count, end + 4)).first(where: { tokens[$0].lower == "that" }) {
                var k = that + 1
                while k < tokens.count, !Self.clauseBreaks.contains(tokens[k].text) { scope[k] = true; k += 1 }
            }
            i = end
        }
        return scope
    }

    /// The preposition right before a span, looking past "the" and "a".
    func prepositionBefore(_ tokens: [Token], _ s: Span) -> String {
        var k = s.first - 1
        while k >= 0, grammar.determiners.contains(tokens[k].lower) { k -= 1 }
        guard k >= 0 else { return "" }
        // "thousands of North Korean soldiers" is the soldiers themselves
        if tokens[k].lower == "of", k > 0, grammar.quantities.contains(tokens[k - 1].lower) || tokens[k - 1].kind == .number { return "" }
        return tokens[k].lower
    }

    /// The object of a trigger: the first span after it that no preposition introduces,
    /// or one the family's prepositions introduce ("the presence of X", "fight against X").
    func directObject(_ ctx: Context, _ after: [Span], family: RelationFamily, tEnd: Int) -> Span? {
        let allowed = signatures[family]?.objectPrepositions ?? []
        let triggerEndsInPreposition = grammar.prepositions.contains(ctx.tokens[tEnd - 1].lower)
        var previous: (span: Span, prep: String)?
        return after.first { s in
            if s.first == tEnd { return true }
            // an object further than this is another clause's ("... had been cleared of Kyiv's forces")
            if (tEnd..<s.first).filter({ !ctx.aside[$0] }).count > Self.maxObjectDistance { return false }
            var prep = prepositionBefore(ctx.tokens, s)
            // "by the United States and France": a coordinated name shares its partner's preposition
            if let p = previous, ctx.tokens[p.span.end..<s.first].allSatisfy({ grammar.coordinators.contains($0.lower) }) { prep = p.prep }
            previous = (s, prep)
            if triggerEndsInPreposition && ctx.tokens[tEnd..<s.first].allSatisfy({ ["the", "a", "an"].contains($0.lower) }) { return true }
            return !grammar.prepositions.contains(prep) || allowed.contains(prep)
        }
    }

    /// The agent of a noun trigger: its possessor or a name compounded with it
    /// ("Russia's prolonged war", "North Korea's SOF deployment"), else "by X".
    func nominalAgents(_ ctx: Context, _ tStart: Int, _ tEnd: Int, _ clauseEnd: Int) -> [Span] {
        let tokens = ctx.tokens
        var k = tStart - 1
        var hops = 0
        while k >= 0, hops < 3 {
            if let s = ctx.spans.last(where: { $0.end == k + 1 }) { return [s] }
            if tokens[k].text == "'s" || tokens[k].text == "\u{2019}" { k -= 1; continue }
            guard tokens[k].kind == .word, !tokens[k].isCapitalized, !grammar.prepositions.contains(tokens[k].lower),
                  !["the", "a", "an", "and"].contains(tokens[k].lower) else { break }
            k -= 1
            hops += 1
        }
        // "the dispatch of troops by Pyongyang": "by" within the noun phrase, not after another verb
        if let by = ctx.spans.first(where: { $0.first > tEnd && $0.end <= clauseEnd && prepositionBefore(tokens, $0) == "by" }),
           !tokens[tEnd..<by.first].contains(where: { $0.lower.hasSuffix("ed") && $0.lower != "by" }) { return [by] }
        return []
    }

    /// The subject of a trigger: the nearest span before it that is not a prepositional
    /// object nor inside an aside, with the spans coordinated with it ("South Korea, the US, and the UK").
    func subjects(_ ctx: Context, _ before: [Span], family: RelationFamily, tStart: Int) -> [Span] {
        let tokens = ctx.tokens
        let heads = signatures[family]?.heads
        // ", an aside between commas," right before the trigger
        var asideStart = tStart
        if tStart > 0, tokens[tStart - 1].text == ",", let open = tokens[..<(tStart - 1)].lastIndex(where: { $0.text == "," }) {
            asideStart = open
        }
        func isPrepObject(_ s: Span) -> Bool {
            let forTo = s.first > 0 && tokens[s.first - 1].lower == "for" && s.end < tokens.count && tokens[s.end].lower == "to"
            return grammar.prepositions.contains(prepositionBefore(tokens, s)) && !forTo
        }
        func distance(_ s: Span) -> Int {
            guard s.end < tStart else { return 0 }
            return (s.end..<tStart).filter { !ctx.aside[$0] && !($0 >= asideStart && $0 < tStart) }.count
        }
        func valid(_ s: Span) -> Bool {
            !isPrepObject(s) && (heads?.contains(s.type) ?? true) && distance(s) <= Self.maxSubjectDistance
        }
        // the aside is skipped when something before it can be the subject ("X, the chief of ..., thanking"),
        // else it is the subject ("Ukraine's top commander, Gen Oleksandr Syrskyi, acknowledged")
        var candidates = before.filter { $0.end <= asideStart }
        if asideStart < tStart && !candidates.contains(where: valid) { candidates = before }
        // "X praised the troops and said ...": a second verb shares the first one's subject
        if tStart > 0, ["and", "but"].contains(tokens[tStart - 1].lower),
           let first = candidates.first(where: valid), candidates.last(where: valid)?.first != first.first {
            return [first]
        }
        guard let idx = candidates.indices.last(where: { valid(candidates[$0]) }) else {
            // "North Korea's interest in assisting Russia": the possessor of the noun that governs the verb
            if let p = ctx.spans.last(where: { $0.possessor && $0.end <= tStart && tStart - $0.end <= 4 }),
               ctx.tokens[p.end..<tStart].allSatisfy({ $0.kind == .word && !$0.isCapitalized }),
               !ctx.spans.contains(where: { $0.first >= p.end && $0.first < tStart }) {
                return [p]
            }
            return []
        }
        var out = [candidates[idx]]
        var chain: [Span] = []
        var k = idx
        var sawConjunction = false
        // "Iranian President Masoud Pezeshkian and Russian President Vladimir Putin": titles and their
        // states sit between coordinated names
        let modifierTokens = Set(ctx.spans.filter(\.modifier).flatMap { Array($0.first..<$0.end) })
        while k > 0 {
            let gapRange = candidates[k - 1].end..<candidates[k].first
            let gap = gapRange.filter { !modifierTokens.contains($0) && !titles.contains(tokens[$0].lower) }.map { tokens[$0] }
            guard !gapRange.isEmpty, gap.allSatisfy({ grammar.coordinators.contains($0.lower) }), !isPrepObject(candidates[k - 1]) else { break }
            if gap.contains(where: { grammar.conjunctions.contains($0.lower) }) { sawConjunction = true }
            chain.append(candidates[k - 1])
            k -= 1
        }
        if sawConjunction { out += chain }
        return out
    }

    /// The subject of the main clause that starts at `from`: its first span and those coordinated with it.
    func mainClauseSubjects(_ ctx: Context, from: Int) -> [Span] {
        let main = ctx.spans.filter { $0.first >= from && !$0.modifier && !$0.possessor }
        guard let first = main.first else { return [] }
        var out = [first]
        if main.count > 1 {
            let next = main[1]
            // "Russian President Vladimir Putin and North Korean leader Kim Jong Un"
            let gap = (first.end..<next.first).filter { k in !ctx.spans.contains { $0.modifier && $0.first <= k && k < $0.end } }
            let t = ctx.tokens
            if gap.contains(where: { t[$0].lower == "and" }),
               gap.allSatisfy({ t[$0].lower == "and" || roles.match(t, at: $0) != nil || (t[$0].kind == .word && !t[$0].isCapitalized) }) {
                out.append(next)
            }
        }
        return out
    }

    /// "the special-forces unit he commanded", "Kursk, which Ukraine invaded": the noun the clause hangs on.
    func relativeAntecedent(_ tokens: [Token], _ spans: [Span], _ subject: Span) -> Span? {
        guard let prior = spans.last(where: { $0.end <= subject.first && !$0.modifier }) else { return nil }
        let gap = tokens[prior.end..<subject.first]
        guard gap.count <= 2, gap.allSatisfy({ $0.text == "," || grammar.relativizers.contains($0.lower) }) else { return nil }
        // a bare juxtaposition ("unit he commanded") or a relative pronoun ("Kursk, which Ukraine")
        guard gap.isEmpty ? subject.kind == .pronoun : gap.contains(where: { grammar.relativizers.contains($0.lower) }) else { return nil }
        return prior
    }

    func motion(_ ctx: Context, family: RelationFamily, agents: [Span], before: [Span], tStart: Int, tEnd: Int, clauseEnd: Int,
                        _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        let tokens = ctx.tokens
        let after = ctx.spans.filter { $0.first >= tEnd && $0.end <= clauseEnd && !$0.modifier }
        // the destination: a place after a motion preposition, else a state after "to", else the state helped
        var best: (rank: Int, index: Int)?
        for (k, s) in after.enumerated() where s.type == .place || s.type == .government {
            let prep = prepositionBefore(tokens, s)
            let rank: Int
            if s.type == .place && grammar.destinationPrepositions.contains(prep) { rank = 1 }
            else if ["to", "into", "toward", "towards", "near"].contains(prep) || (family == .locatedIn && ["in", "at"].contains(prep)) { rank = 2 }
            else if ["aid", "assist", "help", "support", "join"].contains(prep) { rank = 3 }
            else { continue }
            if best == nil || rank < best!.rank { best = (rank, k) }
        }
        guard let b = best else { return }
        var destinations = [after[b.index]]
        // "to Vladivostok and other Russian bases"
        var k = b.index
        while k + 1 < after.count, [.place, .government].contains(after[k + 1].type) {
            let gap = tokens[after[k].end..<after[k + 1].first]
            guard gap.count <= 3, gap.contains(where: { $0.lower == "and" }), gap.allSatisfy({ $0.kind == .word && !$0.isCapitalized || $0.text == "," }) else { break }
            destinations.append(after[k + 1])
            k += 1
        }
        let dest = after[b.index]
        let themes = after.filter { $0.first < dest.first && ($0.type == .military || $0.type == .person) && !$0.possessor }
        var movers = agents + themes
        if let by = after.first(where: { prepositionBefore(tokens, $0) == "by" && $0.first < dest.first }) { movers.append(by) }
        // "with most massing near ...": a quantity stands for the force named before it
        // "send more air defence systems to Kyiv": sending materiel supports, it deploys no one
        if themes.isEmpty, tokens[tEnd..<dest.first].contains(where: { materiel.contains($0.lower) }) {
            for a in agents { for d in destinations { emit(a, d, .supports, 0.65) } }
            return
        }
        if movers.isEmpty || (tStart > 0 && grammar.quantities.contains(tokens[tStart - 1].lower)),
           let force = ctx.spans.last(where: { $0.end <= tStart && $0.type == .military }) {
            movers = [force]
        }
        for m in movers { for d in destinations { emit(m, d, family, 0.7) } }
    }

    func speech(_ ctx: Context, before: [Span], after: [Span], tStart: Int, tEnd: Int,
                        _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        let tokens = ctx.tokens
        /// What a statement said before its speaker is about: its first named actor (a force or a person
        /// named, not referred to, and not introduced by a preposition), else its first name.
        func topic(before end: Int, excluding speaker: Span) -> Span? {
            let said = ctx.spans.filter { $0.entity != speaker.entity && !$0.modifier && !$0.possessor && $0.end <= end }
            return said.first { ($0.type == .military || $0.type == .person) && $0.kind != .anaphor
                && !grammar.prepositions.contains(prepositionBefore(tokens, $0)) } ?? said.first
        }
        // ", said Miles Yu": the speaker right after the verb, what was said before it
        if tStart > 0, [",", "\u{201D}", "\""].contains(tokens[tStart - 1].text), let speaker = after.first, speaker.first == tEnd,
           speaker.kind != .pronoun || ["he", "she"].contains(tokens[speaker.first].lower) {
            if let topic = topic(before: min(tStart, speaker.first), excluding: speaker) { emit(speaker, topic, .says, 0.6) }
            return
        }
        let speakers = subjects(ctx, before, family: .says, tStart: tStart)
        guard let speaker = speakers.first else { return }
        // "“...,” Jeon said", "..., Ukrainian President Volodymyr Zelensky said on Tuesday."
        var k = speaker.first - 1
        var steps = 0
        while k >= 0, steps < 6, tokens[k].kind != .punctuation { k -= 1; steps += 1 }
        // nothing reported after the verb ("said on Wednesday, after ..."): what was said came before
        // ("said on Tuesday." has no complement; "said the talks failed" has one, without names)
        let bare = tEnd >= tokens.count || tokens[tEnd].kind == .punctuation || grammar.prepositions.contains(tokens[tEnd].lower)
        let complementEmpty = after.isEmpty ? bare : tokens[tEnd..<after[0].first].contains { $0.text == "," }
        let reportedBefore = k >= 0 && [",", "\u{201D}", "\""].contains(tokens[k].text) && complementEmpty
        if reportedBefore || (k >= 0 && tokens[k].text == "\u{201D}") {
            if let topic = topic(before: k, excluding: speaker) { emit(speaker, topic, .says, 0.6) }
            // "... Kim Taewoo told The Epoch Times": the outlet told
            if let recipient = after.first, recipient.first == tEnd || recipient.first == tEnd + 1 { emit(speaker, recipient, .says, 0.6) }
            return
        }
        // what a statement is about: the first actor (a force or a person) of the reported clause, else its first entity
        let reported = after.filter { $0.entity != speaker.entity }
        let core = reported.filter { !grammar.prepositions.contains(prepositionBefore(tokens, $0)) }
        if let topic = core.first(where: { $0.type == .military || $0.type == .person }) ?? reported.first {
            for s in speakers where s.entity != topic.entity { emit(s, topic, .says, 0.6) }
            // "emphasized that the soldiers ... are heroes": the statement praises them
            let (_, clauseEnd) = clause(tokens, around: tStart)
            if (tEnd..<clauseEnd).contains(where: { praiseWords.contains(tokens[$0].lower) }) {
                for s in speakers where s.entity != topic.entity { emit(s, topic, .praises, 0.55) }
            }
        }
    }

    /// Negation or a hedge in the few words before a trigger.
    func negated(_ tokens: [Token], _ at: Int) -> Bool {
        for k in stride(from: at - 1, through: max(0, at - 3), by: -1) {
            if [",", ";", "."].contains(tokens[k].text) { break }
            if grammar.negators.contains(tokens[k].lower) { return true }
        }
        return false
    }

    /// The clause around a trigger: bounded by semicolons, dashes and quotes.
    func clause(_ tokens: [Token], around at: Int) -> (Int, Int) {
        var a = at
        while a > 0, !Self.clauseBreaks.contains(tokens[a - 1].text) { a -= 1 }
        var b = at
        while b < tokens.count, !Self.clauseBreaks.contains(tokens[b].text) { b += 1 }
        // a trigger inside a quoted sentence stays inside it: "“They are paying in blood,” said Lankov"
        // (a quoted fragment inside a sentence does not: 'said they had been “fighting shoulder to shoulder”')
        var open: Int?
        for k in a..<b {
            let t = tokens[k].text
            let opens = t == "\u{201C}" || (t == "\"" && open == nil)
            let closes = t == "\u{201D}" || (t == "\"" && open != nil)
            if opens && open == nil { open = k; continue }
            if closes, let o = open {
                if o < at && at < k && (o == 0 || tokens[o - 1].text == ":") { return (o + 1, k) }
                open = nil
            }
        }
        return (a, b)
    }
}
