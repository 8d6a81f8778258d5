import Foundation

/// The graph as GraphML with typed keys, which Gephi, Cytoscape and yEd open.
///
/// Nodes carry `label` (the name: Gephi's node label) and `name` (the same: Cytoscape's node
/// label), `type`, `aliases`, `mentions` and `documents`. Edges carry `label` (the family:
/// Gephi's edge label) and `interaction` (the same: Cytoscape's edge interaction), `family`,
/// `confidence`, and their whole provenance: `evidence_count` (citing sentences),
/// `document_count` (citing articles), `documents` (the article ids, one per line) and
/// `sentences` (every citing sentence as `document@start-end: sentence`, one per line).
/// Text is escaped for XML 1.0 (`&apos;` is never written: some Java XML readers split a
/// value on it), and characters XML 1.0 forbids are dropped.
public enum GraphMLExporter {
    /// - Complexity: O(entities + mentions + evidence).
    public static func export(_ g: GraphSnapshot) -> Data {
        var x = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
          <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
          <key id="node_documents" for="node" attr.name="documents" attr.type="string"/>
          <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>
          <key id="interaction" for="edge" attr.name="interaction" attr.type="string"/>
          <key id="family" for="edge" attr.name="family" attr.type="string"/>
          <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
          <key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>
          <key id="document_count" for="edge" attr.name="document_count" attr.type="int"/>
          <key id="documents" for="edge" attr.name="documents" attr.type="string"/>
          <key id="sentences" for="edge" attr.name="sentences" attr.type="string"/>
          <graph id="kg" edgedefault="directed">

        """
        var mentionCount: [String: Int] = [:]
        var mentionDocuments: [String: Set<String>] = [:]
        for m in g.mentions {
            mentionCount[m.entityID, default: 0] += 1
            mentionDocuments[m.entityID, default: []].insert(m.documentID)
        }
        for e in g.entities {
            x += "    <node id=\"\(esc(e.id))\">\n"
            x += "      <data key=\"label\">\(esc(e.name))</data>\n"
            x += "      <data key=\"name\">\(esc(e.name))</data>\n"
            x += "      <data key=\"type\">\(e.type.rawValue)</data>\n"
            x += "      <data key=\"aliases\">\(esc(e.aliases.joined(separator: "; ")))</data>\n"
            x += "      <data key=\"mentions\">\(mentionCount[e.id] ?? 0)</data>\n"
            x += "      <data key=\"node_documents\">\(esc(lines((mentionDocuments[e.id] ?? []).sorted())))</data>\n"
            x += "    </node>\n"
        }
        for (i, r) in g.relations.enumerated() {
            let documents = Array(Set(r.evidence.map(\.documentID))).sorted()
            x += "    <edge id=\"e\(i)\" source=\"\(esc(r.head))\" target=\"\(esc(r.tail))\">\n"
            x += "      <data key=\"edge_label\">\(r.family.rawValue)</data>\n"
            x += "      <data key=\"interaction\">\(r.family.rawValue)</data>\n"
            x += "      <data key=\"family\">\(r.family.rawValue)</data>\n"
            x += "      <data key=\"confidence\">\(r.confidence)</data>\n"
            x += "      <data key=\"evidence_count\">\(r.evidence.count)</data>\n"
            x += "      <data key=\"document_count\">\(documents.count)</data>\n"
            x += "      <data key=\"documents\">\(esc(lines(documents)))</data>\n"
            x += "      <data key=\"sentences\">\(esc(lines(r.evidence.map { "\($0.documentID)@\($0.start)-\($0.end): \($0.text)" })))</data>\n"
            x += "    </edge>\n"
        }
        x += "  </graph>\n</graphml>\n"
        return Data(x.utf8)
    }

    /// Values one per line, each with its own line breaks turned into spaces.
    static func lines(_ values: [String]) -> String {
        values.map { v in
            String(String.UnicodeScalarView(v.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        }.joined(separator: "\n")
    }

    /// XML text escaping (never `&apos;`); characters XML 1.0 forbids are dropped.
    static func esc(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\t", "\n", "\r": out.append(u)
            default:
                if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { out.append(u) }
            }
        }
        return String(out)
    }
}
