/// One ingested article.
///
/// `id` is the input file's name; `path` is where it was read from. Title,
/// outlet, date and source URL are filled when the text states them.
public struct Document: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var path: String
    public var contentHash: String
    public var title: String?
    public var outlet: String?
    public var date: String?
    public var sourceURL: String?
    public var bylines: [String]
    /// The document's date, ISO 8601 (`YYYY-MM-DD`); `date` is the text as the article states it.
    public var isoDate: String?
    /// Where `isoDate` was read: "dateline", "edition line", "published line", "byline", "source URL",
    /// "file modification time", with "; year from ..." when the year came from elsewhere.
    public var dateOrigin: String?

    public init(
        id: String, path: String, contentHash: String, title: String? = nil, outlet: String? = nil,
        date: String? = nil, sourceURL: String? = nil, bylines: [String] = [], isoDate: String? = nil, dateOrigin: String? = nil
    ) {
        self.id = id
        self.path = path
        self.contentHash = contentHash
        self.title = title
        self.outlet = outlet
        self.date = date
        self.sourceURL = sourceURL
        self.bylines = bylines
        self.isoDate = isoDate
        self.dateOrigin = dateOrigin
    }
}
