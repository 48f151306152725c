#!/usr/bin/env python3
"""Time from starting `burn` on a pseudo-terminal to its first prompt: the median of N runs.
Usage: bench/first_prompt.py BURN [N]"""
import os, pty, select, statistics, sys, time

def once(burn):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"NO_COLOR": "1", "TERM": "xterm", "XDG_STATE_HOME": "/tmp/burn-bench-state"})
        os.execv(burn, [burn])
    seen = b""
    while b"> " not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit("no prompt within 10 s")
        seen += os.read(fd, 4096)
    elapsed = time.perf_counter() - start
    leave(pid, fd)
    os.close(fd)
    return elapsed

def leave(pid, fd):
    """Ctrl-D until burn exits. One typed before libedit has switched the terminal to its
    own mode reads as an ordinary character (the PTY tests wait for that), and Ctrl-D on a
    line that is not empty only rings the bell: so wait first, and empty the line (Ctrl-U)
    before each retry."""
    time.sleep(0.2)
    while True:
        os.write(fd, b"\x15\x04")
        deadline = time.perf_counter() + 0.2
        while time.perf_counter() < deadline:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
            if select.select([fd], [], [], 0.01)[0]:
                try:
                    os.read(fd, 4096)
                except OSError:
                    pass

burn = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
once(burn)  # warm-up
times = sorted(once(burn) for _ in range(runs))
print(f"first prompt: median {statistics.median(times) * 1000:.1f} ms "
      f"(min {times[0] * 1000:.1f}, max {times[-1] * 1000:.1f}, {runs} runs)")
