// JupyterWireTests: the kernel's wire format without a network: SHA-256 and HMAC against the
// FIPS 180 and RFC 4231 vectors, signing, identities and the delimiter, bad messages rejected,
// the connection file, and how a cell's output becomes Jupyter displays.
@testable import BurnJupyter
import BurnKit
import Testing

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
private func hex(_ b: [UInt8]) -> String { HMACSHA256.hex(b) }

@Suite struct SHA256Tests {
    // FIPS 180-2 appendix B (and the empty message); the last three cross 55/56/64-byte
    // padding boundaries. Expected digests computed again with Python's hashlib.
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func digest(message: String, expected: String) {
        #expect(hex(SHA256.hash(bytes(message))) == expected)
    }

    @Test func aMillionAsInPieces() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(chunk) }
        #expect(hex(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func piecesGiveTheSameDigestAsOneCall() {
        let message = bytes(String(repeating: "The quick brown fox. ", count: 20))
        for split in [0, 1, 63, 64, 65, 200, message.count] {
            var h = SHA256()
            h.update(Array(message[..<split]))
            h.update(Array(message[split...]))
            #expect(h.finish() == SHA256.hash(message))
        }
    }
}

@Suite struct HMACTests {
    // RFC 4231 test cases 1-4, 6 and 7 (case 5 checks a truncated output: its first 16 bytes).
    @Test func rfc4231() {
        let cases: [([UInt8], [UInt8], String)] = [
            ([UInt8](repeating: 0x0b, count: 20), bytes("Hi There"),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (bytes("Jefe"), bytes("what do ya want for nothing?"),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (Array(1...25), [UInt8](repeating: 0xcd, count: 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            ([UInt8](repeating: 0xaa, count: 131), bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            ([UInt8](repeating: 0xaa, count: 131),
             bytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (key, data, expected) in cases {
            #expect(HMACSHA256(key: key).hexMAC([data]) == expected)
        }
        let truncated = HMACSHA256(key: [UInt8](repeating: 0x0c, count: 20)).mac([bytes("Test With Truncation")])
        #expect(hex(Array(truncated.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func partsAreSignedAsOneConcatenation() {
        let hmac = HMACSHA256(key: bytes("Jefe"))
        #expect(hmac.hexMAC([bytes("what do ya "), bytes("want for "), bytes("nothing?")])
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeComparison() {
        #expect(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}

@Suite struct WireCodecTests {
    let codec = WireCodec(key: "secret")
    let parts = [bytes(#"{"msg_id":"1","msg_type":"kernel_info_request"}"#), bytes("{}"), bytes("{}"), bytes("{}")]
    /// HMAC-SHA256 of the four parts under "secret", computed with Python's hmac module.
    let signature = bytes("0fca6e189cdcc0095e523565e0900c86cd24e5e0bfab2105ab98d33a07a29a4e")

    @Test func decodesAMessageSignedByAnotherImplementation() throws {
        let frames = [bytes("client-1"), bytes("client-2"), WireCodec.delimiter, signature] + parts + [[0, 1, 2]]
        let message = try codec.decode(frames)
        #expect(message.identities == [bytes("client-1"), bytes("client-2")])
        #expect(message.type == "kernel_info_request")
        #expect(message.id == "1")
        #expect(message.content == .object([]))
        #expect(message.buffers == [[0, 1, 2]])
    }

    @Test func encodeSignsAndKeepsIdentities() throws {
        let headers = MessageHeaders(session: "s")
        let request = try codec.decode([bytes("peer"), WireCodec.delimiter, signature] + parts)
        let reply = headers.reply(to: request, type: "kernel_info_reply", content: .object(["status": .string("ok")]))
        let frames = codec.encode(reply)
        #expect(frames[0] == bytes("peer"))
        #expect(frames[1] == WireCodec.delimiter)
        #expect(frames[2] == bytes(HMACSHA256(key: bytes("secret")).hexMAC(Array(frames[3...6]))))
        #expect(frames.count == 7)
        let back = try codec.decode(frames)
        #expect(back.type == "kernel_info_reply")
        #expect(back.parentHeader["msg_id"] == .string("1"))
        #expect(back.header["session"] == .string("s"))
        #expect(back.header["version"] == .string("5.3"))
        #expect(back.content == .object(["status": .string("ok")]))
    }

    @Test func anEmptyKeyMeansNoSignature() throws {
        let unsigned = WireCodec(key: "")
        let frames = unsigned.encode(WireMessage(header: .object(["msg_type": .string("x")]), content: .object([])))
        #expect(frames[1] == [])
        #expect(try unsigned.decode(frames).type == "x")
    }

    @Test func wrongSignaturesAreRejected() {
        var wrong = signature
        wrong[0] = UInt8(ascii: "1")
        #expect(throws: WireError.badSignature) { try codec.decode([WireCodec.delimiter, wrong] + parts) }
        #expect(throws: WireError.badSignature) { try codec.decode([WireCodec.delimiter, []] + parts) }
        // The right signature of other content.
        var tampered = parts
        tampered[3] = bytes(#"{"code":"1"}"#)
        #expect(throws: WireError.badSignature) { try codec.decode([WireCodec.delimiter, signature] + tampered) }
        #expect(throws: WireError.badSignature) { try WireCodec(key: "other").decode([WireCodec.delimiter, signature] + parts) }
    }

    @Test func malformedFramesAreRejected() {
        #expect(throws: WireError.noDelimiter) { try codec.decode([signature] + parts) }
        #expect(throws: WireError.noDelimiter) { try codec.decode([]) }
        #expect(throws: WireError.missingFrames(3)) { try codec.decode([WireCodec.delimiter, signature] + parts.prefix(2)) }
        let unsigned = WireCodec(key: "")
        #expect(throws: (any Error).self) { try unsigned.decode([WireCodec.delimiter, [], bytes("{"), bytes("{}"), bytes("{}"), bytes("{}")]) }
        #expect(throws: WireError.notAnObject(frame: "content")) {
            try unsigned.decode([WireCodec.delimiter, [], parts[0], bytes("{}"), bytes("{}"), bytes("[]")])
        }
        #expect(throws: WireError.notAnObject(frame: "header (no msg_type)")) {
            try unsigned.decode([WireCodec.delimiter, [], bytes("{}"), bytes("{}"), bytes("{}"), bytes("{}")])
        }
        // Not UTF-8 at all, and nesting deep enough to overflow a naive recursive reader.
        #expect(throws: (any Error).self) { try unsigned.decode([WireCodec.delimiter, [], [0xff, 0xfe], bytes("{}"), bytes("{}"), bytes("{}")]) }
        let deep = bytes(String(repeating: "[", count: 100_000))
        #expect(throws: (any Error).self) { try unsigned.decode([WireCodec.delimiter, [], deep, bytes("{}"), bytes("{}"), bytes("{}")]) }
    }

    @Test func headersAreWellFormed() {
        let header = MessageHeaders(session: "abc").header(type: "status")
        let id = header["msg_id"]?.string ?? ""
        #expect(id.count == 36 && Array(id)[14] == "4")
        #expect(header["date"]?.string?.hasSuffix("Z") == true)
        #expect(header["date"]?.string?.count == 27)  // 2026-11-30T10:34:04.123456Z
        #expect(MessageHeaders.newID() != MessageHeaders.newID())
    }
}

@Suite struct NotebookJSONTests {
    @Test func readsAndWritesJSON() throws {
        let text = #"{"a": [1, 2.5, -3e2, true, false, null], "b": "x\"\\\n\u00e9\ud83d\ude00", "c": {}}"#
        let value = try JSONValue(parsing: text)
        #expect(value["a"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"\\\né😀"))
        #expect(value.compact == #"{"a":[1,2.5,-300,true,false,null],"b":"x\"\\\né😀","c":{}}"#)
        #expect(try JSONValue(parsing: value.compact) == value)
        #expect(JSONValue.object(["b": .number(1), "a": .array([])]).pretty == "{\n \"a\": [],\n \"b\": 1\n}\n")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "[1] 2", "\"\\q\"", "-", "{\"a\":1,}"])
    func rejectsMalformedJSON(text: String) {
        #expect(throws: JSONError.self) { try JSONValue(parsing: text) }
    }
}

@Suite struct ConnectionInfoTests {
    let good = #"{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "burn"}"#

    @Test func readsTheFile() throws {
        let info = try ConnectionInfo(json: good, path: "c.json")
        #expect(info.shellPort == 5001 && info.heartbeatPort == 5005 && info.key == "k")
        #expect(info.endpoint(info.controlPort) == "tcp://127.0.0.1:5004")
    }

    @Test func badFilesAreClearErrors() {
        func message(_ json: String) -> String {
            do {
                _ = try ConnectionInfo(json: json, path: "c.json")
                return "no error"
            } catch { return error.description }
        }
        #expect(message("{").hasPrefix("error: the connection file 'c.json' is not JSON"))
        #expect(message(good.replacingFirst("\"hb_port\": 5005, ", with: "")).hasPrefix("error: the connection file 'c.json' has no `hb_port`"))
        #expect(message(good.replacingFirst("5002", with: "\"x\"")).hasPrefix("error: `iopub_port` in 'c.json' is not a port number"))
        #expect(message(good.replacingFirst("\"tcp\"", with: "\"udp\"")).hasPrefix("error: unknown transport 'udp'"))
        #expect(message(good.replacingFirst("hmac-sha256", with: "hmac-md5")).hasPrefix("error: unsupported signature scheme"))
    }
}

@Suite struct CellDisplayTests {
    @Test func valuesPrintedTextAndErrors() {
        let ok = ReplSessionOutcome.make(text: "year  cash\n2024  $1B\n[3] $8.7B\n[3] 42.4x\n", failed: false)
        #expect(CellDisplay.split(ok, number: 3) == [
            .stream("year  cash\n2024  $1B\n"),
            .result(MimeBundle(plain: "$8.7B\n42.4x")),
        ])
        let failed = ReplSessionOutcome.make(text: "[4] 1\nerror: unknown name 'x'\n --> <cell 4>:2:1\n", failed: true)
        #expect(CellDisplay.split(failed, number: 4) == [
            .result(MimeBundle(plain: "1")),
            .error(name: "BurnError", value: "unknown name 'x'", traceback: ["error: unknown name 'x'", " --> <cell 4>:2:1"]),
        ])
        let interrupted = ReplSessionOutcome.make(text: "interrupted\n", failed: true)
        #expect(CellDisplay.split(interrupted, number: 1) == [.error(name: "Interrupted", value: "interrupted", traceback: ["interrupted"])])
        // Another cell's number is not a value of this one.
        #expect(CellDisplay.split(ReplSessionOutcome.make(text: "[2] x\n", failed: false), number: 3) == [.stream("[2] x\n")])
        #expect(CellDisplay.split(ReplSessionOutcome.make(text: "", failed: false), number: 1) == [])
    }

    @Test func cursorPositionsAreCodePoints() {
        // "é" typed as e + combining accent: two code points, one character.
        let code = "let e\u{301} = 1\nx = cag"
        let place = CodePosition(code, scalarOffset: code.unicodeScalars.count)
        #expect(place.line == "x = cag" && place.column == 7 && place.lineStart == 11)
        #expect(CodePosition("x = cagr(1, 2, 3)", scalarOffset: 6).word == "cagr")
        #expect(CodePosition(":help cagr", scalarOffset: 2).word == ":help")
        #expect(CodePosition("OpenAI.revenue", scalarOffset: 9).word == "revenue")
        #expect(CodePosition("", scalarOffset: 5).word == "")
    }
}

/// Builds a ReplSession outcome the way a cell does, through a real session.
enum ReplSessionOutcome {
    static func make(text: String, failed: Bool) -> ReplSession.Outcome {
        var outcome = ReplSession().submit(":cells")
        outcome.text = text
        outcome.failed = failed
        return outcome
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
