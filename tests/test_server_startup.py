"""The language server's imports stay out of every other command's start-up."""
from __future__ import annotations

import subprocess
import sys


def test_check_and_cli_import_do_not_load_pygls(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("# Head\n\nThe council met on Monday.\n")
    code = (
        "import sys\n"
        "from edlint.commands.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, ['check', {str(f)!r}, '--no-cache'])\n"
        "assert r.exit_code in (0, 1), r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') or "
        "m.startswith('edlint.server')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_server_without_pygls_says_which_extra(tmp_path):
    # A stand-in "pygls" that fails to import, first on the path: the command explains, exit 2.
    (tmp_path / "pygls").mkdir()
    (tmp_path / "pygls" / "__init__.py").write_text("raise ImportError('no pygls here', name='pygls')\n")
    proc = subprocess.run(
        [sys.executable, "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); from edlint.commands.cli import run; "
         "sys.argv=['edlint','server']; run()", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "edlint[server]" in proc.stderr
