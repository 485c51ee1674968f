"""Wheel build step: edlint's regular expressions compiled by the interpreter that builds the wheel.

``edlint/run/pattern_list.json`` lists, as text, every pattern edlint's own
code compiles (``scripts/build_pattern_list.py`` writes it). Here each is
parsed and turned into the engine's code with this interpreter's own
``re`` internals, and the result goes into the wheel as
``edlint/run/compiled_patterns.json``, tagged with this interpreter's exact
version and engine. At run time ``edlint.run.regexcache`` serves patterns
from it only under that same interpreter; anywhere else (and in a source
checkout) patterns compile as usual. Nothing here can fail the build: a
Python that cannot do this gets a wheel without the file.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import tempfile
from pathlib import Path

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported by the tests for the compile step alone, where hatchling may be absent
    BuildHookInterface = object  # type: ignore[misc,assignment]

ROOT = Path(__file__).resolve().parent
RUN = ROOT / "edlint" / "run"


class CompiledPatternsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        text = _compiled_patterns()
        if text is None:
            return
        self._made = Path(tempfile.mkdtemp(prefix="edlint-patterns-"))
        out = self._made / "compiled_patterns.json"
        out.write_text(text, encoding="utf-8")
        build_data["force_include"][str(out)] = "edlint/run/compiled_patterns.json"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        made = getattr(self, "_made", None)
        if made is not None:  # the file is in the wheel now
            shutil.rmtree(made, ignore_errors=True)


def _compiled_patterns() -> str | None:
    """The compiled file's text, or None (no list, or an interpreter that cannot serve compiled patterns)."""
    try:
        # regexcache alone, by its path: the build environment has the standard library only.
        spec = importlib.util.spec_from_file_location("_edlint_regexcache", RUN / "regexcache.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.compile_list(json.loads(module.PATTERN_LIST.read_text(encoding="utf-8"))["patterns"])
    except Exception:  # noqa: BLE001 - an optimisation: its absence must never fail a build
        return None
