"""Translation QA rules for bilingual files (XLIFF, PO: ``bilingual/``), Xbench-style, one segment
at a time: key terms (TK501), untranslated segments (TK502), numbers and units (TK503), one
concept or one source translated in different ways (TK504, TK505), whitespace (TK506), inline
codes and placeholders (TK507). The term rules (TK101-103) check the target texts themselves:
a bilingual file's prose is its target text (``bilingual.bilingual_prose``).

The rules do nothing on articles (``ctx.prose.segments`` is None)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..components.keys import FUZZY_KEY, TERMS_KEY
from ..findings import Finding, Severity
from ..i18n import N_, _
from .base import CheckContext, Rule

DATA = Path(__file__).resolve().parent.parent / "data" / "translation"
NAMING = ("preferred", "admitted", "deprecated", "superseded")

_X = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
      'target-language="{lang}" datatype="plaintext" original="a"><body>{units}</body></file></xliff>')


def _name(segment) -> str:
    """How a message names a segment: its id (XLIFF) or its source text (PO), quoted, short."""
    ident = segment.id.replace("\u0004", " | ")
    return repr(ident if len(ident) <= 40 else ident[:39] + "…")


def _segments(ctx: CheckContext):
    return ctx.prose.segments or []


def _languages(ctx: CheckContext) -> tuple[str, str]:
    header = ctx.prose.bilingual or {}
    return header.get("source_language") or ctx.settings.language, ctx.language


def _terms(doc, ctx: CheckContext) -> dict:
    """Per segment id: (source terms, target terms), each a list of (start, end, concept, status,
    term); computed once per file and shared by the rules."""
    if "translation_terms" in ctx.extra:
        return ctx.extra["translation_terms"]
    from ..bilingual import blank_outside

    segments = _segments(ctx)
    source_language, _ = _languages(ctx)
    source_text = blank_outside(ctx.source.text, [(s.source_span[0], s.source_span[1], s.source_view)
                                                  for s in segments if len(s.source_view) == s.source_span[1] - s.source_span[0]])
    found_source = ctx.terms_in(source_text, source_language) if segments else []
    refs = ctx.compiled.refs
    found_target = [(span.start_char, span.end_char, span.id_, span.label_, refs[int(span.kb_id_)].term_text)
                    for key in (TERMS_KEY, FUZZY_KEY) if key in doc.spans for span in doc.spans[key]]
    out = {}
    for s in segments:
        a, b = s.source_span
        t = s.target_span or (-1, -1)
        out[s.id] = ([x for x in found_source if a <= x[0] and x[1] <= b],
                     [x for x in found_target if t[0] <= x[0] and x[1] <= t[1]])
    ctx.extra["translation_terms"] = out
    return out


class KeyTermMismatch(Rule):
    """What it does:
    In a bilingual file (XLIFF or PO), reports a segment whose source names a glossary concept
    (any of its source-language terms) when the target uses none of the concept's terms in the
    target language: preferred or admitted, in any of their forms (a deprecated or misspelled
    target term is reported by TK102/TK101 instead). Concepts without terms in the target
    language are skipped.

    Why:
    A paraphrased or dropped key term is how translations drift from the glossary (Xbench's
    "key term mismatch").

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Fasciculation is common.</source><target>Les tressautements sont fréquents.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Fasciculation is common.</source><target>La fasciculation est fréquente.</target></trans-unit></body></file></xliff>

    Fix safety:
    No fix: the translator chooses where the term belongs.
    """

    code = "TK501"
    name = "key-term-mismatch"
    severity = Severity.WARNING
    summary = N_("The source names a concept; the target uses none of its target-language terms")
    needs = ("termkit_terms",)
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        terms = _terms(doc, ctx)
        for s in _segments(ctx):
            if s.target_span is None or not (s.target or "").strip():
                continue  # TK502's
            source_terms, target_terms = terms.get(s.id, ([], []))
            present = {concept for _, _, concept, _, _ in target_terms}
            seen = set()
            for a, b, concept_id, status, written in source_terms:
                if status not in NAMING or concept_id in present or concept_id in seen or _in_compound(ctx, a, b):
                    continue
                seen.add(concept_id)
                concept = ctx.glossary.get(concept_id)
                if concept is None:
                    continue
                targets = [t for t in concept.terms_in(ctx.language) if t.status.value in ("preferred", "admitted")]
                if not targets:
                    continue
                names = ", ".join(_("'{term}'").format(term=t.text) for t in targets[:4])
                start, end = s.target_span
                message = _("Segment {segment}: the source says '{written}' (concept {concept}); the target "
                            "uses none of {terms}").format(segment=_name(s), written=written, concept=concept_id,
                                                           terms=names)
                yield ctx.finding(self, start, end, message, suggestion=targets[0].text)


def _in_compound(ctx: CheckContext, start: int, end: int) -> bool:
    """A term joined by a hyphen to another word ("flu-like", "PEPP-PT") is part of a compound
    that translations render as one derived word or keep as a name."""
    text = ctx.source.text
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


class Untranslated(Rule):
    """What it does:
    Reports a segment of a bilingual file whose target is missing or empty, or is the source
    text itself although the languages differ. Segments marked not to translate
    (``translate="no"``) and, by default, PO fuzzy entries are not checked.

    Why:
    An untranslated sentence in a health text leaves the reader without the information.

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Call your doctor.</source><target>Call your doctor.</target></trans-unit></body></file></xliff>
    Bad: msgid "Call your doctor."\\nmsgstr ""\\n
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Call your doctor.</source><target>Appelez votre médecin.</target></trans-unit><trans-unit id="2" translate="no"><source>termkit</source></trans-unit></body></file></xliff>

    Fix safety:
    No fix: it needs a translation.
    """

    code = "TK502"
    name = "untranslated"
    severity = Severity.ERROR
    summary = N_("A segment's target is empty or the source text itself")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        source_language, target_language = _languages(ctx)
        for s in _segments(ctx):
            if not s.source.strip():
                continue
            start, end = s.anchor
            if s.target is None or not s.target.strip():
                yield ctx.finding(self, start, end, _("Segment {segment} has no translation").format(segment=_name(s)))
            elif (s.target.strip() == s.source.strip() and re.search(r"[^\W\d_]{2}", s.source)
                  and source_language.split("-")[0].split("_")[0].lower()
                  != target_language.split("-")[0].split("_")[0].lower()):
                yield ctx.finding(self, start, end, _("Segment {segment}: the target is the source text, "
                                                      "untranslated").format(segment=_name(s)))


# numbers: digits with group separators (space, no-break spaces, '.', ',') and a decimal part
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)?)")


@lru_cache(maxsize=1)
def _units() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    import yaml

    data = yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))
    forms: dict[str, tuple[str, str]] = {}
    for entry in data["units"]:
        for form in entry["forms"]:
            forms.setdefault(str(form), (str(entry["unit"]), str(entry["dimension"])))
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"[ \u00a0\u202f]") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"[ \u00a0\u202f\u2009]?(?:{alternatives})(?![\w/])"), forms


def _unit_after(text: str, end: int) -> tuple[str, str] | None:
    pattern, forms = _units()
    m = pattern.match(text, end)
    if not m:
        return None
    form = m.group(0).lstrip(" \u00a0\u202f\u2009")
    form = re.sub(r"[\u00a0\u202f]", " ", form)
    return forms.get(form)


@lru_cache(maxsize=64)
def _symbols(language: str) -> tuple[str, str]:
    """(decimal symbol, group symbol) of a language's numbers, from Babel's CLDR data."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale("en")
    return get_decimal_symbol(locale), get_group_symbol(locale)


