// KernelRequests: the answer to each request type of the messaging protocol 5.3: kernel_info,
// execute (run on the worker, finished later), is_complete, complete, inspect, comm_info,
// history, interrupt and shutdown.
import BurnKit

extension Kernel {
    /// Answers `request`; true when the answer is deferred (a cell started on the worker).
    func dispatch(_ request: WireMessage, on socket: ZMQSocket) -> Bool {
        let content = request.content
        // The session belongs to the worker while a cell runs; only the control socket is read
        // then, and a request there that needs the session is refused rather than raced.
        if worker.isRunning, ["execute_request", "complete_request", "inspect_request"].contains(request.type) {
            let type = request.type.replacingSuffix("_request", with: "_reply")
            reply(to: request, on: socket, type: type, content: .object([
                "status": .string("error"), "ename": .string("Busy"),
                "evalue": .string("a cell is running; send this on the shell socket"), "traceback": .array([]),
            ]))
            return false
        }
        switch request.type {
        case "kernel_info_request":
            reply(to: request, on: socket, type: "kernel_info_reply", content: Self.kernelInfo)
        case "execute_request":
            return startCell(request, on: socket)
        case "is_complete_request":
            let code = content["code"]?.string ?? ""
            let status = ReplSession.needsMoreInput(code) ? "incomplete" : "complete"
            var answer: JSONValue = .object(["status": .string(status)])
            if status == "incomplete" { answer = answer.setting("indent", .string("")) }
            reply(to: request, on: socket, type: "is_complete_reply", content: answer)
        case "complete_request":
            reply(to: request, on: socket, type: "complete_reply", content: complete(content))
        case "inspect_request":
            reply(to: request, on: socket, type: "inspect_reply", content: inspect(content))
        case "comm_info_request":
            reply(to: request, on: socket, type: "comm_info_reply",
                  content: .object(["status": .string("ok"), "comms": .object([])]))
        case "history_request":
            reply(to: request, on: socket, type: "history_reply",
                  content: .object(["status": .string("ok"), "history": .array([])]))
        case "interrupt_request":
            repl.session.interruptFlag.set()
            reply(to: request, on: socket, type: "interrupt_reply", content: .object(["status": .string("ok")]))
        case "shutdown_request":
            shutdown(request, on: socket)
        case "comm_open", "comm_msg", "comm_close":
            break  // no comm targets: Burn has no widgets
        default:
            log("ignored a message of unknown type '\(request.type)' on the \(socket.name) socket")
        }
        return false
    }

    static let kernelInfo: JSONValue = .object([
        "status": .string("ok"),
        "protocol_version": .string("5.3"),
        "implementation": .string("burn"),
        "implementation_version": .string("0.1.0"),
        "language_info": .object([
            "name": .string("burn"),
            "version": .string("0.1.0"),
            "mimetype": .string("text/x-burn"),
            "file_extension": .string(".burn"),
            "pygments_lexer": .string("text"),
        ]),
        "banner": .string("Burn 0.1 — model the finances of AI companies; :help for help"),
        "help_links": .array([]),
        "debugger": .bool(false),
    ])

    // MARK: - Execute

    /// Starts a cell on the worker thread: busy was sent; execute_input now, the rest when done.
    private func startCell(_ request: WireMessage, on socket: ZMQSocket) -> Bool {
        let content = request.content
        let code = content["code"]?.string ?? ""
        let silent = content["silent"]?.bool ?? false
        let stores = (content["store_history"]?.bool ?? true) && !silent
        if stores { executionCount += 1 }
        if !silent {
            publish(about: request, type: "execute_input",
                    content: .object(["code": .string(code), "execution_count": .number(Double(executionCount))]))
        }
        let number = stores ? executionCount : executionCount + 1
        repl.numberNextCell(number)
        repl.session.interruptFlag.clear()
        eventLog.events = []
        runningRequest = RunningCell(request: request, socket: socket, number: number, silent: silent,
                                     stopOnError: content["stop_on_error"]?.bool ?? true)
        worker.start(code, in: repl)
        return true
    }

