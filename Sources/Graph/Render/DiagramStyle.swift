/// How nodes of each entity type look: a table, not code.
public struct DiagramStyle: Sendable {
    public struct NodeStyle: Sendable {
        public var shape: String
        public var fill: String
        public var border: String
    }

    public var nodes: [EntityType: NodeStyle]
    public var edgeColors: [RelationFamily: String]

    public static let standard = DiagramStyle(
        nodes: [
            .person: NodeStyle(shape: "ellipse", fill: "#dbeafe", border: "#1d4ed8"),
            .government: NodeStyle(shape: "box", fill: "#fde68a", border: "#b45309"),
            .organization: NodeStyle(shape: "component", fill: "#dcfce7", border: "#15803d"),
            .military: NodeStyle(shape: "hexagon", fill: "#fecaca", border: "#b91c1c"),
            .place: NodeStyle(shape: "house", fill: "#e9d5ff", border: "#7e22ce"),
            .event: NodeStyle(shape: "diamond", fill: "#e5e7eb", border: "#374151"),
        ],
        edgeColors: [
            .leads: "#1d4ed8", .memberOf: "#2563eb", .partOf: "#6b7280", .deployedTo: "#b91c1c",
            .fights: "#dc2626", .alliedWith: "#16a34a", .supports: "#15803d", .attacks: "#991b1b",
            .praises: "#ca8a04", .confirms: "#0891b2", .disputes: "#c2410c", .says: "#9ca3af",
            .meets: "#7c3aed", .locatedIn: "#7e22ce",
        ])
}
