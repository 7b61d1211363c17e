"""Tool errors: a catalogue of coded messages, and exceptions that know where they happened.

Errors are not findings: they stop a file (or the run) from being checked, carry a code in
spaCy's ``[E101]`` style, and always name the file, and the line and column where there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from .i18n import N_, gettext
from .invisible import printable

QUOTE_LIMIT = 80  # longest quoted value (a repr) an error message shows
TEXT_LIMIT = 300  # longest free text (a problem description) an error message shows


class ExitStatus(IntEnum):
    """Process exit codes, as ruff and ESLint use them."""

    SUCCESS = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    ERROR = 2  # usage, config, glossary or input error


class _Excerpt:
    """A value as an error message quotes it: at most a short excerpt, never a whole file
    (``glossary: [/etc/passwd]`` must not print the password file)."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        text = repr(self.value)
        return text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT - 1] + "…"

    def __str__(self) -> str:
        text = str(self.value)
        first = text.split("\n", 1)[0]
        return first if len(first) <= TEXT_LIMIT and first == text else first[:TEXT_LIMIT - 1] + "…"

    def __format__(self, spec: str) -> str:
        return format(self.value, spec) if spec else str(self)


class _Template(str):
    """A coded message whose ``format`` quotes every value as a short excerpt."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:  # str.format, with every value bounded
        return str.format(self, *(_Excerpt(a) for a in args), **{k: _Excerpt(v) for k, v in kwargs.items()})


class _ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return _Template(f"[{code}] {gettext(msg)}")  # in the report's language


class Errors(metaclass=_ErrorsWithCodes):
    # Inputs
    E000 = N_("internal error while checking this file: {problem} (please report it)")
    E001 = N_("path not found")
    E002 = N_("no articles found (expected *.md, *.markdown or *.txt files)")
    E003 = N_("binary file, not checked")
    E004 = N_("not valid UTF-8 (byte {byte:#04x}); save the file as UTF-8")
    E005 = N_("cannot read file: {reason}")
    E006 = N_("file is read-only; not fixed")
    E007 = N_("cannot write file: {reason}")
    E008 = N_("invalid baseline: {problem}")
    E009 = N_("git failed: {problem}")
    E010 = N_("duplicate id {id!r} in the import file (first at line {first})")
    E011 = N_("file is {size}, over the size limit of {limit} (max_file_size, --max-file-size); not checked")
    E012 = N_("not written: it leads to {target}, outside the project ({root}) and the paths given "
            "(a symbolic link?); pass --write-outside-root to write there")
    # YAML and data files
    E101 = N_("YAML syntax error: {problem}")
    E102 = N_("{field}: expected {expected}, got {got!r}")
    E103 = N_("unknown field {field!r} (expected one of: {expected})")
    E104 = N_("missing required field {field!r}")
    E105 = N_("duplicate concept id {id!r} (first defined at {first})")
    E106 = N_("concept {id!r} has {count} preferred terms for language {lang!r}; expected exactly one")
    E107 = N_("term {text!r} is claimed by concepts {first!r} and {second!r}")
    E108 = N_("misspelling {text!r} of concept {id!r} is a valid term of concept {other!r}")
    E109 = N_("invalid concept id {id!r} (expected letters, digits, '_', '.', '-', starting with a letter or '_')")
    E110 = N_("unsupported schema {got!r} (expected {expected!r})")
    E111 = N_("no glossary files found in {path} (expected *.yaml files)")
    E112 = N_("YAML aliases expand to more than {limit} nodes (nested anchors, an 'alias bomb'?); not read")
    E113 = N_("YAML nested deeper than {limit} levels; not read")
    E114 = N_("glossary patch does not apply: {problem}; nothing written")
    # Locales and exchange files
    E301 = N_("invalid locale {name!r}: {problem} (locale folders are named like fr, pt_BR, zh_Hant)")
    E302 = N_("locale file says locale {got!r}, but it is in folder {folder!r}")
    E303 = N_("no locale folder {name!r} in {folder} (known: {known})")
    E304 = N_("cannot read {kind} file: {problem}")
    E305 = N_("unknown concept id {id!r} (not in the glossary)")
    E306 = N_("{text!r} cannot be {role} term of {id!r}: it is a {status} term or misspelling in {locale}")
    E307 = N_("unknown exchange format {name!r} (expected one of: {expected})")
    E308 = N_("term {text!r} of {id!r} contains a line break or control character; a term is one line of text")
    E309 = N_("{kind} file is incomplete: it was exported with {expected} entries and has {found} "
            "(was it cut off?); nothing imported")
    E310 = N_("{field} {value!r} of {id!r} is not a termkit hash (expected 'v1:' and 12 hex digits; "
              "was the file cut off?)")
    # Bilingual files (XLIFF, PO)
    E320 = N_("malformed {kind} file: {problem}; expected {expected}")
    E311 = N_("register {value!r} of {id!r} term {text!r}: expected lay | technical, or nothing")
    # Configuration and usage
    E201 = N_("invalid configuration: {problem}")
    E202 = N_("unknown rule {code!r} (see `termkit rules`)")
    E203 = N_("unknown language {lang!r}: {problem}")
    E204 = N_("unknown output format {name!r} (expected one of: {expected})")
    E205 = N_("invalid rulebook: {problem}")


@dataclass
class TermkitError(Exception):
    """An error in a user's file or invocation: one line, with a location when there is one.

    message (str): the coded message, e.g. ``Errors.E104.format(field="id")``.
    path (str | None): the file it concerns.
    line (int | None): 1-based line in that file.
    column (int | None): 1-based column (Unicode code points).
    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """One line, whatever the file name or message hold (control characters are escaped)."""
        where = ""
        if self.path:
            where = printable(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}error: {printable(self.message)}"


class TermkitErrors(Exception):
    """Several errors found together (a glossary is validated whole, not up to its first error)."""

    def __init__(self, errors: list[TermkitError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
