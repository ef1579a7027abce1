"""Packet worker benchmark helpers, run by bench/load/run.py with the bench settings.

python -m bench.load.packets enqueue N   # screen N seeded cases for real, ask for their papers
python -m bench.load.packets report      # JSON: how many are ready, first start, last finish
"""

import json
import sys

import django


def enqueue(count: int) -> None:
    from eligibility.models import Case
    from eligibility.services import case_determine
    from forms_filler.services import packet_request

    cases = Case.objects.filter(person__owner__isnull=False).select_related("person__owner")
    for case in cases.order_by("pk")[:count]:
        case_determine(case=case)
        packet_request(case=case, user=case.person.owner, language="en")


def report() -> dict:
    from django.db.models import Max, Min

    from forms_filler.models import PacketVersion

    versions = PacketVersion.objects.all()
    span = versions.aggregate(start=Min("render_started_at"), end=Max("rendered_at"))
    return {
        "versions": versions.count(),
        "ready": versions.filter(status="ready").count(),
        "failed": list(versions.exclude(status="ready").values_list("status", "error")),
        "render_seconds": (span["end"] - span["start"]).total_seconds()
        if span["start"] and span["end"]
        else None,
        "mean_pdf_bytes": sum(v.size or 0 for v in versions) / max(versions.count(), 1),
    }


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "enqueue":
        enqueue(int(sys.argv[2]))
    else:
        print(json.dumps(report()))
