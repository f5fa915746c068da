"""The return as a task list: its sections (figures by strand, action updates, the 4Ps narrative,
evidence), each with a status, and where each problem is fixed. Reads only what
``selectors.return_page`` loaded: no query of its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models.returns import NARRATIVE_FIELDS, YEAR_END_FIELDS
from .forms import figure_anchor
from .services.action_updates import field_names as action_field_names
from .services.action_updates import field_needing_fix

NOT_STARTED, IN_PROGRESS, COMPLETED, HAS_ERRORS = "not_started", "in_progress", "completed", "has_errors"
STATUS_LABELS = {
    NOT_STARTED: "Not started",
    IN_PROGRESS: "In progress",
    COMPLETED: "Completed",
    HAS_ERRORS: "Has errors",
}


@dataclass
class Section:
    slug: str
    title: str
    kind: str  # "figures", "actions", "spend" (a monitoring report's money), "narrative" or "evidence"
    figures: list = field(default_factory=list)
    updates: list = field(default_factory=list)
    status: str = NOT_STARTED
    optional: bool = False

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Link:
    """A problem in the error summary: its words and the box that needs the fix."""

    text: str
    section: str
    anchor: str


def _progress(done: int, total: int) -> str:
    if total and done == total:
        return COMPLETED
    return IN_PROGRESS if done else NOT_STARTED


def _strand_order(figure):
    strand = figure.indicator.strand
    return (0, strand.order, strand.name) if strand else (1, 0, "")


def sections(return_, problems=()) -> list[Section]:
    """The return's sections in order, with their status; ``problems``: ``services.submit_problems``
    (a section with figures breaking a "must hold" rule "has errors")."""
    result = []
    by_strand: dict = {}
    for figure in sorted(return_.figures.all(), key=_strand_order):
        by_strand.setdefault(figure.indicator.strand, []).append(figure)
    for strand, figures in by_strand.items():
        result.append(
            Section(
                slug=f"figures-{strand.pk}" if strand else "figures-other",
                title=f"Figures: {strand.name}" if strand else "Figures: other indicators",
                kind="figures",
                figures=figures,
            )
        )
    if return_.agreement_id:
        result.append(Section(slug="spend", title="Income and expenditure", kind="spend"))
    updates = list(return_.action_updates.all())
    if updates:
        result.append(Section(slug="actions", title="Action updates", kind="actions", updates=updates))
    result.append(Section(slug="narrative", title="Narrative in the 4Ps format", kind="narrative"))
    result.append(Section(slug="evidence", title="Evidence", kind="evidence", optional=True))
    troubled = {section_of(result, p) for p in problems if p.broken_rule}  # a gap is "in progress", not an error
    narrative_names = NARRATIVE_FIELDS + (YEAR_END_FIELDS if return_.is_year_end else ())
    for section in result:
        if section.kind == "figures":
            done = sum(1 for f in section.figures if f.is_filled or f.comment.strip())
            section.status = _progress(done, len(section.figures))
        elif section.kind == "actions":
            section.status = _progress(sum(1 for u in section.updates if u.is_filled), len(section.updates))
        elif section.kind == "spend":
            section.status = _spend_status(return_)
        elif section.kind == "narrative":
            done = sum(1 for name in narrative_names if getattr(return_, name).strip())
            section.status = _progress(done, len(narrative_names))
        else:
            section.status = COMPLETED if return_.attachments.all() else NOT_STARTED
        if section.slug in troubled and section.status != NOT_STARTED:
            section.status = HAS_ERRORS
    return result


def _spend_status(return_) -> str:
    rows = list(return_.spend.all())
    boxes = [return_.income_total, return_.expenditure_total, *(r.expenditure for r in rows)]
    return _progress(sum(1 for b in boxes if b is not None), len(boxes))


def section_of(all_sections: list[Section], problem) -> str:
    """The slug of the section where a ``services.Problem`` is fixed."""
    if getattr(problem, "section", ""):
        return problem.section
    if problem.narrative:
        return "narrative"
    for section in all_sections:
        if any(f.indicator_id in problem.indicator_ids for f in section.figures):
            return section.slug
    return all_sections[0].slug if all_sections else "narrative"


def problem_links(return_, all_sections: list[Section], problems) -> list[Link]:
    """Each problem that stops submission, with the section page and box where it is fixed."""
    figures = {f.indicator_id: f for f in return_.figures.all()}
    links = []
    for problem in problems:
        if problem.section == "spend":
            anchor = "id_expenditure_total"
        elif problem.narrative:
            anchor = f"id_{problem.narrative}"
        else:
            first = next((figures[i] for i in problem.indicator_ids if i in figures), None)
            anchor = figure_anchor(first) if first else ""
        links.append(Link(problem.message, section_of(all_sections, problem), anchor))
    return links


def save_error_links(section: Section, errors: dict) -> list[Link]:
    """The errors of a section's failed save (keyed ``figure-<id>`` / ``action-<id>``), each linked
    to the box that needs the fix, in the page's order."""
    links = []
    if section.kind == "spend":
        for key, messages in errors.items():
            if key.startswith("spend-") or key in ("income_total", "expenditure_total"):
                links.extend(Link(m, section.slug, f"id_{key}") for m in messages)
    for figure in section.figures:
        for message in errors.get(f"figure-{figure.indicator_id}", []):
            links.append(Link(f"{figure.indicator.code}: {message}", section.slug, figure_anchor(figure)))
    for update in section.updates:
        names = action_field_names(update)
        for message in errors.get(f"action-{update.action_id}", []):
            links.append(Link(f"{update.action.title}: {message}", section.slug, names[field_needing_fix(message)]))
    return links
