"""A return as a task list, on a copy of the county-size demo: the query count and median time of
the task list, each section page and "Check your answers", and the median time to submit from
"Check your answers" (the view and the service), for the open return with the most figures.

    cp /tmp/large.sqlite3 /tmp/returns.sqlite3
    DATABASE_URL=sqlite:////tmp/returns.sqlite3 DEBUG=true .venv/bin/python bench/return_task_list.py

It WRITES to the database it is given (the return is filled in, submitted and sent back each run):
point it at a copy. Figures, not pass/fail.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aspm.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

RUNS = 15


def _median(fn) -> tuple[float, int]:
    fn()  # warm up
    times, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured.captured_queries)
    return statistics.median(times), queries


def _filled(return_, actor):
    """Fill every figure (last quarter's value, or a plain one) and the 4Ps, through the service."""
    from indicators.models import Unit
    from reports.returns import services

    figures = {}
    for f in return_.figures.select_related("indicator"):
        if f.indicator.unit == Unit.TEXT:
            figures[f.indicator_id] = {"text_value": "Bench answer.", "comment": ""}
        elif f.indicator.rule == "ratio":
            figures[f.indicator_id] = {"numerator": "1", "denominator": "2", "comment": ""}
        else:
            value = f.previous_value if f.previous_value is not None else 1
            figures[f.indicator_id] = {
                "value": f"{value:f}" if not isinstance(value, int) else str(value),
                "comment": "",
            }
    narrative = {k: "Bench text." for k in ("progress", "problems", "priorities", "points_for_action")}
    services.return_save_draft(actor=actor, return_=return_, narrative=narrative, figures=figures, keep_going=True)


def main():
    from partnerships.models import Membership, Role
    from reports.models import Return
    from reports.models.returns import EDITABLE_STATUSES
    from reports.returns import selectors, services, tasklist

    return_ = (
        Return.objects.filter(status__in=EDITABLE_STATUSES)
        .annotate(n=Count("figures"))
        .order_by("-n", "pk")
        .select_related("partnership", "organisation", "period")
        .first()
    )
    spoc = Membership.objects.filter(
        partnership=return_.partnership, role=Role.SPOC, organisation=return_.organisation
    ).first()
    coordinator = Membership.objects.filter(partnership=return_.partnership, role=Role.COORDINATOR).first().user
    user = spoc.user if spoc else coordinator
    print(f"{return_.partnership.slug}: {return_} ({return_.n} figures, {return_.action_updates.count()} actions)")
    _filled(return_, user)
    problems = services.return_problems(return_)
    if problems:
        print("still stopping submission:", *problems[:5], sep="\n  ")
        return
    client = Client()
    client.force_login(user)
    slug, pk = return_.partnership.slug, return_.pk
    pages = {"task list": reverse("reports:return_detail", kwargs={"slug": slug, "pk": pk})}
    for section in tasklist.sections(selectors.return_page(return_)):
        kwargs = {"slug": slug, "pk": pk, "section": section.slug}
        pages[f"{section.title} ({len(section.figures) or len(section.updates) or '-'})"] = reverse(
            "reports:return_section", kwargs=kwargs
        )
    check = reverse("reports:return_check", kwargs={"slug": slug, "pk": pk})
    pages["check your answers"] = check
    for name, url in pages.items():
        assert client.get(url).status_code == 200, name
        ms, queries = _median(lambda url=url: client.get(url))
        print(f"GET {name}: median {ms:.0f} ms, {queries} queries")
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.post(check)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
        services.return_send_back(actor=coordinator, return_=return_, reason="Bench: again")
    print(
        f"submit from check your answers ({return_.n} figures, view + service): "
        f"median {statistics.median(times):.0f} ms"
    )


if __name__ == "__main__":
    main()
