# test_kernel.py: the Burn Jupyter kernel driven by a real client (jupyter_client, nbclient):
# the kernelspec installed into a temporary prefix, every message type, message order,
# signatures, errors, interrupts, shutdown, and a workshop notebook executed end to end.
# Run through run_tests.py, which sets BURN_EXECUTABLE and provides the packages.
import hashlib
import hmac
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import uuid

import nbformat
import zmq
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))
BURN = os.environ.get("BURN_EXECUTABLE") or os.path.join(HERE, "..", "..", ".build", "debug", "burn")
PREFIX = tempfile.mkdtemp(prefix="burn-jupyter-")
TIMEOUT = 30

# A simulation that runs for many seconds (13 s on a debug build): a million draws of a
# company projected to 2200. Only ever run to be interrupted.
SLOW_CELL = """samples 1_000_000
company Lab
revenue[2024] = 3.7B
loss[2024] = 4B to 5B
cash[2024] = 10B
revenue grows uniform(-50%, 150%) per year
costs grow 30% to 90% per year
mean(Lab.cash[2200])"""


# A company with facts for 2024 and a growth rule: costs after 2024 are unknown.
ACME = "company Acme\nrevenue[2024] = 1B\ncosts[2024] = 3B\ncash[2024] = 4B\nrevenue grows 50% per year\n"


def render_svg(svg):
    """The PNG rsvg-convert draws from `svg`."""
    result = subprocess.run(["rsvg-convert", "--format", "png"], input=svg.encode(), capture_output=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def burn(*args):
    return subprocess.run([BURN, *args], capture_output=True, text=True, timeout=TIMEOUT)


def setUpModule():
    result = burn("jupyter", "install", "--prefix", PREFIX)
    assert result.returncode == 0, result.stderr
    # Jupyter finds kernelspecs in $JUPYTER_PATH/kernels first; connection files go in the
    # temporary prefix too, so the tests leave nothing in the home directory.
    os.environ["JUPYTER_PATH"] = os.path.join(PREFIX, "share", "jupyter")
    os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(PREFIX, "runtime")


def tearDownModule():
    shutil.rmtree(PREFIX, ignore_errors=True)


def start_kernel(stderr=None):
    manager = KernelManager(kernel_name="burn")
    manager.start_kernel(stderr=stderr)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    return manager, client


def messages_for(client, msg_id):
    """The iopub messages whose parent is `msg_id`, up to and including its `idle`."""
    found = []
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        found.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return found
    raise AssertionError("no idle status for %s" % msg_id)


def run_cell(client, code, **options):
    """Executes `code`; returns the execute_reply and the cell's iopub messages."""
    msg_id = client.execute(code, **options)
    reply = client.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=TIMEOUT)
    return reply, messages_for(client, msg_id)


