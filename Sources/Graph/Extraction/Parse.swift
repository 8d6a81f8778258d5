/// One sentence's dependency parse and named entities, aligned with the sentence's kg tokens.
///
/// kg reads names and lexicon phrases on its own tokens (hyphenated names, "U.S.", possessive
/// "'s"); the trained pipeline's tokens carry the grammar. Offsets here are offsets into the
/// source file, so a parse token and a kg token meet where their characters overlap.
struct Parse: Sendable {
    /// The pipeline's tokens, offsets shifted into the source file.
    let tokens: [AnnotatedToken]
    let entities: [NamedEntity]
    /// Each parse token's dependents, in order.
    let children: [[Int]]
    /// For each kg token, the parse token that heads the characters it covers (nil for none).
    let ofToken: [Int?]
    /// For each parse token, the kg token that covers its first character (nil for none).
    let toToken: [Int?]

    /// A parse with no tokens, for text the pipeline was not run on.
    static let empty = Parse(AnnotatedText(tokens: [], sentences: [], entities: []), offset: 0, tokens: [])

    /// Aligns `annotated` (whose offsets start at `offset` in the source) with `kgTokens`.
    /// - Complexity: O(n + m) in the two token counts.
    init(_ annotated: AnnotatedText, offset: Int, tokens kgTokens: [Token]) {
        var toks = annotated.tokens
        for i in toks.indices {
            toks[i].start += offset
            toks[i].end += offset
            if toks[i].head < 0 || toks[i].head >= toks.count { toks[i].head = i }
        }
        tokens = toks
        entities = annotated.entities
        var children = [[Int]](repeating: [], count: toks.count)
        for (i, t) in toks.enumerated() where t.head != i { children[t.head].append(i) }
        self.children = children
        var of = [Int?](repeating: nil, count: kgTokens.count)
        var to = [Int?](repeating: nil, count: toks.count)
        var p = 0
        for (k, kt) in kgTokens.enumerated() {
            while p < toks.count, toks[p].end <= kt.start { p += 1 }
            var q = p
            var best: Int?
            while q < toks.count, toks[q].start < kt.end {
                if toks[q].end > kt.start {
                    if to[q] == nil { to[q] = k }
                    // of several (a hyphenated name), the one nearest the root heads the others
                    if best == nil || Self.depth(q, toks) < Self.depth(best!, toks) { best = q }
                }
                q += 1
            }
            of[k] = best
        }
        ofToken = of
        toToken = to
    }

    private static func depth(_ i: Int, _ toks: [AnnotatedToken]) -> Int {
        var d = 0, j = i
        while toks[j].head != j, d < toks.count { j = toks[j].head; d += 1 }
        return d
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// The dependents of `i` with one of `labels`.
    func children(of i: Int, _ labels: Set<String>) -> [Int] {
        children[i].filter { labels.contains(tokens[$0].dep) }
    }

    /// `i` and every token it dominates.
    func subtree(_ i: Int) -> [Int] {
        var out = [i], stack = [i]
        while let j = stack.popLast() {
            for c in children[j] { out.append(c); stack.append(c) }
        }
        return out.sorted()
    }

    /// The chain of heads above `i`, nearest first.
    func ancestors(_ i: Int) -> [Int] {
        var out: [Int] = [], j = i
        while tokens[j].head != j, out.count < tokens.count { j = tokens[j].head; out.append(j) }
        return out
    }

    /// The parse token heading kg tokens `run`: the one nearest the root.
    func root(of run: Range<Int>) -> Int? {
        run.compactMap { $0 < ofToken.count ? ofToken[$0] : nil }.min { Self.depth($0, tokens) < Self.depth($1, tokens) }
    }

    /// Whether the words `modifier` (kg tokens) qualify the noun phrase of `name` (kg tokens):
    /// attached to the name's head, or to the common noun the name itself qualifies ("Russia's
    /// Kursk region"). True without a parse, so that the rule layer keeps its reading.
    func modifies(_ modifier: Range<Int>, _ name: Range<Int>) -> Bool {
        guard !isEmpty, let m = root(of: modifier), let n = root(of: name) else { return true }
        let h = tokens[m].head
        if h == n { return true }
        let nameTokens = Set(name.compactMap { $0 < ofToken.count ? ofToken[$0] : nil })
        if nameTokens.contains(h) { return true }
        return ["compound", "amod", "nmod"].contains(tokens[n].dep) && tokens[n].head == h
    }

    /// Whether kg tokens `run` are the subject of the sentence's main clause.
    func isMainSubject(_ run: Range<Int>) -> Bool {
        guard !isEmpty, let r = root(of: run) else { return false }
        return ["nsubj", "nsubjpass"].contains(tokens[r].dep) && tokens[tokens[r].head].head == tokens[r].head
    }
}