    /// The worker is done: publish the cell's outputs, reply, and go idle.
    func finishCell() {
        let finished = worker.finish()
        guard let running = runningRequest else { return }
        runningRequest = nil
        repl.session.interruptFlag.clear()
        let request = running.request
        let count = JSONValue.number(Double(executionCount))
        var answer: JSONValue = .object([
            "status": .string("ok"), "execution_count": count,
            "user_expressions": .object([]), "payload": .array([]),
        ])
        let displays = finished.map { CellDisplay.displays($0, events: eventLog.events, number: running.number) }
            ?? [CellDisplay.errorDisplay(["error: the cell ended without an outcome"])]
        eventLog.events = []
        for display in displays {
            switch display {
            case .stream(let text), .stderr(let text):
                if !running.silent {
                    let name = if case .stderr = display { "stderr" } else { "stdout" }
                    publish(about: request, type: "stream", content: .object(["name": .string(name), "text": .string(text)]))
                }
            case .result(let bundle):
                if !running.silent {
                    publish(about: request, type: "execute_result",
                            content: .object(["execution_count": count, "data": bundle.json, "metadata": .object([])]))
                }
            case .display(let bundle):
                if !running.silent {
                    publish(about: request, type: "display_data",
                            content: .object(["data": bundle.json, "metadata": .object([])]))
                }
            case .error(let name, let value, let traceback):
                let error: JSONValue = .object([
                    "ename": .string(name), "evalue": .string(value), "traceback": .array(traceback.map { .string($0) }),
                ])
                publish(about: request, type: "error", content: error)
                answer = .object([
                    "status": .string("error"), "execution_count": count,
                    "ename": .string(name), "evalue": .string(value), "traceback": .array(traceback.map { .string($0) }),
                ])
            }
        }
        // Cells queued behind a failed one are aborted before its reply goes out: after the
        // reply, a new request is the user's next step, not part of a "run all".
        let others = (finished?.failed ?? true) && running.stopOnError ? abortQueuedCells() : []
        reply(to: request, on: running.socket, type: "execute_reply", content: answer)
        publishStatus("idle", about: request)
        for frames in others { handle(frames, from: shell) }
    }

    /// After a failed cell (with `stop_on_error`), the execute_requests already queued are
    /// answered `aborted`, as ipykernel does, so "run all" stops at the first error. Returns
    /// the other requests found queued, to be handled in order afterwards.
    private func abortQueuedCells() -> [[[UInt8]]] {
        var others: [[[UInt8]]] = []
        while let frames = shell.receive(wait: false) {
            guard let request = try? codec.decode(frames), request.type == "execute_request" else {
                others.append(frames)
                continue
            }
            publishStatus("busy", about: request)
            reply(to: request, on: shell, type: "execute_reply",
                  content: .object(["status": .string("aborted"), "execution_count": .number(Double(executionCount))]))
            publishStatus("idle", about: request)
        }
        return others
    }

    // MARK: - Shutdown

    /// Stops the running cell (if any), finishes it, replies and ends the main loop.
    private func shutdown(_ request: WireMessage, on socket: ZMQSocket) {
        if worker.isRunning {
            repl.session.interruptFlag.set()
            finishCell()
        }
        let restart = request.content["restart"]?.bool ?? false
        reply(to: request, on: socket, type: "shutdown_reply",
              content: .object(["status": .string("ok"), "restart": .bool(restart)]))
        stopping = true
    }

    // MARK: - Completion and inspection

    /// complete_request: the candidates for the word before `cursor_pos` (in code points).
    private func complete(_ content: JSONValue) -> JSONValue {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.int ?? code.unicodeScalars.count
        let place = CodePosition(code, scalarOffset: cursor)
        let completion = repl.complete(place.line, cursor: place.column)
        let start = place.lineStart + place.line.prefix(completion.start).unicodeScalars.count
        return .object([
            "status": .string("ok"),
            "matches": .array(completion.candidates.map { .string($0) }),
            "cursor_start": .number(Double(start)),
            "cursor_end": .number(Double(place.lineStart + place.line.prefix(place.column).unicodeScalars.count)),
            "metadata": .object([]),
        ])
    }

    /// inspect_request: the `:help` text of the name under the cursor.
    private func inspect(_ content: JSONValue) -> JSONValue {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.int ?? code.unicodeScalars.count
        let place = CodePosition(code, scalarOffset: cursor)
        let name = place.word
        var answer: JSONValue = .object(["status": .string("ok"), "found": .bool(false), "data": .object([]), "metadata": .object([])])
        guard !name.isEmpty else { return answer }
        let help = repl.submit(":help " + name)
        if !help.failed {
            answer = answer.setting("found", .bool(true)).setting("data", MimeBundle(plain: help.text).json)
        }
        return answer
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}

/// A cursor in a cell, given in Unicode code points as Jupyter counts: its line (what
/// ReplCompletion works on), the column there in characters, and the word under it.
struct CodePosition {
    var line: String
    /// The cursor's column in `line`, in characters.
    var column: Int
    /// Where `line` starts in the cell, in code points.
    var lineStart: Int

    init(_ code: String, scalarOffset: Int) {
        let scalars = Array(code.unicodeScalars)
        let offset = min(max(0, scalarOffset), scalars.count)
        var start = offset
        while start > 0, scalars[start - 1] != "\n" { start -= 1 }
        var end = offset
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        line = String(text)
        var before = String.UnicodeScalarView()
        before.append(contentsOf: scalars[start..<offset])
        column = String(before).count
        lineStart = start
    }

    /// The name the cursor is on or just after (letters, digits, `_`; a `:command` keeps its
    /// colon); in `OpenAI.revenue`, the part under the cursor.
    var word: String {
        let characters = Array(line)
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var start = min(column, characters.count), end = start
        while start > 0, isWord(characters[start - 1]) { start -= 1 }
        while end < characters.count, isWord(characters[end]) { end += 1 }
        if start > 0, characters[start - 1] == ":" { start -= 1 }
        return String(characters[start..<end])
    }
}
