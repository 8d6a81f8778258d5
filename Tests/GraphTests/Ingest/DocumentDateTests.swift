import Foundation
import Testing
@testable import Graph

/// One test per origin of a document's date, on texts of our own.
@Suite struct DocumentDateTests {
    let cleaner = PageCleaner(lexicon: .standard)
    /// 2025-03-10 12:00 UTC
    let fileTime = Date(timeIntervalSince1970: 1_741_608_000)

    func date(_ text: String, file: Date? = nil) -> DocumentDate? {
        let r = cleaner.clean(SourceText(text))
        return DocumentDate.resolve(dropped: r.dropped, sourceURL: r.sourceURL, text: text, fileModified: file)
    }

    @Test func aDatelineWithoutAYearTakesItFromThePublishedLine() {
        let d = date("Harbour strike ends\nPublished: 2 February 2024\nVALDEMAR, Jan. 30 (Wire) - Dockworkers in Valdemar returned to work on Tuesday after a week-long strike.\nThe port authority said ships would sail again.\n")
        #expect(d == DocumentDate(date: "2024-01-30", origin: .dateline, yearFrom: .published))
        #expect(d?.originDescription == "dateline; year from the published line")
    }

    @Test func aDatelineWithoutAYearTakesItFromTheFileAndSaysSo() {
        let d = date("MORRISTAD, Dec. 28 (Wire) - The council of Morristad approved a new budget on Friday.\nThe mayor praised the vote.\n", file: fileTime)
        // December after a file saved in March belongs to the year before
        #expect(d == DocumentDate(date: "2024-12-28", origin: .dateline, yearFrom: .file))
        #expect(d?.originDescription.contains("year from the file modification time") == true)
        let spring = date("MORRISTAD, Feb. 14 (Wire) - The council of Morristad approved a new budget on Friday.\nThe mayor praised the vote.\n", file: fileTime)
        #expect(spring?.date == "2025-02-14")
    }

    @Test func aDatelineWithoutAYearTakesItFromADateInTheText() {
        let d = date("LINDHOLM, March 3 (Wire) - The Lindholm ferry line reopened on Monday.\nIt had closed on November 20, 2023 after a storm.\n", file: fileTime)
        #expect(d == DocumentDate(date: "2023-03-03", origin: .dateline, yearFrom: .text))
    }

    @Test func anEditionLine() {
        let d = date("Rail talks stall\nUnions and the operator of the Kessel line failed to agree on pay.\nThis story is from the 14 October 2023 edition of The Kessel Courier.\n")
        #expect(d == DocumentDate(date: "2023-10-14", origin: .edition))
    }

    @Test func aPublishedLine() {
        let d = date("Updated: Sept. 9, 2022 10:15 GMT\nThe Arvel museum reopened its north wing after repairs.\nVisitors queued from early morning.\n")
        #expect(d == DocumentDate(date: "2022-09-09", origin: .published))
    }

    @Test func aBylineDate() {
        let d = date("By Tamsin Orr, 21 June 2021\nThe Velden city council voted to close the old bridge to cars.\nCyclists welcomed the decision.\n", file: fileTime)
        #expect(d == DocumentDate(date: "2021-06-21", origin: .byline))
    }

    @Test func aDateInTheSourceURL() {
        let d = date("https://news.example.org/2020/07/05/velden-bridge-closes\nThe Velden city council voted to close the old bridge to cars.\nCyclists welcomed the decision.\n", file: fileTime)
        #expect(d == DocumentDate(date: "2020-07-05", origin: .url))
    }

    @Test func theFilesModificationTimeIsTheLastResort() {
        let text = "The Velden city council voted to close the old bridge to cars.\nCyclists welcomed the decision.\n"
        #expect(date(text, file: fileTime) == DocumentDate(date: "2025-03-10", origin: .file))
        #expect(date(text) == nil)
    }

    @Test func aBuildDatesAnUndatedArticleByItsFileAndAYearlessDatelineByTheFilesYear() throws {
        let dir = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.txt"), wire = dir.appendingPathComponent("wire.txt")
        try Data("The Velden city council voted to close the old bridge to cars.\n".utf8).write(to: plain)
        try Data("VELDEN, Feb. 14 (Wire) - The Velden city council voted to close the old bridge to cars.\n".utf8).write(to: wire)
        for f in [plain, wire] { try FileManager.default.setAttributes([.modificationDate: fileTime], ofItemAtPath: f.path) }
        let store = try GraphStore(path: dir.appendingPathComponent("kg.sqlite").path)
        _ = try Builder().build([dir.path], into: store)
        let docs = Dictionary(uniqueKeysWithValues: try store.documents().map { ($0.id, $0) })
        #expect(docs["plain.txt"]?.isoDate == "2025-03-10" && docs["plain.txt"]?.dateOrigin == "file modification time")
        #expect(docs["wire.txt"]?.isoDate == "2025-02-14" && docs["wire.txt"]?.dateOrigin == "dateline; year from the file modification time")
    }

    @Test func theDatelineComesFirst() {
        let d = date("https://news.example.org/2020/07/05/story\nVALDEMAR, July 4, 2020 (Wire) - Dockworkers in Valdemar returned to work.\nThe port reopened.\n")
        #expect(d == DocumentDate(date: "2020-07-04", origin: .dateline))
    }

    @Test func datesAreReadInSeveralForms() {
        #expect(DocumentDate.find(in: "2024-11-04") == .init(year: 2024, month: 11, day: 4))
        #expect(DocumentDate.find(in: "Monday, November 4th 2024") == .init(year: 2024, month: 11, day: 4))
        #expect(DocumentDate.find(in: "4. november 2024") == .init(year: 2024, month: 11, day: 4))
        #expect(DocumentDate.find(in: "le 4 décembre 2024") == .init(year: 2024, month: 12, day: 4))
        #expect(DocumentDate.find(in: "SEOUL, Nov. 4") == .init(year: nil, month: 11, day: 4))
        #expect(DocumentDate.find(in: "Feb. 30, 2024") == nil)
        #expect(DocumentDate.find(in: "the 12 apostles") == nil)
        #expect(DocumentDate.inURL("https://x.example/news/20230115-story") == .init(year: 2023, month: 1, day: 15))
        #expect(DocumentDate.inURL("https://x.example/item/20231315") == nil)
    }
}
