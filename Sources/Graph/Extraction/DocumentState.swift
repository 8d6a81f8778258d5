/// What extraction knows about one document while reading it: its entities,
/// the short forms their names may take, and what was named most recently.
struct DocumentState {
    var entities: [String: Entity] = [:]
    var order: [String] = []
    var mentionCount: [String: Int] = [:]
    /// Folded name (`TextNormalization.key`) -> the first entity of the article with that name.
    var byName: [String: String] = [:]
    /// Lower-cased short form ("putin", "yu", "kim") -> entity ids of the persons it may stand for.
    var shortForms: [String: [String]] = [:]
    var lastMilitary: String?
    /// Short forms of organizations and forces named in full ("Norrland" for Norrland Steel, "CMA" for
    /// the Competition and Markets Authority), lower-cased, to their ids.
    var bodyForms: [String: String] = [:]
    /// The entity of each type named most recently.
    var lastNamed: [EntityType: String] = [:]

    /// States' armed forces named in the article (as opposed to units).
    var armies: Set<String> = []

    /// The armed forces the article names most (the first named of equals): what "the troops" means.
    var salientMilitary: String? {
        // a state's armed forces if the article names one, else the force it names most
        var candidates = order.enumerated().filter { armies.contains($0.element) }
        if candidates.isEmpty { candidates = order.enumerated().filter { entities[$0.element]?.type == .military } }
        return candidates.max { a, b in
            ((mentionCount[a.element] ?? 0), -a.offset) < ((mentionCount[b.element] ?? 0), -b.offset)
        }?.element
    }
    var specialForces: String?
    /// Persons whose title named their state ("North Korean leader Kim Jong Un"): person id -> state.
    var titleStates: [String: Int] = [:]
    /// States ever mentioned, with counts (for the dominant state of the article).
    var stateCounts: [Int: Int] = [:]
    /// Family names written first (Korean, Chinese order).
    let familyFirst: Set<String>
    /// Lower-case particles that open a surname ("von der Leyen").
    let surnameParticles: Set<String>

    init(familyFirst: Set<String>, surnameParticles: Set<String> = []) {
        self.familyFirst = familyFirst
        self.surnameParticles = surnameParticles
    }

    mutating func note(_ entity: Entity, alias: String?, naming: Bool) {
        if entities[entity.id] == nil {
            entities[entity.id] = Entity(id: entity.id, name: entity.name, type: entity.type, aliases: [])
            order.append(entity.id)
            let key = TextNormalization.key(entity.name)
            if byName[key] == nil { byName[key] = entity.id }
        } else if TextNormalization.isFullerSpelling(entity.name, than: entities[entity.id]!.name) {
            // "Orban ... Orbán": one person, shown with the accents the article gives the name
            entities[entity.id]!.name = entity.name
        }
        if naming {
            mentionCount[entity.id, default: 0] += 1
            if let alias, TextNormalization.key(alias) != TextNormalization.key(entity.name),
               !entities[entity.id]!.aliases.contains(alias) {
                entities[entity.id]!.aliases.append(alias)
            }
        }
        if entity.type == .military { lastMilitary = entity.id }
        if naming { lastNamed[entity.type] = entity.id }

        if entity.type == .person && naming { registerShortForms(entity) }
    }

    mutating func registerShortForms(_ person: Entity) {
        let parts = person.name.split(whereSeparator: { $0 == " " }).map { TextNormalization.fold(String($0)) }
        guard parts.count >= 2 else { return }
        // family name first (Kim Yong Bok, Jeon Kyung-joo) or last (Miles Yu)
        let family = familyFirst.contains(parts[0]) ? parts[0] : parts.last!
        var forms = [family]
        // "Ursula von der Leyen" is "von der Leyen" (and "Leyen")
        if !familyFirst.contains(parts[0]), let p = parts.indices.dropFirst().first(where: { surnameParticles.contains(parts[$0]) }), p < parts.count - 1 {
            forms.append(parts[p...].joined(separator: " "))
        }
        for form in forms where !(shortForms[form]?.contains(person.id) ?? false) {
            shortForms[form, default: []].append(person.id)
        }
    }

    /// The entity the article already named `name`, folding case and accents ("Orban" after "Orbán").
    func named(_ name: String) -> String? {
        byName[TextNormalization.key(name)].flatMap { entities[$0] == nil ? nil : $0 }
    }

    /// The person a short form stands for: of several, the one the article names most.
    func resolveShortForm(_ form: String) -> String? {
        guard let ids = shortForms[TextNormalization.fold(form)], !ids.isEmpty else { return nil }
        return ids.max { ((mentionCount[$0] ?? 0), $1) < ((mentionCount[$1] ?? 0), $0) }
    }

    /// The person the article names most, of those `fits` accepts.
    func mainPerson(where fits: (String) -> Bool = { _ in true }) -> String? {
        order.filter { entities[$0]?.type == .person && fits($0) }.max { ((mentionCount[$0] ?? 0), $1) < ((mentionCount[$1] ?? 0), $0) }
    }
}
