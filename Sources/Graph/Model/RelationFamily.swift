/// The fourteen relation families an edge can belong to (head -> tail).
public enum RelationFamily: String, Codable, CaseIterable, Sendable, Comparable {
    /// Heads, commands, presides over.
    case leads
    /// Belongs to, works for, is an official of.
    case memberOf = "member_of"
    /// A unit, agency or place inside a larger one.
    case partOf = "part_of"
    /// Sends, dispatches or moves forces or people to.
    case deployedTo = "deployed_to"
    /// Combat against someone, or in a place.
    case fights
    /// Treaty, pact, partnership, fighting alongside.
    case alliedWith = "allied_with"
    /// Supplies aid, weapons, money, technology; authorizes.
    case supports
    /// Strikes, invades, raids, attempts to kill.
    case attacks
    /// Praises, thanks, honors.
    case praises
    /// Confirms, acknowledges, recognizes a fact about the tail.
    case confirms
    /// Denies, disputes, rejects the tail's claim.
    case disputes
    /// States, reports, claims, tells.
    case says
    /// Meets with.
    case meets
    /// Is present in a place.
    case locatedIn = "located_in"

    /// Families whose direction carries no meaning.
    public var isSymmetric: Bool {
        self == .alliedWith || self == .meets
    }

    public static func < (lhs: RelationFamily, rhs: RelationFamily) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