class KernelspecTests(unittest.TestCase):
    def test_kernel_json(self):
        path = os.path.join(PREFIX, "share", "jupyter", "kernels", "burn", "kernel.json")
        with open(path) as f:
            spec = json.load(f)
        self.assertEqual(spec["display_name"], "Burn")
        self.assertEqual(spec["language"], "burn")
        self.assertEqual(spec["interrupt_mode"], "message")
        self.assertEqual(spec["argv"][1:], ["jupyter", "kernel", "-f", "{connection_file}"])
        self.assertTrue(os.path.isabs(spec["argv"][0]))
        self.assertTrue(os.path.samefile(spec["argv"][0], BURN))
        for logo in ["logo-32x32.png", "logo-64x64.png"]:
            with open(os.path.join(os.path.dirname(path), logo), "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_unreadable_connection_file(self):
        result = burn("jupyter", "kernel", "-f", os.path.join(PREFIX, "missing.json"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("error: cannot read the connection file", result.stderr)


class TransportTests(unittest.TestCase):
    def test_ipc_transport(self):
        manager = KernelManager(kernel_name="burn", transport="ipc", ip=os.path.join(PREFIX, "burn-ipc"))
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=TIMEOUT)
            reply = client.execute("1 + 1", reply=True, timeout=TIMEOUT)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=False)


class KernelTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.TemporaryFile(mode="w+")
        cls.manager, cls.client = start_kernel(stderr=cls.log)

    @classmethod
    def tearDownClass(cls):
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=False)
        cls.log.close()

    def test_kernel_info(self):
        reply = self.client.kernel_info(reply=True, timeout=TIMEOUT)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["protocol_version"], "5.3")
        self.assertEqual(content["implementation"], "burn")
        self.assertEqual(content["language_info"]["name"], "burn")
        self.assertEqual(content["language_info"]["file_extension"], ".burn")

    def test_execute_order_and_result(self):
        reply, messages = run_cell(self.client, "6.6B / 157B as %")
        types = [m["msg_type"] for m in messages]
        states = [m["content"].get("execution_state") for m in messages]
        self.assertEqual(types, ["status", "execute_input", "execute_result", "status"])
        self.assertEqual(states, ["busy", None, None, "idle"])
        count = reply["content"]["execution_count"]
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(messages[1]["content"], {"code": "6.6B / 157B as %", "execution_count": count})
        # 6.6 / 157 = 0.04204 -> 4.2% (LANGUAGE.md's example); `[n] ` is Jupyter's Out[n].
        self.assertEqual(messages[2]["content"]["data"], {"text/plain": "4.2%"})
        self.assertEqual(messages[2]["content"]["execution_count"], count)

    def test_counts_every_cell_and_underscore_names(self):
        first, _ = run_cell(self.client, "2 + 3")
        n = first["content"]["execution_count"]
        failed, _ = run_cell(self.client, "no_such_name")
        # As IPython counts: a failed cell takes a number too.
        self.assertEqual(failed["content"]["execution_count"], n + 1)
        reply, messages = run_cell(self.client, "_%d * 10 + _" % n)
        self.assertEqual(reply["content"]["execution_count"], n + 2)
        # _n is Out[n] (5), _ the last value (5): 5 * 10 + 5 = 55.
        self.assertEqual(messages[2]["content"].get("data", messages[2]["content"]), {"text/plain": "55"})

    def test_error_cell(self):
        reply, messages = run_cell(self.client, "company Typo\nrevenue[2024] = 3.7B\nrevnue[2025]")
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "BurnError")
        self.assertEqual(content["evalue"], "unknown metric 'revnue'")
        self.assertEqual([m["msg_type"] for m in messages], ["status", "execute_input", "error", "status"])
        error = messages[2]["content"]
        self.assertEqual(error["traceback"], content["traceback"])
        n = content["execution_count"]
        # The caret display, without colour.
        self.assertEqual(error["traceback"][:5], [
            "error: unknown metric 'revnue'",
            " --> <cell %d>:3:1" % n,
            "  |",
            "3 | revnue[2025]",
            "  | ^^^^^^ did you mean 'revenue'?",
        ])

    def test_failed_cell_changes_nothing(self):
        run_cell(self.client, "let kept = 1")
        reply, _ = run_cell(self.client, "let kept = 2\nkept / 0")
        self.assertEqual(reply["content"]["status"], "error")
        _, messages = run_cell(self.client, "kept")
        self.assertEqual(messages[2]["content"]["data"]["text/plain"], "1")

    def test_printed_text_is_a_stream(self):
        reply, messages = run_cell(self.client, "show 1 + 1\nshow 6.6B / 157B as %\n3 * 2")
        self.assertEqual(reply["content"]["status"], "ok")
        types = [m["msg_type"] for m in messages]
        self.assertEqual(types, ["status", "execute_input", "stream", "execute_result", "status"])
        # `show` prints; consecutive printed lines are one stream. 6.6 / 157 = 4.2%.
        self.assertEqual(messages[2]["content"], {"name": "stdout", "text": "2\n4.2%\n"})
        self.assertEqual(messages[3]["content"]["data"], {"text/plain": "6"})

    def test_project_is_an_html_table(self):
        code = ACME + "project cash until 2025\nrevenue[2024] * 2"
        reply, messages = run_cell(self.client, code)
        self.assertEqual(reply["content"]["status"], "ok")
        types = [m["msg_type"] for m in messages]
        self.assertEqual(types, ["status", "execute_input", "display_data", "execute_result", "status"])
        data = messages[2]["content"]["data"]
        self.assertEqual(sorted(data), ["text/html", "text/plain"])
        html = data["text/html"]
        self.assertIn("<table", html)
        self.assertIn('<th style="text-align: right">cash</th>', html)
        # cash[2024] is the fact 4B, revenue[2025] = 1B * 1.5 (the rule): numbers right-aligned.
        self.assertIn('<td style="text-align: right">$4B</td>', html)
        self.assertIn('<td style="text-align: right">$1.5B</td>', html)
        self.assertIn("<p>Acme: no break-even through 2024, unknown after; the cash lasts through 2024, unknown after</p>", html)
        self.assertTrue(data["text/plain"].startswith("year  revenue  costs  operating_income  burn  raised  cash     runway\n"))
        # 1B * 2 = 2B.
        self.assertEqual(messages[3]["content"]["data"], {"text/plain": "$2B"})

    def test_explain_is_a_tree(self):
        reply, messages = run_cell(self.client, ACME + "explain Acme.loss[2024]")
        self.assertEqual([m["msg_type"] for m in messages], ["status", "execute_input", "display_data", "status"])
        data = messages[2]["content"]["data"]
        # loss = -operating_income = -(1B - 3B) = 2B, from the two facts.
        self.assertTrue(data["text/html"].startswith('<ul class="burn-explain">\n<li><code>loss[2024] = $2B</code>'))
        self.assertEqual(data["text/html"].count("<li>"), 4)
        self.assertEqual(data["text/plain"].splitlines()[0], "loss[2024] = $2B  by loss = -operating_income = $2B")

    @unittest.skipUnless(shutil.which("rsvg-convert"),
                         "rsvg-convert is not installed (Debian: apt-get install librsvg2-bin): the chart's SVG is not rendered")
    def test_chart_is_inline_svg(self):
        reply, messages = run_cell(self.client, ACME + "chart revenue, costs in 2024..2027")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["msg_type"] for m in messages], ["status", "execute_input", "display_data", "status"])
        data = messages[2]["content"]["data"]
        self.assertEqual(sorted(data), ["image/svg+xml", "text/plain"])
        # revenue: 1B, 1.5B, 2.25B, 3.375B (50% a year); the bars are the text form.
        self.assertTrue(data["text/plain"].startswith("revenue\n  2024  "))
        self.assertIn("$3.375B", data["text/plain"])
        png = render_svg(data["image/svg+xml"])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        # IHDR: 640 x 360 as the SVG says; a drawn chart compresses to more than a blank image.
        self.assertEqual((int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")), (640, 360))
        self.assertGreater(len(png), 5000)

    def test_commands_in_cells(self):
        reply, messages = run_cell(self.client, ":help cagr")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(messages[2]["msg_type"], "stream")
        self.assertTrue(messages[2]["content"]["text"].startswith("cagr(start, finish, years)\n"))
        reply, messages = run_cell(self.client, ":nope")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["evalue"], "unknown command ':nope'")

    def test_silent_cell(self):
        before = self.client.execute_interactive("1", timeout=TIMEOUT, output_hook=lambda msg: None)["content"]["execution_count"]
        reply, messages = run_cell(self.client, "40 + 2", silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["execution_count"], before)
        self.assertEqual([m["msg_type"] for m in messages], ["status", "status"])

    def test_cells_queued_behind_an_error_are_aborted(self):
        # "Run all": three cells sent at once; the failure aborts the one queued behind it.
        # The first cell takes a moment (a quarter of a million calls), so that the other two
        # are surely queued when the second fails, however loaded the machine is.
        slow = "fn slow(n) = if n < 2 then n else slow(n - 1) + slow(n - 2)\nslow(26)"
        ids = [self.client.execute(code) for code in [slow, "1 / 0", "2"]]
        replies = {}
        while len(replies) < 3:
            reply = self.client.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual([replies[i] for i in ids], ["ok", "error", "aborted"])
        # Each of the three is wrapped in busy and idle (the aborted one's come first).
        idle = set()
        while idle != set(ids):
            msg = self.client.get_iopub_msg(timeout=TIMEOUT)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle.add(msg["parent_header"].get("msg_id"))

    def test_is_complete(self):
        for code, status in [("cagr(1B,", "incomplete"), ("1 + 1", "complete"), ("scenario bear {", "incomplete")]:
            msg_id = self.client.is_complete(code)
            reply = self.client.get_shell_msg(timeout=TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["content"]["status"], status, code)

    def test_complete(self):
        reply = self.client.complete("cag", 3, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual((reply["status"], reply["matches"], reply["cursor_start"], reply["cursor_end"]),
                         ("ok", ["cagr"], 0, 3))
        # On the second line of a cell, after a non-ASCII character: positions in code points.
        code = "let é = 1\nx = cag"
        reply = self.client.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual((reply["matches"], reply["cursor_start"]), (["cagr"], len(code) - 3))
        reply = self.client.complete(":he", 3, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply["matches"], [":help"])

    def test_inspect(self):
        reply = self.client.inspect("x = cagr(1, 2, 3)", 6, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply["status"], "ok")
        self.assertTrue(reply["found"])
        self.assertTrue(reply["data"]["text/plain"].startswith("cagr(start, finish, years)\n"))
        reply = self.client.inspect("zzz_unknown", 3, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual((reply["status"], reply["found"]), ("ok", False))

    def test_comm_info_and_history(self):
        reply = self.client.comm_info(reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply, {"status": "ok", "comms": {}})
        reply = self.client.history(reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply, {"status": "ok", "history": []})

    def test_interrupt_by_message_then_next_cell(self):
        self.check_interrupt(lambda: self.manager.interrupt_kernel())

    def test_interrupt_by_sigint_then_next_cell(self):
        self.check_interrupt(lambda: os.kill(self.manager.provisioner.process.pid, signal.SIGINT))

    def test_control_is_served_while_a_cell_runs(self):
        msg_id = self.client.execute(SLOW_CELL)
        time.sleep(1)
        control = self.client.control_channel
        info = self.client.session.msg("kernel_info_request", {})
        control.send(info)
        reply = control.get_msg(timeout=5)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["status"]), (info["header"]["msg_id"], "ok"))
        # The session is the running cell's: a completion on control is refused, not raced.
        complete = self.client.session.msg("complete_request", {"code": "cag", "cursor_pos": 3})
        control.send(complete)
        reply = control.get_msg(timeout=5)
        self.assertEqual((reply["msg_type"], reply["content"]["status"], reply["content"]["ename"]),
                         ("complete_reply", "error", "Busy"))
        self.manager.interrupt_kernel()
        reply = self.client.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["status"]), (msg_id, "error"))
        messages_for(self.client, msg_id)

    def check_interrupt(self, interrupt):
        started = time.time()
        msg_id = self.client.execute(SLOW_CELL)
        time.sleep(1.5)
        interrupt()
        reply = self.client.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertLess(time.time() - started, 10)
        self.assertEqual((reply["content"]["status"], reply["content"]["ename"]), ("error", "Interrupted"))
        messages = messages_for(self.client, msg_id)
        self.assertEqual([m["msg_type"] for m in messages], ["status", "execute_input", "error", "status"])
        # The session is as it was: no company Lab, and the next cell runs.
        reply, messages = run_cell(self.client, "1 + 2")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(messages[2]["content"]["data"]["text/plain"], "3")
        reply, _ = run_cell(self.client, "Lab.cash[2024]")
        self.assertEqual(reply["content"]["status"], "error")


