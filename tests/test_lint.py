"""ruff over the project's Python (the rules in pyproject.toml's [tool.ruff]): unused imports,
undefined names, redefinitions, f-strings without placeholders, syntax errors."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is missing: it is a dev dependency (uv sync --frozen installs it)"
    run = subprocess.run([ruff, "check", "--no-cache", "--output-format", "concise", "."], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_catches_an_unused_import(tmp_path):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    run = subprocess.run([ruff, "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "F401" in run.stdout
