"""Shared test helpers: where the reference material is, running the real CLI, timing two input sizes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

try:  # property tests (tests/test_properties.py): a fixed budget in CI, a deep search on request
    from hypothesis import HealthCheck, settings

    # "ci": derandomised (a fixed seed from each test's source), about 2,400 examples over the property
    # tests in well under a minute. "long": `pytest tests/test_properties.py --hypothesis-profile=long`.
    settings.register_profile("ci", max_examples=600, derandomize=True, deadline=None, database=None,
                              print_blob=True, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("long", max_examples=20_000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("ci")
except ImportError:  # pragma: no cover - the test extra brings it
    pass

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


def generated_file_is_current(script: str) -> bool:
    """Run ``scripts/<script>.py --check`` in this process: does the file it writes match its sources?"""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        module = __import__(script)
    finally:
        sys.path.pop(0)
    return module.main(["--check"]) == 0


def run_cli(*args: str, input: bytes | None = None, cwd: str | Path | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
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


def small_and_large_cpu(small, large, rounds: int = 3) -> tuple[float, float]:
    """CPU times of two calls taken in alternation with the cycle collector off: the small call's
    median, the large call's best (the scaling tests: 10x the input may cost at most 15x the time).

    CPU time is steadier than wall time on a shared machine; alternating keeps a slow
    moment from landing on one size only; with the collector off, the objects the rest of
    a test session left alive are not walked again and again during the larger call
    (which made it look up to half slower late in a full run). The small call's best alone
    was sometimes a lucky outlier (40% under its usual time); its median is steady, and a
    quadratic cost still shows as 100x.
    """
    import gc
    import statistics
    import time

    times: list[list[float]] = [[], []]
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for k, fn in enumerate((small, large)):
                t = time.process_time()
                fn()
                times[k].append(time.process_time() - t)
    finally:
        gc.enable()
    return statistics.median(times[0]), min(times[1])
