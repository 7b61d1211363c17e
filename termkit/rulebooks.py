"""Rulebooks: the cue words and phrase patterns of the claim and disclaimer rules, as YAML data.

Shipped rulebooks live in ``termkit/data/rulebooks/<lang>/<kind>.yaml``; a project adds its own in
the folder named by ``rulebooks:`` in termkit.yaml (same layout). A project file extends the
shipped one (lists are appended, mappings merged) unless it says ``replace: true``.

Patterns are written in a small phrase language that compiles to spaCy Matcher token patterns,
so a rule is data plus one small function (``compile_phrase``):

- ``word``            the token, case-insensitive
- ``cure|cures|cured`` any of these
- ``heal*``           any token starting with "heal" (alternatives may mix: ``cure|heal*``)
- ``*krampf*``        any token containing "krampf"; ``*itis`` any token ending in "itis"
                      (German compounds, suffix families)
- ``word?``           optional token
- ``...``             up to four tokens of anything (within the sentence)
- ``<NUM>``           a number (digits or number words)
- ``<YEAR>``          a year, 1500 to 2099 ("in 1977": a historical account)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Errors, TermkitError
from .languages import base_language
from .yamlio import MarkedDict, MarkedList, load_yaml_file, to_plain

SHIPPED = Path(__file__).resolve().parent / "data" / "rulebooks"
SCHEMA = "termkit.rulebook/1"


def _wildcard(alternative: str) -> str:
    """'heal*' -> starts with, '*itis' -> ends with, '*krampf*' -> contains."""
    core = re.escape(alternative.strip("*"))
    starts, ends = not alternative.startswith("*"), not alternative.endswith("*")
    return ("^" if starts else "") + core + ("$" if ends else "")


def compile_phrase(phrase: str, where: str = "rulebook") -> list[dict[str, Any]]:
    """Compile one phrase of the rulebook language into a spaCy Matcher pattern.

    >>> compile_phrase("cure|cures heal*")
    [{'LOWER': {'IN': ['cure', 'cures']}}, {'LOWER': {'REGEX': '^heal'}}]
    >>> compile_phrase("no ... side effects?")
    [{'LOWER': 'no'}, {'OP': '{0,4}'}, {'LOWER': 'side'}, {'LOWER': 'effects', 'OP': '?'}]
    """
    if not isinstance(phrase, str):
        raise TermkitError(Errors.E205.format(
            problem=f"expected a phrase (a string), got {phrase!r}; quote words such as 'no' and 'on' in YAML"), where)
    pattern: list[dict[str, Any]] = []
    for raw in phrase.split():
        if raw == "...":
            pattern.append({"OP": "{0,4}"})
            continue
        optional = len(raw) > 1 and raw.endswith("?")
        token = raw[:-1] if optional else raw
        if token == "<NUM>":
            spec: dict[str, Any] = {"LIKE_NUM": True}
        elif token == "<YEAR>":
            spec = {"TEXT": {"REGEX": r"^(?:1[5-9]|20)\d\d$"}}
        else:
            alternatives = [a.lower() for a in token.split("|") if a]
            if not alternatives:
                raise TermkitError(Errors.E205.format(problem=f"empty alternative in {phrase!r}"), where)
            exact = [a for a in alternatives if "*" not in a]
            wild = [_wildcard(a) for a in alternatives if "*" in a]
            if wild:
                parts = list(wild)
                if exact:
                    parts.insert(0, f"^(?:{'|'.join(re.escape(a) for a in exact)})$")
                spec = {"LOWER": {"REGEX": "|".join(parts)}}
            elif len(exact) == 1:
                spec = {"LOWER": exact[0]}
            else:
                spec = {"LOWER": {"IN": exact}}
        if optional:
            spec["OP"] = "?"
        pattern.append(spec)
    if not pattern or all(p.get("OP") for p in pattern):
        raise TermkitError(Errors.E205.format(problem=f"phrase {phrase!r} matches nothing for certain"), where)
    return pattern


@dataclass(frozen=True)
class Anchors:
    """Literal words (and word prefixes) of which every phrase of a rulebook needs at least one.

    The spaCy Matcher is slow with prefix (REGEX) predicates and wildcards over long documents;
    claims are rare, so the matchers only run on the sentences that contain an anchor.
    """

    words: frozenset[str]
    prefixes: tuple[str, ...]
    infixes: tuple[str, ...] = ()  # from '*x' and '*x*': the token contains x

    def hits(self, lowers: set[str]) -> set[str]:
        return {w for w in lowers if w in self.words or w.startswith(self.prefixes)
                or any(part in w for part in self.infixes)}


def phrase_anchor(phrase: str, frequency: dict[str, int] | None = None) -> list[str] | None:
    """The alternatives of the rarest required literal token of ``phrase`` (by the language's word
    frequencies; the first when none are known): the phrase cannot match where none of them stands.
    None when the phrase has no required literal token.

    >>> phrase_anchor("in just|only <NUM> days", {"in": 900, "just": 50, "only": 80, "days": 300})
    ['just', 'only']
    """
    frequency = frequency or {}

    def commonness(alternatives: list[str]) -> int:
        # a prefix alternative counts as common: it may match many words
        return max(10**9 if ("*" in a and len(a.strip("*")) < 4) or a.startswith("*")
                   else frequency.get(a.rstrip("*"), 0) for a in alternatives)

    tokens = [[a.lower() for a in raw.split("|") if a] for raw in phrase.split()
              if raw not in ("...", "<NUM>", "<YEAR>") and not (len(raw) > 1 and raw.endswith("?"))]
    tokens = [t for t in tokens if t]
    return min(tokens, key=commonness) if tokens else None


def anchors_for(phrases: list[str], frequency: dict[str, int] | None = None) -> Anchors | None:
    """The anchors of ``phrases``: of each phrase's required literal tokens, the rarest one (by the
    language's word frequencies; the first when none are known). None when a phrase has none.

    >>> a = anchors_for(["cure|heal*", "<NUM> %"])
    >>> sorted(a.hits({"heals", "fast", "%"}))
    ['%', 'heals']
    """
    words: set[str] = set()
    prefixes: set[str] = set()
    infixes: set[str] = set()
    for phrase in phrases:
        anchor = phrase_anchor(phrase, frequency)
        if anchor is None:
            return None
        for alt in anchor:
            if alt.startswith("*"):
                infixes.add(alt.strip("*"))
            elif alt.endswith("*"):
                prefixes.add(alt[:-1])
            else:
                words.add(alt)
    return Anchors(frozenset(words), tuple(sorted(prefixes)), tuple(sorted(infixes)))


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra




def _check_phrases(value: Any, path: Path, trail: str) -> None:
    """Every list item must be a phrase (a string): YAML turns bare no/yes/on/off/false into booleans."""
    if isinstance(value, MarkedDict):
        for key, item in value.items():
            if isinstance(item, (MarkedDict, MarkedList)):
                _check_phrases(item, path, f"{trail}{key}.")
    elif isinstance(value, MarkedList):
        for i, item in enumerate(value):
            if isinstance(item, (MarkedDict, MarkedList)):
                _check_phrases(item, path, f"{trail}{i}.")
            elif not isinstance(item, str):
                line, col = value.item_marks[i]
                raise TermkitError(Errors.E205.format(
                    problem=f"{trail}{i}: expected a phrase (a string), got {item!r}; quote it"), str(path), line, col)


LIST_KEYS = ("health_words", "population_words", "effect_words", "reference_sections", "critical_sections",
             "testimonial_sections", "attributions", "source_lines", "testimonial_markers", "terminators",
             "clause_scoped", "first_person", "advice")
REGEX_KEYS = ("attributions", "source_lines", "testimonial_markers")
MAP_KEYS = ("cues", "subtypes", "disclaimers")


def _check_shapes(data: MarkedDict, path: Path) -> None:
    """The rulebook's structure: lists where lists go, mappings where mappings go, valid regexes."""
    def fail(where: MarkedDict, key, problem: str):
        line, col = where.value_mark(key)
        raise TermkitError(Errors.E205.format(problem=problem), str(path), line, col)

    for key in LIST_KEYS:
        if key in data and data[key] is not None and not isinstance(data[key], list):
            fail(data, key, f"{key}: expected a list")
    for key in MAP_KEYS:
        if key in data and data[key] is not None and not isinstance(data[key], MarkedDict):
            fail(data, key, f"{key}: expected a mapping")
    for section in ("subtypes", "disclaimers", "cues"):
        for name, spec in (data.get(section) or {}).items():
            if section == "cues":
                if not isinstance(spec, list):
                    fail(data[section], name, f"cues.{name}: expected a list of phrases")
                continue
            if not isinstance(spec, MarkedDict):
                fail(data[section], name, f"{section}.{name}: expected a mapping")
            for key, value in spec.items():
                if key in ("triggers", "uncitable", "without_subject", "requires_any", "mitigated_by", "any_of", "adjacent") \
                        and value is not None and not isinstance(value, list):
                    fail(spec, key, f"{section}.{name}.{key}: expected a list")
    for key in REGEX_KEYS:
        for i, pattern in enumerate(data.get(key) or []):
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                line, col = data[key].item_marks[i]
                raise TermkitError(Errors.E205.format(problem=f"{key}[{i}]: not a regular expression ({exc})"),
                                   str(path), line, col) from None


