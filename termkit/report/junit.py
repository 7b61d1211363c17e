"""JUnit XML for CI test reports: one test suite per file, one failing test case per finding."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from xml.etree import ElementTree as ET

from ..findings import CheckResult, Finding
from ..invisible import printable
from ..i18n import _
from .base import Reporter, Spool, render_with

INDENT = "  "


def _suite(path: str, findings: list[Finding]) -> ET.Element:
    """One file's suite; ``path`` is already ``printable`` (XML cannot hold control characters)."""
    suite = ET.Element("testsuite", name=path, tests=str(len(findings)), failures=str(len(findings)), errors="0")
    for f in findings:
        case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.rule} at {f.line}:{f.column}",
                             classname=path, file=path, line=str(f.line))
        failure = ET.SubElement(case, "failure", message=printable(f.message), type=f.code)
        failure.text = f"{path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {printable(f.message)}" + (
            "\n" + _("suggestion: {suggestion}").format(suggestion=printable(f.suggestion)) if f.suggestion else "")
    return suite


def _xml(suite: ET.Element) -> str:
    """A suite as it reads inside the indented document (one level deep), without its tail."""
    ET.indent(suite, INDENT, level=1)
    return ET.tostring(suite, encoding="unicode")


class JunitReporter(Reporter):
    """The root states the totals, so the suites wait in a temporary file. Each file's findings
    arrive together and make one suite; a file checked twice (named twice on the command line)
    makes one suite of both, as it always has: then the findings are grouped at the end."""

    def start(self) -> None:
        self.spool = Spool()
        self.suites = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.current: str | None = None
        self.pending: list[Finding] = []
        self.done: set[str] = set()
        self.regroup = False

    def write(self, finding: Finding) -> None:
        self.spool.add(finding)
        path = printable(finding.path)  # XML cannot hold control characters
        if path != self.current:
            self._flush()
            if path in self.done:
                self.regroup = True
            self.current = path
        self.pending.append(finding)

    def _flush(self) -> None:
        if self.current is not None and not self.regroup:
            self.suites.write(INDENT + _xml(_suite(self.current, self.pending)) + "\n")
        if self.current is not None:
            self.done.add(self.current)
        self.pending = []

    def finish(self, files_checked: int, errors: list) -> None:
        self._flush()
        root = ET.Element("testsuites", name="termkit", tests=str(max(1, self.findings)),
                          failures=str(self.findings), errors=str(len(errors)))
        ET.SubElement(root, "placeholder")
        ET.indent(root)
        head = ET.tostring(root, encoding="unicode").split("\n", 1)[0]
        out = self.out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n")
        if not self.findings:
            suite = ET.Element("testsuite", name="termkit", tests="1", failures="0", errors="0")
            ET.SubElement(suite, "testcase", name="No findings", classname="termkit")
            out.write(INDENT + _xml(suite) + "\n")
        elif self.regroup:
            by_file: dict[str, list[Finding]] = defaultdict(list)
            for f in self.spool:
                by_file[printable(f.path)].append(f)
            for path, findings in by_file.items():
                out.write(INDENT + _xml(_suite(path, findings)) + "\n")
        else:
            self.suites.seek(0)
            for chunk in iter(lambda: self.suites.read(1 << 16), ""):
                out.write(chunk)
        for error in errors:
            where = printable(error.path) if error.path else "termkit"
            suite = ET.Element("testsuite", name=where, tests="1", failures="0", errors="1")
            case = ET.SubElement(suite, "testcase", name="read", classname=where)
            ET.SubElement(case, "error", message=printable(error.message)).text = str(error)
            out.write(INDENT + _xml(suite) + "\n")
        out.write("</testsuites>\n")
        self.spool.close()
        self.suites.close()


def render(result: CheckResult) -> str:
    return render_with(JunitReporter, result)
