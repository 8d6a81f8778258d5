/// A run of tokens in one sentence that names (or refers to) an entity.
struct Span: Sendable {
    enum Kind: Sendable, Equatable {
        /// A name or alias ("Vladimir Putin", "the Kremlin").
        case name
        /// A demonym or capital standing for a state ("Russian", "Moscow").
        case stateForm
        /// A state's armed forces ("North Korean troops", "Pyongyang's troops").
        case forces
        /// A pronoun, resolved to a person of the article.
        case pronoun
        /// A bare noun resolved to an entity already named: a force ("the troops", "special forces"),
        /// a person by a definite description ("the French president").
        case anaphor
        /// A short form of a name used earlier ("Yu", "Mr Putin").
        case shortForm
    }

    var first: Int
    var end: Int
    var entity: String
    var type: EntityType
    var kind: Kind
    /// Qualifies the noun after it ("Russian President", "Russia's Kursk region"); not a clause subject or object.
    var modifier = false
    /// Owns the common noun after it ("Russia's prolonged war", "Moscow's efforts"): not a subject or
    /// object itself, but the agent of a noun trigger and a possible destination.
    var possessor = false
    /// The subject of its sentence's main clause (from the parse): the likeliest antecedent of a later pronoun.
    var mainSubject = false
    /// Count toward the entity's mentions and names (pronouns and anaphors do not).
    var isNaming: Bool { kind != .pronoun && kind != .anaphor }
}
