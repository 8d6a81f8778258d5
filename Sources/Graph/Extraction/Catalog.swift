/// The known identities, indexed for matching token runs.
///
/// Built from the lexicon: every state (with its capital, seat and demonyms as
/// aliases), the armed forces of every state, and the known entities. Names
/// are matched on token sequences, longest first.
public struct Catalog: Sendable {
    /// How a catalog name was written in the text.
    public enum Form: Sendable, Equatable {
        case name, seat, demonym, army
        /// A known person's surname alone ("Putin"); matches only when no other name word touches it.
        case surname
    }

    public struct Entry: Sendable {
        public var id: String
        public var name: String
        public var type: EntityType
        public var aliases: [String]
        /// For a government, the index of its state; for armed forces, the state they belong to.
        public var state: Int?
    }

    public struct Hit: Sendable {
        public var entry: Int
        public var form: Form
        public var length: Int
    }

    public private(set) var entries: [Entry] = []
    /// Index of states' government entries and army entries.
    public private(set) var governmentEntry: [Int] = []
    public private(set) var armyEntry: [Int] = []
    public let states: [Lexicon.State]
    let stopWords: Set<String>
    /// Titles may stand before a lone surname ("President Biden", "Mr Putin").
    let titles: Set<String>
    /// Lower-case particles that may open a surname ("von der Leyen", "de Gaulle").
    let surnameParticles: Set<String>
    /// Particles joined by a hyphen to a name ("al-Qaeda").
    let nameParticles: Set<String>
    /// How a word of a catalog name must be written in the text to match it.
    enum CaseRule {
        /// In any case ("Korean war").
        case any
        /// As written: short upper-case names ("US", "UK", "G7"), and acronyms that spell a common word ("WHO").
        case asWritten
        /// An acronym of three or more letters: in capitals or in title case ("NATO", "Nato"), never in lower case.
        case acronym
    }
    private var index: [String: [(tokens: [String], hit: Hit, cases: [CaseRule])]] = [:]
    private var byID: [String: Int] = [:]

    public init(lexicon: Lexicon) {
        states = lexicon.states
        stopWords = lexicon.cue("stop")
        titles = lexicon.cue("title")
        surnameParticles = lexicon.cue("surnameparticle")
        nameParticles = lexicon.cue("nameparticle")
        for (s, state) in lexicon.states.enumerated() {
            let gov = add(Entry(id: Entity.makeID(type: .government, name: state.name), name: state.name, type: .government,
                                aliases: state.aliases + state.seats + state.demonyms, state: s))
            governmentEntry.append(gov)
            register(state.name, entry: gov, form: .name)
            state.aliases.forEach { register($0, entry: gov, form: .name) }
            state.seats.forEach { register($0, entry: gov, form: .seat) }
            state.demonyms.forEach { register($0, entry: gov, form: .demonym) }
            let armyName = state.army.first ?? "\(state.name) armed forces"
            let army = add(Entry(id: Entity.makeID(type: .military, name: armyName), name: armyName, type: .military,
                                 aliases: Array(state.army.dropFirst()) + state.demonyms.prefix(1).flatMap { d in
                                     ["\(d) troops", "\(d) soldiers", "\(d) forces"]
                                 }, state: s))
            armyEntry.append(army)
            state.army.forEach { register($0, entry: army, form: .army) }
        }
        // Surnames of known people stand for them when no other known person shares them.
        var lastNames: [String: [Int]] = [:]
        for known in lexicon.entities {
            let e = add(Entry(id: Entity.makeID(type: known.type, name: known.name), name: known.name, type: known.type,
                              aliases: known.aliases, state: nil))
            register(known.name, entry: e, form: .name)
            known.aliases.forEach { register($0, entry: e, form: .name) }
            if known.type == .person {
                let parts = known.name.split(separator: " ").map(String.init)
                // family-name-first names (Kim Jong Un, Park Chung Hee) share their surname too widely
                if parts.count >= 2, !lexicon.familyFirst.contains(TextNormalization.fold(parts[0])) {
                    // "Ursula von der Leyen" -> "von der Leyen": a surname opens with its particles
                    let from = parts.indices.dropFirst().first { surnameParticles.contains(TextNormalization.fold(parts[$0])) } ?? parts.count - 1
                    lastNames[parts[from...].joined(separator: " "), default: []].append(e)
                }
            }
        }
        for (surname, owners) in lastNames where Set(owners).count == 1 && lookup(surname) == nil {
            entries[owners[0]].aliases.append(surname)
            register(surname, entry: owners[0], form: .surname)
        }
    }

    private mutating func add(_ e: Entry) -> Int {
        if let i = byID[e.id] { return i }
        entries.append(e)
        byID[e.id] = entries.count - 1
        return entries.count - 1
    }