class WireTests(unittest.TestCase):
    """Raw ZeroMQ: the signatures the kernel sends, and bad messages it must drop."""

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile(mode="w+", suffix=".log")
        cls.manager, cls.client = start_kernel(stderr=cls.log)
        info = cls.manager.get_connection_info()
        cls.key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        cls.context = zmq.Context()
        cls.shell = cls.context.socket(zmq.DEALER)
        cls.shell.setsockopt(zmq.LINGER, 0)
        cls.shell.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))

    @classmethod
    def tearDownClass(cls):
        cls.shell.close()
        cls.context.term()
        cls.client.stop_channels()
        cls.manager.shutdown_kernel(now=False)
        cls.log.close()

    def sign(self, parts):
        return hmac.new(self.key, b"".join(parts), hashlib.sha256).hexdigest().encode()

    def request(self, msg_type="kernel_info_request"):
        header = {"msg_id": uuid.uuid4().hex, "session": "wire-test", "username": "test",
                  "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type, "version": "5.3"}
        return [json.dumps(d).encode() for d in (header, {}, {}, {})], header

    def receive(self, timeout_ms):
        if self.shell.poll(timeout_ms):
            return self.shell.recv_multipart()
        return None

    def test_reply_is_signed_and_routed(self):
        parts, header = self.request()
        self.shell.send_multipart([b"<IDS|MSG>", self.sign(parts)] + parts)
        frames = self.receive(TIMEOUT * 1000)
        self.assertIsNotNone(frames)
        split = frames.index(b"<IDS|MSG>")
        signature, parts = frames[split + 1], frames[split + 2:split + 6]
        self.assertEqual(signature, self.sign(parts))
        reply_header, parent = json.loads(parts[0]), json.loads(parts[1])
        self.assertEqual(reply_header["msg_type"], "kernel_info_reply")
        self.assertEqual(reply_header["version"], "5.3")
        self.assertEqual(parent["msg_id"], header["msg_id"])

    def test_bad_messages_are_logged_and_dropped(self):
        parts, _ = self.request()
        bad = [
            [b"<IDS|MSG>", b"0" * 64] + parts,                       # wrong signature
            [b"<IDS|MSG>", self.sign(parts)] + parts[:2],            # frames missing
            [b"no delimiter", b"at all"],                             # no <IDS|MSG>
            [b"<IDS|MSG>", self.sign([b"{", b"{}", b"{}", b"{}"]), b"{", b"{}", b"{}", b"{}"],  # bad JSON
            [b"<IDS|MSG>", self.sign([b"[]", b"{}", b"{}", b"{}"]), b"[]", b"{}", b"{}", b"{}"],  # not an object
        ]
        for frames in bad:
            self.shell.send_multipart(frames)
        self.assertIsNone(self.receive(500))
        # The kernel still answers.
        parts, header = self.request()
        self.shell.send_multipart([b"<IDS|MSG>", self.sign(parts)] + parts)
        frames = self.receive(TIMEOUT * 1000)
        self.assertIsNotNone(frames)
        self.assertEqual(json.loads(frames[frames.index(b"<IDS|MSG>") + 3])["msg_id"], header["msg_id"])
        self.log.flush()
        with open(self.log.name) as f:
            log = f.read()
        self.assertIn("dropped a message on the shell socket: the signature does not match", log)
        self.assertIn("dropped a message on the shell socket: no <IDS|MSG> delimiter", log)
        self.assertIn("dropped a message on the shell socket: the header is not JSON", log)
        self.assertEqual(log.count("dropped a message"), 5)


class ShutdownTests(unittest.TestCase):
    def test_shutdown_request(self):
        manager, client = start_kernel()
        try:
            # jupyter_client sends shutdown_request on the control channel.
            msg_id = client.shutdown()
            reply = client.control_channel.get_msg(timeout=TIMEOUT)
            while reply["msg_type"] != "shutdown_reply":
                reply = client.control_channel.get_msg(timeout=TIMEOUT)
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["content"], {"status": "ok", "restart": False})
            process = manager.provisioner.process
            self.assertEqual(process.wait(timeout=10), 0)
        finally:
            client.stop_channels()
            manager.cleanup_resources()

    def test_sigterm_leaves_with_status_zero(self):
        # What jupyter_client sends a kernel that has not left by itself after a shutdown.
        manager, client = start_kernel()
        try:
            reply, _ = run_cell(client, "1 + 1")
            self.assertEqual(reply["content"]["status"], "ok")
            process = manager.provisioner.process
            process.terminate()
            self.assertEqual(process.wait(timeout=5), 0)
        finally:
            client.stop_channels()

    def test_shutdown_during_a_cell(self):
        manager, client = start_kernel()
        try:
            client.execute(SLOW_CELL)
            time.sleep(1)
            started = time.time()
            process = manager.provisioner.process
            manager.shutdown_kernel(now=False)
            # It stopped the cell and left by itself (jupyter_client kills only after 5 s).
            self.assertLess(time.time() - started, 4)
            self.assertEqual(process.wait(timeout=1), 0)
        finally:
            client.stop_channels()


