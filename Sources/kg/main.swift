import Graph
import Foundation
let text = try String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
let r = Extractor.standard.extract(documentID: "x", path: "x", text: text)
if CommandLine.arguments.count > 2 { for s in Extractor.standard.sentences(of: text) { print("S:", s.text) } }
for e in r.entities { print(e.type, e.name, e.aliases) }
for rel in r.relations { print(rel.head, rel.family, rel.tail, "|", rel.evidence[0].text.prefix(80)) }
