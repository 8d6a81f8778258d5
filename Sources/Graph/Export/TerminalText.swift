import Foundation

/// Text from articles made safe to print on a terminal, and to embed in JSON.
///
/// Article text is hostile input: an ESC starts a CSI sequence that can move the cursor,
/// recolour or retitle the terminal, a BEL rings, a carriage return overwrites the line,
/// and bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE, the isolates U+2066-U+2069)
/// reorder what the reader sees. Such characters are shown as visible escapes
/// (`\u{1B}`, `\u{202E}`) instead; every other character, tabs and line feeds included,
/// is kept.
public enum TerminalText {
    /// Whether a terminal would act on `u` rather than show it: C0 controls except tab and
    /// line feed, DEL, C1 controls, the bidirectional marks, embeddings, overrides and
    /// isolates, and the line and paragraph separators.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text` with every ``isControl(_:)`` character replaced by its visible escape `\u{XX}`.
    /// - Complexity: O(n) in the length of `text`.
    public static func sanitize(_ text: String) -> String {
        replacingControls(in: text) { "\\u{\(String($0.value, radix: 16, uppercase: true))}" }
    }

    /// `text` with every ``isControl(_:)`` character replaced by `escape` of it (a format's own escape).
    /// - Complexity: O(n) in the length of `text`.
    public static func replacingControls(in text: String, with escape: (Unicode.Scalar) -> String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if isControl(u) { out.append(contentsOf: escape(u).unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// Encoded JSON with every ``isControl(_:)`` character that the encoder left raw
    /// (DEL, C1 controls, bidirectional controls, U+2028/U+2029) written as a `\uXXXX`
    /// escape, as JSON allows for any character. The decoded values are unchanged:
    /// these characters can only stand inside strings, and C0 controls are already
    /// escaped by every JSON encoder.
    /// - Complexity: O(n) in the size of `json`.
    public static func escapingControls(inJSON json: Data) -> Data {
        let text = String(decoding: json, as: UTF8.self)
        guard text.unicodeScalars.contains(where: isControl) else { return json }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if isControl(u) {
                let hex = String(u.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return Data(String(out).utf8)
    }
}
