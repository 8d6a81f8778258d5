/// The formats `kg export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Graphviz DOT, written by Graphviz itself.
    case dot
    /// The JSON contract of ../shared/eval (documents, entities with mentions, relations with evidence).
    case json
    /// GraphML with typed keys, for Gephi, Cytoscape and yEd.
    case graphml
    /// A folder with nodes.csv and relations.csv in Neo4j admin-import form.
    case csv
}
