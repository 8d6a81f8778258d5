/// How nodes of each entity type and edges of each family look: a table, not code.
public struct DiagramStyle: Sendable {
    public struct NodeStyle: Sendable {
        /// The Graphviz shape, and how the legend names it.
        public var shape: String
        public var shapeName: String
        public var fill: String
        public var border: String
    }

    public var nodes: [EntityType: NodeStyle]
    public var edgeColors: [RelationFamily: String]

    /// The style of a type (organization's when the table has none).
    public func node(_ type: EntityType) -> NodeStyle {
        nodes[type] ?? nodes[.organization] ?? NodeStyle(shape: "ellipse", shapeName: "oval", fill: "#f3f4f6", border: "#374151")
    }

    public static let standard = DiagramStyle(
        nodes: [
            .person: NodeStyle(shape: "ellipse", shapeName: "oval", fill: "#dbeafe", border: "#1d4ed8"),
            .government: NodeStyle(shape: "box", shapeName: "box", fill: "#fde68a", border: "#b45309"),
            .organization: NodeStyle(shape: "component", shapeName: "tabbed box", fill: "#dcfce7", border: "#15803d"),
            .military: NodeStyle(shape: "hexagon", shapeName: "hexagon", fill: "#fecaca", border: "#b91c1c"),
            .place: NodeStyle(shape: "house", shapeName: "house", fill: "#e9d5ff", border: "#7e22ce"),
            .event: NodeStyle(shape: "diamond", shapeName: "diamond", fill: "#e5e7eb", border: "#374151"),
        ],
        edgeColors: [
            .leads: "#1d4ed8", .memberOf: "#0284c7", .partOf: "#6b7280", .deployedTo: "#b91c1c",
            .fights: "#dc2626", .alliedWith: "#16a34a", .supports: "#15803d", .attacks: "#be185d",
            .praises: "#ca8a04", .confirms: "#0891b2", .disputes: "#c2410c", .says: "#9ca3af",
            .meets: "#7c3aed", .locatedIn: "#7e22ce",
        ])
}
