/// A word or punctuation mark with its place in the source.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public let text: String
    public let kind: Kind
    /// Scalar offsets into the source file.
    public let start: Int
    public let end: Int
    /// Lower-cased, accents removed, typographic apostrophes folded to "'": the form lexicons are
    /// compared in (`TextNormalization.fold`).
    public let lower: String
    /// Starts with an upper-case letter.
    public let isCapitalized: Bool
    /// Every letter is upper case, and there are at least two ("NATO", "KCNA").
    public let isAllCaps: Bool

    public init(text: String, kind: Kind, start: Int, end: Int) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.lower = TextNormalization.fold(text)
        func isUpper(_ u: Unicode.Scalar) -> Bool { u.value < 0x80 ? (u.value >= 0x41 && u.value <= 0x5A) : u.properties.isUppercase }
        func isLetter(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x80 ? (u.value | 0x20 >= 0x61 && u.value | 0x20 <= 0x7A) : u.properties.isAlphabetic
        }
        self.isCapitalized = text.unicodeScalars.first.map(isUpper) ?? false
        var letters = 0, upper = 0
        for u in text.unicodeScalars where isLetter(u) {
            letters += 1
            if isUpper(u) { upper += 1 }
        }
        self.isAllCaps = letters >= 2 && upper == letters
    }
}
