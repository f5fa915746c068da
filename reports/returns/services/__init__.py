"""Every change to a quarterly return: opening, saving, the workflow, deadlines and evidence.

Keyword-only functions taking the acting user. Each validates, runs in one transaction and
writes its audit event there. Workflow moves also keep a ReturnTransition (who, when, why).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aspm.errors import ConflictError
from aspm.fields import NARRATIVE
from indicators.models import FigureSource, PeriodStatus, ReportingPeriod
from partnerships import audit

from ...models.returns import (
    EDITABLE_STATUSES,
    NARRATIVE_FIELDS,
    YEAR_END_FIELDS,
    Return,
    ReturnFigure,
    ReturnStatus,
    ReturnTransition,
)
from ..figures import (
    Staged,
    check_staged,
    figure_service,
    recorded_figures,
    return_breaches,
    same_as,
)
from . import action_updates, spend
from .deadlines import default_due_date, due_date_for, return_deadline_set  # noqa: F401 - the services' surface
from .locks import lock_return as _lock
from .opening import (  # noqa: F401 - the services' surface
    figures_sync,
    organisations_due_a_return,
    return_prepare,
    returns_open_for_period,
    returns_prepare_for,
)

TEXT_LIMIT = NARRATIVE  # characters per narrative answer


# --- the organisation's draft -------------------------------------------------------------


def _check_editable(return_: Return) -> None:
    if return_.status not in EDITABLE_STATUSES:
        raise ConflictError(
            f"This return is {return_.get_status_display().lower()}, so it cannot be changed or submitted. "
            "Ask the coordinator to reopen it if something is wrong."
        )


def return_save_draft(
    *,
    actor,
    return_: Return,
    narrative: dict | None = None,
    figures: dict | None = None,
    actions: dict | None = None,
    money: dict | None = None,
    keep_going: bool = False,
) -> Return:
    """Save what the organisation has typed so far. ``figures`` maps indicator id to
    ``{"value", "breakdown", "comment", "text_value"}``; ``money`` (a monitoring report's income and
    expenditure, see ``spend.spend_from_post``) is saved whole or not at all. Every figure is checked; on any error
    nothing is saved and the errors are keyed ``figure-<indicator id>``. With ``keep_going`` (the
    autosave) the valid parts are saved, bad figures keep their stored value, and the errors are
    left on the returned object as ``figure_errors``."""
    with transaction.atomic():
        locked = _lock(return_)
        _check_editable(locked)
        figures_sync(actor=actor, return_=locked)  # what the organisation reports now, under the lock
        values = {}
        allowed = NARRATIVE_FIELDS + (YEAR_END_FIELDS if locked.is_year_end else ())
        for name, text in (narrative or {}).items():
            if name not in allowed:
                continue
            text = (text or "").replace("\r\n", "\n")
            if len(text) > TEXT_LIMIT:
                raise ValidationError({name: f"Keep this to {TEXT_LIMIT:,} characters or fewer."})
            values[name] = text
        staged = {f.indicator_id: f for f in locked.figures.select_related("indicator")}
        cleaned, errors = check_staged(locked, figures or {})
        updates = []
        for indicator_id, clean in cleaned.items():
            figure = staged[indicator_id]
            comment = ((figures or {}).get(indicator_id) or (figures or {}).get(str(indicator_id)) or {}).get("comment")
            new = {
                "value": clean.value,
                "numerator": clean.numerator,
                "denominator": clean.denominator,
                "breakdown": clean.breakdown,
                "text_value": clean.text_value,
                "comment": (comment or "").strip()[:2000],
            }
            if any(getattr(figure, name) != v for name, v in new.items()):
                for name, v in new.items():
                    setattr(figure, name, v)
                updates.append(figure)
        for key in errors:  # a bad figure keeps its stored value, but its comment is still saved
            figure = staged.get(int(key.removeprefix("figure-")))
            if figure is None:  # not in this return: nothing to keep a comment on
                continue
            comment = (((figures or {}).get(figure.indicator_id) or {}).get("comment") or "").strip()[:2000]
            if comment != figure.comment:
                figure.comment = comment
                updates.append(figure)
        changed_actions, action_errors = action_updates.action_updates_stage(return_=locked, data=actions or {})
        errors.update(action_errors)
        changed_spend, money_values, money_errors = spend.spend_stage(return_=locked, data=money or {})
        errors.update(money_errors)
        if errors and not keep_going:
            raise ValidationError(errors)
        locked.figure_errors = errors
        values.update(money_values)
        changed = [n for n, v in values.items() if getattr(locked, n) != v]
        if not changed and not updates and not changed_actions and not changed_spend:
            return locked
        if updates:
            ReturnFigure.objects.bulk_update(
                updates, ["value", "numerator", "denominator", "breakdown", "text_value", "comment", "updated_at"]
            )
        action_updates.action_updates_save(actor=actor, return_=locked, changed=changed_actions)
        spend.spend_save(changed=changed_spend)
        if changed_spend:
            audit.record(
                actor=actor,
                partnership=locked.partnership,
                action="return.spend",
                obj=locked,
                changes={
                    str(row.budget_line): [None, [str(row.income or ""), str(row.expenditure or "")]]
                    for row in changed_spend
                },
            )
        values["version"] = locked.version + 1
        if locked.started_at is None:
            values["started_at"] = timezone.now()
        audit.update(actor=actor, obj=locked, values=values, action="return.save")
        if updates:
            audit.record(
                actor=actor,
                partnership=locked.partnership,
                action="return.figures",
                obj=locked,
                changes={f.indicator.code: [None, _shown(f)] for f in updates},
            )
    return locked


def _shown(figure: ReturnFigure) -> str:
    return str(figure.value) if figure.value is not None else figure.text_value


@dataclass(frozen=True)
class Problem:
    """One thing that stops a return from being submitted: the words, and what needs the fix
    (a narrative answer's name, or the indicators whose figures need it)."""

    message: str
    narrative: str = ""
    indicator_ids: tuple[int, ...] = ()
    broken_rule: bool = False  # False: something not given yet
    section: str = ""  # the section that fixes it, when neither a narrative answer nor a figure ("spend")


def submit_problems(return_: Return, breaches: list | None = None) -> list[Problem]:
    """What stops this return from being submitted (empty when it can go): a missing answer or
    figure, or a figure that breaks a "must hold" validation rule (``breaches``: the return's, if
    already worked out by ``return_breaches``)."""
    problems = []
    required = NARRATIVE_FIELDS + (YEAR_END_FIELDS if return_.is_year_end else ())
    labels = {f.name: f.verbose_name for f in Return._meta.fields}
    for name in required:
        if not getattr(return_, name).strip():
            problems.append(Problem(f"Write something under “{labels[name].capitalize()}”.", narrative=name))
    prefetched = "figures" in getattr(return_, "_prefetched_objects_cache", {})
    for figure in return_.figures.all() if prefetched else return_.figures.select_related("indicator"):
        if not figure.is_filled and not figure.comment.strip():
            problems.append(
                Problem(
                    f"Give a figure for {figure.indicator.code}, or say in its comment why there is none.",
                    indicator_ids=(figure.indicator_id,),
                )
            )
    problems.extend(Problem(message, section="spend") for message in spend.spend_missing(return_))
    for b in return_breaches(return_) if breaches is None else breaches:
        if b.must_hold:
            problems.append(
                Problem(
                    f"{b.sentence} This rule must hold: correct the figures before submitting.",
                    indicator_ids=tuple(b.rule.indicator_ids),
                    broken_rule=True,
                )
            )
    return problems


def return_problems(return_: Return, breaches: list | None = None) -> list[str]:
    """``submit_problems`` in plain words."""
    return [p.message for p in submit_problems(return_, breaches)]


def _transition(*, actor, return_: Return, to: str, verb: str, reason: str = "", values: dict | None = None):
    now = timezone.now()
    ReturnTransition.objects.create(
        partnership=return_.partnership,
        return_obj=return_,
        from_status=return_.status,
        to_status=to,
        verb=verb,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        at=now,
        reason=reason,
    )
    audit.update(
        actor=actor,
        obj=return_,
        values={"status": to, "version": return_.version + 1, **(values or {})},
        action=f"return.{verb}",
    )
    return now


def return_submit(*, actor, return_: Return) -> Return:
    with transaction.atomic():
        locked = _lock(return_)
        _check_editable(locked)
        figures_sync(actor=actor, return_=locked)  # what the organisation reports now, under the lock
        problems = return_problems(locked)
        if problems:
            raise ValidationError(problems)
        now = timezone.now()
        verb = "resubmit" if locked.first_submitted_at else "submit"
        values = {"submitted_at": now, "started_at": locked.started_at or now}
        if locked.first_submitted_at is None:
            values["first_submitted_at"] = now
        _transition(actor=actor, return_=locked, to=ReturnStatus.SUBMITTED, verb=verb, values=values)
    return locked


def _check_version(locked: Return, version: int | None, doing: str) -> None:
    if version is not None and int(version) != locked.version:
        raise ConflictError(
            f"This return changed while you were reading it (it is now {locked.get_status_display().lower()}), "
            f"so it was not {doing}. Read it again, then decide."
        )


def return_send_back(*, actor, return_: Return, reason: str, version: int | None = None) -> Return:
    """The coordinator returns a submitted return to the organisation, saying what to change."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say what the organisation should change, so they can fix it."})
    with transaction.atomic():
        locked = _lock(return_)
        _check_version(locked, version, "returned")
        if locked.status != ReturnStatus.SUBMITTED:
            raise ConflictError("Only a submitted return can be returned for changes.")
        _transition(actor=actor, return_=locked, to=ReturnStatus.RETURNED, verb="send_back", reason=reason)
        figures_sync(actor=actor, return_=locked)  # back with the organisation: its rows as they are now
    return locked


def return_approve(*, actor, return_: Return, version: int | None = None) -> Return:
    """Approve a submitted return: its figures are recorded and it is locked. Two approvals at
    once give one: the row lock makes the second see the first's result and refuse."""
    with transaction.atomic():
        locked = _lock(return_)
        if locked.status == ReturnStatus.APPROVED:
            raise ConflictError("This return is already approved.")
        _check_version(locked, version, "approved")
        if locked.status != ReturnStatus.SUBMITTED:
            raise ConflictError("Only a submitted return can be approved.")
        broken = [b.sentence for b in return_breaches(locked) if b.must_hold]  # a rule made since it was submitted
        if broken:
            raise ValidationError(
                [*broken, "These rules must hold, so the return was not approved: return it to the organisation."]
            )
        now = timezone.now()
        _transition(
            actor=actor,
            return_=locked,
            to=ReturnStatus.APPROVED,
            verb="approve",
            values={"approved_at": now, "approved_by": actor},
        )
        apply_approved_return(actor=actor, return_=locked)
    return locked


def apply_approved_return(*, actor, return_: Return) -> int:
    """Write the approved return's figures to the indicators through the indicators app's
    ``figure_record`` (source "return"), and its action updates through ``action_set_status``, in
    the approval's transaction. Returns how many figures were written.

    A locked quarter takes no new figures from a return: figures equal to those recorded are
    skipped; any other refuses the whole approval, naming the coordinator's correction route.
    """
    figures = [f for f in return_.figures.select_related("indicator") if f.is_filled]
    written = 0
    if figures:
        period = ReportingPeriod.objects.select_for_update().get(pk=return_.period_id)
        if period.status == PeriodStatus.LOCKED:
            recorded = recorded_figures(return_)
            differing = [
                f.indicator.code
                for f in figures
                if not same_as(
                    recorded.get(f.indicator_id), Staged(f.value, f.breakdown, f.text_value, None, f.denominator)
                )
            ]
            if differing:
                raise ConflictError(
                    f"{period.label} is locked, and this return's figures for {', '.join(differing)} differ from "
                    "those recorded, so it was not approved. Either correct the recorded figures first (a "
                    "coordinator's correction on each indicator's page, with a reason), or return it to the "
                    "organisation to match them."
                )
            figures = []
        record = figure_service()
        for figure in figures:
            record(
                actor=actor,
                indicator=figure.indicator,
                period=period,
                organisation=return_.organisation,
                value=figure.value,
                numerator=figure.numerator,
                denominator=figure.denominator,
                text_value=figure.text_value,
                breakdown=figure.breakdown,
                comment=figure.comment,
                source=FigureSource.RETURN,
                check_rules=False,  # judged on the return's figures together, by return_approve
            )
            written += 1
    action_updates.action_updates_apply(actor=actor, return_=return_)
    return written


def return_reopen(*, actor, return_: Return, reason: str) -> Return:
    """A coordinator unlocks an approved return so it can be corrected; it goes back to the
    organisation with the reason. Its figures are recorded again when it is next approved."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the return is reopened: it is kept in its history."})
    with transaction.atomic():
        locked = _lock(return_)
        if locked.status != ReturnStatus.APPROVED:
            raise ConflictError("Only an approved return can be reopened.")
        _transition(
            actor=actor,
            return_=locked,
            to=ReturnStatus.RETURNED,
            verb="reopen",
            reason=reason,
            values={"approved_at": None, "approved_by": None},
        )
        figures_sync(actor=actor, return_=locked)
    return locked
