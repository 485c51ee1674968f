"""Shared test helpers: where the reference material is, and running the real CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEED = SHARED / "examples" / "000_637e9860769ec13d.txt"
BBC = SHARED / "data" / "corpus" / "bbc"


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(f"reference material not available: {path}")
    return path


@pytest.fixture
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


def run_cli(*args: str, input: bytes | None = None, cwd: str | Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m edlint`` as a user would; returns the completed process (text output)."""
    full_env = dict(os.environ)
    full_env.pop("GITHUB_ACTIONS", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-m", "edlint", *args],
        input=input,
        capture_output=True,
        cwd=str(cwd) if cwd else None,
        env=full_env,
        timeout=300,
    )
    proc.stdout = proc.stdout.decode("utf-8", errors="replace")  # type: ignore[assignment]
    proc.stderr = proc.stderr.decode("utf-8", errors="replace")  # type: ignore[assignment]
    return proc