def _values(token: str, language: str, lenient: bool) -> set[Decimal]:
    """What a written number means in ``language`` ("1,5" in fr: 1.5; "1.000" in de: 1000);
    ``lenient`` adds the other reading of '.' and ',' where the digits allow it."""
    token = re.sub(r"[ \u00a0\u202f\u2009]", "", token)
    decimal, _ = _symbols(language)
    readings = [decimal if decimal in ".," else "."]
    if lenient:
        readings.append("," if readings[0] == "." else ".")
    out = set()
    for dec in readings:
        group = "," if dec == "." else "."
        if group in token and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+(?:{re.escape(dec)}\d+)?", token):
            continue
        try:
            out.add(Decimal(token.replace(group, "").replace(dec, ".")).normalize())
        except InvalidOperation:
            continue
    return out


def _numbers(view: str, language: str, lenient: bool) -> list[tuple[int, int, set[Decimal], tuple[str, str] | None]]:
    return [(m.start(), m.end(), _values(m.group(1), language, lenient), _unit_after(view, m.end()))
            for m in _NUMBER.finditer(view)]


class NumberMismatch(Rule):
    """What it does:
    Reports a number, dose, unit or percentage of a segment's source that is not in its target:
    a number missing or changed, or a unit changed (mg to µg, ml to l: in health text a dosing
    error) or dropped. Numbers are read in the target language's format (CLDR data, via Babel):
    "1,5 mg" in French is "1.5 mg". Units and their names per language are data
    (``data/translation/units.yaml``).

    Why:
    A changed number or unit in a dose is the most dangerous translation error there is.

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Take 1.5 mg twice a day.</source><target>Prenez 1,5 µg deux fois par jour.</target></trans-unit></body></file></xliff>
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="de" datatype="plaintext" original="a"><body><trans-unit id="1"><source>About 15% of adults.</source><target>Etwa 5 % der Erwachsenen.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Take 1.5 mg twice a day, 1,000 IU of vitamin D.</source><target>Prenez 1,5 mg deux fois par jour, 1 000 UI de vitamine D.</target></trans-unit></body></file></xliff>

    Fix safety:
    No fix: which of the two is right needs the translator.
    """

    code = "TK503"
    name = "number-mismatch"
    severity = Severity.ERROR
    summary = N_("A number, dose, unit or percentage of the source is missing or changed in the target")
    data = ("translation/units.yaml",)

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        source_language, target_language = _languages(ctx)
        for s in _segments(ctx):
            if s.target_span is None or not (s.target or "").strip():
                continue
            target = _numbers(s.target_view, target_language, lenient=True)
            used: set[int] = set()
            for a, _end, values, unit in _numbers(s.source_view, source_language, lenient=False):
                if not values:
                    continue
                year = re.search(r"\b(1[89]|20)\d\d[-\u2013]$", s.source_view[:a])
                if year and len(format(min(values), "f")) == 2:  # "2019–20" is "2019-2020"
                    values = values | {Decimal(year.group(1) + str(min(values)))}
                shown = _shown(values, unit)
                same = [i for i, t in enumerate(target) if t[2] & values and i not in used]
                exact = [i for i in same if unit is None or (target[i][3] and target[i][3][0] == unit[0])]
                if exact:
                    used.add(exact[0])
                    continue
                if same:
                    i = same[0]
                    used.add(i)
                    a, b, _values, t_unit = target[i]
                    start = s.target_span[0] + a
                    if t_unit is not None:
                        end = s.target_span[0] + b + len(_units()[0].match(s.target_view, b).group(0))
                        message = _("Segment {segment}: the source says {number}; the target changes the unit "
                                    "to {unit}").format(segment=_name(s), number=shown, unit=t_unit[0])
                        yield ctx.finding(self, start, end, message, suggestion=_shown(values, unit, target_language))
                    elif not _unit_anywhere(s.target_view, unit):
                        yield ctx.finding(self, start, s.target_span[0] + b,
                                          _("Segment {segment}: the source says {number}; the target drops the "
                                            "unit {unit}").format(segment=_name(s), number=shown, unit=unit[0]))
                    continue
                start, end = s.target_span
                yield ctx.finding(self, start, end, _("Segment {segment}: the source says {number}; the target "
                                                      "does not").format(segment=_name(s), number=shown))


