"""The system check that tells an operator packets will render slowly on this host."""

from django.core.checks import run_checks

from forms_filler.render import host


def packet_check_ids() -> list[str]:
    return [message.id for message in run_checks(tags=["packets"])]


def test_warns_when_harfbuzz_subset_is_missing(monkeypatch):
    monkeypatch.setattr(host.ffi, "harfbuzz_subset", None)
    assert packet_check_ids() == ["forms_filler.W001"]


def test_quiet_when_harfbuzz_subset_is_loaded(monkeypatch):
    monkeypatch.setattr(host.ffi, "harfbuzz_subset", object())
    assert packet_check_ids() == []
