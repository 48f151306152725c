// ZMQSocket: the few libzmq calls the kernel makes: a context, sockets bound to the
// connection file's ports, multipart send and receive, and polling several at once.
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
@preconcurrency import CZeroMQ

/// A libzmq context (its I/O thread); every socket of the kernel belongs to one.
final class ZMQContext: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer

    /// Loads libzmq (the first time) and makes a context; a clear error when libzmq is missing.
    init() throws(KernelError) {
        if let failure = burn_zmq_load() {
            throw KernelError.problem("cannot load libzmq: \(String(cString: failure))",
                                      hint: "install it: `apt-get install libzmq5` (Debian)")
        }
        guard let raw = burn_zmq_ctx_new() else { throw KernelError.zmq("cannot start ZeroMQ", ZMQSocket.lastError()) }
        self.raw = raw
    }

    /// Makes blocking calls on its sockets return (the heartbeat thread then ends), then waits
    /// for the sockets' queued messages to leave (their linger) and frees it.
    func terminate() {
        burn_zmq_ctx_shutdown(raw)
        while burn_zmq_ctx_term(raw) != 0 && burn_zmq_errno() == EINTR {}
    }
}

/// A libzmq socket. Not thread-safe: each socket is used by one thread only.
final class ZMQSocket: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    let name: String

    init(_ context: ZMQContext, type: Int32, name: String) throws(KernelError) {
        guard let raw = burn_zmq_socket(context.raw, type) else { throw KernelError.zmq("cannot create the \(name) socket", Self.lastError()) }
        self.raw = raw
        self.name = name
        // Queued messages get a second to leave at shutdown, then are dropped.
        var linger: Int32 = 1000
        burn_zmq_setsockopt(raw, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    func bind(_ endpoint: String) throws(KernelError) {
        guard burn_zmq_bind(raw, endpoint) == 0 else {
            throw KernelError.zmq("cannot listen on \(endpoint) (\(name))", Self.lastError())
        }
    }

    func close() { burn_zmq_close(raw) }

    /// The frames of the next message; nil when interrupted by a signal or the context ends.
    func receive(wait: Bool = true) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        while true {
            var message = zmq_msg_t()
            burn_zmq_msg_init(&message)
            defer { burn_zmq_msg_close(&message) }
            guard burn_zmq_msg_recv(&message, raw, wait ? 0 : Int32(ZMQ_DONTWAIT)) >= 0 else {
                // A signal between frames: the rest of the message is still queued.
                if burn_zmq_errno() == EINTR && !frames.isEmpty { continue }
                return nil
            }
            let size = burn_zmq_msg_size(&message)
            if let data = burn_zmq_msg_data(&message), size > 0 {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if burn_zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// Sends the frames as one multipart message; false when it could not be queued.
    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool {
        for (i, frame) in frames.enumerated() {
            let flags = i < frames.count - 1 ? Int32(ZMQ_SNDMORE) : 0
            var sent: Int32 = -1
            repeat {
                sent = frame.withUnsafeBytes { burn_zmq_send(raw, $0.baseAddress, $0.count, flags) }
            } while sent < 0 && burn_zmq_errno() == EINTR
            if sent < 0 { return false }
        }
        return true
    }

    static func lastError() -> String {
        guard let text = burn_zmq_strerror(burn_zmq_errno()) else { return "unknown error" }
        return String(cString: text)
    }
}

/// What `ZMQPoller.wait` watches: sockets, and plain file descriptors (a pipe).
enum PollTarget {
    case socket(ZMQSocket)
    case descriptor(Int32)
}

enum ZMQPoller {
    /// Which targets are readable, waiting up to `milliseconds` (-1: forever). A signal ends
    /// the wait early with nothing ready.
    static func wait(_ targets: [PollTarget], milliseconds: Int) -> [Bool] {
        var items = targets.map { target -> zmq_pollitem_t in
            switch target {
            case .socket(let s): return zmq_pollitem_t(socket: s.raw, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
            case .descriptor(let fd): return zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0)
            }
        }
        let count = Int32(items.count)
        let ready = items.withUnsafeMutableBufferPointer { burn_zmq_poll($0.baseAddress, count, milliseconds) }
        guard ready > 0 else { return targets.map { _ in false } }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }
}
