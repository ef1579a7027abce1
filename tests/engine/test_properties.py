"""Properties that hold for every case the strategies can build (hypothesis)."""

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from eligibility.engine import (
    CaseError,
    CaseFacts,
    Count,
    Level,
    Sentence,
    determine,
    determine_person,
    parse_case,
)
from eligibility.engine.determination import OUTCOME_RANK
from eligibility.engine.offenses import catalog

OFFENSES = [(o.code, o.section) for o in catalog()] + [("PC", "99999"), ("PC", "664/288(a)")]

counts = st.builds(
    lambda offense, level, wobbler: Count(offense[0], offense[1], level, wobbler),
    st.sampled_from(OFFENSES),
    st.sampled_from(list(Level)),
    st.sampled_from([None, True, False]),
)


@st.composite
def cases(draw: st.DrawFn) -> CaseFacts:
    judgment = draw(st.dates(date(1990, 1, 1), date(2025, 12, 31)))
    ended = draw(st.booleans())
    end = judgment + timedelta(days=draw(st.integers(0, 3000))) if ended else None
    sentence = draw(st.sampled_from(list(Sentence)))
    early = ended and sentence is Sentence.PROBATION and draw(st.booleans())
    return CaseFacts(
        id="p",
        judgment_date=judgment,
        counts=tuple(draw(st.lists(counts, min_size=1, max_size=4))),
        sentence=sentence,
        prison_term_suspended=draw(st.booleans()),
        mandatory_supervision=sentence is Sentence.COUNTY_JAIL and draw(st.booleans()),
        sentence_end_date=end,
        probation_terminated_early=early,
        probation_violated=draw(st.booleans()),
        sentence_complied=draw(st.booleans()),
        new_conviction_since_judgment=draw(st.booleans()),
        on_supervision_now=draw(st.booleans()),
        serving_sentence_now=draw(st.booleans()),
        pending_charges=draw(st.booleans()),
        registrant=draw(st.booleans()),
        pre_realignment_1170h_eligible=draw(st.booleans()),
        trafficking_victim=draw(st.booleans()),
    )


def _as_of(facts: CaseFacts, offset: int) -> date:
    return facts.judgment_date + timedelta(days=offset)


@st.composite
def running_sentences(draw: st.DrawFn) -> tuple[CaseFacts, date]:
    """A case decided while its sentence runs, or up to two years after it ends, with nothing
    blocking it now: the cases that wait. (Drawn from `cases()` alone, about 5 in 100 wait.)"""
    facts = draw(cases())
    running = draw(st.integers(1, 3000))
    facts = replace(
        facts,
        sentence_end_date=facts.judgment_date + timedelta(days=running),
        probation_terminated_early=False,
        pending_charges=False,
        on_supervision_now=False,
        serving_sentence_now=False,
    )
    return facts, facts.judgment_date + timedelta(days=draw(st.integers(0, running + 800)))


# How many generated cases the wait property saw, and how many reached its assertions.
WAIT_PROPERTY = {"generated": 0, "reached": 0}
WAIT_EXAMPLES = 400


@settings(max_examples=WAIT_EXAMPLES, deadline=None)
@given(running_sentences())
def _wait_opens_on_eligible_on(case_and_day: tuple[CaseFacts, date]) -> None:
    facts, as_of = case_and_day
    WAIT_PROPERTY["generated"] += 1
    result = determine(facts, as_of=as_of)
    assume(result.outcome == "wait" and result.eligible_on is not None)
    assert result.eligible_on is not None
    WAIT_PROPERTY["reached"] += 1
    opening = determine(facts, as_of=result.eligible_on)
    assert opening.outcome in ("eligible", "discretionary")
    assert opening.eligible_on == result.eligible_on
    day_before = result.eligible_on - timedelta(days=1)
    if day_before >= facts.judgment_date:
        assert determine(facts, as_of=day_before).outcome == "wait"


def test_wait_opens_on_eligible_on_and_not_the_day_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    WAIT_PROPERTY.update(generated=0, reached=0)
    _wait_opens_on_eligible_on()
    reached, generated = WAIT_PROPERTY["reached"], WAIT_PROPERTY["generated"]
    with capsys.disabled():
        print(f"\n  wait property: {reached} of {generated} generated cases reached its assertions")
    # `assume` turns away the cases that do not wait; hypothesis runs until this many did.
    assert reached >= WAIT_EXAMPLES * 3 // 4


