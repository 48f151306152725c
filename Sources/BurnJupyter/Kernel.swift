// Kernel: the Burn Jupyter kernel's sockets and main loop. The main thread owns the shell,
// control, stdin and iopub sockets; the heartbeat echoes on its own thread; cells run on a
// CellWorker thread, during which the main thread serves only the control socket (so that
// interrupt_request and shutdown_request are answered while a simulation runs).
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import BurnKit
@preconcurrency import CEditLineShim
@preconcurrency import CZeroMQ

public final class Kernel {
    let codec: WireCodec
    let headers = MessageHeaders()
    let context: ZMQContext
    let shell: ZMQSocket
    let control: ZMQSocket
    let stdin: ZMQSocket
    let iopub: ZMQSocket
    let heartbeat: ZMQSocket
    let repl: ReplSession
    let worker: CellWorker
    /// What the running cell showed, as BurnKit's output events.
    let eventLog: EventLog
    /// Executions counted as IPython counts them: every non-silent cell that stores history.
    var executionCount = 0
    /// The execute_request whose cell the worker is running.
    var runningRequest: RunningCell?
    var stopping = false

    struct RunningCell {
        var request: WireMessage
        /// Where the request came from, and its reply goes (shell, or control).
        var socket: ZMQSocket
        var number: Int
        var silent: Bool
        var stopOnError: Bool
    }

    /// Opens and binds the five sockets of `connection`.
    public init(connection: ConnectionInfo) throws(KernelError) {
        codec = WireCodec(key: connection.key)
        let context = try ZMQContext()
        guard let worker = CellWorker() else {
            throw KernelError.problem("cannot start the kernel's worker (no pipe)", hint: "too many open files? close some programs")
        }
        self.context = context
        self.worker = worker
        shell = try ZMQSocket(context, type: ZMQ_ROUTER, name: "shell")
        control = try ZMQSocket(context, type: ZMQ_ROUTER, name: "control")
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER, name: "stdin")
        iopub = try ZMQSocket(context, type: ZMQ_PUB, name: "iopub")
        heartbeat = try ZMQSocket(context, type: ZMQ_REP, name: "heartbeat")
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        try heartbeat.bind(connection.endpoint(connection.heartbeatPort))
        let session = Session()
        session.files = .everywhere
        session.output = { _ in }
        let log = EventLog()
        eventLog = log
        session.events = { log.events.append($0) }
        repl = ReplSession(session: session)
    }

    /// Serves requests until a shutdown_request; returns the exit status.
    public func run() -> Int32 {
        // SIGINT (jupyter_client's signal interrupt) sets the flag the evaluator polls; when no
        // cell runs, the flag is cleared as the next cell starts. A parent may have left SIGINT
        // blocked (the mask survives exec): unblock it, before any thread copies the mask.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = burn_interrupt_install()
        burn_interrupt_target(repl.session.interruptFlag.address)
        // SIGTERM is how a client ends a kernel that has not left by itself (jupyter_client,
        // after a shutdown request under load): leave at once with status 0, as after a
        // shutdown. Nothing of a session outlives the kernel anyway.
        signal(SIGTERM) { _ in _exit(0) }
        startHeartbeat()
        publish(about: nil, type: "status", content: .object(["execution_state": .string("starting")]))
        while !stopping {
            let cellRunning = worker.isRunning
            let targets: [PollTarget] = [.socket(control), cellRunning ? .descriptor(worker.doneDescriptor) : .socket(shell), .socket(stdin)]
            let ready = ZMQPoller.wait(targets, milliseconds: -1)
            _ = burn_interrupt_take()
            if ready[0], let frames = control.receive(wait: false) { handle(frames, from: control) }
            if ready[1] {
                if cellRunning {
                    finishCell()
                } else if let frames = shell.receive(wait: false) {
                    handle(frames, from: shell)
                }
            }
            // The kernel never asks for input (allow_stdin is ignored): drop what comes.
            if ready[2] { _ = stdin.receive(wait: false) }
        }
        burn_interrupt_target(nil)
        for socket in [shell, control, stdin, iopub] { socket.close() }
        context.terminate()
        return 0
    }

    // MARK: - Messages

    /// Decodes and answers one message; a malformed or wrongly signed one is logged and dropped.
    func handle(_ frames: [[UInt8]], from socket: ZMQSocket) {
        let request: WireMessage
        do { request = try codec.decode(frames) } catch {
            log("dropped a message on the \(socket.name) socket: \(error)")
            return
        }
        publishStatus("busy", about: request)
        let deferred = dispatch(request, on: socket)
        // An execute_request's idle follows its cell, when the worker is done.
        if !deferred { publishStatus("idle", about: request) }
    }

    /// Sends a reply on the socket the request came from.
    func reply(to request: WireMessage, on socket: ZMQSocket, type: String, content: JSONValue) {
        socket.send(codec.encode(headers.reply(to: request, type: type, content: content)))
    }

    func publish(about request: WireMessage?, type: String, content: JSONValue) {
        iopub.send(codec.encode(headers.broadcast(about: request, type: type, content: content)))
    }

    func publishStatus(_ state: String, about request: WireMessage) {
        publish(about: request, type: "status", content: .object(["execution_state": .string(state)]))
    }

    func log(_ text: String) {
        fputs("burn kernel: " + text + "\n", stderr)
        fflush(stderr)
    }

    // MARK: - Heartbeat

    /// Echoes every ping on the heartbeat socket, on a thread of its own, until the context ends.
    private func startHeartbeat() {
        let socket = heartbeat
        let started = startThread {
            while true {
                guard let frames = socket.receive() else {
                    if burn_zmq_errno() == ETERM { break }
                    continue
                }
                socket.send(frames)
            }
            socket.close()
        }
        if started == nil { log("cannot start the heartbeat thread; front ends may think the kernel is dead") }
    }
}

/// The output events of the cell being run. Appended to on the evaluating thread while the
/// worker runs the cell, read and cleared on the main thread only before the cell starts and
/// after the worker is joined (`CellWorker.finish`), so never at the same time.
final class EventLog: @unchecked Sendable {
    var events: [OutputEvent] = []
}