def _unit_anywhere(view: str, unit) -> bool:
    pattern, forms = _units()
    return any(forms.get(m.group(0).strip(" \u00a0\u202f\u2009")) == unit for m in
               re.finditer(pattern.pattern.replace("[ \\u00a0\\u202f\\u2009]?", "(?<!\\w)", 1), view))


def _shown(values: set[Decimal], unit, language: str = "en") -> str:
    value = min(values)
    text = format(value, "f")
    if language != "en":
        decimal, _ = _symbols(language)
        text = text.replace(".", decimal)
    if unit is None:
        return f"'{text}'"
    return f"'{text}{'' if unit[0] == '%' and language == 'en' else ' '}{unit[0]}'"


class InconsistentTargetTerm(Rule):
    """What it does:
    Reports a glossary concept that the segments of one bilingual file translate with different
    target terms (each a term of the concept, e.g. a preferred and an admitted one): the first
    term used is the file's; each other term is reported once, where it first appears.

    Why:
    One file, one term per concept: readers take two names for two things.

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Fasciculation is common.</source><target>La fasciculation est fréquente.</target></trans-unit><trans-unit id="2"><source>Fasciculation can follow exercise.</source><target>Le tressaillement musculaire suit l'effort.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Fasciculation is common.</source><target>La fasciculation est fréquente.</target></trans-unit><trans-unit id="2"><source>Fasciculation can follow exercise.</source><target>La fasciculation suit l'effort.</target></trans-unit></body></file></xliff>

    Fix safety:
    No fix: which term to keep is an editorial choice.
    """

    code = "TK504"
    name = "inconsistent-target-term"
    severity = Severity.INFO
    summary = N_("One concept of the source translated with different target terms across the file")
    needs = ("termkit_terms",)
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        terms = _terms(doc, ctx)
        from .consistency import _share_a_word

        first: dict[tuple[str, str], tuple[str, int]] = {}
        reported: set[tuple[str, str]] = set()
        for s in _segments(ctx):
            source_terms, target_terms = terms.get(s.id, ([], []))
            named = {c: w.lower() for _, _, c, status, w in source_terms if status in NAMING}
            for start, end, concept, status, term in target_terms:
                if concept not in named or status not in ("preferred", "admitted"):
                    continue
                key = (concept, named[concept])  # one source term, translated two ways
                if key not in first:
                    first[key] = (term, ctx.source.index.position(start)[0])
                elif (first[key][0] != term and (concept, term) not in reported
                      and not _share_a_word(first[key][0], term)):
                    reported.add((concept, term))
                    main, line = first[key]
                    message = _("Segment {segment} translates concept {concept} as '{term}'; line {line} uses "
                                "'{used}'").format(segment=_name(s), concept=concept, term=term, line=line, used=main)
                    yield ctx.finding(self, start, end, message, suggestion=main)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


