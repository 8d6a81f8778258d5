/// Splits text into words, numbers and punctuation.
///
/// Words keep inner apostrophes, hyphens and dots of initialisms ("Kim's",
/// "Jeon Kyung-joo", "U.S."), and the letters and combining accents of any script
/// ("Erdoğan", decomposed or not); a possessive `'s` is split off as its own token
/// so that "Russia's" matches the catalog name "Russia".
public enum Tokenizer {
    public static func tokenize(_ source: SourceText, _ range: Range<Int>) -> [Token] {
        let s = source.scalars
        var tokens: [Token] = []
        var i = range.lowerBound
        let end = min(range.upperBound, s.count)
        // ASCII fast paths: Unicode property look-ups dominate otherwise
        // a combining accent belongs to its letter: "Erdog\u{306}an" (decomposed text) is one word
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x7A }
            if c.properties.isAlphabetic { return true }
            switch c.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" }
        while i < end {
            let c = s[i]
            if c.value < 0x80 ? (c == " " || c == "\t" || c == "\n" || c == "\r") : c.properties.isWhitespace { i += 1; continue }
            if isLetter(c) || isDigit(c) {
                var j = i + 1
                while j < end {
                    let d = s[j]
                    if isLetter(d) || isDigit(d) { j += 1; continue }
                    // inner joiners: hyphen, apostrophe, dot of an initialism, digit separators
                    if j + 1 < end, isLetter(s[j + 1]) || isDigit(s[j + 1]) {
                        if d == "-" || d == "\u{2010}" || d == "\u{2011}" { j += 1; continue }
                        if isApostrophe(d) {
                            // split a possessive 's (and a bare trailing ')
                            let rest = j + 2 <= end ? String(String.UnicodeScalarView(s[(j + 1)..<min(j + 2, end)])) : ""
                            if rest.lowercased() == "s" && (j + 2 == end || !(isLetter(s[j + 2]) || isDigit(s[j + 2]))) { break }
                            j += 1; continue
                        }
                        if (d == "," || d == ".") && isDigit(s[j - 1]) && isDigit(s[j + 1]) { j += 1; continue }
                        if d == "." && isLetter(s[j + 1]) && j - i <= 2 && j + 2 <= end && (j + 2 == end || s[j + 2] == ".") {
                            j += 1; continue // U.S, U.K
                        }
                    }
                    break
                }
                // a closing dot of an initialism: "U.S." (single letters separated by dots)
                if j < end, s[j] == ".", j - i >= 3, s[j - 2] == "." {
                    j += 1
                }
                let text = String(String.UnicodeScalarView(s[i..<j]))
                let kind: Token.Kind = text.unicodeScalars.allSatisfy { isDigit($0) || $0 == "," || $0 == "." } ? .number : .word
                tokens.append(Token(text: text, kind: kind, start: i, end: j))
                i = j
                continue
            }
            if isApostrophe(c), i + 1 < end, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 == end || !(isLetter(s[i + 2]) || isDigit(s[i + 2])), !tokens.isEmpty, tokens.last!.end == i {
                tokens.append(Token(text: "'s", kind: .word, start: i, end: i + 2))
                i += 2
                continue
            }
            tokens.append(Token(text: String(c), kind: .punctuation, start: i, end: i + 1))
            i += 1
        }
        return tokens
    }
}
