extension MentionFinder {
    func isNameToken(_ t: Token) -> Bool {
        guard t.kind == .word, !t.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        if t.isCapitalized { return true }
        // "el-Sisi", "al-Assad"
        let parts = t.text.split(separator: "-", maxSplits: 1)
        return parts.count == 2 && grammar.nameParticles.contains(parts[0].lowercased()) && parts[1].first?.isUppercase == true
    }

    func isSentenceStart(_ tokens: [Token], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, tokens[k].kind == .punctuation, SentenceSegmenter.openers.contains(tokens[k].text) { k -= 1 }
        return k < 0 || [":", "\u{2014}", "-", ";"].contains(tokens[k].text)
    }

    func typeRun(_ tokens: [Token], _ start: Int, _ end: Int, sentenceStart: Bool, owner: Int? = nil, _ doc: DocumentState) -> (Span, Entity)? {
        var a = start
        var titled = false
        // a body's name may open with a title word ("General Staff", "Supreme Court")
        let headed = orgHeads.contains(tokens[end - 1].lower) || milHeads.contains(tokens[end - 1].lower)
        // titles and sentence-opening function words are not part of a name
        while a < end {
            let w = tokens[a].lower
            if !headed, let role = roles.match(tokens, at: a), a + role.length <= end { titled = true; a += role.length; continue }
            if !headed && titles.contains(w) { titled = true; a += 1; continue }
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
        // "Energy Minister Herman Halushchenko": a title inside the run, the name after it
        if !headed, let m = (a..<b).last(where: { titles.contains(tokens[$0].lower) }), (2...4).contains(b - (m + 1)) {
            a = m + 1
            titled = true
        }
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
        var name = text(tokens, a, b)
        let atStart = sentenceStart && a == start
        // "Russian Defense Ministry": a generic body's name after a state is that state's body
        let generic = words.allSatisfy { genericWords.contains($0) || grammar.connectors.contains($0) }
        if let owner, generic { name = "\(catalog.demonym(ofState: owner)) \(name)" }

        // a name this article already typed ("Nvidia" after "Nvidia, the chipmaker,")
        if let id = doc.order.first(where: { doc.entities[$0]?.name == name }), let e = doc.entities[id] {
            return (Span(first: a, end: b, entity: id, type: e.type, kind: .name), e)
        }
        // a short form of a person named earlier ("Yu", "Mr Putin", "Kim")
        if b - a == 1, let id = doc.resolveShortForm(words[0]), let e = doc.entities[id] {
            return (Span(first: a, end: b, entity: id, type: .person, kind: .shortForm), e)
        }
        // a misspelling of a name used earlier in the article ("Wager Group")
        if b - a >= 2, name.count >= 8, !generic,
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
                    || (b - a >= 2 && b - a <= 4 && apposedToRole(tokens, start, b))
                    || (b - a >= 2 && b - a <= 4 && knownPersonWord(words.last!, doc))
                    || (speechVerbs.contains(after) && b - a >= 2 && b - a <= 3) {
            type = b - a >= 2 || titled || roleFollows(tokens, b) || roleBefore(tokens, start) ? .person : nil
        } else if a > 0, placePreps.contains(tokens[a - 1].lower), b - a <= 2, !atStart, !tokens[a].isAllCaps {
            type = .place
        } else if a > 1, tokens[a - 1].lower == "of", placeHeads.contains(tokens[a - 2].lower), b - a <= 3 {
            type = .place // "the village of Novoselivka"
        } else {
            type = nil
        }
        guard let type else { return nil }
        if atStart && b - a == 1 && type != .organization && !titled { return nil }
        let entity = Entity(id: Entity.makeID(type: type, name: name), name: name, type: type)
        return (Span(first: a, end: b, entity: entity.id, type: type, kind: .name), entity)
    }

    /// The type an apposition gives a name: ", the world's largest chipmaker," -> organization.
    func describedAs(_ tokens: [Token], _ b: Int) -> EntityType? {
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
    func knownPersonWord(_ word: String, _ doc: DocumentState) -> Bool {
        doc.order.contains { id in doc.entities[id].map { $0.type == .person && $0.name.lowercased() == word } ?? false }
    }

    func isPersonLike(_ words: [String]) -> Bool {
        let particles = words.filter { grammar.nameParticles.contains($0) || grammar.connectors.contains($0) }.count
        guard words.count >= 2 && words.count - particles <= 4 else { return false }
        return lexicon.givenNames.contains(words[0]) || lexicon.surnames.contains(words[0])
            || (words.count == 2 && lexicon.surnames.contains(words[1]) && !orgHeads.contains(words[1]))
    }

    /// ", a research fellow at ..." / ", director of ..." after a name.
    func roleFollows(_ tokens: [Token], _ b: Int) -> Bool {
        guard b < tokens.count, tokens[b].text == "," else { return false }
        var j = b + 1
        while j < tokens.count {
            if roles.match(tokens, at: j) != nil { return true }
            // ", the Estonian president", ", Estonia's defence minister": a state before the role
            if let hit = catalog.match(tokens, at: j), catalog.entries[hit.entry].type == .government {
                j += hit.length
                if j < tokens.count, tokens[j].text == "'s" { j += 1 }
                continue
            }
            guard grammar.appositionLead.contains(tokens[j].lower) else { return false }
            j += 1
        }
        return false
    }

    /// "The head of the Donetsk regional administration, Vadym Filashkin,": a name set off by commas after "the ROLE of ...".
    func apposedToRole(_ tokens: [Token], _ a: Int, _ b: Int) -> Bool {
        guard a > 0, tokens[a - 1].text == ",", b < tokens.count, [",", "."].contains(tokens[b].text) else { return false }
        var k = a - 2
        while k >= 0, a - k <= 12, tokens[k].text != "," {
            // "The head of the regional administration, X,", "Russia's ambassador in Seoul, X,"
            if !tokens[k].isCapitalized || k == 0, roles.match(tokens, at: k) != nil { return true }
            k -= 1
        }
        return false
    }

    /// "spokeswoman Sabrina Singh": a lower-case role noun right before the name.
    func roleBefore(_ tokens: [Token], _ a: Int) -> Bool {
        guard a > 0, !tokens[a - 1].isCapitalized else { return false }
        return roles.match(tokens, endingAt: a) != nil
    }
}
