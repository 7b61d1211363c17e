"""XLIFF 2.0: one <unit> per concept, notes for definition and termkit's hashes, segment state for review."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from babel.core import get_locale_identifier, parse_locale

from ...errors import Errors, TermkitError
from . import Imported, Unit, id_lines, one_line

CARRIES_ALTERNATIVES = False
SUFFIX = ".xlf"
NS = "urn:oasis:names:tc:xliff:document:2.0"
STATES = {"draft": "initial", "translated": "translated", "reviewed": "reviewed"}


def bcp47(locale: str) -> str:
    return get_locale_identifier(parse_locale(locale.replace("-", "_")), sep="-")


def render(units: list[Unit], source_language: str, locale: str) -> str:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", version="2.0", srcLang=bcp47(source_language), trgLang=bcp47(locale))
    file = ET.SubElement(root, f"{{{NS}}}file", id="glossary")
    for u in units:
        unit = ET.SubElement(file, f"{{{NS}}}unit", id=u.concept_id)
        notes = ET.SubElement(unit, f"{{{NS}}}notes")
        for category, text in (("definition", u.definition), ("termkit-pos", u.pos),
                               ("termkit-admitted", "; ".join(u.alternatives)),
                               ("termkit-source-hash", u.source_hash), ("termkit-base", u.base_pref)):
            if text:
                ET.SubElement(notes, f"{{{NS}}}note", category=category).text = text
        # register and plain-language explanation: the source's for reading, the target's to edit
        for category, applies, text in (("termkit-register", "source", u.source_register),
                                        ("termkit-explanation", "source", u.source_explanation),
                                        ("termkit-register", "target", u.target_register if u.target else ""),
                                        ("termkit-explanation", "target", u.target_explanation)):
            if text:
                ET.SubElement(notes, f"{{{NS}}}note", category=category, appliesTo=applies).text = text
        state = "initial" if u.needs_review or not u.target else STATES.get(u.state, "translated")
        segment = ET.SubElement(unit, f"{{{NS}}}segment", state=state)
        ET.SubElement(segment, f"{{{NS}}}source").text = u.source_term
        if u.target:
            ET.SubElement(segment, f"{{{NS}}}target").text = u.target
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def parse(text: str, shown: str) -> list[Imported]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, col = exc.position
        raise TermkitError(Errors.E304.format(kind="XLIFF", problem=str(exc).split(":")[0]), shown, line, col + 1) from None
    if root.tag != f"{{{NS}}}xliff":
        raise TermkitError(Errors.E304.format(kind="XLIFF", problem=f"expected an XLIFF 2.0 root, got {root.tag!r}"), shown, 1)
    units = []
    lines = id_lines(text, ("unit",))
    for unit in root.iter(f"{{{NS}}}unit"):
        notes = {n.get("category"): (n.text or "") for n in unit.iter(f"{{{NS}}}note") if n.get("appliesTo") != "target"}
        mine = {n.get("category"): (n.text or "") for n in unit.iter(f"{{{NS}}}note") if n.get("appliesTo") == "target"}
        segment = unit.find(f"{{{NS}}}segment")
        target = segment.find(f"{{{NS}}}target") if segment is not None else None
        if target is not None and len(target):  # only the text before the first element would be read
            raise TermkitError(Errors.E304.format(kind="XLIFF", problem=f"the target of unit {unit.get('id', '')!r} "
                                                  "holds inline markup; a term is plain text"),
                               shown, lines.get(unit.get("id", ""), 0) or None)
        target_text = (target.text or "").strip() or None if target is not None else None
        units.append(Imported(
            concept_id=unit.get("id", ""), target=target_text,
            alternatives=None, needs_review=segment is not None and segment.get("state", "initial") == "initial",
            source_hash=notes.get("termkit-source-hash"), base=notes.get("termkit-base"),
            line=lines.get(unit.get("id", ""), 0),
            registers=((target_text, mine.get("termkit-register", "").strip()),) if target_text else None,
            explanation=one_line(mine.get("termkit-explanation", "")) or "",
        ))
    return units
