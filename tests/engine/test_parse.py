"""parse_case: every kind of bad case names the field that is wrong."""

from datetime import date
from typing import Any

import pytest

from eligibility.engine import CaseError, Level, Sentence, determine, parse_case

from .scenarios import case, count, dej

# Every true/false field of the contract's case object.
ALL_BOOLEANS = [
    "prison_term_suspended",
    "mandatory_supervision",
    "probation_terminated_early",
    "probation_violated",
    "sentence_complied",
    "new_conviction_since_judgment",
    "on_supervision_now",
    "serving_sentence_now",
    "pending_charges",
    "registrant",
    "pre_realignment_1170h_eligible",
    "trafficking_victim",
]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param(case(id=...), "id", id="missing-id"),
        pytest.param(case(judgment_date=...), "judgment_date", id="missing-judgment-date"),
        pytest.param({**case(), "counts": []}, "counts", id="empty-counts"),
        pytest.param({**case(), "counts": "PC 459"}, "counts", id="counts-not-a-list"),
        pytest.param(case(sentence=...), "sentence", id="missing-sentence"),
        pytest.param(case(sentence="jail"), "sentence", id="unknown-sentence"),
        pytest.param(case(judgment_date="2023-02-30"), "judgment_date", id="impossible-date"),
        pytest.param(case(judgment_date="20230201"), "judgment_date", id="compact-date"),
        pytest.param(case(judgment_date=20230201), "judgment_date", id="date-as-number"),
        # An ISO week date, which date.fromisoformat would take: the contract says YYYY-MM-DD.
        pytest.param(case(judgment_date="2023-W05-1"), "judgment_date", id="week-date"),
        pytest.param(case(judgment_date="2023-01"), "judgment_date", id="month-only"),
        pytest.param(case(sentence_end_date="2019-01-01"), "sentence_end_date", id="end-before"),
        pytest.param(case(sentence_end_date=5), "sentence_end_date", id="end-date-wrong-type"),
        pytest.param(case(pending_charge=True), "pending_charge", id="unknown-field-typo"),
        pytest.param(case(probation_violated="yes"), "probation_violated", id="bool-as-string"),
        pytest.param(case(registrant=1), "registrant", id="bool-as-number"),
        # The check of each true/false field does not hang on the others' values.
        pytest.param(
            case(probation_violated="yes", sentence_complied=False),
            "probation_violated",
            id="bool-as-string-none-true",
        ),
        pytest.param(
            case(
                sentence="county_jail",
                **{**dict.fromkeys(ALL_BOOLEANS, True), "trafficking_victim": "yes"},
            ),
            "trafficking_victim",
            id="bool-as-string-none-false",
        ),
        pytest.param(case(sentence=["probation"]), "sentence", id="sentence-not-a-string"),
        pytest.param(
            case(sentence_end_date="2023-02-30"), "sentence_end_date", id="impossible-end-date"
        ),
        pytest.param(case(person="  "), "person", id="blank-person"),
        pytest.param(case(id=7), "id", id="id-not-a-string"),
        pytest.param(
            case(count("PC", "459", "misdemeanor"), count("PC", "459", "wobbler")),
            "counts[1].level",
            id="unknown-level-second-count",
        ),
        pytest.param(case({"code": "PC", "level": "felony"}), "counts[0].section", id="no-section"),
        pytest.param(
            case({"code": "PC", "section": "459", "level": "felony", "note": "x"}),
            "counts[0].note",
            id="unknown-count-field",
        ),
        pytest.param(
            case({"code": "PC", "section": "459", "level": "felony", "wobbler": "yes"}),
            "counts[0].wobbler",
            id="wobbler-not-bool",
        ),
        pytest.param(case("PC 459"), "counts[0]", id="count-not-an-object"),
        pytest.param(
            case({"code": None, "section": "459", "level": "felony"}),
            "counts[0].code",
            id="code-not-a-string",
        ),
        pytest.param(
            case({"code": "PC", "section": "  ", "level": "felony"}),
            "counts[0].section",
            id="blank-section",
        ),
        pytest.param(
            case({"code": "PC", "section": "459", "level": ["felony"]}),
            "counts[0].level",
            id="level-not-a-string",
        ),
        pytest.param(case(mandatory_supervision=True), "mandatory_supervision", id="ms-not-jail"),
        pytest.param(
            case(sentence_end_date=None, probation_terminated_early=True),
            "sentence_end_date",
            id="early-termination-needs-date",
        ),
        pytest.param([case()], None, id="not-an-object"),
    ],
)
def test_bad_case_names_the_field(data: Any, field: str | None) -> None:
    with pytest.raises(CaseError) as caught:
        parse_case(data)
    assert caught.value.field == field
    assert caught.value.message


