"""Names of the span groups the components write (``doc.spans[...]``); no spaCy import, so the
rules (and ``termkit rules``) can name them without loading spaCy."""

TERMS_KEY = "termkit_terms"
FUZZY_KEY = "termkit_fuzzy"
