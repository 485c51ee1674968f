"""Write ``edlint/io/parsed_packs.jsonl``: the built-in rule packs parsed and validated, for runs with no cache.

Every pack under ``rules/`` is parsed from its YAML and validated against its
kind's schema (a broken pack stops the script with the same located error a
run would give); the file holds one line per pack, keyed by a digest of its
text. Run it after editing a pack; ``--check`` exits 1 when the file is out
of date (the test suite runs it).

Usage: python scripts/build_parsed_packs.py [--check]
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from edlint.core.kinds.loader import discover, kind_module  # noqa: E402
from edlint.io import datafiles, shipped_packs  # noqa: E402
from edlint.io.builtin_packs import pack_root  # noqa: E402
from generated_file import write_or_check  # noqa: E402


def contents(root: Path) -> str:
    """The file's text for the packs under ``root``, in path order."""
    datafiles.use_parse_cache(None)
    lines = [shipped_packs.FORMAT]
    for path, _family, display in discover(root, "rules"):
        text = datafiles.read_text(path)
        data = datafiles.parse_yaml(text, display)  # from the YAML itself, never from a cache
        module = kind_module(data["kind"])
        prepare = getattr(module, "prepare", None)
        checked = prepare(data) if prepare else data
        datafiles.validate(checked, module.SCHEMA, display, yaml_text=text)
        source = datafiles._digest(text.encode("utf-8", "surrogatepass"))
        lines.append(shipped_packs.line(source, data, [datafiles.schema_digest(module.SCHEMA)]))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    want = contents(pack_root())
    return write_or_check(shipped_packs.SHIPPED, want, argv, "build_parsed_packs.py",
                          f"{want.count(chr(10)) - 1} packs")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
