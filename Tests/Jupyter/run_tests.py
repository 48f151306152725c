#!/usr/bin/env python3
# run_tests.py: runs the Jupyter kernel's tests with a real client. Creates (once) the virtual
# environment .build/jupyter-venv with jupyter_client and nbclient from PyPI, then runs
# test_kernel.py in it against the `burn` binary given (default .build/debug/burn). The README's
# test command runs it after `swift test`, on its own: its timings (an interrupt within
# seconds) mean nothing while the Swift tests load both cores.
#
#   python3 Tests/Jupyter/run_tests.py [--burn PATH] [unittest arguments...]
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Python"))
from burn_venv import Environment  # noqa: E402

ENV = Environment(os.path.join(ROOT, ".build", "jupyter-venv"), os.path.join(HERE, "requirements.txt"),
                  "run_tests.py", "jupyter_client, nbclient")


def main():
    args = sys.argv[1:]
    burn = os.path.join(ROOT, ".build", "debug", "burn")
    if len(args) >= 2 and args[0] == "--burn":
        burn, args = args[1], args[2:]
    ENV.ensure()
    env = dict(os.environ, BURN_EXECUTABLE=os.path.abspath(burn), NO_COLOR="1")
    command = [ENV.python(), "-m", "unittest", "-v"] + (args or ["test_kernel"])
    result = subprocess.run(command, cwd=HERE, env=env, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(result.stderr)
    # unittest's verdicts, one a test ("... ok", "... FAIL", "... ERROR", "... skipped"),
    # summed up in the plain closing line every CI reads.
    verdicts = [line.rsplit("... ", 1)[-1].strip() for line in result.stderr.splitlines() if " ... " in line]
    passed = sum(1 for v in verdicts if v == "ok")
    failed = sum(1 for v in verdicts if v in ("FAIL", "ERROR"))
    if result.returncode != 0 and failed == 0:
        failed = 1
    print("Jupyter: %d passed, %d failed" % (passed, failed))
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
