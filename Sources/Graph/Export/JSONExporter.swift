import Foundation

/// The graph as the JSON contract `../shared/eval/score.py` reads.
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
    public static func export(_ g: GraphSnapshot) throws -> Data {
        var byEntity: [String: [MentionOut]] = [:]
        for m in g.mentions { byEntity[m.entityID, default: []].append(MentionOut(document: m.documentID, text: m.text, start: m.start, end: m.end)) }
        let out = Out(
            documents: g.documents,
            entities: g.entities.map { EntityOut(id: $0.id, name: $0.name, type: $0.type, aliases: $0.aliases, mentions: byEntity[$0.id] ?? []) },
            relations: g.relations.map { r in
                RelationOut(source: r.head, target: r.tail, type: r.family, confidence: r.confidence,
                            evidence: r.evidence.map { EvidenceOut(document: $0.documentID, text: $0.text, start: $0.start, end: $0.end, confidence: $0.confidence) })
            })
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try enc.encode(out)
    }
}
