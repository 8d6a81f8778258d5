/// The function words extraction reads sentence structure with, from `grammar.tsv`.
struct Grammar: Sendable {
    let prepositions: Set<String>
    let destinationPrepositions: Set<String>
    let negators: Set<String>
    let quantities: Set<String>
    let relativizers: Set<String>
    let coordinators: Set<String>
    let conjunctions: Set<String>
    let joinVerbs: Set<String>
    let appositionLead: Set<String>
    let connectors: Set<String>
    let governmentNouns: Set<String>
    let determiners: Set<String>
    /// Lower-case particles inside names, as in "el-Sisi", "al-Assad".
    let nameParticles: Set<String>
    /// Lower-case words between the words of a name ("von der" in "Ursula von der Leyen").
    let surnameParticles: Set<String>
    /// Surname particles of persons' names only ("von", "bin"): a name with one inside is a person's.
    let personParticles: Set<String>
    /// Phrases after which, up to the next punctuation, nothing is asserted ("in the event of a war").
    let hypothetical: PhraseMatcher<Bool>
    /// Words that weaken what follows ("may consider sending").
    let hedges: Set<String>
    let auxiliaries: Set<String>
    /// Irregular past tenses ("met", "led"): a noun before one ends there.
    let pastVerbs: Set<String>
    /// Adverbs that stand between a subject and its verb ("the president also met").
    let adverbs: Set<String>
    /// One-word speech verbs ("said", "added"), from the speech triggers.
    let speechVerbs: Set<String>
    /// Verbs that send or move what follows them ("sent", "deployed", "moved" of "moved to"), from the deployment triggers.
    let sendVerbs: Set<String>

    init(lexicon: Lexicon) {
        prepositions = lexicon.cue("preposition")
        destinationPrepositions = lexicon.cue("destination")
        negators = lexicon.cue("negator")
        quantities = lexicon.cue("quantity")
        relativizers = lexicon.cue("relativizer")
        coordinators = lexicon.cue("coordinator")
        conjunctions = lexicon.cue("conjunction")
        joinVerbs = lexicon.cue("join")
        appositionLead = lexicon.cue("appositionlead")
        connectors = lexicon.cue("connector")
        governmentNouns = lexicon.cue("governmentnoun")
        determiners = lexicon.cue("determiner")
        nameParticles = lexicon.cue("nameparticle")
        surnameParticles = lexicon.cue("surnameparticle")
        personParticles = lexicon.cue("personparticle")
        hypothetical = lexicon.phrases("hypothetical")
        hedges = lexicon.cue("hedge")
        auxiliaries = lexicon.cue("auxiliary")
        pastVerbs = lexicon.cue("pastverb")
        adverbs = lexicon.cue("adverb")
        speechVerbs = Set(lexicon.triggers.filter { $0.frame == .speech }.flatMap(\.words).filter { !$0.contains(" ") })
        sendVerbs = Set(lexicon.triggers.filter { $0.frame == .motion && $0.family == .deployedTo }.flatMap(\.words)
            .compactMap { $0.split(separator: " ").first.map(String.init) })
    }
}
