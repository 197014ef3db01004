"""Every environment variable the settings read is in docs/deployment.md's table.

The settings are loaded in a child process whose os.environ records each name looked up,
for the laptop settings and the production settings, so a variable added without a row in
the operators' table fails here.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Read by Python, Django or the shell around the settings, not Peninsula settings of their own.
NOT_OURS = {"DJANGO_SETTINGS_MODULE", "HOME", "XDG_DATA_HOME"}

_RECORD = """
import importlib, json, os, sys

seen = set()

class Recording(type(os.environ)):
    def __getitem__(self, key):
        seen.add(key)
        return super().__getitem__(key)

os.environ.__class__ = Recording
os.environ.update({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "www.example.org"})
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(seen)))
"""


def _documented() -> set[str]:
    text = (ROOT / "docs" / "deployment.md").read_text()
    table = [line for line in text.splitlines() if line.startswith("| `")]
    return {
        name for line in table for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    }


@pytest.mark.parametrize("module", ["peninsula.settings.base", "peninsula.settings.production"])
def test_every_variable_the_settings_read_has_a_row_in_the_table(module, tmp_path):
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PENINSULA_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", _RECORD, module],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    read = {name for name in json.loads(result.stdout) if name.isupper()} - NOT_OURS
    assert "EMAIL_URL" in read and "PENINSULA_CACHE_SECONDS" in read  # the recording works
    assert read - _documented() == set()
