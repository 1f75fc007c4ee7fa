from __future__ import annotations

import pytest

from workbench.importers.scoring import score_checkworthiness


def score(text: str, kind: str = "sentence", numbers: int = 0, dates: int = 0,
          speaker: bool = False) -> tuple[float, list[str]]:  # fmt: skip
    return score_checkworthiness(
        text, kind=kind, number_count=numbers, date_count=dates, has_speaker=speaker
    )


FACT = "The EU has delivered 28 billion euros in military assistance, von der Leyen said."
OPINION = "Analysts note that cooperation could benefit both sides in the long run."


def test_figure_and_named_source_outrank_generic_opinion() -> None:
    fact_score, fact_reasons = score(FACT, numbers=1, speaker=True)
    opinion_score, opinion_reasons = score(OPINION)
    assert fact_score > opinion_score
    assert "states a figure" in fact_reasons
    assert "attributed to a named speaker" in fact_reasons
    assert opinion_reasons == ["hedged/opinion"]


def test_each_signal_moves_the_score_the_documented_way() -> None:
    plain, reasons = score("The office was opened by the commission in the capital.")
    assert (plain, reasons) == (0.3, [])
    assert score("The office was opened by the commission in 2024.", numbers=1)[0] > plain
    assert score("The office was opened by the commission on Feb. 24.", dates=1)[0] > plain
    assert score("“The office is open now,” she said in Kyiv.", kind="quote")[1] == ["quotation"]
    assert score("EU to open office in Kyiv", kind="headline")[1] == ["headline"]
    assert score("It may open in the capital soon.")[0] < plain


def test_questions_and_short_fragments_score_low() -> None:
    question, reasons = score("Who needs integration more, Ukraine or Europe?")
    assert question < 0.1 and "question" in reasons
    short, reasons = score("Officials agreed.")
    assert short < 0.3 and "too short" in reasons
    assert "too short" not in score("EU backs Kyiv", kind="headline")[1]


def test_month_may_is_not_a_hedge() -> None:
    assert "hedged/opinion" not in score("The forum opened in May in Brussels with ministers.")[1]


@pytest.mark.parametrize(
    "args",
    [
        dict(numbers=5, dates=3, speaker=True, kind="quote"),
        dict(numbers=0, dates=0, speaker=False, kind="list_item"),
    ],
)
def test_bounds(args: dict) -> None:
    for text in ("Could it be?", FACT, "", "x" * 10_000):
        value, reasons = score(text, **args)
        assert 0.0 <= value <= 1.0
        assert all(isinstance(reason, str) for reason in reasons)


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        score(FACT, kind="paragraph")
    with pytest.raises(ValueError):
        score(FACT, numbers=-1)
