import Foundation

/// Name normalization shared by matching, identifiers and lookups.
public enum TextNormalization {
    /// Lower-cased, typographic quotes folded, punctuation collapsed to single spaces,
    /// a leading "the" and a trailing possessive dropped: "The Kremlin's" -> "kremlin".
    public static func key(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .lowercased()
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

    /// A URL- and identifier-safe form of a name: "Kim Yong Bok" -> "kim-yong-bok".
    public static func slug(_ text: String) -> String {
        key(text).replacingOccurrences(of: " ", with: "-")
    }
}
