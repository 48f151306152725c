// Math: the C math library, imported in one place so the rest of BurnKit needs no Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Math {
    static func log10(_ x: Double) -> Double { Glibc_log10(x) }
    static func pow(_ a: Double, _ b: Double) -> Double { Glibc_pow(a, b) }
    static func log(_ x: Double) -> Double { Glibc_log(x) }
    static func exp(_ x: Double) -> Double { Glibc_exp(x) }
    static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    static func cos(_ x: Double) -> Double { Glibc_cos(x) }
    static func sin(_ x: Double) -> Double { Glibc_sin(x) }
    // e^x - 1 and ln(1 + x), exact near 0 (rates of return); sinh and asinh for their search grid.
    static func expm1(_ x: Double) -> Double { Glibc_expm1(x) }
    static func log1p(_ x: Double) -> Double { Glibc_log1p(x) }
    static func sinh(_ x: Double) -> Double { Glibc_sinh(x) }
    static func asinh(_ x: Double) -> Double { Glibc_asinh(x) }
}

@inline(__always) private func Glibc_log10(_ x: Double) -> Double { log10(x) }
@inline(__always) private func Glibc_pow(_ a: Double, _ b: Double) -> Double { pow(a, b) }
@inline(__always) private func Glibc_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func Glibc_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func Glibc_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func Glibc_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func Glibc_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func Glibc_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func Glibc_sinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) private func Glibc_asinh(_ x: Double) -> Double { asinh(x) }
