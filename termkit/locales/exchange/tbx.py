"""TBX: ``tbx`` = TBX-Basic in TBX v3 (ISO 30042:2019, DCA style); ``tbx2`` = the older martif
flavour that Weblate and translate-toolkit read. One concept entry per concept, with the source
and target language sections; termkit's hashes travel in concept-level notes. The reader accepts
both flavours, both v3 namespaces and none, and v2's tig and ntig shapes."""

from __future__ import annotations

from types import SimpleNamespace
from xml.etree import ElementTree as ET

from ...errors import Errors, TermkitError
from . import Imported, Unit, id_lines, one_line
from .xliff import bcp47

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS3 = "urn:iso:std:iso:30042:ed-2"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts"}
STATUS_BACK = {v: k for k, v in STATUS.items()}
REGISTER = "termkit:register="
EXPLANATION = "termkit:explanation="
# ISO 12620 / DatCatInfo register values of other TBX dialects, read as termkit's two registers
REGISTER_BACK = {"technicalRegister": "technical", "neutralRegister": "lay", "colloquialRegister": "lay"}


def _render(units: list[Unit], source_language: str, locale: str, v3: bool) -> str:
    def tag(name: str) -> str:
        return f"{{{NS3}}}{name}" if v3 else name

    names = {"entry": "conceptEntry" if v3 else "termEntry", "lang": "langSec" if v3 else "langSet",
             "term": "termSec" if v3 else "tig"}
    if v3:
        ET.register_namespace("", NS3)
        root = ET.Element(tag("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: bcp47(source_language)})
        header = ET.SubElement(root, tag("tbxHeader"))
    else:
        root = ET.Element("martif", {"type": "TBX", XML_LANG: bcp47(source_language)})
        header = ET.SubElement(root, "martifHeader")
    source_desc = ET.SubElement(ET.SubElement(header, tag("fileDesc")), tag("sourceDesc"))
    ET.SubElement(source_desc, tag("p")).text = f"termkit glossary export, {source_language} -> {locale}"
    body = ET.SubElement(ET.SubElement(root, tag("text")), tag("body"))
    for u in units:
        entry = ET.SubElement(body, tag(names["entry"]), id=u.concept_id)
        if u.domain:
            ET.SubElement(entry, tag("descrip"), type="subjectField").text = u.domain
        for note in (f"termkit:source-hash={u.source_hash}", f"termkit:base={u.base_full}",
                     f"termkit:state={'draft' if u.needs_review else u.state}"):
            ET.SubElement(entry, tag("note")).text = note
        source = ET.SubElement(entry, tag(names["lang"]), {XML_LANG: bcp47(source_language)})
        if u.definition:
            ET.SubElement(source, tag("descrip"), type="definition").text = u.definition
        if u.source_explanation:
            ET.SubElement(source, tag("note")).text = f"{EXPLANATION}{u.source_explanation}"
        _term(source, tag, names, u.source_term, "preferred", u.pos, u.source_register)
        if u.target:
            target = ET.SubElement(entry, tag(names["lang"]), {XML_LANG: bcp47(locale)})
            if u.target_explanation:
                ET.SubElement(target, tag("note")).text = f"{EXPLANATION}{u.target_explanation}"
            registers = dict(zip((u.target, *u.alternatives), u.target_registers))
            _term(target, tag, names, u.target, "preferred", u.pos, registers.get(u.target, ""))
            for text in u.alternatives:
                _term(target, tag, names, text, "admitted", None, registers.get(text, ""))
            for text, status in u.forbidden:
                _term(target, tag, names, text, status, None)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _term(parent, tag, names, text: str, status: str, pos: str | None, register: str = "") -> None:
    term = ET.SubElement(parent, tag(names["term"]))
    ET.SubElement(term, tag("term")).text = text
    if pos:
        ET.SubElement(term, tag("termNote"), type="partOfSpeech").text = pos
    ET.SubElement(term, tag("termNote"), type="administrativeStatus").text = STATUS[status]
    if register:  # TBX-Basic has no register data category: a note keeps the file valid TBX-Basic
        ET.SubElement(term, tag("note")).text = f"{REGISTER}{register}"


def _register(term_sec) -> str:
    """A term's register: termkit's note, or the ``register`` termNote of TBX dialects that have it."""
    for node in term_sec.iter():
        name, text = _local(node.tag), (node.text or "").strip()
        if name == "note" and text.startswith(REGISTER):
            return text[len(REGISTER):].strip()
        if name == "termNote" and node.get("type") == "register":
            return REGISTER_BACK.get(text, "")  # other registers (slang, in-house...) say nothing of lay or technical
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _same_language(a: str, b: str) -> bool:
    return a.replace("_", "-").lower() == b.replace("_", "-").lower()


def parse_tbx(text: str, shown: str, locale: str) -> list[Imported]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, col = exc.position
        raise TermkitError(Errors.E304.format(kind="TBX", problem=str(exc).split(":")[0]), shown, line, col + 1) from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise TermkitError(Errors.E304.format(kind="TBX", problem=f"expected <tbx> or <martif>, got <{_local(root.tag)}>"), shown, 1)
    units = []
    lines = id_lines(text, ("conceptEntry", "termEntry"))
    for entry in root.iter():
        if _local(entry.tag) not in ("conceptEntry", "termEntry"):
            continue
        notes = [(n.text or "") for n in entry if _local(n.tag) == "note"]
        marker = {k: v for k, _, v in (n.partition("=") for n in notes) if k.startswith("termkit:")}
        target, alternatives, registers, explanation = None, [], [], ""
        for lang_sec in entry:
            if _local(lang_sec.tag) not in ("langSec", "langSet") or not _same_language(lang_sec.get(XML_LANG, ""), bcp47(locale)):
                continue
            explanation = next(((n.text or "").strip()[len(EXPLANATION):] for n in lang_sec
                                if _local(n.tag) == "note" and (n.text or "").strip().startswith(EXPLANATION)), explanation)
            for term_sec in lang_sec.iter():
                if _local(term_sec.tag) not in ("termSec", "tig", "ntig"):
                    continue
                term = next((t for t in term_sec.iter() if _local(t.tag) == "term"), None)
                status = next((STATUS_BACK.get((n.text or "").strip(), (n.text or "").strip()) for n in term_sec.iter()
                               if _local(n.tag) == "termNote" and n.get("type") == "administrativeStatus"), "admitted")
                if term is not None and len(term):  # only the text before the first element would be read
                    raise TermkitError(Errors.E304.format(kind="TBX", problem=f"a term of entry {entry.get('id', '')!r} "
                                                          "holds inline markup; a term is plain text"),
                                       shown, lines.get(entry.get("id", ""), 0) or None)
                if term is None or not (term.text or "").strip():
                    continue
                if status == "preferred" and target is None:
                    target = term.text.strip()
                    registers.insert(0, (target, _register(term_sec)))
                elif status == "admitted":
                    alternatives.append(term.text.strip())
                    registers.append((term.text.strip(), _register(term_sec)))
        ours = "termkit:source-hash" in marker
        units.append(Imported(
            concept_id=entry.get("id", ""), target=target, alternatives=tuple(alternatives),
            needs_review=marker.get("termkit:state") == "draft", source_hash=marker.get("termkit:source-hash"),
            base=marker.get("termkit:base"), line=lines.get(entry.get("id", ""), 0),
            # a file termkit did not write says nothing of registers or explanations unless it has them
            registers=tuple(registers) if ours or any(r for _, r in registers) else None,
            explanation=(one_line(explanation) or "") if ours else one_line(explanation),
        ))
    return units


V3 = SimpleNamespace(
    CARRIES_ALTERNATIVES=True, SUFFIX=".tbx", NEEDS_LOCALE=True,
    render=lambda units, src, loc: _render(units, src, loc, v3=True), parse=parse_tbx,
)
V2 = SimpleNamespace(
    CARRIES_ALTERNATIVES=True, SUFFIX=".tbx", NEEDS_LOCALE=True,
    render=lambda units, src, loc: _render(units, src, loc, v3=False), parse=parse_tbx,
)
