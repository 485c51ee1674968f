"""One of each utility: one date, one line table, one error type, one run cache, no family named by the engine."""
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli

from edlint.core.services import DocumentWork, RunResource, Services
from edlint.document import build_document
from edlint.io.errors import InputError

PACKAGE = Path(__file__).resolve().parents[1] / "edlint"


def test_a_run_resource_loads_once_and_shared_work_is_done_once_per_document():
    loads: list[tuple] = []
    resource = RunResource("test list", lambda *files: loads.append(files) or list(files))
    done: list[str] = []
    work = DocumentWork("test work", lambda doc, ctx, n: done.append(doc.path) or len(doc.text) * n)
    run = Services()
    first = run.for_document(build_document("One.\n", "a.txt"), None)
    second = run.for_document(build_document("Two words.\n", "b.txt"), None)
    assert first.resource(resource, "x") is second.resource(resource, "x")
    assert first.resource(resource, "y") == ["y"]
    assert loads == [("x",), ("y",)]  # once per set of arguments, for the whole run
    assert first.work(work, 2) == first.work(work, 2) == 10
    assert second.work(work, 2) == 22
    assert done == ["a.txt", "b.txt"]  # once per document
    assert not first.done(work, 3)


def test_the_engine_and_the_context_keep_no_string_keyed_cache():
    from edlint.core.rule import Context

    assert "shared" not in Context._fields
    sources = [p.read_text(encoding="utf-8") for p in (PACKAGE / "checks").rglob("*.py")]
    assert not any("ctx.shared" in s or "services.get(" in s for s in sources)


def test_the_engine_and_the_terminal_report_name_no_family():
    for module in (PACKAGE / "core" / "engine.py", PACKAGE / "report" / "console.py"):
        text = module.read_text(encoding="utf-8")
        code = re.sub(r'"""[\s\S]*?"""', "", text)  # docstrings may explain; code may not decide by name
        for family in ("adcopy", "spelling", "titles", "attribution", "readability", "proselint"):
            assert family not in code, (module.name, family)


def test_families_describe_their_own_figures_in_the_terminal_report(tmp_path):
    undated = tmp_path / "a.txt"
    undated.write_text("Talks go on\n\nForeign Secretary Liz Truss met officials on Monday.\n", encoding="utf-8")
    got = run_cli("check", str(undated), "--format", "rich", "--no-cache", "--color", "never", cwd=tmp_path)
    assert "titles: no article date, so only titles never held were checked in 1 clean file" in got.stdout
    got = run_cli("check", str(undated), "--format", "rich", "--no-cache", "--color", "never", "-v",
                  "--select", "titles,readability", cwd=tmp_path)
    panel = got.stdout[got.stdout.index("no findings"):]
    assert panel.index("readability: ") < panel.index("titles: no article date")  # figures, then caveats


def test_one_error_type_for_articles_configs_and_data_files(tmp_path):
    import edlint.io.articles as articles
    import edlint.io.config as config
    import edlint.io.datafiles as datafiles

    for module in (articles, config, datafiles):
        own = [n for n, v in vars(module).items() if isinstance(v, type) and issubclass(v, Exception)
               and v.__module__ == module.__name__ and n.endswith("Error")]
        assert own == [], f"{module.__name__} defines its own error type: {own}"
    assert str(InputError("a/b.md", "broken", 3)) == "a/b.md:3: broken"
    assert str(InputError("a\nb.md", "broken")) == "a\\nb.md: broken"
    (tmp_path / "edlint.toml").write_text("[rules]\nnope = 1\n", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    got = run_cli("check", str(tmp_path / "a.txt"), "--format", "concise", cwd=tmp_path)
    assert got.returncode == 2 and "edlint.toml:2:" in got.stderr  # a config error: path, line, message


def test_the_article_date_is_the_documents_and_reports_say_it_once(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2021-03-04\n---\n# Head\n\nForeign Secretary Dominic Raab said so.\n",
                       encoding="utf-8")
    doc = build_document(article.read_text(encoding="utf-8"), str(article))
    assert (doc.date.isoformat(), doc.date_source) == ("2021-03-04", "front matter 'date'")
    got = json.loads(run_cli("check", str(article), "--date", "2022-07-08", "--format", "json", "--no-cache").stdout)
    entry = got["files"][0]
    assert (entry["date"], entry["date_source"]) == ("2021-03-04", "front matter 'date'")  # --date does not override it
    assert entry["figures"]["titles"]["date"] == entry["date"]


def test_sarif_regions_count_lines_as_the_findings_do(tmp_path):
    # A lone CR ends a line: related spans and fix edits are placed on the same lines as the finding.
    article = tmp_path / "cr.txt"
    article.write_bytes(b"Kiev talks\r\rOfficials in Kiev said the talks in Kyiv would go on.\r")
    got = json.loads(run_cli("check", str(article), "--format", "sarif", "--no-cache", cwd=tmp_path).stdout)
    results = got["runs"][0]["results"]
    regions = [x["physicalLocation"]["region"] for r in results for x in r.get("relatedLocations", [])]
    regions += [rep["deletedRegion"] for r in results for fix in r.get("fixes", [])
                for change in fix["artifactChanges"] for rep in change["replacements"]]
    assert regions
    assert {g["startLine"] for g in regions} == {1, 3}  # "Kiev" in the headline and in the third line
    assert all(g["startColumn"] in (1, 14, 37) for g in regions)
