"""Markdown -> prose masking keeps every offset and blanks what must not be checked."""

from termkit.markdown import extract_prose


def test_masked_text_has_the_same_length_and_lines():
    text = "---\nlang: fr\ntype: consumer-article\n---\n# Title\n\nWord `code` [t](http://x.y/z) <b>bold</b>\n"
    prose = extract_prose(text)
    assert len(prose.text) == len(text)
    assert prose.text.count("\n") == text.count("\n")
    assert prose.front_matter == {"lang": "fr", "type": "consumer-article"}
    assert "code" not in prose.text and "http" not in prose.text and "<b>" not in prose.text
    assert "Word" in prose.text and "[t]" in prose.text and "bold" in prose.text


def test_fenced_indented_code_and_html_blocks_are_blanked():
    text = "Para one.\n\n```python\nsecret = 1\n```\n\n    indented secret\n\n<div>\nsecret\n</div>\n\nPara two.\n"
    masked = extract_prose(text).text
    assert "secret" not in masked
    assert masked.index("Para two.") == text.index("Para two.")


def test_reference_definitions_and_autolinks_are_blanked():
    text = "See [the page][nhs] or <https://a.b/c>.\n\n[nhs]: https://www.nhs.uk/fascillis\n"
    masked = extract_prose(text).text
    assert "nhs.uk" not in masked and "a.b/c" not in masked and "[the page]" in masked


def test_sections_are_reported_with_levels():
    text = "# A\n\ntext\n\n## References\n\n1. x\n\n# B\n"
    sections = extract_prose(text).sections
    assert [(level, title) for _, _, level, title in sections] == [(1, "A"), (2, "References"), (1, "B")]
    start, end, _, _ = sections[1]
    assert text[start:end].startswith("## References") and "# B" not in text[start:end]


def test_plain_text_only_loses_urls():
    text = "Read `this` at https://x.org/page."
    assert extract_prose(text, "text").text == "Read `this` at " + " " * len("https://x.org/page") + "."


def test_broken_front_matter_is_reported_not_raised():
    prose = extract_prose("---\nlang: [en\n---\nBody\n")
    assert prose.front_matter == {} and prose.front_matter_error
