import ArgumentParser
import Graph

extension KG {
    struct Retype: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retype",
            abstract: "Give an entity another type (a correction).",
            discussion: "Its id follows the type (organization:kpa -> military:kpa); an entity already stored under that id is merged with it.")

        @OptionGroup var options: StoreOptions

        @Argument(help: "An entity name or alias.")
        var entity: String

        @Argument(help: "person, government, organization, military, place or event.")
        var type: EntityType

        func run() throws {
            let store = try options.openForWriting()
            let e = try store.resolveEntity(entity)
            let c = try store.retype(e, to: type)
            print("\(e.name) is now of type \(type.rawValue) (\(c.entity))")
        }
    }
}
