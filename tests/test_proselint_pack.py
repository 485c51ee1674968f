"""The proselint family: parity with proselint's own CLI, opt-in, quote policy, lazy loading."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib.resources import files

from conftest import run_cli


def _demo(tmp_path):
    # The demo as plain text, so edlint's prose view is the file itself (Markdown markup
    # is blanked by edlint and would otherwise change what the checks see).
    dst = tmp_path / "demo.txt"
    dst.write_text(files("proselint").joinpath("demo.md").read_text(encoding="utf-8"), encoding="utf-8")
    return dst


def _proselint_pairs(path):
    exe = shutil.which("proselint")
    cmd = [exe] if exe else [sys.executable, "-m", "proselint"]
    out = subprocess.run(cmd + ["check", str(path), "-o", "json"], capture_output=True, text=True, timeout=300)
    data = json.loads(out.stdout)
    (diags,) = [v["diagnostics"] for v in data["result"].values()]
    # proselint pads the text with one newline in front: its spans are one past the file's offsets.
    return {(d["check_path"], d["span"][0] - 1) for d in diags}


def _edlint_pairs(proc):
    findings = json.loads(proc.stdout)["findings"]
    return {(f["rule"][len("proselint."):], f["start"]) for f in findings if f["rule"].startswith("proselint.")}


def test_parity_with_proselint_cli_on_its_demo(tmp_path):
    demo = _demo(tmp_path)
    expected = _proselint_pairs(demo)
    assert len(expected) > 50
    p = run_cli("check", str(demo), "--select", "proselint", "--ignore", "proselint.restricted", "--format", "json",
                "--no-cache")
    assert _edlint_pairs(p) == expected


def test_parity_through_the_strict_preset(tmp_path):
    demo = _demo(tmp_path)
    (tmp_path / "edlint.toml").write_text('extends = ["strict"]\n')
    # adcopy would take the demo's lists of short lines as menus, and other families skip furniture.
    p = run_cli("check", str(demo), "--format", "json", "--no-cache", "--ignore", "adcopy")
    assert _edlint_pairs(p) == _proselint_pairs(demo)


def test_off_by_default_and_single_checks(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nThe very unique plan was, at this point in time, finalized.\n")
    p = run_cli("check", str(f), "--format", "json", "--no-cache")
    assert not any(x["rule"].startswith("proselint.") for x in json.loads(p.stdout)["findings"])
    (tmp_path / "edlint.toml").write_text('[rules."proselint.uncomparables"]\nenabled = true\n')
    p = run_cli("check", str(f), "--format", "json", "--no-cache")
    findings = json.loads(p.stdout)["findings"]
    assert {x["rule"] for x in findings if x["rule"].startswith("proselint.")} == {"proselint.uncomparables"}


def test_quoted_speech_is_not_corrected(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text('Head\n\nThe mayor said: "It is a very unique plan."\n')
    p = run_cli("check", str(f), "--select", "proselint.uncomparables", "--format", "json", "--no-cache")
    assert json.loads(p.stdout)["findings"] == []
    f.write_text("Head\n\nIt is a very unique plan, the mayor said.\n")
    p = run_cli("check", str(f), "--select", "proselint.uncomparables", "--format", "json", "--no-cache")
    assert len(json.loads(p.stdout)["findings"]) == 1


def test_markdown_markup_is_not_checked(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Head\n\nSee [the page](http://example.com/very-unique) and `very unique` code.\n")
    p = run_cli("check", str(f), "--select", "proselint.uncomparables", "--format", "json", "--no-cache")
    assert json.loads(p.stdout)["findings"] == []


def test_proselint_not_imported_unless_configured(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Head\n\nBody.\n")
    code = (
        "import sys\nfrom edlint.run.runner import Runner, RunOptions\n"
        f"Runner(RunOptions()).lint_paths([{str(f)!r}])\nprint('proselint' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert out.stdout.strip() == "False"
