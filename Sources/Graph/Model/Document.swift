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

    public init(
        id: String, path: String, contentHash: String, title: String? = nil, outlet: String? = nil,
        date: String? = nil, sourceURL: String? = nil, bylines: [String] = []
    ) {
        self.id = id
        self.path = path
        self.contentHash = contentHash
        self.title = title
        self.outlet = outlet
        self.date = date
        self.sourceURL = sourceURL
        self.bylines = bylines
    }
}