def _read(path: Path, kind: str) -> dict:
    data = load_yaml_file(path)
    if not isinstance(data, MarkedDict):
        raise TermkitError(Errors.E205.format(problem="expected a mapping"), str(path), 1, 1)
    if data.get("schema") != SCHEMA:
        line, col = data.mark("schema")
        raise TermkitError(Errors.E110.format(got=data.get("schema"), expected=SCHEMA), str(path), line, col)
    if data.get("kind") != kind:
        line, col = data.mark("kind")
        raise TermkitError(Errors.E205.format(problem=f"kind: expected {kind!r}, got {data.get('kind')!r}"),
                           str(path), line, col)
    _check_shapes(data, path)
    _check_phrases(data, path, "")
    return to_plain(data)


@lru_cache(maxsize=None)
def load_rulebook(kind: str, language: str, project_dir: Path | None = None) -> dict:
    """The merged rulebook of ``kind`` ('claims' or 'disclaimers') for ``language``; {} when none exists."""
    lang = base_language(language)
    book: dict = {}
    shipped = SHIPPED / lang / f"{kind}.yaml"
    if shipped.is_file():
        book = _read(shipped, kind)
    if project_dir is not None:
        extra_path = project_dir / lang / f"{kind}.yaml"
        if extra_path.is_file():
            extra = _read(extra_path, kind)
            book = extra if extra.get("replace") else _merge(book, extra)
    return book


