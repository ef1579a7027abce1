"""Determination.to_dict: the screening.md result object that the results page and the packets
read (the screen command writes the same object as JSON: test_screen_command.py)."""

from typing import Any

import pytest

from eligibility.engine import determine, parse_case

from .contract import CONTRACT_EXAMPLES, CONTRACT_RESULTS
from .scenarios import AS_OF


@pytest.mark.parametrize(
    ("data", "expected"),
    list(zip(CONTRACT_EXAMPLES, CONTRACT_RESULTS, strict=True)),
    ids=[data["id"] for data in CONTRACT_EXAMPLES],
)
def test_the_contract_examples_as_result_objects(
    data: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert determine(parse_case(data), as_of=AS_OF).to_dict() == expected
