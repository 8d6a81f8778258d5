import Foundation

/// The line protocol spoken with `kg_worker.py`: one JSON object per line each way.
///
/// - The worker's first line: `{"ready": {"spacy", "model", "model_version"}}` or `{"error": "..."}`.
/// - A request: `{"texts": [String]}`.
/// - A reply: `{"docs": [{"t": [[start, end, tag, pos, lemma, dep, head], ...], "s": [[first, end], ...],
///   "e": [[first, end, label], ...]}, ...]}` (one per text, offsets in Unicode scalars, sentence and
///   entity spans as token ranges), or `{"error": "..."}`.
///
/// Parsing is pure and total: any line, however malformed, gives annotations that satisfy
/// every invariant extraction relies on, or a thrown ``AnnotationError``; never a trap.
/// A reply is checked against its texts: token offsets lie within the text and in order,
/// heads name a token of the same text and lead to a root without cycles, and sentence and
/// entity spans lie within the tokens.
public enum WorkerProtocol {
    public struct Info: Decodable, Sendable, Equatable {
        public var spacy: String
        public var model: String
        public var model_version: String
    }

    /// The request line (with its newline) for `texts`.
    public static func request(_ texts: [String]) throws -> Data {
        struct Request: Encodable { var texts: [String] }
        var line = try JSONEncoder().encode(Request(texts: texts))
        line.append(0x0A)
        return line
    }

    /// The versions a ready line announces.
    /// - Throws: ``AnnotationError/workerBroken(python:message:)`` for an error line or anything else.
    public static func hello(_ line: [UInt8], python: String) throws -> Info {
        struct Hello: Decodable { var ready: Info?; var error: String? }
        guard let hello = try? JSONDecoder().decode(Hello.self, from: Data(line)) else {
            throw AnnotationError.workerBroken(python: python, message: "unexpected first line: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        guard let ready = hello.ready else {
            throw AnnotationError.workerBroken(python: python, message: hello.error ?? "no ready line")
        }
        return ready
    }

    /// The annotations a reply line gives for `texts`, checked against them.
    /// - Throws: ``AnnotationError/requestFailed(_:)`` for an error reply,
    ///   ``AnnotationError/workerFailed(_:)`` for a line that breaks the protocol.
    /// - Complexity: O(length of the line + total tokens).
    public static func reply(_ line: [UInt8], for texts: [String]) throws -> [AnnotatedText] {
        let decoded: Reply
        do { decoded = try JSONDecoder().decode(Reply.self, from: Data(line)) } catch {
            throw AnnotationError.workerFailed("unreadable reply: \(error)")
        }
        if let e = decoded.error { throw AnnotationError.requestFailed(e) }
        guard let docs = decoded.docs, docs.count == texts.count else {
            throw AnnotationError.workerFailed("it answered \(decoded.docs?.count ?? 0) documents for \(texts.count) texts")
        }
        return try zip(docs, texts).enumerated().map { i, pair in
            try validate(pair.0.text, length: pair.1.unicodeScalars.count, index: i)
            return pair.0.text
        }
    }

    /// Checks the invariants of one text's annotations.
    public static func validate(_ a: AnnotatedText, length: Int, index: Int) throws {
        func broken(_ why: String) -> AnnotationError { .workerFailed("reply for text \(index + 1): \(why)") }
        let n = a.tokens.count
        var previousEnd = 0
        for (i, t) in a.tokens.enumerated() {
            guard t.start >= previousEnd, t.start <= t.end, t.end <= length else {
                throw broken("token \(i) at \(t.start)-\(t.end) is out of order or outside the text (\(length) characters)")
            }
            guard t.head >= 0, t.head < n else { throw broken("token \(i) has head \(t.head) of \(n) tokens") }
            previousEnd = t.end
        }
        // every head chain ends at a root (a token that is its own head): no cycles
        var state = [UInt8](repeating: 0, count: n)  // 0 unseen, 1 on the current chain, 2 reaches a root
        for i in 0..<n where state[i] == 0 {
            var chain: [Int] = []
            var j = i
            while state[j] == 0 {
                state[j] = 1
                chain.append(j)
                if a.tokens[j].head == j { break }
                j = a.tokens[j].head
            }
            if state[j] == 1 && a.tokens[j].head != j { throw broken("the heads of tokens \(j) and others form a cycle") }
            for c in chain { state[c] = 2 }
        }
        var previous = 0
        for s in a.sentences {
            guard s.lowerBound >= previous, s.upperBound <= n else { throw broken("sentence \(s) is out of order or outside \(n) tokens") }
            previous = s.upperBound
        }
        for e in a.entities where e.tokens.lowerBound < 0 || e.tokens.upperBound > n {
            throw broken("entity \(e.tokens) is outside \(n) tokens")
        }
    }

    // MARK: The reply's compact encoding

    private struct Reply: Decodable {
        var docs: [Doc]?
        var error: String?
    }

    private struct Doc: Decodable {
        var text: AnnotatedText

        enum Keys: String, CodingKey { case t, s, e }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            var tokens: [AnnotatedToken] = []
            var t = try c.nestedUnkeyedContainer(forKey: .t)
            while !t.isAtEnd {
                var f = try t.nestedUnkeyedContainer()
                tokens.append(AnnotatedToken(
                    start: try f.decode(Int.self), end: try f.decode(Int.self), tag: try f.decode(String.self),
                    pos: try f.decode(String.self), lemma: try f.decode(String.self), dep: try f.decode(String.self),
                    head: try f.decode(Int.self)))
            }
            var sentences: [Range<Int>] = []
            var s = try c.nestedUnkeyedContainer(forKey: .s)
            while !s.isAtEnd {
                var f = try s.nestedUnkeyedContainer()
                let a = try f.decode(Int.self), b = try f.decode(Int.self)
                sentences.append(a..<max(a, b))
            }
            var entities: [NamedEntity] = []
            var e = try c.nestedUnkeyedContainer(forKey: .e)
            while !e.isAtEnd {
                var f = try e.nestedUnkeyedContainer()
                let a = try f.decode(Int.self), b = try f.decode(Int.self)
                entities.append(NamedEntity(tokens: a..<max(a, b), label: try f.decode(String.self)))
            }
            text = AnnotatedText(tokens: tokens, sentences: sentences, entities: entities)
        }
    }
}
