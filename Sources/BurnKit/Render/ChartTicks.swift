// ChartTicks: the round values marked on a chart's value axis (0, 20, 40, 60 billion...).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tick values of a chart's value axis: four to six round multiples of a step of 1, 2, 2.5
/// or 5 times a power of ten, from at or below the smallest value (and zero) to at or above the
/// largest (and zero), so zero is always a tick and every value lies between the first and last.
struct ChartTicks: Equatable {
    /// Ascending tick values, the first at or below `min(values, 0)`, the last at or above
    /// `max(values, 0)`.
    let values: [Double]

    /// The axis's lowest and highest values (its first and last tick).
    var low: Double { values.first ?? 0 }
    var high: Double { values.last ?? 1 }

    /// Ticks covering `values` and zero; non-finite values are ignored, and an empty or all-zero
    /// series gets 0 to 1.
    init(covering values: [Double]) {
        let finite = values.filter(\.isFinite)
        let low = min(finite.min() ?? 0, 0), high = max(finite.max() ?? 0, 0)
        // A range too small to divide (zero, or below what doubles step through) reads as 0 to 1.
        let range = high - low
        guard range > 1e-300, range.isFinite else {
            self.values = [0, 0.2, 0.4, 0.6, 0.8, 1]
            return
        }
        self.values = ChartTicks.round(low: low, high: high, range: range)
    }

    /// The smallest step of 1, 2, 2.5 or 5 times a power of ten giving at most six ticks. The
    /// steps grow by at most twice, and the one before gave seven or more ticks (the range over
    /// more than 4 of its steps), so the chosen one spans more than 2 steps: at least four ticks.
    private static func round(low: Double, high: Double, range: Double) -> [Double] {
        // 10^e with e = floor(log10(range)) - 1 is at most a tenth of the range: over 6 ticks.
        let start = floor(log10(range)) - 1
        for exponent in stride(from: start, through: start + 3, by: 1) {
            for multiple in [1.0, 2, 2.5, 5] {
                let step = multiple * pow(10, exponent)
                // The slack keeps a value that is a whole number of steps, up to rounding
                // (0.6 / 0.2 = 2.9999999999999996), from adding a tick.
                let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
                guard last - first <= 5 else { continue }
                return stride(from: first, through: last, by: 1).map { $0 * step + 0 }
            }
        }
        return [low, high]
    }
}