class InconsistentTranslation(Rule):
    """What it does:
    Reports, within one bilingual file, a source text translated differently from an earlier
    segment with the same source, and a target text that an earlier segment with a different
    source also uses (case and spacing aside).

    Why:
    The same sentence translated two ways, or two sentences translated alike, usually means one
    of them is wrong (Xbench's "inconsistency in target / in source").

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Wash your hands.</source><target>Lávese las manos.</target></trans-unit><trans-unit id="2"><source>Wash your hands.</source><target>Lave sus manos.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Wash your hands.</source><target>Lávese las manos.</target></trans-unit><trans-unit id="2"><source>Wash your hands.</source><target>Lávese las manos.</target></trans-unit></body></file></xliff>

    Fix safety:
    No fix: the translator decides which one is right.
    """

    code = "TK505"
    name = "inconsistent-translation"
    severity = Severity.WARNING
    summary = N_("One source translated two ways, or two sources translated alike, in one file")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        by_source: dict[str, tuple[str, object]] = {}
        by_target: dict[str, tuple[str, object]] = {}
        for s in _segments(ctx):
            if s.target_span is None or not (s.target or "").strip():
                continue
            src, tgt = _norm(s.source), _norm(s.target)
            start, end = s.target_span
            # the plural forms of one PO entry differ (or agree) by grammar, not by choice
            if src in by_source and by_source[src][0] != tgt and not _same_entry(s, by_source[src]):
                other = by_source[src][1]
                message = _("Segment {segment} translates the same source as segment {other} "
                            "differently").format(segment=_name(s), other=_name(other))
                yield ctx.finding(self, start, end, message, suggestion=other.target)
            elif (tgt in by_target and by_target[tgt][0] != src and len(tgt) > 3
                  and not _same_entry(s, by_target[tgt])):
                other = by_target[tgt][1]
                yield ctx.finding(self, start, end, _("Segment {segment} has the target of segment {other}, whose "
                                                      "source differs").format(segment=_name(s), other=_name(other)))
            by_source.setdefault(src, (tgt, s))
            by_target.setdefault(tgt, (src, s))


