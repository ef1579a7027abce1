"""What the case-level rules need to know about a case's counts, gathered in one pass."""

from dataclasses import dataclass


@dataclass(slots=True)  # internal and short-lived: a plain init is much faster
class CountsSummary:
    any_dismissable: bool
    any_17b: bool
    any_prop_47: bool
    any_prop_64: bool
    any_certificate_ok: bool
    any_registrable: bool
    all_clean_felonies: bool  # every count known and not serious, violent or registrable
    any_17d2: bool = False
