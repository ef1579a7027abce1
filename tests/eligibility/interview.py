"""Walk the interview through HTTP, one page at a time, as a browser without JavaScript would."""

from typing import Any

from django.test import Client

BASE = "/screening/questions/"


def step_url(step: str) -> str:
    return f"{BASE}{step}/"


def answer(client: Client, step: str, data: dict[str, Any]) -> Any:
    """POST one page's answers; return the response (a redirect to the next page when valid)."""
    payload = {"interview-current_step": step}
    payload.update({f"{step}-{key}": value for key, value in data.items()})
    return client.post(step_url(step), payload)


def offenses(*rows: tuple[str, ...]) -> dict[str, Any]:
    """The offense page's rows: (typed, level) or (typed, level, the choice among matches)."""
    data: dict[str, Any] = {
        "TOTAL_FORMS": "6",
        "INITIAL_FORMS": "0",
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "20",
    }
    for index, (offense, level, *choice) in enumerate(rows):
        data[f"{index}-offense"] = offense
        data[f"{index}-level"] = level
        if choice:
            data[f"{index}-choice"] = choice[0]
    return data


def walk(client: Client, answers: list[tuple[str, dict[str, Any]]]) -> Any:
    """Answer each (step, data) in order, checking each page sends the person to the next one
    named in the list; the last response (after "check") is returned."""
    response = client.get("/screening/new/")
    assert response.status_code == 302
    for index, (step, data) in enumerate(answers):
        response = answer(client, step, data)
        assert response.status_code == 302, (step, _errors(response))
        if index + 1 < len(answers):
            expected = step_url(answers[index + 1][0])
            assert response["Location"] == expected, (step, response["Location"], expected)
    return response


def _errors(response: Any) -> str:
    html = response.content.decode()
    start = html.find('class="error-summary"')
    return html[start : start + 600] if start >= 0 else html[:300]