def test_the_error_text_is_the_field_then_the_message() -> None:
    with pytest.raises(CaseError) as caught:
        parse_case(case(sentence="jail"))
    assert str(caught.value) == (
        "sentence: Must be one of: probation, no_probation, county_jail, state_prison, "
        "deferred_entry_of_judgment."
    )
    with pytest.raises(CaseError) as caught:
        parse_case([case()])
    assert str(caught.value) == "A case must be a JSON object."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            case(judgment_date="2020-01-15", sentence_end_date="2019-01-01"),
            "The sentence cannot end before the judgment date.",
            id="sentence",
        ),
        pytest.param(
            dej(judgment_date="2019-03-01", sentence_end_date="2019-02-01"),
            "The charges cannot have been dismissed before deferred entry of judgment was "
            "granted (judgment_date).",
            id="deferred-entry-of-judgment",
        ),
    ],
)
def test_an_end_before_the_judgment_says_what_cannot_be(data: Any, message: str) -> None:
    with pytest.raises(CaseError) as caught:
        parse_case(data)
    assert (caught.value.field, caught.value.message) == ("sentence_end_date", message)


def test_every_field_at_once_is_a_case() -> None:
    facts = parse_case(
        case(
            sentence="county_jail",
            person="ana",
            **dict.fromkeys(ALL_BOOLEANS, True),
        )
    )
    assert all(getattr(facts, name) is True for name in ALL_BOOLEANS)


def test_defaults_and_types() -> None:
    facts = parse_case(case(count("vc", " 23152(b) ", "misdemeanor", wobbler=True)))
    assert facts.sentence is Sentence.PROBATION
    assert facts.counts[0].code == "VC"
    assert facts.counts[0].section == "23152(b)"
    assert facts.counts[0].level is Level.MISDEMEANOR
    assert facts.counts[0].wobbler is True
    assert facts.sentence_complied is True
    assert facts.pending_charges is False
    assert facts.judgment_date == date(2020, 1, 15)


def test_judgment_after_screening_date_is_a_case_error() -> None:
    facts = parse_case(case(judgment_date="2025-07-01", sentence_end_date=None))
    with pytest.raises(CaseError) as caught:
        determine(facts, as_of=date(2025, 6, 15))
    assert caught.value.field == "judgment_date"


# The true/false fields that may be true alone in a probation case (mandatory supervision needs
# county jail; sentence_complied is true unless told).
BOOLEANS = [
    name for name in ALL_BOOLEANS if name not in ("mandatory_supervision", "sentence_complied")
]


@pytest.mark.parametrize("name", BOOLEANS)
def test_each_boolean_lands_in_its_own_field(name: str) -> None:
    facts = parse_case(case(**{name: True}))
    assert [n for n in BOOLEANS if getattr(facts, n)] == [name]
    assert facts.sentence_complied is True


def test_sentence_complied_false_and_supervision_land_in_their_fields() -> None:
    facts = parse_case(
        case(sentence="county_jail", mandatory_supervision=True, sentence_complied=False)
    )
    assert facts.mandatory_supervision is True
    assert facts.sentence_complied is False
    assert not any(getattr(facts, n) for n in BOOLEANS)
