# burn_venv.py: the virtual environments the Python test drivers run in (Tests/Jupyter,
# Tests/Peers), made once under .build/ from a requirements file and remade when it changes.
import os
import subprocess
import sys
import venv


class Environment:
    """A virtual environment at `path` holding the packages of `requirements`."""

    def __init__(self, path, requirements, who, what):
        self.path = path
        self.requirements = requirements
        self.who = who      # the script, for messages
        self.what = what    # the packages, for messages
        # Written once the requirements are installed: their text, so a change reinstalls.
        self.stamp = os.path.join(path, "burn-requirements.txt")

    def python(self):
        return os.path.join(self.path, "bin", "python")

    def ensure(self):
        """Creates the environment and installs the requirements, unless done already."""
        with open(self.requirements) as f:
            wanted = f.read()
        if os.path.exists(self.stamp) and open(self.stamp).read() == wanted and os.path.exists(self.python()):
            return
        print("%s: creating %s (%s from PyPI)" % (self.who, self.path, self.what), file=sys.stderr)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(self.path)
        except Exception as error:  # Debian without python3-venv has no ensurepip
            sys.exit("%s: cannot create a virtual environment (%s); on Debian: apt-get install python3-venv"
                     % (self.who, error))
        subprocess.run([self.python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", self.requirements], check=True)
        with open(self.stamp, "w") as f:
            f.write(wanted)
