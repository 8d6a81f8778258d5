import Graph

/// A deterministic stand-in for the spaCy pipeline, so fuzzing needs no model: word and
/// punctuation tokens; tags from capitals, endings and a few function words; the first past-tense
/// verb (else the first token) as the root, words before it its subjects, after it its objects;
/// runs of capitalized words as named entities. Wrong as linguistics, valid as annotations.
enum RuleAnnotator {
    static let prepositions: Set<String> = ["of", "in", "to", "with", "by", "for", "on", "at", "from"]
    static let labels = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]

    static func annotate(_ text: String) -> AnnotatedText {
        let scalars = Array(text.unicodeScalars)
        var spans: [(Int, Int)] = []
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u.properties.isWhitespace { i += 1; continue }
            var j = i + 1
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                while j < scalars.count, scalars[j].properties.isAlphabetic || scalars[j].properties.numericType != nil
                        || scalars[j] == "-" || scalars[j] == "'" { j += 1 }
            }
            spans.append((i, j))
            i = j
        }
        let words = spans.map { String(String.UnicodeScalarView(scalars[$0.0..<$0.1])) }
        let tags: [(String, String)] = words.map { w in
            guard let first = w.unicodeScalars.first else { return ("NN", "NOUN") }
            if !first.properties.isAlphabetic { return first.properties.numericType != nil ? ("CD", "NUM") : (".", "PUNCT") }
            if prepositions.contains(w.lowercased()) { return ("IN", "ADP") }
            if first.properties.isUppercase { return ("NNP", "PROPN") }
            if w.hasSuffix("ed") { return ("VBD", "VERB") }
            return ("NN", "NOUN")
        }
        let root = tags.firstIndex { $0.0 == "VBD" } ?? 0
        var tokens: [AnnotatedToken] = []
        for (k, span) in spans.enumerated() {
            let dep = k == root ? "ROOT" : tags[k].0 == "IN" ? "prep" : k < root ? "nsubj" : tags[k].0 == "." ? "punct" : "dobj"
            tokens.append(AnnotatedToken(start: span.0, end: span.1, tag: tags[k].0, pos: tags[k].1,
                                         lemma: words[k].lowercased(), dep: dep, head: k == root ? k : root))
        }
        var entities: [NamedEntity] = []
        var k = 0
        while k < tokens.count {
            guard tags[k].0 == "NNP" else { k += 1; continue }
            var e = k + 1
            while e < tokens.count, tags[e].0 == "NNP" { e += 1 }
            entities.append(NamedEntity(tokens: k..<e, label: labels[Int((words[k].unicodeScalars.first?.value ?? 0) % UInt32(labels.count))]))
            k = e
        }
        return AnnotatedText(tokens: tokens, sentences: tokens.isEmpty ? [] : [0..<tokens.count], entities: entities)
    }
}
