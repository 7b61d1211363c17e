"""Editorial rules: required disclaimers, chosen by the article's profile (front matter ``type:``)."""

from __future__ import annotations

import re

from typing import Iterator

from babel import Locale, UnknownLocaleError

from ..markdown import extract_prose
from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..rulebooks import load_profiles, load_rulebook
from ..i18n import N_, _
from .base import CheckContext, Rule


def language_name(code: str) -> str:
    """'fr' -> 'French', through Babel; the code itself when Babel does not know it."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code


PLAIN_SENTENCE = re.compile(r"(?:[^\W_]|[ .,;:!?'’\"«»„“”()%/–—-])+")


def surely_visible(source: str, text: str) -> bool:
    """Whether ``text``, appended after a blank line, is sure to be prose without parsing the
    article again: the text is a plain sentence (no Markdown or HTML in it, not a list item), and
    the article holds no code fence or HTML that could stay open and swallow it. When this says
    False, the caller parses the article with the text appended and looks."""
    return (bool(PLAIN_SENTENCE.fullmatch(text)) and text[0] not in "-+" and not re.match(r"\d+[.)]", text)
            and "```" not in source and "~~~" not in source and "<" not in source)


def report_language_name(code: str) -> str:
    """The article's language named in the report's language ('French', 'français', 'francés', 'Französisch')."""
    from ..i18n import language_name as named

    return named(code)


# The shipped disclaimers as a report names them; a project's own are named by their key.
DISCLAIMER_NAMES = {"medical": N_("medical disclaimer")}


def disclaimer_label(name: str) -> str:
    return _(DISCLAIMER_NAMES[name]) if name in DISCLAIMER_NAMES else _("disclaimer '{name}'").format(name=name)


class MissingDisclaimer(Rule):
    """What it does:
    Checks that an article carries the disclaimers its profile requires. The front matter
    `type:` selects the profile (`consumer-article` requires the medical disclaimer; `news`,
    `abstract` and `regulatory` require none). An article without `type:` is an abstract when it
    has an abstract's section labels (Background, Methods, Results, Conclusions), and otherwise a
    consumer article, whether or not it names a glossary concept. Dosage or treatment advice
    needs the medical disclaimer unless the article's profile is declared or detected. The finding points at the first line of prose.
    The medical disclaimer is a visible sentence, in the article's language, saying the
    content does not replace professional medical advice (or: for information only + consult
    a doctor). Disclaimers in HTML comments, code or front matter, legal or price notices,
    an emergency warning alone, or a disclaimer in another language do not count.

    Why:
    Health information supports and does not replace the relationship with a doctor (HONcode
    principle 2); readers must be told so.

    Example:
    Bad: Fasciculation is a brief muscle twitch. Take 300 mg of magnesium daily.
    Bad: ---\\ntitle: Sleep\\n---\\n# Sleep\\n\\nMost adults sleep seven hours a night.
    Bad: ---\\nlang: fr\\n---\\n# Le sommeil\\n\\nLa plupart des adultes dorment sept heures par nuit.
    Bad: ---\\nlang: es\\n---\\n# El sueño\\n\\nLa mayoría de los adultos duerme siete horas.
    Bad: ---\\nlang: de\\n---\\n# Schlaf\\n\\nDie meisten Erwachsenen schlafen sieben Stunden.
    Good: Fasciculation is a brief muscle twitch. This article does not replace advice from your doctor.
    Good: ---\\ntype: news\\n---\\n# Sleep\\n\\nMost adults sleep seven hours a night.
    Good: Background: Cramps are common.\\nMethods: We surveyed 200 adults.\\nResults: 40% had cramps.\\nConclusions: Cramps are common.

    Fix safety:
    Unsafe: the fix appends the configured disclaimer text for the article's language at the
    end of the file, which an editor should place and word to the house style.
    """

    code = "TK402"
    name = "missing-disclaimer"
    severity = Severity.ERROR
    summary = N_("A required disclaimer (e.g. 'does not replace medical advice') is missing")
    needs = ("termkit_disclaimers",)
    data = ("rulebooks/<lang>/disclaimers.yaml", "rulebooks/profiles.yaml", "termkit.yaml: profiles, disclaimers")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        required = self.required(doc, ctx)
        found = doc._.termkit_disclaimers or {}
        for name in required:
            if name in found:
                continue
            text = self._text(ctx, name)
            start, end = self._anchor(ctx)
            profile, how = ctx.profile()
            if profile and name in load_profiles(ctx.settings.extra.get("profiles")).profiles.get(profile, []):
                reason = (_("profile {profile}, detected") if how == "detected" else _("profile {profile}")).format(
                    profile=profile)
            else:
                reason = _("the article gives dosage or treatment advice")
            message = _("No {disclaimer}: the article must say, in {language}, that it does not replace "
                        "professional medical advice ({reason})").format(
                disclaimer=disclaimer_label(name), language=report_language_name(ctx.language), reason=reason)
            source = ctx.source.text
            newline = "\r\n" if "\r\n" in source else "\n"
            tail = "" if source.endswith(("\n", "\r")) or not source else newline
            addition = f"{tail}{newline}{text}{newline}"
            # Appending is only a fix when the text would be visible: not after an unclosed code
            # fence or HTML comment, where it would land inside them.
            visible = text and (surely_visible(source, text)
                                or text in extract_prose(source + addition, ctx.source.kind).text)
            fix = Fix(_("Append the {disclaimer}").format(disclaimer=disclaimer_label(name)),
                      (Edit(len(source), len(source), addition),),
                      Applicability.UNSAFE if visible else Applicability.DISPLAY_ONLY) if text else None
            yield ctx.finding(self, start, end, message, suggestion=text or None, fix=fix)

    def required(self, doc, ctx: CheckContext) -> list[str]:
        """The disclaimers the article's profile requires, plus those that advice requires."""
        profiles = load_profiles(ctx.settings.extra.get("profiles"))
        name, how = ctx.profile()
        needed = list(profiles.profiles.get(name, [])) if name else []
        if doc._.termkit_advice and how == "default":  # a declared or detected profile decides alone
            needed += [n for n in profiles.advice_requires if n not in needed]
        return needed

    @staticmethod
    def _text(ctx: CheckContext, name: str) -> str:
        configured = (ctx.settings.extra.get("disclaimers") or {}).get(name) or {}
        texts = configured.get("text") if isinstance(configured, dict) else None
        if isinstance(texts, dict) and texts.get(ctx.language):
            return texts[ctx.language]
        book = load_rulebook("disclaimers", ctx.language, ctx.settings.rulebooks)
        return ((book.get("disclaimers") or {}).get(name) or {}).get("text", "")

    @staticmethod
    def _anchor(ctx: CheckContext) -> tuple[int, int]:
        """The first line of prose (the title, usually): after the front matter, not its ``---``."""
        text = ctx.prose.text
        first = len(text) - len(text.lstrip())
        if first >= len(text):
            return 0, len(ctx.source.index.line_text(1))
        line, _ = ctx.source.index.position(first)
        end = ctx.source.index.offset(line, 1) + len(ctx.source.index.line_text(line))
        return first, end
