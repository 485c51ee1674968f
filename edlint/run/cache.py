"""A result cache so an unchanged repository re-checks almost instantly.

One small JSON file per checked file, in a folder per "state" (code and
configuration), named by a hash of everything the
findings depend on: the file's content and path, the configuration (its
digest and where it lives), the CLI options that change findings, the edlint
version and a signature of the code and rule packs (the package's files and
the built-in rule folders by size and modification time, a configuration's
own rule folders by content).
Change any of those and the key changes; stale entries are simply never
read again.

Entries are written to a temporary file and renamed into place, so two
edlint processes sharing the folder (pre-commit runs hooks in parallel) can
only ever see a whole entry or none; an unreadable entry is a miss. JSON,
not pickle: a cache folder someone committed must not be able to run code.
The folder carries a ``.gitignore`` so it is never committed by accident,
and states no run has used for a month are deleted.

A cache folder is edlint's only when edlint made it: a ``CACHEDIR.TAG`` it
wrote marks it. A folder that exists, is not empty and carries no such tag
(``--cache-dir`` pointed at the wrong place) is refused, never written to or
pruned, and pruning deletes only files whose names edlint itself gives.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edlint.core.findings import Applicability, Edit, Finding, Fix, Related, Severity

try:  # the C module alone: ``hashlib`` would load OpenSSL too, a few milliseconds of every run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

if TYPE_CHECKING:
    from edlint.core.findings import FileResult
    from edlint.io.config import Config
    from edlint.run.options import RunOptions

CACHE_ENV = "EDLINT_CACHE_DIR"
DEFAULT_DIR = ".edlint_cache"
ENTRY_FORMAT = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024
PRUNE_AFTER_DAYS = 30


TAG_NAME = "CACHEDIR.TAG"
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
TAG_BODY = TAG_SIGNATURE + "\n# This file is a cache directory tag created by edlint (a result cache).\n"
GITIGNORE_BODY = "# Created by edlint: a local cache, never commit it.\n*\n"


def default_cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or DEFAULT_DIR)


def is_edlint_cache(root: Path) -> bool:
    """Does ``root`` carry a CACHEDIR.TAG that edlint wrote?"""
    tag = Path(root) / TAG_NAME
    try:
        if not stat.S_ISREG(os.stat(tag).st_mode):
            return False
        with open(tag, "rb") as fh:
            head = fh.read(512).decode("utf-8", "replace")
    except OSError:
        return False
    return head.startswith(TAG_SIGNATURE) and "edlint" in head


def claim_cache_dir(root: Path) -> str | None:
    """Make ``root`` an edlint cache if it is missing or empty; return why not when it may not be used.

    Cheap on purpose (a stat, at most a directory listing): every run calls it.
    """
    root = Path(root)
    try:
        st = os.stat(root)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return f"cannot use it ({exc.strerror or exc})"
    if st is not None:
        if not stat.S_ISDIR(st.st_mode):
            return "is not a folder"
        if is_edlint_cache(root):
            return None
        try:
            with os.scandir(root) as it:
                if next(it, None) is not None:
                    return (f"is not empty and is not an edlint cache (no {TAG_NAME} written by edlint): "
                            "refusing to write or prune there")
        except OSError as exc:
            return f"cannot use it ({exc.strerror or exc})"
    try:
        root.mkdir(parents=True, exist_ok=True)
        _write_new(root / TAG_NAME, TAG_BODY)
        _write_new(root / ".gitignore", GITIGNORE_BODY)
    except OSError:
        pass  # a read-only place: the cache only misses
    return None


def _write_new(path: Path, body: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(body)


def _tree_signature(root: Path, h: blake2b) -> None:
    """Feed (relative path, size, mtime) of every file under ``root`` into ``h``, in a stable order.

    Every run asks (the cache key depends on it), so it is one ``scandir`` per folder and one
    ``stat`` per file, with no path arithmetic: a one-article run has little else to do.
    """
    top = str(root)
    if not os.path.exists(top):
        h.update(f"missing:{root}\0".encode())
        return
    cut = len(top) + 1
    parts: list[str] = []
    folders = [top]
    while folders:
        try:
            with os.scandir(folders.pop()) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        below = []
        for e in entries:
            if e.is_dir():
                if e.name != "__pycache__" and not e.is_symlink():  # as os.walk: a linked folder is not entered
                    below.append(e.path)
            elif not e.name.endswith((".pyc", ".pyo")):
                try:
                    st = e.stat()
                except OSError:
                    continue
                parts.append(f"{e.path[cut:]}\0{st.st_size}\0{st.st_mtime_ns}\0")
        folders.extend(reversed(below))  # depth first, folders in name order
    h.update("".join(parts).encode())


def _tree_contents(root: Path, h: blake2b) -> None:
    """Feed every file's path and bytes under ``root`` into ``h``: for a newsroom's own rule folders,
    small and edited by hand, where a save within one timestamp tick must still count."""
    if not root.exists():
        h.update(f"missing:{root}\0".encode())
        return
    if root.is_file():
        h.update(f"{root}\0".encode() + root.read_bytes())
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            try:
                with open(p, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            h.update(f"{os.path.relpath(p, root)}\0{len(data)}\0".encode())
            h.update(data)


_CODE_SIGNATURE: str | None = None


def code_signature() -> str:
    """Signature of edlint's own code and built-in rule packs (computed once per process)."""
    global _CODE_SIGNATURE
    if _CODE_SIGNATURE is None:
        from edlint import __version__
        from edlint.io.builtin_packs import pack_root

        h = blake2b(digest_size=16)
        h.update(f"edlint {__version__} entry {ENTRY_FORMAT}\0".encode())
        pkg = Path(__file__).resolve().parents[1]  # the edlint package
        _tree_signature(pkg, h)
        packs = pack_root()
        if pkg not in packs.parents:
            _tree_signature(packs, h)
        _CODE_SIGNATURE = h.hexdigest()
    return _CODE_SIGNATURE


