import Foundation

/// The graph as CSV files for `neo4j-admin database import` and spreadsheets.
///
/// - `nodes.csv`: `id:ID`, `name`, `aliases:string[]`, `mentions:int`, `documents:string[]`, `:LABEL`.
/// - `relations.csv`: `:START_ID`, `:END_ID`, `:TYPE`, `confidence:float`, `evidence_count:int`
///   (citing sentences), `document_count:int` (citing articles), `documents:string[]`,
///   `sentences:string[]` (every citing sentence, in evidence order), `offsets:string[]`
///   (`document@start-end` of each sentence, Unicode-scalar offsets into the file).
/// - `evidence.csv`: one row per citing sentence: `head`, `family`, `tail`, `document`, `start`,
///   `end`, `confidence`, `sentence` (a plain table, not for the import).
///
/// Array elements are separated by ``arrayDelimiter`` (U+001F, the unit separator), which is
/// removed from every value, so an id containing `;` or `,` stays whole. Line breaks inside a
/// value become spaces (one for one, so offsets keep their meaning), so every record is one
/// line and the import needs no `--multiline-fields`. Fields are quoted as RFC 4180 says.
public enum CSVExporter {
    /// The array delimiter: pass `--array-delimiter="U+001F"` to `neo4j-admin database import`.
    public static let arrayDelimiter: Character = "\u{1F}"

    /// The three files, by name, in order.
    /// - Complexity: O(entities + mentions + evidence).
    public static func files(_ g: GraphSnapshot) -> [(name: String, text: String)] {
        [("nodes.csv", nodes(g)), ("relations.csv", relations(g)), ("evidence.csv", evidence(g))]
    }

    public static func nodes(_ g: GraphSnapshot) -> String {
        var out = "id:ID,name,aliases:string[],mentions:int,documents:string[],:LABEL\n"
        var count: [String: Int] = [:]
        var documents: [String: Set<String>] = [:]
        for m in g.mentions {
            count[m.entityID, default: 0] += 1
            documents[m.entityID, default: []].insert(m.documentID)
        }
        for e in g.entities {
            let label = e.type.rawValue.prefix(1).uppercased() + e.type.rawValue.dropFirst()
            out += row([value(e.id), value(e.name), array(e.aliases), String(count[e.id] ?? 0),
                        array((documents[e.id] ?? []).sorted()), "Entity\(arrayDelimiter)\(label)"])
        }
        return out
    }

    public static func relations(_ g: GraphSnapshot) -> String {
        var out = ":START_ID,:END_ID,:TYPE,confidence:float,evidence_count:int,document_count:int,documents:string[],sentences:string[],offsets:string[]\n"
        for r in g.relations {
            let documents = Array(Set(r.evidence.map(\.documentID))).sorted()
            out += row([value(r.head), value(r.tail), r.family.rawValue.uppercased(), String(r.confidence),
                        String(r.evidence.count), String(documents.count), array(documents),
                        array(r.evidence.map(\.text)), array(r.evidence.map { "\($0.documentID)@\($0.start)-\($0.end)" })])
        }
        return out
    }

    public static func evidence(_ g: GraphSnapshot) -> String {
        var out = "head,family,tail,document,start,end,confidence,sentence\n"
        for r in g.relations {
            for ev in r.evidence {
                out += row([value(r.head), r.family.rawValue, value(r.tail), value(ev.documentID), String(ev.start),
                            String(ev.end), String(ev.confidence), value(ev.text)])
            }
        }
        return out
    }

    /// A value with the array delimiter removed and each line break turned into one space.
    static func value(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\u{1F}" || $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" })
        else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\u{1F}": continue
            case "\n", "\r", "\u{2028}", "\u{2029}": out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Values joined by the array delimiter.
    static func array(_ values: [String]) -> String {
        values.map(value).joined(separator: String(arrayDelimiter))
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled.
    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
