#!/usr/bin/env python3
# against_numpy_financial.py: Burn's finance functions against numpy-financial, the reference the
# language follows (its argument order, signs and defaults). Creates (once) the virtual
# environment .build/peers-venv with numpy-financial from PyPI, then, inside it, draws a few
# hundred seeded random inputs for each function both have (npv, irr, pv, fv, pmt, nper, rate,
# mirr), runs them all through one `burn` process (piped cells, `:set digits 15`) and through
# numpy-financial, and requires the two to agree to 1e-9 relative, or both to have no answer
# (numpy-financial's nan, Burn's error).
#
# Where numpy-financial 1.0 is wrong, Burn's answer is verified another way, never skipped:
# - rate: its Newton iteration (from 10%) sometimes fails (nan) or lands at or below -100%,
#   outside the rates that have a meaning (numpy-financial issue 126). For a whole number of
#   periods the question is the irr of the flows pv, pmt, ..., pmt + fv, so numpy-financial's
#   irr says whether a rate above -100% exists; Burn's rate must then solve the equation.
# - nper at a zero rate: 1.0 flips the sign of pv (numpy-financial issue 16: nper(0, -10, 100)
#   gives -10, not 10); Burn's periods must solve fv + pv + pmt * nper = 0.
# - rate, where numpy-financial's iteration stops a step short (its tolerance is 1e-6): the two
#   may differ by more than 1e-9 relative; Burn's rate must then lie within 1e-6 of it and
#   solve the equation more exactly.
# 1e-9 relative has an absolute floor of 1e-12 times the size of the terms, for results that
# cancel to nearly zero (both sides then carry rounding errors of that size).
#
#   python3 Tests/Peers/against_numpy_financial.py [--burn PATH] [--cases N]
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Python"))
from burn_venv import Environment  # noqa: E402

ENV = Environment(os.path.join(ROOT, ".build", "peers-venv"), os.path.join(HERE, "requirements.txt"),
                  "against_numpy_financial.py", "numpy-financial")
RELATIVE = 1e-9


# MARK: - Inputs


def money(rng, size=5000):
    return round(rng.uniform(-size, size), 2)


def periods(rng):
    return rng.randint(1, 40) if rng.random() < 0.75 else round(rng.uniform(0.5, 30), 2)


def rate_of(rng):
    return 0.0 if rng.random() < 0.05 else round(rng.uniform(-0.5, 0.6), 4)


def flows(rng, first_negative):
    n = rng.randint(2, 14)
    values = [round(rng.uniform(-200, 300), 1) for _ in range(n)]
    if first_negative:
        values[0] = -round(rng.uniform(100, 1000), 1)
    return values


def when(rng):
    return rng.choice(["end", "begin"])


def burn_list(values):
    return "[" + ", ".join(repr(v) for v in values) + "]"


