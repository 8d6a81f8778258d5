extension RelationExtractor {
    /// "Russia's Kursk region", "South Korea's intelligence agency",
    /// "the South Korean government-funded Korea Institute ...": part_of.
    func possessiveRelations(_ tokens: [Token], _ spans: [Span], _ parse: Parse, _ emit: (Span, Span, RelationFamily, Double) -> Void) {
        for (i, s) in spans.enumerated() where s.type == .government || s.type == .place {
            guard i + 1 < spans.count else { continue }
            let next = spans[i + 1]
            guard [.organization, .place, .military].contains(next.type), next.kind != .forces, next.kind != .anaphor else { continue }
            let between = tokens[s.end..<next.first]
            guard between.count <= 3, between.allSatisfy({ $0.text == "'s" || ($0.kind == .word && !$0.isCapitalized && !grammar.prepositions.contains($0.lower) && !["and", "or"].contains($0.lower)) }) else { continue }
            // "Russian missiles hit Odesa": the state must qualify the name's own noun phrase
            if s.kind == .stateForm || between.first?.text == "'s", parse.modifies(s.first..<s.end, next.first..<next.end) {
                emit(next, s, .partOf, 0.85)
            }
        }
        // a catalog name that opens with a state's name: "South Korean intelligence agency"
        for s in spans where s.kind == .name && (s.type == .organization || s.type == .military) && s.end - s.first >= 2
            && catalog.entry(id: s.entity)?.state == nil {
            for len in stride(from: min(3, s.end - s.first - 1), through: 1, by: -1) {
                if let hit = catalog.match(Array(tokens[s.first..<(s.first + len)]), at: 0), hit.length == len,
                   catalog.entries[hit.entry].type == .government,
                   hit.form == .demonym || tokens[s.first + len].text == "'s" {
                    let gov = Span(first: s.first, end: s.first + len, entity: catalog.entries[hit.entry].id, type: .government, kind: .stateForm)
                    emit(s, gov, .partOf, 0.8)
                    break
                }
            }
        }
        // "the Eastern Theater Command of the People's Liberation Army": a unit or body of a larger one
        for (i, s) in spans.enumerated() where (s.type == .military || s.type == .organization) && s.kind == .name && i + 1 < spans.count {
            let next = spans[i + 1]
            let gap = tokens[s.end..<next.first].map(\.lower)
            if (gap == ["of"] || gap == ["of", "the"]) && [.military, .organization, .government].contains(next.type) && next.entity != s.entity {
                emit(s, next, .partOf, 0.8)
            }
        }
        // "the troops, reportedly from an elite unit known as the Storm Corps": the unit is part of the force
        for (i, s) in spans.enumerated() where s.type == .military {
            var k = s.end
            if k < tokens.count, tokens[k].text == "," { k += 1 }
            var steps = 0
            while k < tokens.count, steps < 2, tokens[k].kind == .word, tokens[k].lower != "from" { k += 1; steps += 1 }
            guard k < tokens.count, tokens[k].lower == "from" else { continue }
            if let unit = spans[(i + 1)...].first(where: { $0.first > k }), unit.type == .military, unit.entity != s.entity,
               unit.first - k <= 8, !tokens[k..<unit.first].contains(where: { $0.text == "," }) {
                emit(unit, s, .partOf, 0.7)
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
            if k + 1 < tokens.count, tokens[k].lower == "as", ["a", "an"].contains(tokens[k + 1].lower) { k += 1 }
            guard k < tokens.count, ["a", "an"].contains(tokens[k].lower) else { continue }
            if let d = spans[(i + 1)...].first(where: { $0.first > k }), d.first - k <= 4,
               !tokens[k..<d.first].contains(where: { $0.text == "," }) {
                emit(s, d, .partOf, 0.7)
            }
        }
    }
}
