extension MentionFinder {
    func text(_ tokens: [Token], _ a: Int, _ b: Int) -> String {
        var out = ""
        for k in a..<b {
            if k > a && tokens[k].start > tokens[k - 1].end { out += " " }
            out += tokens[k].text
        }
        return out
    }

    static func editDistance(_ x: String, _ y: String, limit: Int) -> Int {
        let a = Array(x), b = Array(y)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var prev = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
