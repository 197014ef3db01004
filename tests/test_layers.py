"""The apps are layered (pyproject.toml's [tool.importlinter], docs/development.md):
each imports only the apps below it, inside functions too."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import peninsula

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(peninsula.__file__).parent


def contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    [layers] = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return layers


def test_no_app_imports_an_app_above_it():
    """lint-imports checks every import chain, direct or not; its report names the chain."""
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_every_app_has_its_layer():
    """An app missing from the contract would escape it: each one is placed."""
    placed = {
        name.strip().strip("()")
        for layer in contract()["layers"]
        for name in layer.replace(":", "|").split("|")
    }
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    assert apps - placed == set()
