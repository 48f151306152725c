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
    os.write(fd, b"\x04")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

burn = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
once(burn)  # warm-up
times = sorted(once(burn) for _ in range(runs))
print(f"first prompt: median {statistics.median(times) * 1000:.1f} ms "
      f"(min {times[0] * 1000:.1f}, max {times[-1] * 1000:.1f}, {runs} runs)")
