import CFuzzer
import Foundation
import Graph

/// Hands the command line (libFuzzer flags, corpus folders) to libFuzzer's driver.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTextPipeline))
    }
}

/// libFuzzer entry for kg's text pipeline, without the model.
///
/// An input is read two ways:
/// 1. As an article (bytes decoded as UTF-8, invalid bytes replaced): page cleaning, sentence
///    splitting, and extraction on annotations from ``RuleAnnotator``, a deterministic stand-in
///    for spaCy. Every mention and evidence offset must lie in the text and slice to its text.
/// 2. As a worker reply: its first line is parsed by ``WorkerProtocol/reply(_:for:)`` for the
///    sentences of the rest of the input; a reply the parser accepts is run through extraction.
///
/// Any trap, or a broken invariant (reported with `fatalError`), is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTextPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let extractor = Extractor.standard

    // 1. the whole input as an article
    let text = String(decoding: bytes, as: UTF8.self)
    let body = extractor.body(of: text)
    let annotations = body.sentences.map { RuleAnnotator.annotate($0.text) }
    check(extractor.extract(documentID: "fuzz.txt", path: "fuzz.txt", body: body, annotations: annotations), text)

    // 2. the first line as a worker's reply for the sentences of the rest
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
    let article = String(decoding: bytes[min(newline + 1, bytes.count)...], as: UTF8.self)
    let articleBody = extractor.body(of: article)
    if let parsed = try? WorkerProtocol.reply(Array(bytes[..<newline]), for: articleBody.sentences.map(\.text)) {
        check(extractor.extract(documentID: "fuzz.txt", path: "fuzz.txt", body: articleBody, annotations: parsed), article)
    }
    return 0
}

/// The invariants of an extraction: offsets within the text, slicing to what is stored.
func check(_ r: ExtractionResult, _ text: String) {
    let source = SourceText(text)
    for m in r.mentions {
        guard m.start >= 0, m.start <= m.end, m.end <= source.count, source.slice(m.start, m.end) == m.text else {
            fatalError("mention \(m.start)-\(m.end) '\(m.text)' does not slice from the text")
        }
    }
    let ids = Set(r.entities.map(\.id))
    for rel in r.relations {
        guard !rel.evidence.isEmpty, ids.contains(rel.head), ids.contains(rel.tail) else {
            fatalError("relation \(rel.head) \(rel.family) \(rel.tail) without evidence or without its entities")
        }
        for ev in rel.evidence {
            guard ev.start >= 0, ev.start <= ev.end, ev.end <= source.count, source.slice(ev.start, ev.end) == ev.text,
                  (0...1).contains(ev.confidence) else {
                fatalError("evidence \(ev.start)-\(ev.end) does not slice from the text")
            }
        }
    }
}
