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
    private var index: [String: [(tokens: [String], hit: Hit, exactCase: [Bool])]] = [:]
    private var byID: [String: Int] = [:]

    public init(lexicon: Lexicon) {
        states = lexicon.states
        stopWords = lexicon.cue("stop")
        titles = lexicon.cue("title")
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
                if parts.count >= 2, !lexicon.familyFirst.contains(parts[0].lowercased()) {
                    lastNames[parts.last!, default: []].append(e)
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
        // Acronyms and short upper-case names ("US", "UK", "NIS") only match as written.
        let exact = tokens.map { $0.kind == .word && $0.isCapitalized && ($0.isAllCaps || $0.text.count <= 2) }
        index[keys[0], default: []].append((keys, Hit(entry: entry, form: form, length: keys.count), exact))
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
    /// Matching is case-insensitive, except that acronyms must be written as in
    /// the catalog and a match must start with a capital (or a digit).
    public func match(_ tokens: [Token], at: Int) -> Hit? {
        guard let candidates = index[tokens[at].lower] else { return nil }
        guard tokens[at].isCapitalized || tokens[at].text.first?.isNumber == true else { return nil }
        var best: Hit?
        for c in candidates where c.tokens.count > (best?.length ?? 0) && at + c.tokens.count <= tokens.count {
            var ok = true
            for k in 0..<c.tokens.count {
                let t = tokens[at + k]
                if t.lower != c.tokens[k] { ok = false; break }
                if c.exactCase[k] && !(t.isAllCaps || t.text.count <= 2 && t.isCapitalized) { ok = false; break }
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

    /// The armed forces entry of the state a government entry stands for.
    public func army(ofGovernment entry: Int) -> Int? {
        entries[entry].state.map { armyEntry[$0] }
    }

    /// The first demonym of a state ("North Korean").
    public func demonym(ofState s: Int) -> String {
        states[s].demonyms.first ?? states[s].name
    }
}
