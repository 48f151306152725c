// ConnectionInfo: the connection file Jupyter writes for a kernel (transport, address, the five
// ports, the signing key), read and checked before any socket opens.
import BurnKit

/// Why the kernel cannot start; `burn jupyter kernel` prints it and exits with status 1.
public enum KernelError: Error, CustomStringConvertible {
    case problem(String, hint: String)
    case zmq(String, String)

    public var description: String {
        switch self {
        case .problem(let message, let hint): return "error: \(message)\n  = help: \(hint)\n"
        case .zmq(let message, let reason): return "error: \(message): \(reason)\n  = help: is another kernel using these ports?\n"
        }
    }
}

/// The contents of a Jupyter connection file.
public struct ConnectionInfo: Sendable, Equatable {
    public var transport: String
    public var ip: String
    public var key: String
    public var signatureScheme: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int

    /// Reads the JSON text of a connection file at `path` (the path is only for messages).
    public init(json text: String, path: String) throws(KernelError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: text) } catch {
            throw .problem("the connection file '\(path)' is not JSON: \(error)",
                                  hint: "Jupyter writes this file; start the kernel from Jupyter, or pass the file it wrote with `-f`")
        }
        func field(_ name: String) throws(KernelError) -> JSONValue {
            guard let v = value[name] else {
                throw .problem("the connection file '\(path)' has no `\(name)`",
                                      hint: "a connection file names `transport`, `ip`, `key` and the five ports")
            }
            return v
        }
        func port(_ name: String) throws(KernelError) -> Int {
            guard let p = try field(name).int, (0...65535).contains(p) else {
                throw .problem("`\(name)` in '\(path)' is not a port number",
                                      hint: "ports are whole numbers from 0 to 65535")
            }
            return p
        }
        transport = value["transport"]?.string ?? "tcp"
        ip = value["ip"]?.string ?? "127.0.0.1"
        key = try field("key").string ?? ""
        signatureScheme = value["signature_scheme"]?.string ?? "hmac-sha256"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        guard ["tcp", "ipc"].contains(transport) else {
            throw .problem("unknown transport '\(transport)' in '\(path)'", hint: "the transport is `tcp` or `ipc`")
        }
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw .problem("unsupported signature scheme '\(signatureScheme)' in '\(path)'",
                                  hint: "the Burn kernel signs with `hmac-sha256`")
        }
    }

    /// Reads and checks the connection file at `path`.
    public init(path: String) throws(KernelError) {
        guard let text = KernelFiles.read(path) else {
            throw .problem("cannot read the connection file '\(path)'",
                                  hint: "check the path; Jupyter passes it as `{connection_file}` in kernel.json")
        }
        try self.init(json: text, path: path)
    }

    /// The ZeroMQ address of a port: `tcp://127.0.0.1:5555`, or `ipc://NAME-5555`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}
