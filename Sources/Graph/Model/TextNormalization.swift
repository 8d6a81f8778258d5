import Foundation

/// Name normalization shared by matching, identifiers and lookups.
public enum TextNormalization {
    /// Letters that carry no decomposable accent but stand for a plain one ("Łukasz", "Ødegaard").
    private static let plainLetters: [Character: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l",
    ]

    /// Lower-cased, accents and other diacritics removed, typographic apostrophes folded to "'":
    /// the form words are compared in ("Orbán", "ORBAN" and "orban" -> "orban").
    public static func fold(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 >= 0x80 }) { return text.lowercased() }
        let s = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        guard s.contains(where: { plainLetters[$0] != nil || $0 == "\u{2019}" || $0 == "\u{2018}" }) else { return s }
        var out = ""
        for ch in s {
            if let plain = plainLetters[ch] { out += plain } else if ch == "\u{2019}" || ch == "\u{2018}" { out.append("'") } else { out.append(ch) }
        }
        return out
    }

    /// Folded (see `fold`), punctuation collapsed to single spaces, a leading "the" and a trailing
    /// possessive dropped: "The Kremlin's" -> "kremlin", "Viktor Orbán" -> "viktor orban".
    public static func key(_ text: String) -> String {
        var s = fold(text)
        if s.hasPrefix("the ") { s.removeFirst(4) }
        if s.hasSuffix("'s") { s.removeLast(2) }
        var out = ""
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// A URL- and identifier-safe form of a name: "Kim Yong Bok" -> "kim-yong-bok", "Viktor Orbán" -> "viktor-orban".
    public static func slug(_ text: String) -> String {
        key(text).replacingOccurrences(of: " ", with: "-")
    }

    /// Two spellings of one name, of which `a` keeps more of the name's accents ("Orbán" over "Orban"):
    /// the one to display.
    public static func isFullerSpelling(_ a: String, than b: String) -> Bool {
        func accented(_ s: String) -> Int { s.unicodeScalars.filter { $0.value >= 0x80 && $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }.count }
        return a != b && accented(a) > accented(b) && key(a) == key(b)
    }
}
