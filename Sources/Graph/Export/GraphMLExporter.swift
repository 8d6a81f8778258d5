import Foundation

/// The graph as GraphML with typed keys (entity type, family, evidence count,
/// first sentence), which Gephi, Cytoscape and yEd open.
public enum GraphMLExporter {
    public static func export(_ g: GraphSnapshot) -> Data {
        var x = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="label" for="node" attr.name="label" attr.type="string"/>
          <key id="type" for="node" attr.name="type" attr.type="string"/>
          <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
          <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
          <key id="family" for="edge" attr.name="family" attr.type="string"/>
          <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
          <key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>
          <key id="documents" for="edge" attr.name="documents" attr.type="string"/>
          <key id="first_sentence" for="edge" attr.name="first_sentence" attr.type="string"/>
          <graph id="kg" edgedefault="directed">

        """
        var mentionCount: [String: Int] = [:]
        for m in g.mentions { mentionCount[m.entityID, default: 0] += 1 }
        for e in g.entities {
            x += "    <node id=\"\(esc(e.id))\">\n"
            x += "      <data key=\"label\">\(esc(e.name))</data>\n"
            x += "      <data key=\"type\">\(e.type.rawValue)</data>\n"
            x += "      <data key=\"aliases\">\(esc(e.aliases.joined(separator: "; ")))</data>\n"
            x += "      <data key=\"mentions\">\(mentionCount[e.id] ?? 0)</data>\n"
            x += "    </node>\n"
        }
        for (i, r) in g.relations.enumerated() {
            x += "    <edge id=\"e\(i)\" source=\"\(esc(r.head))\" target=\"\(esc(r.tail))\">\n"
            x += "      <data key=\"family\">\(r.family.rawValue)</data>\n"
            x += "      <data key=\"confidence\">\(r.confidence)</data>\n"
            x += "      <data key=\"evidence_count\">\(r.evidence.count)</data>\n"
            x += "      <data key=\"documents\">\(esc(Array(Set(r.evidence.map(\.documentID))).sorted().joined(separator: "; ")))</data>\n"
            x += "      <data key=\"first_sentence\">\(esc(r.evidence.first?.text ?? ""))</data>\n"
            x += "    </edge>\n"
        }
        x += "  </graph>\n</graphml>\n"
        return Data(x.utf8)
    }

    /// XML text escaping; characters XML 1.0 forbids are dropped.
    static func esc(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value >= 0x20 && u.value != 0xFFFE && u.value != 0xFFFF { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
