"""Start-up: the commands that need no pipeline never load spaCy (no timing here: see benchmarks/)."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(*argv: str) -> set[str]:
    code = ("import sys\nfrom termkit.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)))" % (list(argv),))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(proc.stdout.splitlines()[-1].split())


def test_version_and_rules_do_not_import_spacy():
    for argv in (["--version"], ["rules"], ["locales", "--help"]):
        loaded = _modules_after(*argv)
        assert "spacy" not in loaded and "termkit.engine" not in loaded, argv


def test_the_parsers_choices_are_the_locale_machinerys():
    from termkit.cli import locales as cli_locales
    from termkit.locales.exchange import formats
    from termkit.locales.importing import REPLACED_STATUSES, STRATEGIES

    assert cli_locales.FORMATS == tuple(sorted(formats())) and cli_locales.STRATEGIES == STRATEGIES
    assert cli_locales.REPLACED_STATUSES == REPLACED_STATUSES


def test_the_package_names_load_on_first_use():
    import termkit

    assert termkit.Checker.__module__ == "termkit.engine" and termkit.Severity("error").rank == 3


def test_spacy_is_imported_without_its_command_line_which_still_works():
    code = ("import sys\nimport termkit.nlp\nassert 'typer' not in sys.modules and 'spacy.cli' not in sys.modules\n"
            "import spacy\nimport spacy.cli\nassert spacy.cli.info.__module__ == 'spacy.cli.info'\n"
            "assert callable(spacy.info)\nprint('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.strip() == "ok", proc.stderr


def _alternation(words: list[str], letters: str) -> str:
    return "(?iu)" + "|".join(f"(?:^{w}[-‐'’][{letters}]+(?:[-‐][{letters}]+)?$)" for w in words) + \
        f"|(?:^[{letters}]+[-‐]et[-‐][{letters}]+$)"


def test_a_lazy_alternation_answers_as_the_compiled_pattern():
    import random
    import re

    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

    from termkit.lazy_regex import LARGE, LazyAlternation, large_patterns_lazily

    words = ["anti", "auto", "a[ée]ro", "bas(?:ses?)?", "r?é?entr", "grande?s?", "z", "yo", "porte", "néo", "co",
             "ex", "non", "semi", "sous", "vice"]
    pattern = _alternation(words, ALPHA_LOWER)
    pattern += "|" + _alternation(["arc", "saint", "jean", "mi"], ALPHA)[5:]
    pattern += "|(?:^(?!x)[" + ALPHA + "]+[-]neg$)"  # a lookahead: tried as it is, never widened
    assert len(pattern) >= LARGE
    with large_patterns_lazily():
        lazy = re.compile(pattern)
    assert isinstance(lazy, LazyAlternation) and re.compile("a+b").pattern == "a+b"
    real = re.compile(pattern)
    rng = random.Random(3)
    pieces = ["anti", "auto", "aéro", "basses", "r", "entr", "grandes", "z", "yo", "porte", "arc", "saint", "et", "x",
              "néo", "co", "ex", "non", "semi", "sous", "vice", "jean", "mi",
              "neg", "l", "d", "qu", "inflammatoire", "ö", "中", "ß", "Ω", "1"]
    strings = ["", "-", "anti-", "ANTI-Inflammatoire", "l'effort", "c'est-à-dire"]
    for _ in range(20000):
        s = rng.choice(pieces)
        for _ in range(rng.randint(0, 3)):
            s += rng.choice(["-", "‐", "'", "’", "", " "]) + rng.choice(pieces)
        strings.append(s.upper() if rng.random() < 0.2 else s)
    assert [bool(lazy.match(s)) for s in strings] == [bool(real.match(s)) for s in strings]
    assert sum(bool(real.match(s)) for s in strings) > 1000
    assert lazy.search("anti-âge") is not None and lazy.search("xx anti-âge") is None  # the rest: the real pattern
    assert LazyAlternation.parse("(a)|\\1") is None and LazyAlternation.parse("[a") is None


def test_french_keeps_its_tokens_with_the_lazy_token_match():
    import re
    from pathlib import Path

    from termkit.lazy_regex import LazyAlternation
    from termkit.nlp import language_class

    nlp = language_class("fr")()
    lazy = nlp.tokenizer.token_match.__self__
    assert isinstance(lazy, LazyAlternation)
    root = Path(__file__).resolve().parent.parent
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*root.glob("examples/fr/*.md"), *root.glob("locales/fr/*")])
    words = set(text.split()) | {"c'est-à-dire", "anti-inflammatoire", "rick-rollé", "Saint-Jean-de-Luz", "l'entr'acte"}
    real = re.compile(lazy.pattern)  # the one slow step (3-5 s): what spaCy does at every start
    assert {w for w in words if lazy.match(w)} == {w for w in words if real.match(w)}
