#!/usr/bin/env python3
"""The targets of issue 15 as the last `bench/run` measured them: one line each with Burn's
median, the peer's, their ratio, the goal, and whether it is met.

It reads the hyperfine exports bench/run writes to .build/bench (kernel.json, mc.json,
portfolio.json, portfolio10x.json), its peak-memory files (*-memory.json) and the alternating
runs beside a baseline binary (kernel-baseline.json, bench/interleave.py), finding each command
by the name bench/run gives it (`hyperfine -n`), so it can run alone after a bench.
Usage: bench/summary.py [kernel|mc|portfolio ...]   (no argument: every target)"""
import json, re, statistics, sys, time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / ".build" / "bench"
TARGETS = ("kernel", "mc", "portfolio")
used = []  # the files the lines came from, for the header


def load(file):
    """{hyperfine name: result} of one export, or None when that target has not run."""
    path = BENCH / file
    if not path.exists():
        return None
    used.append(path)
    return {r.get("name", r["command"]): r for r in json.loads(path.read_text())["results"]}


def median(results, name):
    """The median wall time in seconds of one command, or None when it was not measured."""
    r = (results or {}).get(name)
    return statistics.median(r["times"]) if r and r.get("times") else None


def megabytes(results, name):
    r = (results or {}).get(name)
    return r["max_rss_kb"] / 1024 if r else None


def seconds(s):
    if s is None:
        return "-"
    if s >= 1:
        return f"{s:.2f} s"
    return f"{s * 1e3:.1f} ms" if s >= 1e-3 else f"{s * 1e6:.0f} µs"


def line(label, burn, peer, ratio, goal, met, missing):
    """One target: `met` is None when a figure is missing (`missing` says how to measure it)."""
    return (label, burn, peer, "-" if ratio is None else f"{ratio:.2f}", goal,
            missing if met is None else ("met" if met else "NOT MET"))


def versus(label, results, burn_name, peer_name, peer_label, goal, bound, strict, missing):
    """A line whose goal is the ratio Burn / peer: at most `bound` (below it when `strict`)."""
    b, p = median(results, burn_name), median(results, peer_name)
    ratio = b / p if b is not None and p else None
    met = None if ratio is None else (ratio < bound if strict else ratio <= bound)
    peer = "-" if p is None else f"{peer_label} {seconds(p)}"
    return line(label, seconds(b), peer, ratio, goal, met, missing)


def kernel():
    k = load("kernel.json")
    run = "not measured: bench/run kernel"
    t = median(k, "burn: 2000 certain companies")
    lines = [line("kernel: 2,000 certain companies, 50 years", seconds(t), "-", None,
                  "< 0.2 s", None if t is None else t < 0.2, run)]
    # "No slower than today": beside a baseline binary, run in alternation (bench/interleave.py);
    # 5% allows for noise.
    b = load("kernel-baseline.json")
    no_baseline = run if k is None else "not measured: no baseline (bench/run baseline REV)"
    for what in ("solve10", "eval 1+1"):
        label = "kernel: solve on the 10-company model" if what == "solve10" else "startup: eval 1+1"
        lines.append(versus(label, b, f"burn: {what}", f"baseline: {what}", "baseline",
                            "<= 1.05 (no slower)", 1.05, False, no_baseline))
    return lines


def mc():
    m = load("mc.json")
    run = "not measured: bench/run mc"
    return [versus("mc: Burn / C loop (gcc -O3)", m, "burn: mc.burn", "C: mc.c -O3", "C",
                   "<= 1.5", 1.5, False, run),
            versus("mc: Burn / LuaJIT", m, "burn: mc.burn", "luajit: mc.lua", "LuaJIT",
                   "< 1", 1.0, True, run)]


def portfolio():
    small, large, memory = load("portfolio.json"), load("portfolio10x.json"), load("portfolio-memory.json")
    run = "not measured: bench/run portfolio"
    # The size is in the names (BENCH_PORTFOLIO_N, 1,000 by default; the goals are for 1,000).
    sizes = [int(m[1]) for name in (small or {}) if (m := re.fullmatch(r"burn: (\d+) companies", name))]
    n = sizes[0] if sizes else 1000
    lines = [versus(f"portfolio {n:,}: Burn / numpy", small, f"burn: {n} companies",
                    f"numpy: {n} companies", "numpy", "<= 0.5", 0.5, False, run)]
    t1, t10 = median(small, f"burn: {n} companies"), median(large, f"burn: {10 * n} companies")
    ratio = t10 / t1 if t1 and t10 is not None else None
    lines.append(line(f"portfolio {10 * n:,} / {n:,} companies (Burn)", seconds(t10),
                      "-" if t1 is None else f"{n:,}: {seconds(t1)}", ratio, "<= 11",
                      None if ratio is None else ratio <= 11, run))
    mb, peer = megabytes(memory, f"burn: {n} companies"), megabytes(memory, f"numpy: {n} companies")
    lines.append(line(f"portfolio {n:,}: peak memory", "-" if mb is None else f"{mb:.0f} MB",
                      "-" if peer is None else f"numpy {peer:.0f} MB", None, "< 256 MB",
                      None if mb is None else mb < 256, run))
    # Bounded whatever the portfolio's size: the held draws have a budget (HeldDraws, 128 MB).
    big = megabytes(memory, f"burn: {10 * n} companies")
    lines.append(line(f"portfolio {10 * n:,}: peak memory", "-" if big is None else f"{big:.0f} MB",
                      "-" if mb is None else f"{n:,}: {mb:.0f} MB", None, "< 256 MB (bounded)",
                      None if big is None else big < 256, run))
    return lines


def main(argv):
    wanted = argv or list(TARGETS)
    unknown = [w for w in wanted if w not in TARGETS]
    if unknown:
        sys.exit(f"bench/summary.py: no issue-15 targets for {', '.join(unknown)} ({', '.join(TARGETS)})")
    rows = [row for target in wanted for row in globals()[target]()]
    when = sorted(time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime)) for p in used)
    span = f", measured {when[0]}" + (f" to {when[-1]}" if when[-1] != when[0] else "") if when else ""
    print(f"== summary: issue 15 targets (medians from .build/bench{span})")
    header = ("target", "Burn", "peer", "ratio", "goal", "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[5])


if __name__ == "__main__":
    main(sys.argv[1:])
