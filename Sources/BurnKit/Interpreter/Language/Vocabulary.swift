// Vocabulary: units and currencies a session knows (built in, or declared with `unit` and `rate`).
import BurnModel

struct Vocabulary {
    /// Units by name and by plural.
    private(set) var units: [String: UnitDefinition] = [:]
    private(set) var unitOrder: [String] = []
    /// ISO codes money may be written in.
    private(set) var currencies: Set<String> = ["USD", "EUR", "GBP", "JPY", "CHF", "CNY", "CAD"]

    mutating func declare(_ unit: UnitDefinition) {
        units[unit.name] = unit
        if let plural = unit.plural { units[plural] = unit }
        unitOrder.append(unit.name)
    }

    mutating func declareCurrency(_ code: String) { currencies.insert(code) }

    func unit(_ name: String) -> UnitDefinition? { units[name] }
    func isCurrency(_ name: String) -> Bool { currencies.contains(name) }

    var names: [String] { Array(units.keys) + Array(currencies) }
}

/// What `as NAME` can mean besides a unit or a currency.
enum DisplayTarget {
    static func display(for name: String) -> Display? {
        switch name {
        case "x": return .multiple
        case "percent": return .percent
        case "k": return .magnitude(3)
        case "M": return .magnitude(6)
        case "B", "bn": return .magnitude(9)
        case "T", "tn": return .magnitude(12)
        case "number", "plain": return .auto
        default: return nil
        }
    }
}
