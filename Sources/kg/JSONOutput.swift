import Foundation
import Graph

/// Prints an Encodable value as pretty JSON with sorted keys, control and bidirectional
/// characters escaped (``TerminalText/escapingControls(inJSON:)``), through the checked writer.
func printJSON<T: Encodable>(_ value: T) throws {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = TerminalText.escapingControls(inJSON: try enc.encode(value))
    data.append(0x0A)
    Output.standardOutput.write(data)
}
