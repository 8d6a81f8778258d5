import Foundation
import Testing
@testable import Graph

@Suite struct WorkerProtocolTests {
    static let kyiv = "Kyiv replied."
    static func token(_ s: Int, _ e: Int, head: Int, dep: String = "dep") -> String { #"[\#(s), \#(e), "NN", "NOUN", "x", "\#(dep)", \#(head)]"# }
    static func line(_ tokens: [String], s: String = "[[0, 2]]", e: String = "[]") -> [UInt8] {
        Array(#"{"docs": [{"t": [\#(tokens.joined(separator: ", "))], "s": \#(s), "e": \#(e)}]}"#.utf8)
    }

    @Test func aWellFormedReplyGivesItsAnnotations() throws {
        let a = try WorkerProtocol.reply(Self.line([Self.token(0, 4, head: 1), Self.token(5, 12, head: 1, dep: "ROOT")], e: #"[[0, 1, "GPE"]]"#), for: [Self.kyiv])
        #expect(a.count == 1 && a[0].tokens.count == 2 && a[0].tokens[0].head == 1 && a[0].entities == [NamedEntity(tokens: 0..<1, label: "GPE")])
    }

    @Test func headsThatFormACycleAreRefused() {
        #expect(throws: AnnotationError.self) {
            try WorkerProtocol.reply(Self.line([Self.token(0, 4, head: 1), Self.token(5, 12, head: 0)]), for: [Self.kyiv])
        }
    }

    @Test func offsetsOutsideTheTextOrOutOfOrderAreRefused() {
        for tokens in [[Self.token(0, 4, head: 0), Self.token(5, 99, head: 0)], [Self.token(5, 12, head: 0), Self.token(0, 4, head: 0)],
                       [Self.token(4, 2, head: 0), Self.token(5, 12, head: 0)], [Self.token(0, 4, head: 7), Self.token(5, 12, head: 1)]] {
            #expect(throws: AnnotationError.self) { try WorkerProtocol.reply(Self.line(tokens), for: [Self.kyiv]) }
        }
    }

    @Test func spansOutsideTheTokensAreRefused() {
        let ok = [Self.token(0, 4, head: 1), Self.token(5, 12, head: 1)]
        #expect(throws: AnnotationError.self) { try WorkerProtocol.reply(Self.line(ok, s: "[[0, 3]]"), for: [Self.kyiv]) }
        #expect(throws: AnnotationError.self) { try WorkerProtocol.reply(Self.line(ok, e: #"[[1, 5, "ORG"]]"#), for: [Self.kyiv]) }
    }

    @Test func anErrorReplyAndAWrongCountAreTheirOwnErrors() {
        #expect(throws: AnnotationError.requestFailed("ValueError: x")) {
            try WorkerProtocol.reply(Array(#"{"error": "ValueError: x"}"#.utf8), for: [Self.kyiv])
        }
        #expect(throws: AnnotationError.workerFailed("it answered 1 documents for 2 texts")) {
            try WorkerProtocol.reply(Self.line([Self.token(0, 4, head: 0)]), for: [Self.kyiv, Self.kyiv])
        }
    }

    /// The fuzzer's seed replies stay valid for the articles that follow them.
    @Test func theFuzzSeedRepliesMatchTheirArticles() throws {
        let seed = Paths.packageRoot.appendingPathComponent("Fuzz/corpus/reply-two-sentences.txt")
        let bytes = Array(try Data(contentsOf: seed))
        let nl = try #require(bytes.firstIndex(of: 0x0A))
        let body = Extractor.standard.body(of: String(decoding: bytes[(nl + 1)...], as: UTF8.self))
        let a = try WorkerProtocol.reply(Array(bytes[..<nl]), for: body.sentences.map(\.text))
        #expect(a.count == 2)
        let r = Extractor.standard.extract(documentID: "s.txt", path: "s.txt", body: body, annotations: a)
        #expect(!r.relations.isEmpty)
    }
}
