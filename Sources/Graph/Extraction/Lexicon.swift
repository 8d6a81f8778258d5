import Foundation

/// Every word list extraction uses, read from the data files in Resources.
///
/// Adding a state, an alias, a role, a trigger or a chrome pattern is an edit
/// to a table, never to code.
public struct Lexicon: Sendable {
    public struct State: Sendable {
        public var name: String
        public var aliases: [String]
        public var seats: [String]
        public var demonyms: [String]
        /// Canonical name and aliases of its armed forces.
        public var army: [String]
    }

    public struct KnownEntity: Sendable {
        public var type: EntityType
        public var name: String
        public var aliases: [String]
    }

    public struct Role: Sendable {
        public var words: [String]
        public var family: RelationFamily
        /// The role ties the person to the armed forces of a named state rather than to the state.
        public var targetsArmy: Bool
    }

    public enum Frame: String, Sendable {
        case svo, motion, speech, source, mutual, passive
    }

    /// A relation trigger keyed by lemma, read on the dependency tree.
    public struct LemmaTrigger: Sendable {
        public enum Frame: String, Sendable { case act, motion, speech, mutual }
        public var lemma: String
        public var family: RelationFamily
        public var frame: Frame
        public var verb: Bool
        public var noun: Bool
        /// Prepositions that introduce the tail; empty: the family's own.
        public var prepositions: Set<String>
    }

    public struct Trigger: Sendable {
        public var family: RelationFamily
        public var frame: Frame
        public var words: [String]
    }

    public var states: [State]
    public var entities: [KnownEntity]
    public var roles: [Role]
    public var triggers: [Trigger]
    /// Triggers read on the dependency tree, by lemma (`lemmas.tsv`).
    public var lemmaTriggers: [String: [LemmaTrigger]]
    public var chrome: [ChromePattern]
    public var abbreviations: Set<String>
    public var cues: [String: Set<String>]
    public var givenNames: Set<String>
    public var surnames: Set<String>
    /// Family names written first ("Kim Yong Bok"): the first word is the short form.
    public var familyFirst: Set<String>
    /// Given names that usually mark a man, and a woman (also in `givenNames`).
    public var maleNames: Set<String>
    public var femaleNames: Set<String>
    /// What each family may connect (head types, tail types) and the prepositions that may introduce its object.
    public var signatures: [RelationFamily: Signature]

    public struct Signature: Sendable {
        public var heads: Set<EntityType>
        public var tails: Set<EntityType>
        public var objectPrepositions: Set<String>
    }

    /// The lexicon shipped with kg.
    public static let standard: Lexicon = {
        do { return try Lexicon(bundle: Bundle.module) } catch {
            fatalError("kg's bundled lexicon is broken: \(error)")
        }
    }()

