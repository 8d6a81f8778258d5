import Foundation
@testable import Graph

/// Where the test suite finds the package's own corpus and the shared seeds.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("Examples/corpus")
    static let styles = packageRoot.appendingPathComponent("Examples/styles")
    static let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var haveSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Extraction of a short text, for tests of one mechanism.
/// The annotator the suite shares: spaCy workers, started once.
let annotator = SpacyAnnotator.shared

/// Extraction of a short text, for tests of one mechanism.
func extract(_ text: String, id: String = "t.txt") -> ExtractionResult {
    try! Extractor.standard.extract(documentID: id, path: id, text: text, annotator: annotator)
}

extension ExtractionResult {
    func entity(named name: String) -> Entity? {
        entities.first { $0.name == name }
    }

    /// The relations between two named entities, either direction, as "head family tail" strings.
    func relations(between a: String, _ b: String) -> [String] {
        guard let x = entity(named: a)?.id, let y = entity(named: b)?.id else { return [] }
        return relations.filter { ($0.head == x && $0.tail == y) || ($0.head == y && $0.tail == x) }
            .map { r in "\(r.head == x ? a : b) \(r.family.rawValue) \(r.head == x ? b : a)" }
    }

    func has(_ head: String, _ family: RelationFamily, _ tail: String) -> Bool {
        guard let h = entity(named: head)?.id, let t = entity(named: tail)?.id else { return false }
        return relations.contains { $0.head == h && $0.tail == t && $0.family == family }
            || (family.isSymmetric && relations.contains { $0.head == t && $0.tail == h && $0.family == family })
    }
}
