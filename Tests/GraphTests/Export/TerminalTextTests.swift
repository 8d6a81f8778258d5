import Foundation
import Testing
@testable import Graph

@Suite struct TerminalTextTests {
    static let hostile = "Plain \u{1B}[31mred\u{1B}[0m \u{1B}]0;title\u{07} bell\u{07} back\rover \u{202E}desrever\u{202C} \u{2066}iso\u{2069} del\u{7F} c1\u{9B}2J"

    @Test func escapesEveryControlAndBidiCharacterVisibly() {
        let s = TerminalText.sanitize(Self.hostile)
        #expect(!s.unicodeScalars.contains(where: TerminalText.isControl))
        for u in ["\u{1B}", "\u{07}", "\r", "\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{7F}", "\u{9B}"] {
            #expect(!s.contains(u), "raw \(u.unicodeScalars.first!.value) left")
        }
        #expect(s.contains(#"\u{1B}[31mred\u{1B}[0m"#))
        #expect(s.contains(#"\u{202E}desrever"#))
        #expect(s.contains(#"back\u{D}over"#))
    }

    @Test func keepsTabsLineFeedsAndOrdinaryUnicode() {
        let s = "Zelenskyy\tKyiv\nÜnïcødé 北朝鮮 — “quoted” ‘x’ €"
        #expect(TerminalText.sanitize(s) == s)
    }

    @Test func jsonEscapesWhatTheEncoderLeftRawAndDecodesToTheSameText() throws {
        struct Box: Codable, Equatable { var text: String }
        let encoded = try JSONEncoder().encode(Box(text: Self.hostile))
        let escaped = TerminalText.escapingControls(inJSON: encoded)
        let json = String(decoding: escaped, as: UTF8.self)
        #expect(!json.unicodeScalars.contains(where: TerminalText.isControl))
        #expect(json.contains(#"\u001b"#) && json.contains(#"\u202e"#) && json.contains(#"\u007f"#) && json.contains(#"\u009b"#))
        #expect(try JSONDecoder().decode(Box.self, from: escaped) == Box(text: Self.hostile))
    }
}
