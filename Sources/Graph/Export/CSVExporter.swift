import Foundation

/// The graph as two CSV files with Neo4j admin-import headers:
/// `nodes.csv` (`id:ID`, `name`, `aliases:string[]`, `:LABEL`) and
/// `relations.csv` (`:START_ID`, `:END_ID`, `:TYPE`, properties).
public enum CSVExporter {
    public static func nodes(_ g: GraphSnapshot) -> String {
        var out = "id:ID,name,aliases:string[],mentions:int,:LABEL\n"
        var count: [String: Int] = [:]
        for m in g.mentions { count[m.entityID, default: 0] += 1 }
        for e in g.entities {
            let label = e.type.rawValue.prefix(1).uppercased() + e.type.rawValue.dropFirst()
            out += [e.id, e.name, e.aliases.joined(separator: ";"), String(count[e.id] ?? 0), "Entity;\(label)"].map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    public static func relations(_ g: GraphSnapshot) -> String {
        var out = ":START_ID,:END_ID,:TYPE,confidence:float,evidence_count:int,documents:string[],first_sentence\n"
        for r in g.relations {
            out += [r.head, r.tail, r.family.rawValue.uppercased(), String(r.confidence), String(r.evidence.count),
                    Array(Set(r.evidence.map(\.documentID))).sorted().joined(separator: ";"), r.evidence.first?.text ?? ""]
                .map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled.
    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
