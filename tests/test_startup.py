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
    from termkit.locales.importing import STRATEGIES

    assert cli_locales.FORMATS == tuple(sorted(formats())) and cli_locales.STRATEGIES == STRATEGIES


def test_the_package_names_load_on_first_use():
    import termkit

    assert termkit.Checker.__module__ == "termkit.engine" and termkit.Severity("error").rank == 3
