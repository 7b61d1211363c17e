"""The data that flows along a Doc, declared once as spaCy extensions (``doc._.<name>``).

Each factory lists what it reads in ``requires=`` and what it writes in ``assigns=``, so
``nlp.analyze_pipes()`` shows the data flow. Set by the engine before the components run:

- ``termkit_source``: the file's original text. Claims look for citations there, because link
  targets are blanked in the prose.
- ``termkit_text``: the prose (== ``doc.text``, which spaCy rebuilds token by token).
- ``termkit_sections``: ``(start, end, level, title)`` of each Markdown section.

Set by components:

- ``termkit_sents``: the sentences, computed once (``sentences.sentences``).
- ``termkit_claims``: the claims found (``claims.Claim``), one per unsupported subtype.
- ``termkit_disclaimers``: disclaimer name -> character span of the sentence carrying it.
- ``termkit_advice``: the first dosage or treatment advice, ``(start, end, text)``, or None.
- ``termkit_term_links``: concept id -> pairs of its terms that the text explains by each other
  (``term_cues``).
- ``termkit_linked_at``: token offsets of term spans in such an explained pair (``term_cues``).
- ``termkit_readability``: the article's readability figures (``readability.Readability``).
- ``termkit_mentions``: ``(start, end)`` token offsets of old names mentioned, not used (``term_cues``).
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("termkit_source", "termkit_text", "termkit_sections", "termkit_sents", "termkit_claims",
                  "termkit_disclaimers", "termkit_advice", "termkit_term_links", "termkit_mentions",
                  "termkit_linked_at", "termkit_readability")

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
