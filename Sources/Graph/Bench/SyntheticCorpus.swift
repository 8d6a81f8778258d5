import Foundation

/// Distinct synthetic news articles for benchmarks and kill tests, made from kg's own word
/// lists and sentence templates (never copied from real articles). The same seed and index
/// give the same article; no two articles of one corpus are alike.
public enum SyntheticCorpus {
    static let states = ["Japan", "Peru", "Chile", "Kenya", "Norway", "Canada", "Egypt", "India", "Spain", "Brazil",
                         "Ghana", "Poland", "Mexico", "Turkey", "Vietnam", "Morocco", "Finland", "Argentina", "Nigeria", "Portugal"]
    static let given = ["Amara", "Tomas", "Lena", "Hiro", "Sofia", "Dario", "Nadia", "Oskar", "Mira", "Felipe", "Ines", "Kofi",
                        "Yara", "Milan", "Elif", "Ravi", "Ana", "Jonas", "Leila", "Marek"]
    static let family = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak", "Haddad", "Brennan", "Sato", "Varga",
                         "Mensah", "Kowalski", "Duarte", "Aydin", "Nguyen", "Petrov", "Alvarez", "Berg", "Osei", "Ferreira"]
    static let roles = ["foreign minister", "defence minister", "prime minister", "trade minister", "president"]
    static let topics = ["fishing rights", "a new rail link", "grain exports", "a border crossing", "port fees", "solar power",
                         "water sharing", "a space launch", "vaccine supplies", "a joint naval drill", "copper mining", "tariffs"]
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Article `index` of the corpus `seed`: a headline and 4-6 paragraphs of sentences stating relations
    /// (praises, meets, leads, supports, says) between states and invented persons, about 2 kB.
    public static func article(_ index: Int, seed: UInt64 = 1) -> String {
        var rng = Generator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index))
        func pick<T>(_ xs: [T]) -> T { xs[rng.next(xs.count)] }
        func person() -> String { "\(pick(given)) \(pick(family))" }
        let a = pick(states), b = states.filter { $0 != a }[rng.next(states.count - 1)]
        let pa = person(), pb = person(), role = pick(roles), topic = pick(topics)
        var lines = ["\(a) and \(b) talk about \(topic) (report \(index))", ""]
        let templates: [() -> String] = [
            { "\(pa), the \(role) of \(a), met \(pb) in the capital of \(b) on \(pick(days))." },
            { "\(a) praised \(b) for its offer on \(topic), officials said." },
            { "\(pb) said that \(b) supports a deal with \(a) on \(pick(topics))." },
            { "\(a) criticized \(pick(states)) over \(pick(topics)) in a statement on \(pick(days))." },
            { "\(person()), a spokesperson for \(a), said the talks would go on for \(2 + rng.next(9)) days." },
            { "Officials from \(b) and \(pick(states)) met again to discuss \(pick(topics))." },
            { "\(pa) told reporters that \(a) welcomed the plan, which covers \(rng.next(900) + 100) projects." },
            { "\(b) confirmed that \(pick(states)) joined the talks as an observer in week \(rng.next(50) + 1)." },
        ]
        for _ in 0..<(4 + rng.next(3)) {
            var paragraph: [String] = []
            for _ in 0..<(2 + rng.next(3)) { paragraph.append(templates[rng.next(templates.count)]()) }
            lines.append(paragraph.joined(separator: " "))
            lines.append("")
        }
        lines.append("Reporting for the synthetic desk, item \(seed)-\(index).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes articles into `folder` until they total at least `bytes`; returns their number.
    @discardableResult
    public static func write(to folder: URL, bytes: Int, seed: UInt64 = 1) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var total = 0, n = 0
        while total < bytes {
            let text = article(n, seed: seed)
            try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "article-%06d.txt", n)))
            total += text.utf8.count
            n += 1
        }
        return n
    }

    /// A linear congruential generator: the same sequence on every machine.
    struct Generator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, n)))
        }
    }
}