def _same_entry(s, seen: tuple[str, object]) -> bool:
    """Whether ``s`` and the segment recorded in ``seen`` are plural forms of one PO entry."""
    return s.entry is not None and seen[1].entry == s.entry


def _edges(text: str) -> tuple[str, str]:
    return text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]


class WhitespaceMismatch(Rule):
    """What it does:
    Reports a segment whose target starts or ends with different whitespace than its source
    (a space, a line break), which joins or splits sentences where the segments are put back
    together.

    Why:
    A dropped trailing space glues two sentences together in the published page.

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Rest well. </source><target>Reposez-vous bien.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Rest well. </source><target>Reposez-vous bien. </target></trans-unit></body></file></xliff>

    Fix safety:
    No fix yet.
    """

    code = "TK506"
    name = "whitespace-mismatch"
    severity = Severity.INFO
    summary = N_("Leading or trailing whitespace differs between source and target")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        for s in _segments(ctx):
            if s.target_span is None or not (s.target or "").strip():
                continue
            (sl, st), (tl, tt) = _edges(s.source), _edges(s.target)
            start, end = s.target_span
            if sl != tl:
                yield ctx.finding(self, start, end, _("Segment {segment}: the source starts with {source}, the "
                                                      "target with {target}").format(segment=_name(s), source=repr(sl),
                                                                                     target=repr(tl)))
            if st != tt:
                yield ctx.finding(self, start, end, _("Segment {segment}: the source ends with {source}, the "
                                                      "target with {target}").format(segment=_name(s), source=repr(st),
                                                                                     target=repr(tt)))


# printf-style (%s, %(name)s, %1$d) and brace ({0}, {name}) placeholders; "50 % de" is no placeholder
# a named one ends at its one conversion letter: "%(action)ss" is %(action)s then an "s"
_PLACEHOLDER = re.compile(r"%\(\w+\)[-+#0]*\d*(?:\.\d+)?[sdifxXeEgGcr]"
                          r"|%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifxXeEgGcr](?!\w)|\{\w*\}|\{\{\s*\w+\s*\}\}")


class TagMismatch(Rule):
    """What it does:
    Reports a segment whose target lacks an inline code of its source (XLIFF ``<x/>``, ``<g>``,
    ``<ph>``, ``<bpt>``/``<ept>``, ``<pc>``, ``<sc/>``/``<ec/>``) or a placeholder (``%s``,
    ``%(name)s``, ``{0}``), or has one the source does not.

    Why:
    A lost code breaks the page's markup (a link, bold text); a lost placeholder drops a value.

    Example:
    Bad: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Take <g id="1">one</g> tablet, %s.</source><target>Tome un comprimido.</target></trans-unit></body></file></xliff>
    Good: <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="es" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Take <g id="1">one</g> tablet, %s.</source><target>Tome <g id="1">un</g> comprimido, %s.</target></trans-unit></body></file></xliff>

    Fix safety:
    No fix: where the code belongs needs the translator.
    """

    code = "TK507"
    name = "tag-mismatch"
    severity = Severity.ERROR
    summary = N_("Inline codes or placeholders differ between source and target")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        for s in _segments(ctx):
            if s.target_span is None or not (s.target or "").strip():
                continue
            source = Counter(s.source_codes) + Counter(_PLACEHOLDER.findall(s.source))
            target = Counter(s.target_codes) + Counter(_PLACEHOLDER.findall(s.target))
            missing, extra = source - target, target - source
            if not missing and not extra:
                continue
            lacks = ", ".join(sorted(_code_name(c) for c in missing.elements()))
            adds = ", ".join(sorted(_code_name(c) for c in extra.elements()))
            if missing and extra:
                message = _("Segment {segment}: the target lacks {missing} and adds {extra}")
            elif missing:
                message = _("Segment {segment}: the target lacks {missing}")
            else:
                message = _("Segment {segment}: the target adds {extra}")
            start, end = s.target_span
            yield ctx.finding(self, start, end, message.format(segment=_name(s), missing=lacks, extra=adds))


def _code_name(code: str) -> str:
    if ":" in code and not code.startswith(("%", "{")):
        name, _, ident = code.partition(":")
        return f"<{name}{' id=' + repr(ident) if ident else ''}>"
    return f"'{code}'"
