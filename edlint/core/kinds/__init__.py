"""Every kind of house data, one module each, read through one loader.

A YAML file under ``rules/<family>/`` (the built-in packs) or under a folder a
configuration names in ``rule_dirs`` declares its ``kind``:

- ``substitution`` and ``existence`` are rules of their own: the file
  ``<family>/<name>.yaml`` is the rule ``<family>.<name>``;
- ``variants`` (spelling groups), ``known-names`` (spelling discovery),
  ``phrases`` (ad copy), ``officeholders`` and ``title-vocabulary`` (titles)
  are data the code rules of that family read.

``loader`` finds, parses and places the files; each kind's module holds its
schema. docs/house-rules.md shows a file of each kind.
"""
from __future__ import annotations

from pathlib import Path

from edlint.core.findings import FAMILIES
from edlint.io.errors import InputError

from .datarule import DataRule
from .loader import (
    KIND_MODULES,
    RULE_KINDS,
    DataFile,
    builtin,
    builtin_files,
    discover,
    house_files,
    house_paths,
    kind_module,
    load,
    load_path,
    parse,
    scan,
)

__all__ = [
    "KIND_MODULES", "RULE_KINDS", "DataFile", "DataRule", "builtin", "builtin_files", "discover", "house_files",
    "house_paths", "kind_module", "load", "load_path", "parse", "rule_class", "scan", "load_data_rule",
]


def rule_class(file: DataFile) -> type[DataRule]:
    """The rule a ``substitution`` or ``existence`` file defines, after its schema passes."""
    data = load(file)
    return kind_module(file.kind).rule_class(data, file.family, file.path.stem, file.text, file.display)


def load_data_rule(path: Path, family: str | None, display: str) -> type[DataRule] | None:
    """One file's rule, or None when the file is data of another kind (read by a code rule)."""
    if family is not None and family not in FAMILIES:
        raise InputError(display, f"rule files go in a family folder ({', '.join(FAMILIES)}), not {family!r}")
    file = parse(path, display, family)
    if file.kind not in RULE_KINDS:
        return None
    if family is None:
        raise InputError(display, "a file at the root of a rule folder belongs to no family: "
                                 "move it into a family folder")
    return rule_class(file)
