/// A document's text addressed by Unicode-scalar offsets, the offsets the JSON
/// contract and Python's `str` use.
public struct SourceText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }

    /// The text between two scalar offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(view)
    }

    /// Offsets of each line (without its terminator), in order.
    public func lineRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, s) in scalars.enumerated() where s == "\n" {
            let end = (i > start && scalars[i - 1] == "\r") ? i - 1 : i
            ranges.append(start..<end)
            start = i + 1
        }
        if start < scalars.count { ranges.append(start..<scalars.count) }
        return ranges
    }
}
