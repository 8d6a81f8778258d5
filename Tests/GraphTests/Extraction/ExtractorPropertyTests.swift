import Foundation
import Testing
@testable import Graph

/// Properties that hold for any input: no crash, offsets that point at the text they claim.
@Suite struct ExtractorPropertyTests {
    /// Text made of our example corpus cut and shuffled at random places, with odd characters mixed in.
    static func samples(count: Int) -> [String] {
        let corpus = (try? FileManager.default.contentsOfDirectory(at: Paths.examples, includingPropertiesForKeys: nil))?
            .sorted { $0.path < $1.path }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n") ?? ""
        let scalars = Array(corpus.unicodeScalars)
        let odd: [String] = ["\u{201C}", "\u{201D}", "\"", "'s", "\u{2014}", "(", ")", ",", ".", ":", ";", "\n", "\r\n", "\u{FEFF}",
                             "\u{00A0}", "🙂", "{{X}}", " the ", " of ", " said ", " and ", "U.S.", "Col. Gen. ", " — ", "  "]
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(1, n)))
        }
        return (0..<count).map { _ in
            var out = ""
            for _ in 0..<(1 + next(6)) {
                let a = next(scalars.count), len = next(240)
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[a..<min(scalars.count, a + len)])
                out += String(piece) + odd[next(odd.count)]
            }
            return out
        }
    }

    @Test func anyTextExtractsWithTrueOffsets() {
        for (i, text) in Self.samples(count: 300).enumerated() {
            let r = try! Extractor.standard.extract(documentID: "f\(i).txt", path: "f\(i).txt", text: text, annotator: annotator)
            let source = SourceText(text)
            let ids = Set(r.entities.map(\.id))
            for m in r.mentions {
                #expect(source.slice(m.start, m.end) == m.text)
                #expect(ids.contains(m.entityID))
            }
            for rel in r.relations {
                #expect(rel.head != rel.tail)
                #expect(ids.contains(rel.head) && ids.contains(rel.tail))
                for ev in rel.evidence { #expect(source.slice(ev.start, ev.end) == ev.text) }
            }
        }
    }

    @Test func degenerateInputsDoNotCrash() {
        for text in ["", " ", "\n\n", ".", "\"", "“", "'s", "—", "Kim", "The", "A. B. C.", "U.S.", "((((", "Mr.", "12:30", "{{IssueName}}"] {
            _ = try! Extractor.standard.extract(documentID: "d.txt", path: "d.txt", text: text, annotator: annotator)
            _ = try! Extractor.standard.explain(text: text, annotator: annotator)
        }
    }
}