class ResultCache:
    """Findings and figures per (file content, configuration, options, code) in ``root``."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._entries = self.root / f"v{ENTRY_FORMAT}"
        self._run_keys: dict[int, str] = {}
        self._prepared = False
        self._touched: set[str] = set()

    # ------------------------------------------------------------ keys
    def run_key(self, config: Config, options: RunOptions) -> str:
        """Everything but the file that findings depend on; memoised per configuration object."""
        k = id(config)
        if k not in self._run_keys:
            h = blake2b(digest_size=16)
            h.update(code_signature().encode())
            # A file's config has a fixed root (its folder); the built-in default's root is the working
            # directory, which must not split the cache between runs from different folders.
            root = str(config.root) if config.path else ""
            h.update(repr((config.path, config.digest, root, sorted(map(str, config.rule_dirs)))).encode())
            for d in config.rule_dirs:
                _tree_contents(Path(d), h)
            for f in config.data_files():  # the house's variant and officeholder files
                _tree_contents(f, h)
            h.update(repr((options.select, options.ignore, options.date and options.date.isoformat())).encode())
            if options.language:
                h.update(f"language={options.language}".encode())
            self._run_keys[k] = h.hexdigest()
        return self._run_keys[k]

    @staticmethod
    def key(run_key: str, path: Path, text: str) -> str:
        """``RUN/FILE``: entries of one code+configuration state share a folder, so a state nobody
        uses any more can be dropped as a whole (see ``prune``)."""
        h = blake2b(digest_size=20)
        h.update(run_key.encode())
        h.update(os.path.abspath(path).encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(text.encode("utf-8", "surrogatepass"))
        return f"{run_key[:24]}/{h.hexdigest()}"

    def _file(self, key: str) -> Path:
        run, digest = key.split("/", 1)
        return self._entries / run / digest[:2] / f"{digest[2:]}.json"

    # ------------------------------------------------------------ read / write
    def get(self, key: str, display_path: str) -> FileResult | None:
        """The cached result for ``key``, or None: anything but a well-formed entry made for this key is a miss."""
        self.touch_run(key)
        try:
            with open(self._file(key), "rb") as fh:
                data = json.loads(fh.read(MAX_ENTRY_BYTES + 1))
            if not isinstance(data, dict) or data.get("key") != key:
                raise ValueError("an entry for another file, state or format")
            res = result_from_dict(data, display_path)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            return None
        res.from_cache = True  # type: ignore[attr-defined]  # fix re-checks rather than trust cached edits
        return res

    def put(self, key: str, result: FileResult) -> None:
        if result.error:
            return  # errors are cheap to recompute and may depend on the file system
        try:
            payload = json.dumps({"key": key, **result_to_dict(result)}, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):
            return  # a rule put something JSON cannot carry in data/figures: just do not cache it
        target = self._file(key)
        try:
            self._prepare()
            self.touch_run(key, create=True)
            from edlint.io.atomic import replace_file

            replace_file(target, payload)
        except OSError:
            pass  # a read-only or full disk must never fail a check

    def _prepare(self) -> None:
        if self._prepared:
            return
        self._prepared = True
        if claim_cache_dir(self.root) is None:
            self.prune()

    def touch_run(self, key: str, create: bool = False) -> None:
        """Mark the state ``key`` belongs to as in use (once per run and state)."""
        run = key.split("/", 1)[0]
        if run in self._touched:
            return
        marker = self._entries / run / ".used"
        try:
            if create:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.touch()
            else:
                os.utime(marker)  # reading never creates folders
        except OSError:
            return
        self._touched.add(run)

    def prune(self, max_age_days: float = PRUNE_AFTER_DAYS) -> int:
        """Drop states (edlint versions, configurations) no run has used for ``max_age_days``.

        Every code or configuration change starts a new state; without this the
        folder would only grow. Dropping a state in use by a process that has
        not touched it yet only costs that process some misses.
        """
        import time

        cutoff = time.time() - max_age_days * 86400
        dropped = 0
        if not is_edlint_cache(self.root):
            return 0  # never delete anything in a folder edlint did not make
        try:
            runs = list(self._entries.iterdir())
        except OSError:
            return 0
        for run in runs:
            if not _run_name().fullmatch(run.name) or run.is_symlink() or not run.is_dir() or run.name in self._touched:
                continue
            try:
                used = (run / ".used").stat().st_mtime
            except OSError:
                used = 0.0
            if used < cutoff:
                _remove_state(run)
                dropped += 1
        return dropped


def _run_name() -> re.Pattern[str]:
    return re.compile(r"[0-9a-f]{24}")


def _remove_state(run: Path) -> None:
    """Delete one state folder: only the files edlint writes there (entries, temporaries, ``.used``)."""
    entry = re.compile(r"(?:[0-9a-f]+\.json|\.[0-9a-f]+\.json\..*\.edlint-tmp|\.tmp-.*)")  # entries, temporaries
    try:
        subdirs = list(os.scandir(run))
    except OSError:
        return
    for d in subdirs:
        if d.name == ".used" and d.is_file(follow_symlinks=False):
            _unlink(d.path)
        elif re.fullmatch(r"[0-9a-f]{2}", d.name) and d.is_dir(follow_symlinks=False):
            try:
                with os.scandir(d.path) as it:
                    for f in it:
                        if entry.fullmatch(f.name) and f.is_file(follow_symlinks=False):
                            _unlink(f.path)
            except OSError:
                pass
            _rmdir(d.path)
    _rmdir(str(run))


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _rmdir(path: str) -> None:
    with contextlib.suppress(OSError):
        os.rmdir(path)  # only when empty: anything edlint did not make keeps its folder


# ------------------------------------------------------------ (de)serialising results

def result_to_dict(r: FileResult) -> dict[str, Any]:
    return {
        "findings": [_finding_to_list(f) for f in r.findings],
        "figures": r.figures,
        "date": r.date,
        "date_source": r.date_source,
        "skipped": r.skipped,
    }


def _finding_to_list(f: Finding) -> list:
    fix = None
    if f.fix:
        fix = [f.fix.applicability.value, f.fix.description, [[e.start, e.end, e.replacement] for e in f.fix.edits]]
    return [f.rule, int(f.severity), f.message, f.start, f.end, f.line, f.column, f.end_line, f.end_column,
            fix, [[r.start, r.end, r.message] for r in f.related], f.data]


def result_from_dict(d: dict[str, Any], path: str) -> FileResult:
    """Rebuild a result from an entry, checking every field's type and range (ValueError otherwise).

    A cache folder may be shared or edited by hand; an entry with a wrong
    shape must be a miss, never a crash in a reporter or a wrong finding.
    """
    from edlint.core.findings import FileResult

    if set(d) - {"skipped"} != {"key", "findings", "figures", "date", "date_source"}:
        raise ValueError("unexpected fields")
    findings = []
    for item in _list(d["findings"]):
        rule, sev, msg, s, e, ln, col, eln, ecol, fix, related, data = _list(item, 12)
        _str(rule)
        _str(msg)
        if not _rule_id().fullmatch(rule):
            raise ValueError("bad rule id")
        _int(s, 0)
        _int(e, s)
        _int(ln, 1)
        _int(col, 1)
        _int(eln, ln)
        _int(ecol, 1)
        fx = None
        if fix is not None:
            applicability, description, edits = _list(fix, 3)
            _str(description)
            fx = Fix(tuple(_edit(x) for x in _list(edits)), Applicability(applicability), description)
        rel = []
        for x in _list(related):
            a, b, m = _list(x, 3)
            _int(a, 0)
            _int(b, a)
            rel.append(Related(a, b, _str(m)))
        if not isinstance(data, dict):
            raise ValueError("data")
        findings.append(Finding(
            path=path, rule=rule, severity=Severity(_int(sev, 1)), message=msg, start=s, end=e, line=ln, column=col,
            end_line=eln, end_column=ecol, fix=fx, related=tuple(rel), data=data,
        ))
    if not isinstance(d["figures"], dict):
        raise ValueError("figures")
    date = d["date"]
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", _str(date)):
        raise ValueError("date")
    skipped = d.get("skipped")
    if skipped is not None:
        _str(skipped)
    return FileResult(path=path, findings=findings, figures=d["figures"], date=date, date_source=_str(d["date_source"]),
                      skipped=skipped)


def _rule_id() -> re.Pattern[str]:
    return re.compile(r"[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+")


def _list(x: Any, n: int | None = None) -> list:
    if not isinstance(x, list) or (n is not None and len(x) != n):
        raise ValueError("expected a list")
    return x


def _str(x: Any) -> str:
    if not isinstance(x, str):
        raise ValueError("expected a string")
    return x


def _int(x: Any, low: int) -> int:
    if type(x) is not int or x < low:
        raise ValueError("expected a whole number")
    return x


def _edit(x: Any) -> Edit:
    a, b, rep = _list(x, 3)
    _int(a, 0)
    _int(b, a)
    return Edit(a, b, _str(rep))


def open_cache(enabled: bool, cache_dir: str | Path | None):
    """The result cache (and, beside it, parsed rule packs), or None with --no-cache."""
    from edlint.io.datafiles import use_parse_cache
    from edlint.run.regexcache import install

    if not enabled:
        use_parse_cache(None)
        install(None)  # the compiled patterns the wheel ships, if this interpreter made them
        return None
    root = Path(cache_dir) if cache_dir else default_cache_dir()
    refused = claim_cache_dir(root)
    if refused:
        sys.stderr.write(f"edlint: cache folder {root}: {refused}; checking without a cache\n")
        use_parse_cache(None)
        install(None)
        return None
    use_parse_cache(root / "packs")
    install(root / "packs")  # compiled regular expressions, so one article skips compiling them
    return ResultCache(root)