def cases(npf, rng, count):
    """(function, Burn expression, numpy-financial's answer, size of the amounts, inputs)."""
    out = []
    for _ in range(count):
        v = flows(rng, rng.random() < 0.7)
        r = rate_of(rng)
        out.append(("npv", "npv(%r, %s)" % (r, burn_list(v)), npf.npv(r, v), sum(map(abs, v)), (r, v)))
    for _ in range(count):
        v = flows(rng, rng.random() < 0.7)
        out.append(("irr", "irr(%s)" % burn_list(v), npf.irr(v), 1.0, (v,)))
    for _ in range(count):
        v = flows(rng, rng.random() < 0.8)
        fr, rr = round(rng.uniform(0, 0.3), 4), round(rng.uniform(0, 0.3), 4)
        out.append(("mirr", "mirr(%s, %r, %r)" % (burn_list(v), fr, rr), npf.mirr(v, fr, rr), 1.0, (v, fr, rr)))
    for _ in range(count):
        r, n, p, f, w = rate_of(rng), periods(rng), money(rng), money(rng), when(rng)
        size = abs(p) * n + abs(f)
        out.append(("pv", "pv(%r, %r, %r, %r, \"%s\")" % (r, n, p, f, w), npf.pv(r, n, p, f, w), size, (r, n, p, f, w)))
    for _ in range(count):
        r, n, p, pv, w = rate_of(rng), periods(rng), money(rng), money(rng), when(rng)
        size = (abs(p) * n + abs(pv)) * max(1, (1 + r) ** n)
        out.append(("fv", "fv(%r, %r, %r, %r, \"%s\")" % (r, n, p, pv, w), npf.fv(r, n, p, pv, w), size, (r, n, p, pv, w)))
    for _ in range(count):
        r, n, pv, f, w = rate_of(rng), periods(rng), money(rng), money(rng), when(rng)
        size = (abs(pv) + abs(f)) / n
        out.append(("pmt", "pmt(%r, %r, %r, %r, \"%s\")" % (r, n, pv, f, w), npf.pmt(r, n, pv, f, w), size, (r, n, pv, f, w)))
    for _ in range(count):
        r, p, pv, f, w = rate_of(rng), money(rng, 500), money(rng), money(rng), when(rng)
        out.append(("nper", "nper(%r, %r, %r, %r, \"%s\")" % (r, p, pv, f, w), npf.nper(r, p, pv, f, w), 1.0, (r, p, pv, f, w)))
    for i in range(count):
        n, p, pv, w = periods(rng), money(rng, 1000), money(rng), when(rng)
        if i % 3 == 0:
            n, f = rng.randint(1, 40), money(rng)  # anything: there may be no rate, or several
        else:
            # A rate of -20% to 50% and the fv it gives: the question has that answer.
            f = round(float(npf.fv(round(rng.uniform(-0.2, 0.5), 4), n, p, pv, w)), 2)
        out.append(("rate", "rate(%r, %r, %r, %r, \"%s\")" % (n, p, pv, f, w), npf.rate(n, p, pv, f, w), 1.0, (n, p, pv, f, w)))
    return out


# MARK: - Running Burn


def parse_number(text):
    """A number as Burn prints it with 15 digits: `-127128.170946194`, `12.5%`, `3.5B`."""
    text = text.replace(",", "").replace("$", "")
    scale = 1.0
    if text.endswith("%"):
        text, scale = text[:-1], 0.01
    elif text[-1:] in ("k", "M", "B", "T"):
        text, scale = text[:-1], {"k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}[text[-1]]
    return float(text) * scale


def run_burn(burn, expressions):
    """Each expression's value (None for an error), from one piped REPL session."""
    cells = [":set digits 15"]
    for i, e in enumerate(expressions):
        cells.append('"case %d"' % i)
        cells.append(e)
    result = subprocess.run([burn], input="\n".join(cells) + "\n", capture_output=True, text=True,
                            env=dict(os.environ, NO_COLOR="1"), timeout=600)
    values = [None] * len(expressions)
    current = None
    for line in result.stdout.splitlines():
        if not line.startswith("["):
            continue
        body = line.split("] ", 1)[1]
        if body.startswith("case "):
            current = int(body[5:])
        elif current is not None:
            values[current] = parse_number(body)
            current = None
    return values


# MARK: - Comparing


def agrees(a, b, size):
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) + RELATIVE * 1e-3 * size


def annuity_terms(r, n, p, pv, f, w):
    """The terms of fv + pv (1+r)^n + pmt (1 + r w) ((1+r)^n - 1) / r, which sum to 0 at a solution."""
    t = (1 + r) ** n
    return [f, pv * t, p * (1 + r * w) * (t - 1) / r if r != 0 else p * n]


def solves(r, n, p, pv, f, w):
    terms = annuity_terms(r, n, p, pv, f, 1 if w == "begin" else 0)
    return abs(sum(terms)) <= 1e-9 * sum(map(abs, terms))