LABEL_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}([^\W\d][^\n:*_]{1,40}?)[*_]{0,2}[ \t]*:", re.M)


@dataclass
class Profiles:
    """Article profiles: which disclaimers each article type requires, which claim subtypes it may
    make without a citation (an abstract reports its own figures), and how a type is detected
    when the front matter declares none."""

    profiles: dict[str, list[str]] = field(default_factory=dict)
    health_default: str | None = "consumer-article"
    advice_requires: list[str] = field(default_factory=list)
    exempt_claims: dict[str, list[str]] = field(default_factory=dict)
    exempt_quoted_claims: frozenset[str] = frozenset()  # profiles whose quoted claims are someone else's
    detect: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)
    professional: frozenset[str] = frozenset()  # profiles written for clinicians: no plain-language rules

    def of(self, front_matter: dict, text: str, section_titles: list[str]) -> tuple[str | None, str]:
        """The article's profile and why: ``(name, "declared" | "detected" | "default")``."""
        declared = front_matter.get("type")
        if isinstance(declared, str) and declared in self.profiles:
            return declared, "declared"
        if self.detect:
            labels = {t.strip(" :#*_").lower() for t in section_titles}
            labels |= {m.group(1).strip().lower() for m in LABEL_LINE.finditer(text)}
            for name, (words, at_least) in self.detect.items():
                if len(labels & words) >= at_least:
                    return name, "detected"
        return self.health_default, "default"


@lru_cache(maxsize=None)
def _shipped_profiles() -> dict:
    return to_plain(load_yaml_file(SHIPPED / "profiles.yaml"))


def load_profiles(configured: dict | None = None) -> Profiles:
    """Shipped profiles, with the project's ``profiles:`` (from termkit.yaml) added on top."""
    data = _shipped_profiles()
    specs = dict(data.get("profiles", {}))
    specs.update({name: spec or {} for name, spec in (configured or {}).items()})
    return Profiles(
        profiles={name: list(spec.get("disclaimers", [])) for name, spec in specs.items()},
        health_default=data.get("health_default"),
        advice_requires=list(data.get("advice_requires", [])),
        exempt_claims={name: list(spec.get("exempt_claims", [])) for name, spec in specs.items()},
        exempt_quoted_claims=frozenset(name for name, spec in specs.items() if spec.get("exempt_quoted_claims")),
        professional=frozenset(name for name, spec in specs.items() if spec.get("audience") == "professional"),
        detect={name: (frozenset(w.lower() for w in spec.get("labels", [])), int(spec.get("at_least", 2)))
                for name, spec in (data.get("detect") or {}).items()},
    )
