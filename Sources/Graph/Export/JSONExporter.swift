import Foundation

/// The graph as the JSON contract `../shared/eval/score.py` reads.
///
/// A document's `path` is relative to the deepest folder that holds every exported document
/// (``portablePaths(_:)``): the export names no folder of the machine that built it.
/// Control and bidirectional characters are escaped as `\uXXXX` (``TerminalText/escapingControls(inJSON:)``).
public enum JSONExporter {
    struct Out: Encodable {
        var documents: [Document]
        var entities: [EntityOut]
        var relations: [RelationOut]
    }
    struct EntityOut: Encodable {
        var id: String, name: String, type: EntityType, aliases: [String], mentions: [MentionOut]
    }
    struct MentionOut: Encodable {
        var document: String, text: String, start: Int, end: Int
    }
    struct RelationOut: Encodable {
        var source: String, target: String, type: RelationFamily, confidence: Double, evidence: [EvidenceOut]
    }
    struct EvidenceOut: Encodable {
        var document: String, text: String, start: Int, end: Int, confidence: Double
    }

    /// Pretty-printed JSON with sorted keys (stable across runs).
    /// - Complexity: O(documents + entities + mentions + evidence).
    public static func export(_ g: GraphSnapshot) throws -> Data {
        var byEntity: [String: [MentionOut]] = [:]
        for m in g.mentions { byEntity[m.entityID, default: []].append(MentionOut(document: m.documentID, text: m.text, start: m.start, end: m.end)) }
        let out = Out(
            documents: portablePaths(g.documents),
            entities: g.entities.map { EntityOut(id: $0.id, name: $0.name, type: $0.type, aliases: $0.aliases, mentions: byEntity[$0.id] ?? []) },
            relations: g.relations.map { r in
                RelationOut(source: r.head, target: r.tail, type: r.family, confidence: r.confidence,
                            evidence: r.evidence.map { EvidenceOut(document: $0.documentID, text: $0.text, start: $0.start, end: $0.end, confidence: $0.confidence) })
            })
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalText.escapingControls(inJSON: try enc.encode(out))
    }

    /// The documents with each absolute `path` made relative to the deepest folder holding all
    /// of them (`seeds/a.txt` and `seeds/b.txt` become `a.txt` and `b.txt`; `x/a.txt` and
    /// `y/b.txt` below one folder keep `x/` and `y/`). Relative paths stay as they are.
    /// - Complexity: O(documents × path depth).
    public static func portablePaths(_ documents: [Document]) -> [Document] {
        let folders = documents.map(\.path).filter { $0.hasPrefix("/") }
            .map { Array(($0 as NSString).pathComponents.dropLast()) }
        guard var common = folders.first else { return documents }
        for f in folders.dropFirst() {
            var n = 0
            while n < common.count && n < f.count && common[n] == f[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return documents.map { d in
            guard d.path.hasPrefix("/") else { return d }
            var copy = d
            copy.path = NSString.path(withComponents: Array((d.path as NSString).pathComponents.dropFirst(common.count)))
            return copy
        }
    }
}