    public init(bundle: Bundle) throws {
        func table(_ name: String, _ ext: String) throws -> [[String]] {
            guard let url = bundle.url(forResource: name, withExtension: ext) else {
                throw LexiconError.missing("\(name).\(ext)")
            }
            return try Self.rows(String(contentsOf: url, encoding: .utf8))
        }
        func list(_ s: String) -> [String] {
            s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        states = try table("states", "tsv").map { r in
            let demonyms = list(r[safe: 3])
            var army = list(r[safe: 4])
            if army.isEmpty, let d = demonyms.first { army = ["\(d) armed forces"] }
            return State(name: r[0], aliases: list(r[safe: 1]), seats: list(r[safe: 2]), demonyms: demonyms, army: army)
        }
        entities = try table("entities", "tsv").map { r in
            guard let type = EntityType(rawValue: r[0]) else { throw LexiconError.badRow("entities.tsv", r.joined(separator: "\t")) }
            return KnownEntity(type: type, name: r[safe: 1], aliases: list(r[safe: 2]))
        }
        roles = try table("roles", "tsv").map { r in
            guard let family = RelationFamily(rawValue: r[safe: 1]) else { throw LexiconError.badRow("roles.tsv", r.joined(separator: "\t")) }
            return Role(words: TextNormalization.fold(r[0]).split(separator: " ").map(String.init), family: family, targetsArmy: r[safe: 2] == "army")
        }
        triggers = try table("triggers", "tsv").map { r in
            guard let family = RelationFamily(rawValue: r[0]), let frame = Frame(rawValue: r[safe: 1]) else {
                throw LexiconError.badRow("triggers.tsv", r.joined(separator: "\t"))
            }
            return Trigger(family: family, frame: frame, words: list(r[safe: 2]))
        }
        var lemmaTriggers: [String: [LemmaTrigger]] = [:]
        for r in try table("lemmas", "tsv") {
            guard let family = RelationFamily(rawValue: r[safe: 1]), let frame = LemmaTrigger.Frame(rawValue: r[safe: 2]) else {
                throw LexiconError.badRow("lemmas.tsv", r.joined(separator: "\t"))
            }
            let pos = Set(list(r[safe: 3]))
            lemmaTriggers[r[0].lowercased(), default: []].append(LemmaTrigger(
                lemma: r[0].lowercased(), family: family, frame: frame, verb: pos.contains("verb"), noun: pos.contains("noun"),
                prepositions: Set(list(r[safe: 4]))))
        }
        self.lemmaTriggers = lemmaTriggers
        chrome = try table("chrome", "tsv").map { r in
            guard let kind = ChromePattern.Kind(rawValue: r[0]) else { throw LexiconError.badRow("chrome.tsv", r.joined(separator: "\t")) }
            return try ChromePattern(kind: kind, pattern: r[safe: 1])
        }
        abbreviations = Set(try table("abbreviations", "txt").map { TextNormalization.fold($0[0]) })
        var cues: [String: Set<String>] = [:]
        for r in try table("cues", "tsv") + table("grammar", "tsv") {
            cues[r[0], default: []].formUnion(list(r[safe: 1]).map(TextNormalization.fold))
        }
        self.cues = cues
        var names: [String: Set<String>] = [:]
        for r in try table("names", "tsv") { names[r[0], default: []].formUnion(list(r[safe: 1]).map(TextNormalization.fold)) }
        maleNames = names["male"] ?? []
        femaleNames = names["female"] ?? []
        givenNames = (names["given"] ?? []).union(maleNames).union(femaleNames)
        familyFirst = names["familyfirst"] ?? []
        surnames = (names["surname"] ?? []).union(familyFirst)
        var sigs: [RelationFamily: Signature] = [:]
        for r in try table("signatures", "tsv") {
            guard let family = RelationFamily(rawValue: r[0]) else { throw LexiconError.badRow("signatures.tsv", r.joined(separator: "\t")) }
            let types = { (s: String) in Set(list(s).compactMap(EntityType.init(rawValue:))) }
            sigs[family] = Signature(heads: types(r[safe: 1]), tails: types(r[safe: 2]), objectPrepositions: Set(list(r[safe: 3])))
        }
        signatures = sigs
    }

    /// Tab-separated rows, without blank lines and `#` comments.
    static func rows(_ text: String) -> [[String]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let l = String(line)
            if l.trimmingCharacters(in: .whitespaces).isEmpty || l.hasPrefix("#") { return nil }
            return l.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    public func cue(_ kind: String) -> Set<String> { cues[kind] ?? [] }

    /// The phrases of one cue kind, for longest-match look-up.
    public func phrases(_ kind: String) -> PhraseMatcher<Bool> {
        var m = PhraseMatcher<Bool>()
        cue(kind).forEach { m.add($0, true) }
        return m
    }

    /// Role nouns by their words, for longest-match look-up.
    public var roleMatcher: PhraseMatcher<Role> {
        var m = PhraseMatcher<Role>()
        roles.forEach { m.add($0.words.joined(separator: " "), $0) }
        return m
    }
}

/// A data file of the lexicon is missing or malformed.
public enum LexiconError: LocalizedError {
    /// A resource file is not in the bundle.
    case missing(String)
    /// A row does not have the columns its file defines.
    case badRow(String, String)
    /// A line of a user catalog is malformed: the file, its line number and the problem.
    case badCatalogLine(String, line: Int, reason: String)
    /// A user catalog cannot be read.
    case unreadable(String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let f): return "lexicon file \(f) is missing"
        case .badRow(let f, let row): return "\(f): malformed row '\(row)'"
        case .badCatalogLine(let f, let line, let why): return "\(f):\(line): \(why)"
        case .unreadable(let f, let why): return "\(f): cannot read the catalog (\(why))"
        }
    }
}

extension Array where Element == String {
    subscript(safe i: Int) -> String { i < count ? self[i] : "" }
}