def rate_as_irr(npf, n, p, pv, f, w):
    """The flows whose irr is the rate (a whole number n of periods), and numpy-financial's irr."""
    flows = [pv + p] + [p] * (n - 1) + [f] if w == "begin" else [pv] + [p] * (n - 1) + [p + f]
    return float(npf.irr(flows))


def verdict(npf, name, ours, theirs, size, inputs):
    """'agree', 'both none', 'checked' (numpy-financial wrong, Burn verified), or a failure text."""
    theirs = float(theirs)
    missing = math.isnan(theirs) or math.isinf(theirs)
    if name == "rate" and (missing or theirs <= -1):
        n, p, pv, f, w = inputs
        exists = not math.isnan(rate_as_irr(npf, n, p, pv, f, w)) if n == int(n) else ours is not None
        if not exists:
            return "both none" if ours is None else "no rate exists above -100%%, Burn gives %r" % ours
        if ours is not None and ours > -1 and solves(ours, n, p, pv, f, w):
            return "checked"
        return "numpy-financial's irr finds a rate, Burn gives %r, which does not solve the equation" % ours
    if name == "nper" and inputs[0] == 0:
        r, p, pv, f, w = inputs
        if p == 0:
            return "both none" if ours is None else "Burn gives %r for no payments" % ours
        if ours is not None and abs(f + pv + p * ours) <= 1e-9 * (abs(f) + abs(pv) + abs(p * ours)):
            return "checked"
        return "Burn's %r periods do not solve fv + pv + pmt * nper = 0" % ours
    if missing and ours is None:
        return "both none"
    if missing:
        return "numpy-financial has none, Burn gives %r" % ours
    if ours is None:
        return "Burn has none, numpy-financial gives %r" % theirs
    if agrees(ours, theirs, size):
        return "agree"
    if name == "rate" and abs(ours - theirs) < 1e-6:
        n, p, pv, f, w = inputs
        if abs(sum(annuity_terms(ours, n, p, pv, f, w == "begin"))) < abs(sum(annuity_terms(theirs, n, p, pv, f, w == "begin"))):
            return "checked"
    return "Burn %r, numpy-financial %r (relative difference %.2g)" % (ours, theirs, abs(ours - theirs) / max(abs(ours), abs(theirs)))


def check(burn, count):
    import warnings
    import numpy_financial as npf
    warnings.filterwarnings("ignore")
    rng = random.Random(18)  # issue 18
    all_cases = cases(npf, rng, count)
    values = run_burn(burn, [c[1] for c in all_cases])
    tally = {}
    failures = []
    for (name, expr, theirs, size, inputs), ours in zip(all_cases, values):
        v = verdict(npf, name, ours, theirs, size, inputs)
        kind = v if v in ("agree", "both none", "checked") else "failed"
        tally.setdefault(name, {}).setdefault(kind, 0)
        tally[name][kind] += 1
        if kind == "failed":
            failures.append("%s: %s" % (expr, v))
    for name in sorted(tally):
        print("%-5s %s" % (name, ", ".join("%d %s" % (n, k) for k, n in sorted(tally[name].items()))))
    for f in failures[:40]:
        print("FAILED " + f)
    passed = sum(n for t in tally.values() for k, n in t.items() if k != "failed")
    print("numpy-financial: %d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


def main():
    args = sys.argv[1:]
    burn = os.path.join(ROOT, ".build", "debug", "burn")
    count = 300
    while args:
        if args[0] == "--burn" and len(args) > 1:
            burn, args = args[1], args[2:]
        elif args[0] == "--cases" and len(args) > 1:
            count, args = int(args[1]), args[2:]
        elif args[0] == "--inside":
            args = args[1:]
            sys.exit(check(os.path.abspath(burn), count))
        else:
            sys.exit("usage: against_numpy_financial.py [--burn PATH] [--cases N]")
    ENV.ensure()
    command = [ENV.python(), os.path.abspath(__file__), "--burn", os.path.abspath(burn), "--cases", str(count), "--inside"]
    sys.exit(subprocess.run(command).returncode)


if __name__ == "__main__":
    main()
