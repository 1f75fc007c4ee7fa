"""Stances: positions taken in words that another report may take the other way."""

from __future__ import annotations

import pytest

from workbench.matching.stances import read_stances


def sides(text: str) -> list[tuple[str, str]]:
    return [(stance.topic, stance.side) for stance in read_stances(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activision CEO Kotick expected to leave company once the deal closes", "leaving"),
        ("The chief executive is expected to step down next year.", "leaving"),
        ("The CEO resigned on Monday.", "leaving"),
        ("Activision CEO Bobby Kotick will stay through the end of 2023", "staying"),
        ("CEO Bobby Kotick will remain in his role at the video-game maker.", "staying"),
        ("Kotick has revealed that he will not be leaving as CEO until next year.", "staying"),
        ("The minister won't resign, her office said.", "staying"),
        ("The coach will no longer stay on after the season.", "leaving"),
        ("OpenAI co-founder and CEO Sam Altman fired by board of directors", "leaving"),
        ("The board has removed Sam Altman as CEO, effective immediately.", "leaving"),
        ("CEO Sam Altman was ousted on Friday.", "leaving"),
        ("Sam Altman to return as CEO of OpenAI", "staying"),
        ("Sam Altman rejoins OpenAI as CEO", "staying"),
        ("OpenAI reinstates Sam Altman as chief executive", "staying"),
    ],
)
def test_an_executive_leaving_or_staying(text: str, expected: str) -> None:
    assert sides(text) == [("tenure", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Britain voted to leave the EU in 2016.",  # no post: not a resignation
        "Residents remain without power three days on.",
        "The army fired missiles at the city, the defence minister said.",  # not a person
        "The CEO said the judge dismissed the lawsuit.",
        # Both sides: a history, not a position.
        "The CEO will continue in that role, though shareholders want him to step down.",
        # A thing put back is no one back in a post.
        "The CEO lost his bid to get his 2018 CEO pay package reinstated.",
        "The chief executive won reinstatement of his 2018 pay package.",
    ],
)
def test_no_tenure_stance(text: str) -> None:
    assert sides(text) == []


def test_a_regulator_clearing_or_blocking() -> None:
    assert sides("UK watchdog clears Microsoft's takeover of Activision") == [("ruling", "cleared")]
    assert sides("The CMA blocked the deal over cloud gaming.") == [("ruling", "blocked")]
    assert sides("The regulator has not approved the merger.") == [("ruling", "blocked")]
    assert sides("The vote cleared the way for the bill.") == []
    assert sides("Blocked in April, the deal was approved in October.") == []


def test_the_span_covers_the_negation() -> None:
    text = "He said he will not be leaving as CEO."
    (stance,) = read_stances(text)
    assert text[stance.start : stance.end] == "not be leaving" == stance.words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elon Musk Moves to Terminate Twitter Deal", [("deal", "called off")]),
        ("The deal was called off in July.", [("deal", "called off")]),
        ("Elon Musk Completes $44 Billion Twitter Takeover", [("deal", "completed")]),
        ("Microsoft closes on $69 billion Activision deal", [("deal", "completed")]),
        # The verb must govern the deal word: shares closed, a deal was in the news.
        ("Twitter shares closed at $40 after the deal news.", []),
        ("The deal is expected to close in 2022.", []),
        ("Shares will be delisted once the takeover closes.", []),  # a condition
        # An attempt, since overtaken: no position on the deal now.
        ("The buyer had tried to walk away from the takeover in May.", []),
        ("She threatened to pull out of the merger last year.", []),
        # Executives terminated in one clause, the deal completed in the next.
        (
            "Agrawal was among the executives terminated by Musk, who completed the deal.",
            [("deal", "completed")],
        ),
    ],
)
def test_a_deal_called_off_or_completed(text: str, expected: list[tuple[str, str]]) -> None:
    assert sides(text) == expected
