"""Read `mutmut results --all true` on stdin; print the kill ratio per area and the survivors."""

import sys
from collections import Counter

AREAS = {
    "eligibility.engine": "engine (eligibility/engine/)",
    "forms_filler.review": "review (forms_filler/review.py)",
    "expunge_portal.accounts": "accounts (expunge_portal/accounts/)",
}
# A mutant the tests caught, or one so broken it never finished: both count as killed.
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def main() -> int:
    counts: dict[str, Counter[str]] = {area: Counter() for area in AREAS}
    survivors: list[str] = []
    for line in sys.stdin:
        name, _, status = line.strip().rpartition(": ")
        area = next((a for a in AREAS if name.startswith(a + ".")), None)
        if area is None or status == "not checked":
            continue
        counts[area][status] += 1
        if status == "survived":
            survivors.append(name)
    for area, label in AREAS.items():
        tested = sum(n for status, n in counts[area].items() if status != "no tests")
        if not tested:
            print(f"{label}: not run")
            continue
        killed = sum(counts[area][status] for status in KILLED)
        print(
            f"{label}: {killed} of {tested} mutants killed ({100 * killed / tested:.1f}%), "
            f"{counts[area]['survived']} survived, {counts[area]['no tests']} with no test"
        )
    for name in survivors:
        print(f"  survived: {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
