"""JUnit XML for CI test reports: one test suite per file, one failing test case per finding."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from ..findings import CheckResult
from ..invisible import printable


def render(result: CheckResult) -> str:
    by_file: dict[str, list] = defaultdict(list)
    for f in result.findings:
        by_file[printable(f.path)].append(f)  # XML cannot hold control characters
    root = ET.Element("testsuites", name="termkit", tests=str(max(1, len(result.findings))),
                      failures=str(len(result.findings)), errors=str(len(result.errors)))
    if not by_file:
        suite = ET.SubElement(root, "testsuite", name="termkit", tests="1", failures="0", errors="0")
        ET.SubElement(suite, "testcase", name="No findings", classname="termkit")
    for path, findings in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(len(findings)), failures=str(len(findings)),
                              errors="0")
        for f in findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.rule} at {f.line}:{f.column}",
                                 classname=path, file=path, line=str(f.line))
            failure = ET.SubElement(case, "failure", message=printable(f.message), type=f.code)
            failure.text = f"{path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {printable(f.message)}" + (
                f"\nsuggestion: {printable(f.suggestion)}" if f.suggestion else "")
    for error in result.errors:
        where = printable(error.path) if error.path else "termkit"
        suite = ET.SubElement(root, "testsuite", name=where, tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", name="read", classname=where)
        ET.SubElement(case, "error", message=printable(error.message)).text = str(error)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
