import Foundation
import Testing
@testable import Graph

@Suite struct SpacyAnnotatorTests {
    @Test func tokensCarryOffsetsTagsLemmasAndATree() throws {
        let text = "The mayor of Lisbon opened the new bridge."
        let a = try #require(try annotator.annotate([text]).first)
        let words = a.tokens.map { String(text.unicodeScalars.dropFirst($0.start).prefix($0.end - $0.start)) }
        #expect(words.first == "The" && words.contains("Lisbon"))
        let opened = try #require(a.tokens.firstIndex { $0.lemma == "open" })
        #expect(a.tokens[opened].pos == "VERB")
        // "mayor" is the subject of "opened"
        #expect(a.tokens.contains { $0.dep == "nsubj" && $0.head == opened && $0.lemma == "mayor" })
        #expect(a.sentences == [0..<a.tokens.count])
        #expect(a.entities.contains { e in e.label == "GPE" && a.tokens[e.tokens.lowerBound].lemma == "Lisbon" })
    }

    @Test func offsetsAreUnicodeScalarOffsets() throws {
        let text = "Café owners in Zürich met Erdoğan’s envoy."
        let a = try #require(try annotator.annotate([text]).first)
        let scalars = Array(text.unicodeScalars)
        for t in a.tokens {
            let word = String(String.UnicodeScalarView(scalars[t.start..<t.end]))
            #expect(!word.isEmpty && !word.contains(" "))
        }
        #expect(a.tokens.contains { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) == "Zürich" })
    }

    @Test func manyTextsComeBackInOrderOneEach() throws {
        let texts = (0..<40).map { "Report number \($0) reached Oslo." } + [""]
        let out = try annotator.annotate(texts)
        #expect(out.count == texts.count)
        #expect(out.last?.tokens.isEmpty == true)
        #expect(out[17].tokens.contains { $0.lemma == "17" })
    }

    @Test func concurrentCallersEachGetTheirOwnAnswers() throws {
        let pool = SpacyAnnotator(maxWorkers: 2)
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let r = try? pool.annotate(["Town \(i) voted."])
            box.put(i, r?.first?.tokens.contains { $0.lemma == String(i) } ?? false)
        }
        #expect(box.all(8))
    }

    @Test func aMissingInterpreterIsOneClearErrorThatSaysHowToInstall() {
        let pool = SpacyAnnotator(python: "/nonexistent/python")
        #expect {
            _ = try pool.annotate(["Hello."])
        } throws: { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            return message.contains("not installed") && message.contains("scripts/setup.sh") && message.contains("/nonexistent/python")
        }
    }

    @Test func anInterpreterWithoutSpacyIsABrokenWorkerWithItsReason() throws {
        // an interpreter that exits at once stands for any Python without spaCy
        let pool = SpacyAnnotator(python: "/bin/false")
        #expect {
            _ = try pool.annotate(["Hello."])
        } throws: { error in
            guard case .workerBroken(let python, _) = error as? AnnotationError else { return false }
            return python == "/bin/false"
        }
    }
}

private final class Box: @unchecked Sendable {
    private var seen: [Int: Bool] = [:]
    private let lock = NSLock()
    func put(_ i: Int, _ ok: Bool) { lock.lock(); seen[i] = ok; lock.unlock() }
    func all(_ n: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return (0..<n).allSatisfy { seen[$0] == true } }
}
