// Math: the libm functions the kernel uses, imported in one place.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func _pow(_ a: Double, _ b: Double) -> Double { pow(a, b) }
@inline(__always) func _log10(_ a: Double) -> Double { log10(a) }
