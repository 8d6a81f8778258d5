/// The kind of real-world thing an entity is.
///
/// The cases follow the evaluation contract: a *government* is a state acting
/// (its capital, seat and demonym stand for it), *military* covers armies,
/// corps, units and forces taken as a collective.
public enum EntityType: String, Codable, CaseIterable, Sendable, Comparable {
    case person
    case government
    case organization
    case military
    case place
    case event

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
