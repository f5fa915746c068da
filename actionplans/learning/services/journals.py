"""Every change to the outcome journals: boundary partners, their progress markers, and the dated
journal entries that record which markers were seen.

Keyword-only functions taking the acting user; each validates, runs in one transaction and writes its
audit event there. A journal entry may name only its own partner's markers, a meeting, outcome harvests
and results-chain outcomes of the same partnership: anything else is refused and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from actionplans import clock
from aspm.fields import refuse_too_long
from indicators.models import ChainLevel
from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership, User

from ..models import BoundaryPartner, JournalEntry, ProgressMarker

PARTNER_FIELDS = ("name", "organisation", "outcome_challenge")
MAX_MARKERS = 15  # per partner: outcome mapping keeps the list short enough to review at a meeting


def _same_partnership(partnership: Partnership, field: str, objects) -> None:
    try:
        check_same_partnership(partnership, [o for o in objects if o is not None])
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


def _outcomes(partnership: Partnership, outcomes) -> list:
    outcomes = list(outcomes or [])
    _same_partnership(partnership, "outcomes", outcomes)
    wrong = [o for o in outcomes if o.level != ChainLevel.OUTCOME]
    if wrong:
        raise ValidationError({"outcomes": f"“{wrong[0].description}” is not an outcome of a results chain."})
    return outcomes


def _duplicate_name(partnership: Partnership, name: str, exclude: int | None = None) -> None:
    clash = BoundaryPartner.objects.filter(partnership=partnership, name__iexact=name.strip())
    if exclude:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError({"name": f"There is already a boundary partner called “{name.strip()}”."})


def partner_create(*, actor: User | None, partnership: Partnership, outcomes=(), **values) -> BoundaryPartner:
    unknown = set(values) - set(PARTNER_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown details for a boundary partner: {', '.join(sorted(unknown))}.")
    refuse_too_long(BoundaryPartner, {k: v for k, v in values.items() if isinstance(v, str)})
    _same_partnership(partnership, "organisation", [values.get("organisation")])
    outcomes = _outcomes(partnership, outcomes)
    _duplicate_name(partnership, values.get("name", ""))
    with transaction.atomic():
        partner = BoundaryPartner(partnership=partnership, **values)
        audit.create(actor=actor, obj=partner)
        partner.outcomes.set(outcomes)
    return partner


def partner_update(*, actor: User, partner: BoundaryPartner, outcomes=None, **values) -> BoundaryPartner:
    unknown = set(values) - set(PARTNER_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown details for a boundary partner: {', '.join(sorted(unknown))}.")
    refuse_too_long(BoundaryPartner, {k: v for k, v in values.items() if isinstance(v, str)})
    _same_partnership(partner.partnership, "organisation", [values.get("organisation")])
    if "name" in values:
        _duplicate_name(partner.partnership, values["name"], exclude=partner.pk)
    with transaction.atomic():
        audit.update(actor=actor, obj=partner, values=values)
        if outcomes is not None:
            outcomes = _outcomes(partner.partnership, outcomes)
            before = sorted(partner.outcomes.values_list("pk", flat=True))
            partner.outcomes.set(outcomes)
            after = sorted(o.pk for o in outcomes)
            if before != after:
                audit.record(
                    actor=actor,
                    partnership=partner.partnership,
                    action="boundarypartner.outcomes",
                    obj=partner,
                    changes={"outcomes": [before, after]},
                )
    return partner


def partner_delete(*, actor: User, partner: BoundaryPartner) -> None:
    """Remove a boundary partner with its markers and journal (kept in the audit log)."""
    with transaction.atomic():
        audit.delete(actor=actor, obj=partner)


def marker_add(*, actor: User | None, partner: BoundaryPartner, level: int, text: str) -> ProgressMarker:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Say what you would see."})
    if partner.markers.count() >= MAX_MARKERS:
        raise ValidationError({"text": f"A partner has at most {MAX_MARKERS} progress markers: keep the list short."})
    if partner.markers.filter(text__iexact=text).exists():
        raise ValidationError({"text": "This partner already has that progress marker."})
    with transaction.atomic():
        order = partner.markers.filter(level=level).count() + 1
        marker = ProgressMarker(
            partnership_id=partner.partnership_id, partner=partner, level=level, text=text, order=order
        )
        audit.create(actor=actor, obj=marker)
    return marker


def marker_delete(*, actor: User, marker: ProgressMarker) -> None:
    if marker.entries.exists():
        raise ValidationError("This marker was recorded as seen in the journal, so it stays: the journal would change.")
    with transaction.atomic():
        audit.delete(actor=actor, obj=marker)


def entry_record(
    *,
    actor: User | None,
    partner: BoundaryPartner,
    date: dt.date,
    evidence: str,
    observed=(),
    note: str = "",
    meeting=None,
    harvests=(),
) -> JournalEntry:
    """Add a dated entry to a partner's journal. Every marker named must be this partner's."""
    partnership = partner.partnership
    observed, harvests = list(observed or []), list(harvests or [])
    foreign = [m for m in observed if m.partner_id != partner.pk]
    if foreign:
        raise ValidationError({"observed": f"“{foreign[0].text}” is a progress marker of another boundary partner."})
    _same_partnership(partnership, "meeting", [meeting])
    _same_partnership(partnership, "harvests", harvests)
    if date and date > clock.today():
        raise ValidationError({"date": "A journal entry records what was seen: it cannot be dated in the future."})
    if not (evidence or "").strip():
        raise ValidationError({"evidence": "Say what you saw or heard that shows it."})
    refuse_too_long(JournalEntry, {"evidence": evidence, "note": note})
    with transaction.atomic():
        entry = JournalEntry(
            partnership=partnership,
            partner=partner,
            date=date,
            meeting=meeting,
            evidence=evidence.strip(),
            note=(note or "").strip(),
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit.create(actor=actor, obj=entry)
        entry.observed.set(observed)
        entry.harvests.set(harvests)
        audit.record(
            actor=actor,
            partnership=partnership,
            action="journalentry.markers",
            obj=entry,
            changes={
                "observed": [None, sorted(m.pk for m in observed)],
                "harvests": [None, sorted(h.pk for h in harvests)],
            },
        )
    return entry


def entry_delete(*, actor: User, entry: JournalEntry) -> None:
    with transaction.atomic():
        audit.delete(actor=actor, obj=entry)
