"""JUnit XML: the test-report format every CI dashboard reads (GitLab, Jenkins, Azure, CircleCI).

One ``<testsuite>`` per file and one ``<testcase>`` per finding, so the
dashboard lists each problem by file with its rule and place. A finding at
or above the fail level is a ``<failure>`` (it fails the check, as the exit
code does); one below it is a passing test case with the finding in
``<system-out>``; a file that could not be checked is an ``<error>``; a
clean file is one passing case. Text is stripped of characters XML 1.0
cannot carry, so an odd byte in an article cannot break the report.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from edlint.core.findings import Severity

from . import Summary, relative_path
from edlint.document.lazyre import lazy

_ILLEGAL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(s: str) -> str:
    """``s`` with the characters XML 1.0 cannot hold replaced, so any article text makes a valid report."""
    return _ILLEGAL.sub("\ufffd", s)


def render(results, summary: Summary, **_: object) -> str:
    """The JUnit document: a suite for the run's own errors, then one suite per file."""
    root = ET.Element("testsuites", name="edlint")
    t_tests = t_fail = t_err = t_skip = 0
    run_errors = list(getattr(summary, "run_errors", []))
    if run_errors:  # paths that named no file to check: one failing suite, so the dashboard shows them
        suite = ET.SubElement(root, "testsuite", name="edlint", tests=str(len(run_errors)), failures="0",
                              errors=str(len(run_errors)))
        for e in run_errors:
            case = ET.SubElement(suite, "testcase", classname="edlint", name=_clean(e))
            ET.SubElement(case, "error", message=_clean(e), type="input").text = _clean(e)
        t_tests += len(run_errors)
        t_err += len(run_errors)
    for r in results:
        path = relative_path(r.path)
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        tests = fails = errs = skips = 0
        if r.skipped:
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name="edlint")
            ET.SubElement(case, "skipped", message=_clean(r.skipped))
            tests += 1
            skips += 1
        if r.error:
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name="edlint")
            ET.SubElement(case, "error", message=_clean(r.error), type="input").text = _clean(r.error)
            tests += 1
            errs += 1
        for f in r.findings:
            where = f"{path}:{f.line}:{f.column}"
            case = ET.SubElement(suite, "testcase", classname=_clean(path), name=f"{f.rule} ({f.line}:{f.column})",
                                 file=_clean(path), line=str(f.line))
            body = _clean(f"{where}: {f.rule} [{f.severity}] {f.message}")
            if Severity.parse(f.severity) >= summary.fail_on:
                ET.SubElement(case, "failure", message=_clean(f.message), type=str(f.severity)).text = body
                fails += 1
            else:
                ET.SubElement(case, "system-out").text = body
            tests += 1
        if not tests:
            ET.SubElement(suite, "testcase", classname=_clean(path), name="edlint")
            tests = 1
        suite.set("tests", str(tests))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        if skips:
            suite.set("skipped", str(skips))
        t_tests += tests
        t_fail += fails
        t_err += errs
        t_skip += skips
    root.set("tests", str(t_tests))
    root.set("failures", str(t_fail))
    root.set("errors", str(t_err))
    if t_skip:
        root.set("skipped", str(t_skip))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
