import Testing
@testable import Graph

struct SnippetTests {
    static let kursk = Entity(id: "place:kursk", name: "Kursk", type: .place)
    static let army = Entity(id: "military:kpa", name: "Korean People's Army", type: .military, aliases: ["North Korean units"])
    static let sentence = "Officials in the capital said on Monday, after a long meeting with allied envoys and several days of silence, "
        + "that North Korean units had been moved by rail and by road to the Kursk region, where fighting has gone on for weeks."

    @Test func aPipeGetsTheWholeSentence() {
        #expect(Snippet.centred(Self.sentence, on: [Self.army, Self.kursk], width: nil) == Self.sentence)
    }

    @Test func theWindowHoldsBothNamesAndFitsTheWidth() {
        for width in [60, 80, 100] {
            let s = Snippet.centred(Self.sentence, on: [Self.army, Self.kursk], width: width)
            #expect(s.count <= width, "\(s.count) > \(width): \(s)")
            #expect(s.contains("North Korean units") && s.contains("Kursk"), "\(width): \(s)")
            #expect(s.hasPrefix("…") && s.hasSuffix("…"))
        }
    }

    @Test func namesFarApartGetHalfTheWidthEach() {
        let long = "Kursk, " + String(repeating: "and then something else happened ", count: 8) + "said the Korean People's Army today."
        let s = Snippet.centred(long, on: [Self.kursk, Self.army], width: 70)
        #expect(s.count <= 70, "\(s)")
        #expect(s.contains("Kursk") && s.contains("Korean People's Army") && s.contains(" … "), "\(s)")
    }

    @Test func aPersonIsFoundBySurname() {
        let p = Entity(id: "person:x", name: "Valery Gerasimov", type: .person)
        let text = String(repeating: "Long preamble words here. ", count: 6) + "Gerasimov told the meeting that Kursk was retaken."
        let s = Snippet.centred(text, on: [p, Self.kursk], width: 50)
        #expect(s.contains("Gerasimov") && s.contains("Kursk"), "\(s)")
    }

    @Test func withoutTheNamesTheStartIsShown() {
        let s = Snippet.centred(Self.sentence, on: [Entity(id: "x", name: "Nowhere", type: .place)], width: 40)
        #expect(s.hasPrefix("Officials") && s.hasSuffix("…") && s.count <= 40)
    }

    @Test func citationNamesOutletAndDateWhereKnown() {
        #expect(Document(id: "a.txt", path: "a.txt", contentHash: "", outlet: "Wire", date: "2024-11-04").shortCitation == "Wire, 2024-11-04")
        #expect(Document(id: "a.txt", path: "a.txt", contentHash: "", date: "2024-11-04").shortCitation == "2024-11-04")
        #expect(Document(id: "a.txt", path: "a.txt", contentHash: "").shortCitation == "a.txt")
    }
}

extension SnippetTests {
    @Test func cutsFallBetweenWords() {
        let a = Entity(id: "person:a", name: "Ilse Marden", type: .person), b = Entity(id: "person:b", name: "Tomas Reyk", type: .person)
        let text = "Officials said on Thursday, after a long night of talks, that President Ilse Marden had met Prime Minister Tomas Reyk in Valdora."
        let s = Snippet.centred(text, on: [a, b], width: 48)
        #expect(s == "…Ilse Marden had met Prime Minister Tomas Reyk…")
    }
}
