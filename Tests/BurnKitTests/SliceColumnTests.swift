// SliceColumnTests: a column given the place of every draw joins slices whose readers put
// their draws there themselves with slices it was handed (a certain value repeated, draws
// copied, none as draws with no value), each at its own lanes.
@testable import BurnModel
import Testing

@Suite struct SliceColumnTests {
    @Test func placedAndHandedSlicesEachLandAtTheirLanes() {
        let total = 12
        var column = SliceColumn()
        let joined = [Double](unsafeUninitializedCapacity: total) { out, initialized in
            let place = out.baseAddress!
            column = SliceColumn(into: place)
            // Lanes 0..<3: a certain value, handed over (a slice whose draws all took one branch).
            column.add(ColumnRead(.value(Quantity(5)), lanes: 0..<3, placingIn: place), lanes: 3, total: total)
            // Lanes 3..<7: draws, which the reader puts in place.
            let read = ColumnRead(.value(Quantity(draws: Draws([1, 2, 3, 4]))), lanes: 3..<7, placingIn: place)
            guard case .placed(let template) = read else {
                Issue.record("draws for every lane were not placed: \(read)")
                return
            }
            #expect(template.draws?.count == 0, "the placed slice's draws are still held")
            column.add(read, lanes: 4, total: total)
            // Lanes 7..<10: draws handed over as they are (read without lanes: a whole answer).
            column.add(ColumnRead(.value(Quantity(draws: Draws([7, 8, 9]))), lanes: nil, placingIn: place),
                       lanes: 3, total: total)
            // Lanes 10..<12: none.
            column.add(.none("no value"), lanes: 2, total: total)
            initialized = column.placed == total ? total : 0
        }
        #expect(column.placed == total)
        guard case .value(let q) = column.joined(joined), let draws = q.draws?.values else {
            Issue.record("no draws joined")
            return
        }
        let expected: [Double] = [5, 5, 5, 1, 2, 3, 4, 7, 8, 9, .nan, .nan]
        #expect(draws.map(\.bitPattern) == expected.map(\.bitPattern), "\(draws)")
    }

    /// A certain value in every slice stays certain, whether or not the column had a place.
    @Test func aCertainAnswerStaysCertain() {
        var storage = [Double](repeating: 0, count: 6)
        storage.withUnsafeMutableBufferPointer { out in
            var column = SliceColumn(into: out.baseAddress!)
            for lanes in [0..<2, 2..<6] {
                column.add(ColumnRead(.value(Quantity(3)), lanes: lanes, placingIn: out.baseAddress!), lanes: lanes.count, total: 6)
            }
            guard case .value(let q) = column.joined() else {
                Issue.record("not a value")
                return
            }
            #expect(q.draws == nil && q.value == 3)
        }
    }
}