class NotebookTests(unittest.TestCase):
    def test_nbclient_runs_the_workshop_notebook(self):
        work = tempfile.mkdtemp(prefix="burn-nb-")
        try:
            source = os.path.join(HERE, "workshop.md")
            ipynb, executed, back = (os.path.join(work, n) for n in ["workshop.ipynb", "executed.ipynb", "back.md"])
            self.assertEqual(burn("notebook", "convert", source, ipynb).returncode, 0)
            notebook = nbformat.read(ipynb, as_version=4)
            nbformat.validate(notebook)
            self.assertEqual(notebook.nbformat_minor, 5)
            # One cell of the workshop shows an error on purpose.
            NotebookClient(notebook, timeout=TIMEOUT, kernel_name="burn", allow_errors=True).execute()
            nbformat.validate(notebook)
            nbformat.write(notebook, executed)
            # The kernel's outputs, converted back, are what `burn run` printed: byte for byte.
            self.assertEqual(burn("notebook", "convert", executed, back).returncode, 0)
            with open(source) as a, open(back) as b:
                self.assertEqual(b.read(), a.read())
            check = burn("check", executed)
            self.assertEqual((check.returncode, check.stdout), (0, "6 passed, 0 failed\n"))
            codes = [c for c in notebook.cells if c.cell_type == "code"]
            self.assertEqual(codes[0].outputs[0].data["text/plain"], "$8.7B")
            # The projection is an HTML table, with its text form.
            self.assertEqual(codes[2].outputs[0].output_type, "display_data")
            self.assertIn("<table", codes[2].outputs[0].data["text/html"])
            self.assertEqual(codes[3].outputs[0].output_type, "error")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_nbclient_shows_a_table_and_a_chart(self):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "burn", "display_name": "Burn", "language": "burn"}
        notebook.cells = [
            nbformat.v4.new_markdown_cell("Acme's plan"),
            nbformat.v4.new_code_cell(ACME + "table revenue, cash in 2024..2026"),
            nbformat.v4.new_code_cell("chart revenue in 2024..2026"),
            nbformat.v4.new_code_cell("Acme.revenue[2026]"),
        ]
        NotebookClient(notebook, timeout=TIMEOUT, kernel_name="burn").execute()
        nbformat.validate(notebook)
        table, chart, value = (c.outputs for c in notebook.cells[1:])
        self.assertEqual([o.output_type for o in table], ["display_data"])
        html = table[0].data["text/html"]
        # revenue 1B, 1.5B, 2.25B (50% a year); cash is a fact in 2024 only.
        self.assertIn('<td style="text-align: right">$2.25B</td>', html)
        self.assertIn("<p>? = unknown: give a fact, a rule (<code>revenue grows 50% per year</code>) or a formula</p>", html)
        self.assertEqual(table[0].data["text/plain"].splitlines()[0], "year  revenue  cash")
        self.assertEqual([o.output_type for o in chart], ["display_data"])
        self.assertTrue(chart[0].data["image/svg+xml"].startswith("<svg "))
        self.assertIn("polyline", chart[0].data["image/svg+xml"])
        self.assertEqual([(o.output_type, o.data["text/plain"]) for o in value], [("execute_result", "$2.25B")])
        if shutil.which("rsvg-convert"):
            self.assertGreater(len(render_svg(chart[0].data["image/svg+xml"])), 5000)


if __name__ == "__main__":
    unittest.main()
