// ListPrefetch: a list of cells of an uncertain model (`[C1.cash[2034], ..., C1000.cash[2034]]`)
// asked as one question before its items are evaluated: one program, one pass over the
// slices on every core, instead of a question per cell.
import BurnModel

/// A cell asked by name.
struct PrefetchKey: Hashable {
    var company: String
    var metric: String
    var year: Int
}

extension World {
    /// Works out at once the items of `items` that read a company's metric in a written year,
    /// when the model is uncertain and there are several; each item then finds its value
    /// ready (an item whose cell has an error asks again, to report it where it is written).
    func prefetch(_ items: [Node], _ rt: Runtime) throws {
        guard state.drawCount != nil, contexts.isEmpty, rt.formula == nil, items.count > 1 else { return }
        var keys: [PrefetchKey] = []
        for item in items {
            guard let index = item as? IndexNode, let year = index.index as? ConstantNode,
                  case .number(let y) = year.value, y == y.rounded(), abs(y) < 10_000,
                  case .series(let company, let metric)? = try? index.base.eval(rt) else { continue }
            keys.append(PrefetchKey(company: company, metric: metric, year: Int(y)))
        }
        guard keys.count > 1, let results = try state.values(keys.map { ($0.company, $0.metric, $0.year) }) else { return }
        for (key, result) in zip(keys, results) {
            switch result {
            case .success(let q): prefetched[key] = Value.make(shown(q, metric: key.metric))
            case .failure(let e) where e.kind == .noValue: prefetched[key] = .none(e.message)
            case .failure: break
            }
        }
    }
}
