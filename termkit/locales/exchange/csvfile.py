"""CSV for spreadsheets: one row per concept; alternatives joined with '; '.

The row after the header, ``#termkit:units,N``, records how many concepts were exported, so that
a file cut off at the end of a row is refused rather than imported in part.
"""

from __future__ import annotations

import csv
import io

from ...errors import Errors, TermkitError
from . import Imported, Unit, expect_units, one_line

CARRIES_ALTERNATIVES = True
SUFFIX = ".csv"
UNITS = "#termkit:units"
OLD_COLUMNS = ["id", "source_term", "source_definition", "pos", "target_term", "target_alternatives", "needs_review",
               "source_hash", "base_hash"]
# registers: of the target term, then of each alternative, joined with '; ' in the same order
COLUMNS = OLD_COLUMNS + ["source_register", "source_explanation", "target_registers", "target_explanation"]


def render(units: list[Unit], source_language: str, locale: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow([UNITS, str(len(units))] + [""] * (len(COLUMNS) - 2))
    for u in units:
        writer.writerow([u.concept_id, u.source_term, u.definition, u.pos, u.target or "", "; ".join(u.alternatives),
                         "yes" if u.needs_review else "no", u.source_hash, u.base_full,
                         u.source_register, u.source_explanation, "; ".join(u.target_registers), u.target_explanation])
    return buffer.getvalue()


def parse(text: str, shown: str) -> list[Imported]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader, None)
        names = [h.strip() for h in header] if header is not None else None
        if names not in (COLUMNS, OLD_COLUMNS):  # files exported before registers were carried are read too
            raise TermkitError(Errors.E304.format(kind="CSV", problem=f"expected the header {','.join(COLUMNS)}"), shown, 1)
        columns = names
        units = []
        declared = None
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise TermkitError(Errors.E304.format(
                    kind="CSV", problem=f"expected {len(columns)} columns, got {len(row)}"), shown, reader.line_num)
            values = dict(zip(columns, row))
            if values["id"].strip() == UNITS:
                if not values["source_term"].strip().isdigit():
                    raise TermkitError(Errors.E304.format(kind="CSV", problem=f"{UNITS}: expected a number of rows"),
                                       shown, reader.line_num)
                declared = int(values["source_term"])
                continue
            alternatives = tuple(a.strip() for a in values["target_alternatives"].split(";") if a.strip())
            target = values["target_term"].strip() or None
            registers = None
            if "target_registers" in values:
                said = [r.strip() for r in values["target_registers"].split(";")]
                terms = (target, *alternatives) if target else alternatives
                registers = tuple((text, said[i] if i < len(said) else "") for i, text in enumerate(terms))
            units.append(Imported(
                concept_id=values["id"].strip(), target=target, alternatives=alternatives,
                needs_review=values["needs_review"].strip().lower() in ("yes", "true", "1"),
                source_hash=values["source_hash"].strip() or None, base=values["base_hash"].strip() or None,
                line=reader.line_num, registers=registers,
                explanation=(one_line(values["target_explanation"]) or "") if "target_explanation" in values else None,
            ))
    except csv.Error as exc:
        raise TermkitError(Errors.E304.format(kind="CSV", problem=str(exc)), shown, reader.line_num) from None
    expect_units(len(units), declared, "CSV", shown, reader.line_num)
    return units
