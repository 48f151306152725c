// DrawStreamTests: `uniform` draws made a stretch at a time (`UniformStream`) have the bits of
// the same draws made all at once, from any draw on, and a compiled question reads them so
// (block by block, nothing held) with the reference evaluator's answers.
@testable import BurnModel
import Testing
@testable import BurnKit

@Suite struct DrawStreamTests {
    /// Counts around the checkpoints' spacing (16,384), and past several of them.
    static let counts = [1, 63, 16_383, 16_384, 16_385, 50_001]

    @Test(arguments: [1, 42, 0xDEAD_BEEF] as [UInt64])
    func aCursorAnywhereMakesTheDrawsOfTheWholeRun(seed: UInt64) {
        for count in Self.counts {
            var whole = Random(seed: seed)
            let expected = whole.uniforms(count, from: -2, to: 3.5)
            let stream = UniformStream(count: count, from: Random(seed: seed), lo: -2, hi: 3.5)
            let starts = [0, 1, 64, 16_383, 16_384, 16_448, 32_769, count - 1].filter { $0 < count }
            for start in starts {
                // Two fills in a row go on where the first stopped.
                let first = min(100, count - start), second = min(3000, count - start - first)
                var made = [Double](repeating: .nan, count: first + second)
                made.withUnsafeMutableBufferPointer { out in
                    let cursor = stream.cursor(at: start)
                    cursor.fill(out.baseAddress!, count: first)
                    cursor.fill(out.baseAddress! + first, count: second)
                }
                let differ = made.indices.first { made[$0].bitPattern != expected[start + $0].bitPattern }
                #expect(differ == nil, "seed \(seed), \(count) draws from \(start): draw \(differ ?? -1) differs")
            }
            // The generator after the stream is where drawing every uniform leaves it.
            var after = stream.generator(after: count)
            #expect(after.next() == whole.next(), "seed \(seed), \(count) draws: generator after")
        }
    }

    /// A session at 50,001 samples with uniform growth rates and a uniform fact: the compiled
    /// question (a kernel, its slices on every core) gives the reference evaluator's draws,
    /// and holds none of the uniforms: it made them as it read them.
    @Test func aKernelReadsUniformsAsItMakesThem() throws {
        let session = Session()
        session.heldDrawMemory = 64 << 20
        try session.run(source: """
            samples 50_001
            seed 9
            company Lab
            revenue[2024] = 3.7B
            costs[2024] = 8.7B
            cash[2024] = uniform(5B, 15B)
            revenue grows uniform(50%, 150%) per year
            costs grow uniform(30%, 90%) per year
            """)
        let model = session.interpreter.world.state
        let held = session.interpreter.heldDraws
        let keys = try ["cash", "revenue", "operating_income"].map { CellKey(0, try model.metricIndex($0), 2030) }
        let kernels = model.statistics.kernels
        let compiled = try model.uncertainCells(keys)
        #expect(model.statistics.kernels == kernels + 1, "not compiled to a kernel")
        #expect(held.bytes == 0, "the kernel held uniforms (\(held.bytes) bytes)")
        // A break-even search compiles too, and reads them the same way.
        let searched = try model.uncertainSearch(0, try model.metricIndex("operating_income"), until: 2030, .atLeastZero)
        #expect(held.bytes == 0, "the search held uniforms (\(held.bytes) bytes)")
        // The reference reads every draw of each uniform: they are made whole, and held.
        let reference = Evaluator(reference: model, lanes: 0..<50_001)
        for (key, cell) in zip(keys, compiled) {
            let expected = try reference.cell(key)
            #expect(CompiledPlanTests.same(.success(cell), .success(expected)), "\(reference.name(key, full: true))")
        }
        #expect(held.bytes > 0, "the reference evaluator did not read the uniforms whole")
        let fresh = Evaluator(reference: model, lanes: 0..<50_001)
        let slice = try model.searchSlice(fresh, 0, try model.metricIndex("operating_income"), from: 2024, until: 2030,
                                          .atLeastZero)
        #expect(CompiledPlanTests.sameAnswer(.success(searched), .success(.draws(Draws(slice.years), through: slice.through))))
    }
}
