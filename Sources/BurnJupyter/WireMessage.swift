// WireMessage: a Jupyter message and its wire form (messaging protocol 5.3): routing
// identities, the `<IDS|MSG>` delimiter, the HMAC signature, then four JSON frames
// (header, parent_header, metadata, content) and any binary buffers.
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import BurnKit

/// One Jupyter message, decoded.
public struct WireMessage: Sendable, Equatable {
    /// The ROUTER socket's routing prefix: a reply carries its request's identities back.
    public var identities: [[UInt8]]
    public var header: JSONValue
    public var parentHeader: JSONValue
    public var metadata: JSONValue
    public var content: JSONValue
    public var buffers: [[UInt8]]

    public init(identities: [[UInt8]] = [], header: JSONValue, parentHeader: JSONValue = .object([]),
                metadata: JSONValue = .object([]), content: JSONValue, buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    public var type: String { header["msg_type"]?.string ?? "" }
    public var id: String { header["msg_id"]?.string ?? "" }
}

/// Why frames were not a message; the kernel logs it and drops the frames.
public enum WireError: Error, Equatable, CustomStringConvertible {
    case noDelimiter
    case missingFrames(Int)
    case badSignature
    case badJSON(frame: String, JSONError)
    case notAnObject(frame: String)

    public var description: String {
        switch self {
        case .noDelimiter: return "no <IDS|MSG> delimiter"
        case .missingFrames(let n): return "\(n) frames after the delimiter, 5 needed (signature and four JSON dicts)"
        case .badSignature: return "the signature does not match the message (wrong key?)"
        case .badJSON(let frame, let error): return "the \(frame) is not JSON: \(error)"
        case .notAnObject(let frame): return "the \(frame) is not a JSON object"
        }
    }
}

/// Encodes and decodes messages under the connection's key (no signing with an empty key).
public struct WireCodec {
    public static let delimiter = Array("<IDS|MSG>".utf8)
    private let hmac: HMACSHA256?

    /// Signs with HMAC-SHA256 under `key` (ConnectionInfo refuses other schemes).
    public init(key: String) {
        hmac = key.isEmpty ? nil : HMACSHA256(key: Array(key.utf8))
    }

    /// The frames to send: identities, delimiter, signature, the four JSON dicts, buffers.
    public func encode(_ message: WireMessage) -> [[UInt8]] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content].map { Array($0.compact.utf8) }
        let signature = hmac.map { Array($0.hexMAC(parts).utf8) } ?? []
        return message.identities + [Self.delimiter, signature] + parts + message.buffers
    }

    /// The message in `frames`; throws when the delimiter, a frame or the signature is wrong.
    public func decode(_ frames: [[UInt8]]) throws(WireError) -> WireMessage {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .noDelimiter }
        let rest = Array(frames[(split + 1)...])
        guard rest.count >= 5 else { throw .missingFrames(rest.count) }
        let parts = Array(rest[1...4])
        if let hmac {
            let expected = Array(hmac.hexMAC(parts).utf8)
            guard HMACSHA256.constantTimeEqual(expected, rest[0]) else { throw .badSignature }
        }
        let names = ["header", "parent header", "metadata", "content"]
        var dicts: [JSONValue] = []
        for (name, part) in zip(names, parts) {
            let value: JSONValue
            do { value = try JSONValue(parsing: part) } catch { throw .badJSON(frame: name, error) }
            guard case .object = value else { throw .notAnObject(frame: name) }
            dicts.append(value)
        }
        guard dicts[0]["msg_type"]?.string != nil else { throw .notAnObject(frame: "header (no msg_type)") }
        return WireMessage(identities: Array(frames[..<split]), header: dicts[0], parentHeader: dicts[1],
                           metadata: dicts[2], content: dicts[3], buffers: Array(rest.dropFirst(5)))
    }
}

/// Headers of the messages the kernel sends.
public struct MessageHeaders {
    /// The kernel's session id, the same in every message it sends.
    public let session: String

    public init(session: String = MessageHeaders.newID()) { self.session = session }

    public func header(type: String) -> JSONValue {
        .object([
            "msg_id": .string(Self.newID()),
            "session": .string(session),
            "username": .string("burn"),
            "date": .string(Self.now()),
            "msg_type": .string(type),
            "version": .string("5.3"),
        ])
    }

    /// A reply to `request` on the socket it came from (same identities, its header as parent).
    public func reply(to request: WireMessage, type: String, content: JSONValue) -> WireMessage {
        WireMessage(identities: request.identities, header: header(type: type), parentHeader: request.header,
                    content: content)
    }

    /// A message on iopub about `request` (its topic is the message type).
    public func broadcast(about request: WireMessage?, type: String, content: JSONValue) -> WireMessage {
        WireMessage(identities: [Array(("kernel." + session + "." + type).utf8)], header: header(type: type),
                    parentHeader: request?.header ?? .object([]), content: content)
    }

    /// A random version-4 UUID, as text.
    public static func newID() -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = HMACSHA256.hex(bytes)
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    /// The current time in ISO 8601 with microseconds, UTC (`2026-11-30T10:34:04.123456Z`).
    public static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-" + pad(Int(parts.tm_mday), 2)
            + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
            + "." + pad(Int(spec.tv_nsec) / 1000, 6) + "Z"
    }
}
