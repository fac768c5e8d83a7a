"""ASCII folding, title normalising and brace checks (data/text.py), and the citation-key rule
(data/keys.py): golden strings for every letter folded apart and every word the rule skips."""

from __future__ import annotations

import pytest
from adgdm.data.keys import base_key, first_significant_word, follows_rule, make_key
from adgdm.data.text import STOPWORDS, ascii_fold, braces_balanced, normalise_title, strip_braces

SPECIAL = "ß æ Æ ø Ø œ Œ ł Ł đ Đ ð þ ı"
"""The letters NFKD leaves without an ASCII base letter, which the fold table spells out."""


def test_each_letter_without_an_ascii_base_is_spelled_out() -> None:
    assert ascii_fold(SPECIAL) == "ss ae AE o O oe OE l L d D d th i"


@pytest.mark.parametrize(("text", "folded"), [
    ("Božič Schölkopf", "Bozic Scholkopf"),
    ("Ångström Çelik Ñúñez", "Angstrom Celik Nunez"),
    ("Łukasz Øster Straße", "Lukasz Oster Strasse"),
    ("ﬁne ²", "fine 2"),  # compatibility forms decompose to plain letters and digits
    ("王芳 Li", " Li"),  # letters with no Latin form are dropped
    ("plain ASCII, kept as it is: {A}-b", "plain ASCII, kept as it is: {A}-b"),
])
def test_ascii_fold(text: str, folded: str) -> None:
    assert ascii_fold(text) == folded


def test_strip_braces_removes_every_brace() -> None:
    assert strip_braces("{{MVTec}} {AD}: a} {b") == "MVTec AD: a b"


@pytest.mark.parametrize(("title", "normal"), [
    ("{MVTec} AD: Ünïcode-Dashes & Punctuation!", "mvtec ad unicode dashes punctuation"),
    ("  Out-of-Distribution   Detection ", "out of distribution detection"),
    ("Straße 3D", "strasse 3d"),
    ("{D}iffusion {M}odels for {MRI}s", "diffusion models for mris"),  # braces inside a word do not split it
    ("", ""),
])
def test_normalise_title(title: str, normal: str) -> None:
    assert normalise_title(title) == normal


@pytest.mark.parametrize(("text", "balanced"), [
    ("", True), ("no braces", True), ("{A}", True), ("{{A} {B}}", True),
    ("{A", False), ("A}", False), ("}A{", False), ("{A}}{", False), ("{{A}", False),
])
def test_braces_balanced(text: str, balanced: bool) -> None:
    assert braces_balanced(text) is balanced


def test_the_stop_words_are_exactly_these() -> None:
    listed = "a an the on of for in to with and via towards toward from by at as is are be or its into"
    assert frozenset(listed.split()) == STOPWORDS
    assert first_significant_word(listed) == "untitled"


@pytest.mark.parametrize(("title", "word"), [
    ("A Study of Things", "study"),
    ("Into the Wild", "wild"),
    ("Out-of-Distribution Detection", "out"),
    ("On/Off: Toward Better Detection", "off"),
    ("The:Colon Case", "colon"),
    ("{MVTec} AD", "mvtec"),
    ("— Dash First", "dash"),  # a word with no letter left is skipped
    ("Schölkopf's Straße", "scholkopfs"),
    ("3D Point Clouds", "3d"),
    ("", "untitled"),
    ("The Of And", "untitled"),
])
def test_first_significant_word(title: str, word: str) -> None:
    assert first_significant_word(title) == word


@pytest.mark.parametrize(("family", "year", "title", "key"), [
    ("Božič", 2023, "Video Anomalies", "bozic2023video"),
    ("O'Neil-Smith 3rd", 2020, "The Detection of X", "oneilsmithrd2020detection"),
    ("van der Berg", 2024, "On Diffusion", "vanderberg2024diffusion"),
    ("王", 2025, "Anomaly", "anon2025anomaly"),
    ("", 2025, "", "anon2025untitled"),
])
def test_base_key(family: str, year: int, title: str, key: str) -> None:
    assert base_key(family, year, title) == key


def test_make_key_appends_the_first_free_suffix_from_2() -> None:
    assert make_key("Doe", 2024, "Masked Models") == "doe2024masked"
    assert make_key("Doe", 2024, "Masked Models", taken={"doe2024other"}) == "doe2024masked"
    assert make_key("Doe", 2024, "Masked Models", taken={"doe2024masked"}) == "doe2024masked_2"
    assert make_key("Doe", 2024, "Masked Models", taken={"doe2024masked", "doe2024masked_2"}) == "doe2024masked_3"
    assert make_key("Doe", 2024, "Masked Models", taken={"doe2024masked", "doe2024masked_3"}) == "doe2024masked_2"
    assert make_key("Doe", 2024, "Masked Models", taken={"doe2024masked_2"}) == "doe2024masked"


@pytest.mark.parametrize(("key", "follows"), [
    ("doe2024masked", True), ("doe2024masked_2", True), ("doe2024masked_12", True),
    ("doe2024masked_", False), ("doe2024masked_x", False), ("doe2024maskedx", False), ("xdoe2024masked", False),
    ("doe2023masked", False), ("doe2024models", False), ("roe2024masked", False),
])
def test_follows_rule(key: str, follows: bool) -> None:
    assert follows_rule(key, "Doe", 2024, "Masked Models") is follows
