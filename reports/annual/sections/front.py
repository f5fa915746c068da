"""Front and back matter: cover, contents, about this report, foreword, learning."""

from __future__ import annotations

from .base import ReportContext, Section


def _cover(ctx: ReportContext) -> dict:
    ctx.finality()  # the figures' status, on the cover and in the results (two queries, once)
    return {"made_on": ctx.as_of, "figures_status": ctx.figures_status}


def _about(ctx: ReportContext) -> dict:
    return {"threshold": ctx.threshold, "policy": ctx.disclosure}


def job_text_key(ctx: ReportContext, name: str) -> str:
    """The review's key for words written on the report's own form (the same for every version of the year)."""
    return f"annual:{ctx.year.start.isoformat()}:{name}"


def _foreword(ctx: ReportContext) -> dict | None:
    if not ctx.foreword.strip():
        return None
    return {"text": ctx.publishable(job_text_key(ctx, "foreword"), "The foreword", ctx.foreword)}


def _learning(ctx: ReportContext) -> dict | None:
    if not (ctx.learning.strip() or ctx.next_year_changes.strip()):
        return None
    return {
        "learning": ctx.publishable(job_text_key(ctx, "learning"), "What we learned", ctx.learning),
        "changes": ctx.publishable(
            job_text_key(ctx, "next_year_changes"), "What changes next year", ctx.next_year_changes
        ),
    }


COVER = Section(
    key="cover",
    title="Cover",
    template="reports/annual/sections/cover.html",
    gather=_cover,
    choosable=False,
    in_contents=False,
)
CONTENTS = Section(
    key="contents",
    title="Contents",
    template="reports/annual/sections/contents.html",
    gather=lambda ctx: {},
    choosable=False,
    in_contents=False,
)
ABOUT = Section(
    key="about",
    title="About this report",
    template="reports/annual/sections/about.html",
    gather=_about,
    choosable=False,
)
FOREWORD = Section(
    key="foreword",
    title="Foreword",
    template="reports/annual/sections/foreword.html",
    gather=_foreword,
    choosable=False,  # shown when the coordinator writes one
)
LEARNING = Section(
    key="learning",
    title="What we learned and what changes next year",
    template="reports/annual/sections/learning.html",
    gather=_learning,
    choosable=False,  # shown when the coordinator writes it
)
