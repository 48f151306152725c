// Draw90: what `a to b` draws (lognormal on the 90% interval for positive bounds, normal
// otherwise), and the draws of ranges and of `uniform` kept as recipes to draw again rather
// than held for good.
import BurnModel

/// The distribution whose 5th and 95th percentiles are two bounds.
struct Draw90: Sendable {
    private enum Shape {
        case lognormal(mu: Double, sigma: Double)
        case normal(mean: Double, sd: Double)
    }

    private let shape: Shape

    /// 1.6448…: the 95th percentile of the standard normal distribution.
    static let z95 = 1.6448536269514722

    /// Lognormal when 0 < a, else normal.
    init(_ a: Double, _ b: Double) {
        if a > 0 {
            let mu = (Math.log(a) + Math.log(b)) / 2, sigma = (Math.log(b) - Math.log(a)) / (2 * Draw90.z95)
            shape = .lognormal(mu: mu, sigma: sigma)
        } else {
            shape = .normal(mean: (a + b) / 2, sd: (b - a) / (2 * Draw90.z95))
        }
    }

    /// `count` draws from `generator`, each normal scaled in the pass that draws it.
    func draw(_ count: Int, from generator: inout Random) -> [Double] {
        switch shape {
        case .lognormal(let mu, let sigma): return generator.normals(count) { Math.exp(mu + sigma * $0) }
        case .normal(let mean, let sd): return generator.normals(count) { mean + sd * $0 }
        }
    }

    /// Whether no draw can be infinite (a normal is never larger than `Random.largestNormal`),
    /// so the draws need not be read to know.
    var alwaysFinite: Bool {
        let z = Random.largestNormal
        switch shape {
        case .lognormal(let mu, let sigma): return mu.isFinite && sigma.isFinite && mu + z * sigma < 700
        case .normal(let mean, let sd):
            let largest = mean.magnitude + z * sd
            return largest.isFinite && largest < 1e300
        }
    }
}

extension Interpreter {
    /// Samples whose 5th and 95th percentiles are `a` and `b`: lognormal when 0 < a, else normal.
    func draw90(_ a: Double, _ b: Double) -> [Double] {
        Draw90(a, b).draw(sampleCount, from: &rng)
    }

    /// `draw90(a, b)` as draws that can be drawn again (a `DrawRecipe` from the generator's
    /// state now) when none can be infinite, the generator moved on as if they were drawn:
    /// drawn on the held draws' helper thread while they have room, else when first read.
    /// Otherwise the draws themselves, not yet checked for infinities.
    func draws90(_ a: Double, _ b: Double) -> Draws {
        let distribution = Draw90(a, b), n = sampleCount, start = rng
        guard distribution.alwaysFinite else { return Draws(distribution.draw(n, from: &rng)) }
        let recipe = DrawRecipe(count: n, held: heldDraws) {
            var generator = start
            return distribution.draw(n, from: &generator)
        }
        if heldDraws.hasRoom(for: n) { heldDraws.holdLater(recipe) }
        rng.skipNormals(n)
        return Draws(recipe)
    }

    /// `uniform(lo, hi)` as draws made again when read, or a stretch at a time by a compiled
    /// question (`UniformStream`): nothing is drawn now, the generator moved on as if they were.
    func uniformDraws(_ lo: Double, _ hi: Double) -> Draws {
        let n = sampleCount, start = rng
        let stream = UniformStream(count: n, from: start, lo: lo, hi: hi)
        let recipe = DrawRecipe(count: n, held: heldDraws, stream: stream) {
            var generator = start
            return generator.uniforms(n, from: lo, to: hi)
        }
        rng = stream.generator(after: n)
        return Draws(recipe)
    }
}
