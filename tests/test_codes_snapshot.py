"""Rule codes are public API: a code may be added, never removed or renamed without a redirect.

tests/codes.json is the checked-in table; `pytest --update-golden` rewrites it after a review."""

from __future__ import annotations

import json

from conftest import HERE
from termkit.rules.registry import REDIRECTS, RULES

SNAPSHOT = HERE / "codes.json"


def test_codes_never_disappear(update_golden):
    current = {rule.code: rule.name for rule in RULES}
    if update_golden:
        known = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
        known.update(current)
        SNAPSHOT.write_text(json.dumps(known, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for code, name in recorded.items():
        target = REDIRECTS.get(code, code)
        assert target in current, f"rule {code} ({name}) vanished without a redirect"
        if target == code:
            assert current[code] == name, f"rule {code} was renamed from {name!r} to {current[code]!r}"
    assert set(current) <= set(recorded), f"new codes not in tests/codes.json: {sorted(set(current) - set(recorded))}"
