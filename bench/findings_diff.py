"""Findings before and after a change: dump them as JSON, or compare with a saved dump.

Usage:
  python bench/findings_diff.py --save before.json      # on the old code
  python bench/findings_diff.py --against before.json   # on the new code; exit 1 on any difference

Runs ``edlint check --format json --no-cache`` as a user would on the BBC
corpus (flattened into one folder), once with the default rules and once with
the ``strict`` preset's extra families (readability and proselint), and on the
seed article with its date. Every finding (rule, offsets, severity, message,
fix) and every file's figures are kept, with paths relative to the corpus, so
two dumps of the same code are identical and any change in what edlint says
shows up. Skips cleanly when the shared reference material is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SEED, flat_corpus  # noqa: E402

RUNS = {
    "bbc-default": [],
    "bbc-strict": ["--select", "adcopy,spelling,titles,attribution,readability,proselint",
                   "--ignore", "proselint.restricted"],
}


def _run(args: list[str], cwd: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "EDLINT_CACHE_DIR")}
    p = subprocess.run([sys.executable, "-m", "edlint", "check", *args, "--format", "json", "--no-cache"],
                       capture_output=True, env=env, cwd=str(cwd))
    if p.returncode not in (0, 1):
        sys.exit(f"edlint exit {p.returncode}: {p.stderr.decode(errors='replace')[-2000:]}")
    return json.loads(p.stdout)


def _normalise(report: dict, root: Path) -> dict:
    def rel(path: str) -> str:
        return os.path.relpath(path, root) if os.path.isabs(path) else path

    findings = sorted(
        ({**f, "path": rel(f["path"])} for f in report["findings"]),
        key=lambda f: (f["path"], f["start"], f["end"], f["rule"], f.get("message", "")),
    )
    files = sorted(({**f, "path": rel(f["path"])} for f in report["files"]), key=lambda f: f["path"])
    return {"findings": findings, "files": files, "summary": report["summary"]}


def dump() -> dict | None:
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="edlint-findings-") as tmp:
        folder = flat_corpus(Path(tmp) / "bbc")
        if folder is None or not SEED.is_file():
            return None
        for name, extra in RUNS.items():
            out[name] = _normalise(_run(["bbc", *extra], Path(tmp)), Path(tmp))
        seed_dir = Path(tmp) / "seed"
        seed_dir.mkdir()
        (seed_dir / SEED.name).write_bytes(SEED.read_bytes())
        out["seed"] = _normalise(_run([f"seed/{SEED.name}", "--date", "2022-07-08"], Path(tmp)), Path(tmp))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--against", type=Path)
    a = ap.parse_args()
    got = dump()
    if got is None:
        print("skipped: the shared reference material is absent")
        return 0
    if a.save:
        a.save.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        for name, rep in got.items():
            print(f"{name}: {len(rep['findings'])} findings in {len(rep['files'])} files")
        return 0
    want = json.loads(a.against.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(want) | set(got)):
        w, g_ = want.get(name, {}), got.get(name, {})
        for part in ("findings", "files", "summary"):
            if w.get(part) != g_.get(part):
                bad += 1
                wl, gl = w.get(part), g_.get(part)
                if isinstance(wl, list) and isinstance(gl, list):
                    ws = {json.dumps(x, sort_keys=True) for x in wl}
                    gs = {json.dumps(x, sort_keys=True) for x in gl}
                    print(f"{name} {part}: {len(ws - gs)} gone, {len(gs - ws)} new")
                    for x in sorted(ws - gs)[:5]:
                        print(f"  - {x[:300]}")
                    for x in sorted(gs - ws)[:5]:
                        print(f"  + {x[:300]}")
                else:
                    print(f"{name} {part}: differs")
        if not bad:
            print(f"{name}: identical ({len(g_.get('findings', []))} findings)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