@settings(max_examples=400, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_an_excluded_count_is_never_dismissable(facts: CaseFacts, offset: int) -> None:
    result = determine(facts, as_of=_as_of(facts, offset))
    for count, count_result in zip(facts.counts, result.counts, strict=True):
        offense = {(o.code, o.section): o for o in catalog()}.get((count.code, count.section))
        if offense is None or count.section.startswith("664/"):
            continue
        excluded_4b = offense.excluded_1203_4b and not offense.excluded_1203_4b_felony_only
        felony_4b = offense.excluded_1203_4b_felony_only and count.level is Level.FELONY
        if facts.sentence is Sentence.PROBATION and count.level is not Level.INFRACTION:
            if (excluded_4b or felony_4b) and not (
                facts.trafficking_victim and count.section.startswith("647(b)")
            ):
                assert not count_result.dismissable
            if offense.vc_42002_1 and count.level is Level.MISDEMEANOR:
                assert not count_result.dismissable
        # PC 1203.43 (deferred entry of judgment) lists no exclusions: VC 42001 binds 1203.4a.
        dej = facts.sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT
        if count.level is Level.INFRACTION and offense.vc_42001_infraction and not dej:
            assert not count_result.dismissable
    if all(not c.dismissable for c in result.counts):
        assert result.outcome == "not_eligible"
        assert result.remedy is None


@settings(max_examples=400, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_every_result_has_a_cited_reason(facts: CaseFacts, offset: int) -> None:
    result = determine(facts, as_of=_as_of(facts, offset))
    assert result.reasons
    assert all(reason.citation.startswith("PC ") for reason in result.reasons)
    assert (result.remedy is None) == (result.outcome == "not_eligible")


@settings(max_examples=200, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_the_id_is_echoed_and_unknown_is_optional(facts: CaseFacts, offset: int) -> None:
    result = determine(replace(facts, id="x-1"), as_of=_as_of(facts, offset))
    assert result.to_dict()["id"] == "x-1"


@settings(max_examples=300, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_to_json_is_exactly_to_dict(facts: CaseFacts, offset: int) -> None:
    result = determine(facts, as_of=_as_of(facts, offset))
    assert json.loads(result.to_json()) == result.to_dict()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
FIELD_NAMES = [
    "id",
    "judgment_date",
    "counts",
    "sentence",
    "sentence_end_date",
    "pending_charges",
    "mandatory_supervision",
    "probation_terminated_early",
]
field_values = json_values | st.sampled_from(
    ["2020-01-01", "2023-02-30", "probation", "county_jail", True, False, None]
)
count_objects = st.dictionaries(
    st.sampled_from(["code", "section", "level", "wobbler", "extra"]),
    field_values | st.sampled_from(["PC", "459", "felony", "infraction"]),
)
case_objects = st.dictionaries(
    st.sampled_from(FIELD_NAMES),
    field_values | st.lists(count_objects | json_values, max_size=3),
)


@settings(max_examples=500, deadline=None)
@given(case_objects | json_values)
def test_parse_case_only_ever_raises_case_error(data: object) -> None:
    problem: CaseError | None = None
    try:
        facts = parse_case(data)
    except CaseError as error:
        problem = error
    if problem is not None:
        assert problem.message
        assert problem.field is None or isinstance(problem.field, str)
        return
    # Whatever parsed is something the engine can decide (dates pinned to stay consistent).
    determine(
        replace(facts, judgment_date=date(2000, 1, 1), sentence_end_date=None),
        as_of=date(2025, 6, 15),
    )


@settings(max_examples=300, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_17b_only_where_it_can_apply(facts: CaseFacts, offset: int) -> None:
    """PC 17(b)(3): a wobbler felony, probation granted, no prison term imposed. Never after
    county jail (1170(h)) or state prison."""
    result = determine(facts, as_of=_as_of(facts, offset))
    if result.reduction_17b:
        assert facts.sentence is Sentence.PROBATION
        assert not facts.prison_term_suspended
    for count, count_result in zip(facts.counts, result.counts, strict=True):
        if count_result.reduction_17b:
            assert count.level is Level.FELONY


@settings(max_examples=300, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_automatic_relief_sentence_only_where_it_applies(facts: CaseFacts, offset: int) -> None:
    result = determine(facts, as_of=_as_of(facts, offset))
    says_so = any(r.citation.startswith("PC 1203.425(a)(1)") for r in result.reasons)
    assert says_so is result.automatic_relief_possible
    if result.automatic_relief_possible:
        assert not facts.registrant
        assert not facts.pending_charges
        assert not facts.on_supervision_now
        assert not facts.serving_sentence_now


@settings(max_examples=300, deadline=None)
@given(cases(), st.integers(0, 6000))
def test_a_right_is_never_claimed_for_a_discretionary_item(facts: CaseFacts, offset: int) -> None:
    result = determine(facts, as_of=_as_of(facts, offset))
    if result.outcome == "eligible":
        assert result.form_item in ("2a", "2b", "3a", "7")  # 7: PC 1203.43(b) "shall"


@settings(max_examples=200, deadline=None)
@given(st.lists(cases(), min_size=1, max_size=3), st.integers(0, 6000))
def test_person_rules_hold_for_any_cases(many: list[CaseFacts], offset: int) -> None:
    cases_ = [replace(facts, id=f"c{i}") for i, facts in enumerate(many)]
    as_of = max(_as_of(facts, offset) for facts in cases_)
    results = determine_person(cases_, as_of=as_of)
    assert [r.id for r in results] == [f.id for f in cases_]
    for facts, result in zip(cases_, results, strict=True):
        alone = determine(facts, as_of=as_of)
        # Another case never makes a result better than the case alone.
        assert OUTCOME_RANK[result.outcome] >= OUTCOME_RANK[alone.outcome]
        if not result.blocked_by:
            continue
        assert result.outcome == "blocked"
        assert facts.id not in result.blocked_by
        others = {f.id: f for f in cases_}
        for other_id in result.blocked_by:
            end = others[other_id].sentence_end_date
            if end is None:
                assert result.eligible_on is None
            elif result.eligible_on is not None:
                assert result.eligible_on > end
