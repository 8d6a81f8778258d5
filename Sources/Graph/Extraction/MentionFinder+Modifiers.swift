extension MentionFinder {
    /// A state or organization right before a role noun, or a possessor, qualifies what follows.
    func markModifiers(_ tokens: [Token], _ spans: inout [Span]) {
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
}