    private mutating func register(_ alias: String, entry: Int, form: Form) {
        // "the 11th Corps" is matched as "11th Corps": articles are not part of names
        let alias = alias.lowercased().hasPrefix("the ") ? String(alias.dropFirst(4)) : alias
        let tokens = Tokenizer.tokenize(SourceText(alias), 0..<alias.unicodeScalars.count)
        guard !tokens.isEmpty else { return }
        let keys = tokens.map(\.lower)
        // Acronyms and short upper-case names ("US", "UK", "NIS") match as written; longer acronyms in title case too
        // ("Nato"), unless that spells a common word ("Who").
        let cases = tokens.map { t -> CaseRule in
            guard t.kind == .word, t.isCapitalized, t.isAllCaps || t.text.count <= 2 else { return .any }
            let letters = t.text.unicodeScalars.filter(\.properties.isAlphabetic).count
            return t.isAllCaps && letters >= 3 && !stopWords.contains(t.lower) ? .acronym : .asWritten
        }
        index[keys[0], default: []].append((keys, Hit(entry: entry, form: form, length: keys.count), cases))
    }

    /// The entry whose name or alias is exactly `name` (any case).
    public func lookup(_ name: String) -> Int? {
        let tokens = Tokenizer.tokenize(SourceText(name), 0..<name.unicodeScalars.count)
        guard !tokens.isEmpty else { return nil }
        let keys = tokens.map(\.lower)
        return index[keys[0]]?.first { $0.tokens == keys }?.hit.entry
    }

    public func entry(id: String) -> Entry? { byID[id].map { entries[$0] } }

    /// The index of the entry with this id.
    public func index(of id: String) -> Int? { byID[id] }

    /// The longest catalog name starting at `tokens[at]`.
    ///
    /// Matching is case- and accent-insensitive, except that acronyms must be written in capitals (or,
    /// three letters or more, in title case), and a match must start with a capital, a digit or a
    /// name particle ("al-Qaeda", "von der Leyen").
    public func match(_ tokens: [Token], at: Int) -> Hit? {
        guard let candidates = index[tokens[at].lower] else { return nil }
        let first = tokens[at]
        // "von der Leyen": a lone particle opens a longer name that ends in a capitalized word
        let particle = surnameParticles.contains(first.lower)
        guard first.isCapitalized || first.text.first?.isNumber == true || particle || opensWithNameParticle(first) else { return nil }
        var best: Hit?
        for c in candidates where c.tokens.count > (best?.length ?? 0) && at + c.tokens.count <= tokens.count {
            if particle && !first.isCapitalized && !(c.tokens.count > 1 && tokens[at + c.tokens.count - 1].isCapitalized) { continue }
            var ok = true
            for k in 0..<c.tokens.count {
                let t = tokens[at + k]
                if t.lower != c.tokens[k] { ok = false; break }
                switch c.cases[k] {
                case .any: break
                case .asWritten: if !(t.isAllCaps || t.text.count <= 2 && t.isCapitalized) { ok = false }
                case .acronym: if !(t.isAllCaps || Self.isTitleCase(t.text)) { ok = false }
                }
                if !ok { break }
                // tokens of one name are not split by a line or a sentence stop
                if k > 0 && t.start - tokens[at + k - 1].end > 1 { ok = false; break }
            }
            if ok, c.hit.form == .surname {
                // "Hanna Lee" is not Lee Jae-myung: a lone surname must stand alone
                func nameWord(_ t: Token) -> Bool { t.kind == .word && t.isCapitalized && !stopWords.contains(t.lower) }
                let before = at > 0 && nameWord(tokens[at - 1]) && !titles.contains(tokens[at - 1].lower)
                let after = at + 1 < tokens.count && nameWord(tokens[at + 1])
                if before || after { ok = false }
            }
            if ok { best = c.hit }
        }
        return best
    }

    /// "Nato": a capital, then only lower-case letters.
    static func isTitleCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isUppercase else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy { !$0.properties.isAlphabetic || $0.properties.isLowercase }
    }

    /// "al-Qaeda", "el-Sisi": a particle joined by a hyphen to a capitalized name.
    func opensWithNameParticle(_ t: Token) -> Bool {
        let parts = t.text.split(separator: "-", maxSplits: 1)
        return parts.count == 2 && nameParticles.contains(TextNormalization.fold(String(parts[0]))) && parts[1].first?.isUppercase == true
    }

    /// The armed forces entry of the state a government entry stands for.
    public func army(ofGovernment entry: Int) -> Int? {
        entries[entry].state.map { armyEntry[$0] }
    }

    /// The first demonym of a state ("North Korean").
    public func demonym(ofState s: Int) -> String {
        states[s].demonyms.first ?? states[s].name
    }
}
