import Foundation
import Testing
@testable import Graph

/// The command line's output layer, end to end through the `kg` executable: checked stdout,
/// `-o -`, and article text that tries to drive the terminal.
@Suite(.serialized, .enabled(if: KGProcess.available)) struct OutputTests {
    /// Our own article, laced with an OSC title change, SGR colours, a screen clear, BEL and a
    /// right-to-left override.
    static let hostileArticle = """
        Hostile \u{1B}]0;pwned\u{07} Headline

        The Ukrainian army fought Russia near Kursk \u{1B}[31mred\u{1B}[0m on Monday, said Volodymyr Zelensky\u{202E} twice.

        President Volodymyr Zelensky met Emmanuel Macron in Paris \u{1B}[2J on Tuesday.

        """

    /// A store built by `kg build` from the hostile article, shared by the suite.
    static let fixture: (folder: URL, store: String, article: String) = {
        let dir = Paths.temporaryFolder()
        let article = dir.appendingPathComponent("hostile.txt")
        try! Data(hostileArticle.utf8).write(to: article)
        let store = dir.appendingPathComponent("kg.sqlite").path
        let r = try! KGProcess.run(["build", article.path, "--store", store])
        precondition(r.status == 0, r.stderr)
        return (dir, store, article.path)
    }()

    static func isRaw(_ u: Unicode.Scalar) -> Bool { u == "\u{1B}" || u == "\u{07}" || u == "\u{202E}" }

    @Test func aFullDiskOnStdoutIsOneErrorLineAndAFailure() throws {
        let store = Self.fixture.store
        for args in [["entities", "--store", store], ["export", "--format", "json", "--store", store],
                     ["export", "--format", "graphml", "--store", store], ["show", "Kursk", "--store", store]] {
            let r = try KGProcess.run(args, stdoutPath: "/dev/full")
            #expect(r.status == 1, "\(args): \(r.status)")
            #expect(r.stderr == "Error: cannot write to standard output: No space left on device\n", "\(args)")
        }
    }

    @Test func dashSendsTheFileToStdoutAndStatusLinesToStderr() throws {
        let store = Self.fixture.store
        let json = try KGProcess.run(["export", "--format", "json", "-o", "-", "--store", store])
        #expect(json.status == 0)
        #expect(try JSONSerialization.jsonObject(with: json.stdout) is [String: Any])
        let svg = try KGProcess.run(["render", "-o", "-", "--store", store], in: Self.fixture.folder)
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.out.hasPrefix("<?xml") && svg.out.contains("</svg>"))
        #expect(svg.stderr.contains("wrote -"))
        #expect(!FileManager.default.fileExists(atPath: Self.fixture.folder.appendingPathComponent("-").path))
    }

    /// A file sent to a full stdout with `-o -` fails with the one error line: no status line
    /// claims it was written. The drawings are small (--top 2), so they fit in the output buffer.
    @Test func dashOntoAFullDiskIsOneErrorLineWithNoStatus() throws {
        let store = Self.fixture.store
        let runs: [[String]] = [["render", "-o", "-", "--top", "2", "--store", store],
                                ["render", "-o", "-", "--top", "2", "--format", "png", "--store", store],
                                ["view", "-o", "-", "--top", "2", "--store", store],
                                ["export", "--format", "json", "-o", "-", "--store", store],
                                ["export", "--format", "dot", "-o", "-", "--store", store]]
        for args in runs {
            let r = try KGProcess.run(args, stdoutPath: "/dev/full", in: Self.fixture.folder)
            #expect(r.status == 1, "\(args): \(r.status)")
            #expect(r.stderr == "Error: cannot write to standard output: No space left on device\n", "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: Self.fixture.folder.appendingPathComponent("-").path))
    }

    @Test func articleTextReachesNoTerminalRaw() throws {
        let (_, store, article) = Self.fixture
        let runs: [[String]] = [["neighbors", "Russia", "--store", store], ["show", "Russia", "--store", store],
                                ["path", "Russia", "Volodymyr Zelensky", "--store", store], ["documents", "--store", store],
                                ["show-document", "hostile.txt", "--store", store], ["explain", article]]
        for args in runs {
            let r = try KGProcess.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.out.unicodeScalars.contains(where: Self.isRaw), "\(args[0]) printed a raw control character")
            #expect(r.out.contains(#"\u{1B}"#) || r.out.contains(#"\u{202E}"#), "\(args[0]) shows no escape:\n\(r.out)")
        }
    }

    @Test func jsonEscapesControlsAsJSONDoesAndKeepsTheText() throws {
        let r = try KGProcess.run(["neighbors", "Russia", "--json", "--store", Self.fixture.store])
        #expect(r.status == 0)
        #expect(!r.out.unicodeScalars.contains(where: Self.isRaw))
        #expect(r.out.contains(#"\u001b[31m"#) && r.out.contains(#"\u202e"#))
        let obj = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let texts = (obj["neighbors"] as? [[String: Any]] ?? []).flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
        #expect(texts.contains { ($0["text"] as? String)?.contains("Kursk \u{1B}[31mred\u{1B}[0m") == true })
        #expect(texts.allSatisfy { $0["document"] as? String == "hostile.txt" })
    }

    @Test func anErrorQuotingHostileInputIsEscapedToo() throws {
        let r = try KGProcess.run(["neighbors", "x\u{1B}[2J", "--store", Self.fixture.store])
        #expect(r.status != 0)
        #expect(!r.stderr.unicodeScalars.contains(where: Self.isRaw))
        #expect(r.stderr.contains(#"x\u{1B}[2J"#))
    }

    @Test func explainingAnEmptyFileFailsWithOneLine() throws {
        let empty = Self.fixture.folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let r = try KGProcess.run(["explain", empty.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: \(empty.path): ") && r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        let chrome = Self.fixture.folder.appendingPathComponent("chrome.txt")
        try Data("Subscribe now\n".utf8).write(to: chrome)
        let c = try KGProcess.run(["explain", chrome.path])
        #expect(c.status == 1)
        #expect(c.stderr == "Error: \(IngestError.empty(chrome.path).localizedDescription)\n")
        #expect(r.out.isEmpty)
    }

    @Test func aNegativeNumberIsTheOptionsValueAndFailsItsCheck() throws {
        let store = Self.fixture.store
        for (args, message) in [(["neighbors", "Kursk", "--depth", "-3"], "'--depth' must be at least 1"),
                                (["neighbors", "Kursk", "--limit", "-1"], "'--limit' must be 0 (all) or more"),
                                (["render", "--top", "-5", "-o", "-"], "'--top' must be 0 (all) or more"),
                                (["path", "Kursk", "Russia", "--max-depth", "-2"], "'--max-depth' must be at least 1"),
                                (["build", "x.txt", "--max-article-size", "inf"], "'--max-article-size' must be from 0.001 to 4096 (MB)"),
                                (["build", "x.txt", "--max-article-size", "1e300"], "'--max-article-size' must be from 0.001 to 4096 (MB)"),
                                (["build", "x.txt", "--max-article-size", "-1"], "'--max-article-size' must be from 0.001 to 4096 (MB)")] {
            let r = try KGProcess.run(args + ["--store", store])
            #expect(r.status == 64, "\(args): \(r.status)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }

    @Test func anEmptyEntityNameSaysSo() throws {
        let r = try KGProcess.run(["show", "", "--store", Self.fixture.store])
        #expect(r.status == 1)
        #expect(r.stderr == "Error: the entity name is empty; give a name as 'kg entities' lists it\n", "\(r.stderr)")
    }
}
