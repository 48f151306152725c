#!/usr/bin/env python3
"""Times commands in alternation, one run of each per round, and writes the wall times as a
hyperfine-like JSON export ({"results": [{"name", "command", "times"}]}) for bench/summary.py.

hyperfine runs all of one command before the next, so on a shared machine a change in load
between them shows up as a difference; alternating spreads it evenly over the commands, which
is what a "no slower than the baseline" ratio needs. The times include Python's spawn, the
same for every command.
Usage: bench/interleave.py OUT.json ROUNDS NAME COMMAND [NAME COMMAND ...]"""
import json, shlex, statistics, subprocess, sys, time


def once(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main(out, rounds, pairs):
    names, commands = pairs[0::2], pairs[1::2]
    argvs = [shlex.split(c) for c in commands]
    for argv in argvs:  # warm-up: caches filled for every command alike
        once(argv)
    times = [[] for _ in argvs]
    for _ in range(rounds):
        for i, argv in enumerate(argvs):
            times[i].append(once(argv))
    for name, ts in zip(names, times):
        print(f"  {name:<22} median {statistics.median(ts) * 1e3:7.2f} ms  ({rounds} runs, alternating)")
    results = [{"name": n, "command": c, "times": t} for n, c, t in zip(names, commands, times)]
    with open(out, "w") as f:
        json.dump({"results": results}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) < 5 or len(sys.argv) % 2 == 0:
        sys.exit(__doc__.splitlines()[-1])
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
