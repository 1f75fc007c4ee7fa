from __future__ import annotations

import pytest

from workbench.importers.attribution import find_speaker, resolve_speakers
from workbench.importers.clean import clean_article
from workbench.importers.split import split_claims


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We are doubling down on our support,” von der Leyen said.", "von der Leyen"),
        ("“We have to learn from Ukraine,” said Kubilius, adding that drones matter.", "Kubilius"),
        ("“Today we meet,” said Andrius Kubilius, European Defense Commissioner, at the forum.",
         "Andrius Kubilius"),
        ("Kallas said security guarantees would need to be robust.", "Kallas"),
        ("The EU has delivered 28 billion euros, according to von der Leyen.", "von der Leyen"),
        ("EU foreign policy chief Kaja Kallas said on Friday that support is broad.",
         "Kaja Kallas"),
        ("Von der Leyen said that the EU has delivered 500,000 rounds.", "von der Leyen"),
        ("European Commission President Ursula von der Leyen announced the office.",
         "Ursula von der Leyen"),
        ("Danish Defense Minister Troels Lund Poulsen also said Ukraine needs support.",
         "Troels Lund Poulsen"),
        ("Alexander Kamyshin, advisor to the president, told the forum that drones matter.",
         "Alexander Kamyshin"),
        ("In Brussels, the EU's top diplomat, Kaja Kallas, warned of new attacks.", "Kaja Kallas"),
        ("Commissioner Breton emphasized the need for more ammunition.", "Breton"),
        ("Commissioner Breton emphasised the need for more ammunition.", "Breton"),
        ("“Our goal is clear,” stated Breton.", "Breton"),
        ("Kallas underlined that Moscow’s attacks showed its refusal.", "Kallas"),
        ("The European Commission noted on Monday that talks continue.", "European Commission"),
        ("According to the Ukrainian government, capacity will reach 35 billion euros.",
         "Ukrainian government"),
        ("'It is clear,' says Kaja Kallas", "Kaja Kallas"),
    ],
)  # fmt: skip
def test_named_speakers(sentence: str, speaker: str) -> None:
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "“Europe will fully pay its part,” she said, pointing to the coalition.",
        "Ukraine, he added, has experienced substantial success.",
        "“We act now,” they told reporters.",
        "EU officials stated that the measure is designed to help.",
        "The minister said on Friday that talks would continue.",
        "The office opened on Monday in Kyiv.",
        "Support is broad, says EU foreign policy chief",
        "The plan was announced, according to him.",
        "",
    ],
)
def test_no_named_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


def test_resolve_carries_named_speaker_to_pronouns_only() -> None:
    sentences = [
        "Kallas said support is broad.",
        "“It is clear,” she added.",
        "The office opened on Monday in Kyiv.",
        "“We are the largest provider,” she noted.",
        "Danish Defense Minister Troels Lund Poulsen also said Ukraine needs support.",
        "“Ukraine needs more,” he said.",
    ]
    assert resolve_speakers(sentences) == [
        "Kallas", "Kallas", None, "Kallas", "Troels Lund Poulsen", "Troels Lund Poulsen",
    ]  # fmt: skip


def test_pronoun_before_any_named_speaker_stays_unknown() -> None:
    assert resolve_speakers(["“We act,” she said.", "Kallas said so."]) == [None, "Kallas"]


def test_seed_003_speakers(seed_text) -> None:
    article = clean_article(seed_text("003"))
    spans = split_claims(article.text, has_title=article.title is not None)
    texts = [span.text for span in spans]
    speakers = resolve_speakers(texts)
    fragments = ("80,000 soldiers", "Europe will fully pay", "Ukraine needs more military")
    by_fragment = {
        fragment: speaker
        for text, speaker in zip(texts, speakers, strict=True)
        for fragment in fragments
        if fragment in text
    }
    assert by_fragment == {
        "80,000 soldiers": "Kallas",
        "Europe will fully pay": "Kallas",
        "Ukraine needs more military": "Troels Lund Poulsen",
    }


def test_pronoun_skips_an_organisation_named_in_between() -> None:
    speakers = resolve_speakers(
        [
            "The office will open, Commission President Ursula von der Leyen told reporters.",
            "According to the Commission, the office has two jobs.",
            "Arms makers produce 40% more ammunition, she said.",
        ]
    )
    assert speakers == ["Ursula von der Leyen", "Commission", "Ursula von der Leyen"]
