"""``edlint archive`` costs nothing until used: the CLI starts without dask, and says how to get it."""
from __future__ import annotations

import subprocess
import sys

HEAVY = ("dask", "distributed", "pandas", "pyarrow", "numpy")


def test_cli_start_imports_no_dask():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from edlint.commands.cli import app\n"
        "res = CliRunner().invoke(app, ['archive', 'check', '--help'])\n"
        "assert res.exit_code == 0 and '--text-column' in res.stdout, res.stdout\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_without_the_dask_extra_it_says_what_to_install(tmp_path):
    code = (
        "import sys\n"
        "sys.modules['distributed'] = None  # as if the extra were not installed\n"
        "from typer.testing import CliRunner\n"
        "from edlint.commands.cli import app\n"
        f"res = CliRunner().invoke(app, ['archive', 'check', {str(tmp_path)!r}, '--out', "
        f"{str(tmp_path / 'f.parquet')!r}])\n"
        "print(res.exit_code)\n"
        "print(res.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    code_line, message = out.split("\n", 1)
    assert code_line == "2"
    assert "pip install 'edlint[dask]'" in message and "distributed" in message
