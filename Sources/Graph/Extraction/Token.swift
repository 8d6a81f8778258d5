/// A word or punctuation mark with its place in the source.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public let text: String
    public let kind: Kind
    /// Scalar offsets into the source file.
    public let start: Int
    public let end: Int

    /// Starts with an upper-case letter.
    public var isCapitalized: Bool {
        guard let f = text.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    /// Every letter is upper case ("NATO", "KCNA").
    public var isAllCaps: Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    public var lower: String { text.lowercased() }
}
