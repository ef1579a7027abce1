"""The seed pages are written simply: checked with textstat on the same files the migration loads.

English: Flesch-Kincaid grade 8 or below. Spanish: Fernández Huerta 70 or more and Szigriszt-Pazos
(INFLESZ) 65 or more, both "fairly easy" or easier. Both: sentences of 15 words or fewer on average.
Headings, list items and paragraphs each count as a sentence, as readers meet them.

Syllables: textstat counts English syllables with NLTK's CMU dictionary, which it downloads on
first use. Without network it cannot; then (and only then) the test uses textstat's Pyphen
hyphenation counter, the one textstat uses for every other language.
"""

import html
import re

import markdown
import pytest
import textstat
import textstat.backend.counts._count_syllables as syllable_counts

from expunge_portal.guide.seed import seed_pages

PAGES = seed_pages()
BLOCK = re.compile(r"<(h\d|p|li)>(.*?)</\1>", re.DOTALL)


def plain_sentences(markdown_text: str) -> str:
    rendered = markdown.markdown(markdown_text)
    sentences = []
    for _, block in BLOCK.findall(rendered):
        text = html.unescape(re.sub(r"<[^>]+>", "", block)).strip()
        if text and text[-1] not in ".?!:":
            text += "."
        sentences.append(text)
    return "\n".join(sentences)


@pytest.fixture(autouse=True)
def offline_syllables(monkeypatch):
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        monkeypatch.setattr(syllable_counts, "get_cmudict", lambda lang: None)
    yield
    textstat.set_lang("en")


def page_text(slug: str, language: str) -> str:
    seed = PAGES[slug][language]
    return plain_sentences(f"{seed.title}\n\n{seed.summary}\n\n{seed.body}")


def test_every_page_has_both_languages():
    assert len(PAGES) == 11
    for slug, texts in PAGES.items():
        assert set(texts) == {"en", "es"}, slug
        assert texts["en"].order == texts["es"].order


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_english_reading_grade_is_8_or_below(slug):
    text = page_text(slug, "en")
    textstat.set_lang("en")
    assert textstat.flesch_kincaid_grade(text) <= 8
    assert textstat.words_per_sentence(text) <= 15


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_spanish_is_fairly_easy_or_easier(slug):
    text = page_text(slug, "es")
    textstat.set_lang("es")
    assert textstat.fernandez_huerta(text) >= 70
    assert textstat.szigriszt_pazos(text) >= 65
    assert textstat.words_per_sentence(text) <= 15
