"""Partner organisations and their SPOCs from a spreadsheet, on the one import pipeline (aspm.imports).

Each row adds an organisation (its name, its sector) and, when it gives an email, invites that person as
the organisation's partner SPOC through the invitation service (the email goes once everything is
written). All rows or none: an organisation the partnership already has, or one named twice in the file,
is refused with the reason on its row.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse

from aspm.errors import in_words
from aspm.imports import values
from aspm.imports.flow import ImportKind, Outcome, PreviewRow
from aspm.imports.mapping import Field, normalise
from aspm.imports.registry import Registered

from . import services
from .access import scoped
from .models import Membership, Organisation, Role, Sector

# What people write for a sector beside ASPM's own labels.
SECTOR_WORDS = {
    "police force": "police", "constabulary": "police", "council": "local_authority", "la": "local_authority",
    "local government": "local_authority", "nhs": "health", "health service": "health", "probation": "criminal_justice",
    "prison": "criminal_justice", "cps": "criminal_justice", "charity": "ngo", "ngo": "ngo", "voluntary": "ngo",
    "voluntary sector": "ngo", "third sector": "ngo", "company": "business", "private sector": "business",
    "faith": "faith_community", "community": "faith_community", "church": "faith_community",
}  # fmt: skip
SECTOR_FORMS = ", ".join(Sector.labels)


def sector(value) -> str:
    """A sector by its label or key in any case, or a word people use for it ("Council", "Charity"); blank is Other."""
    raw = normalise(values.text(value))
    if not raw:
        return Sector.OTHER
    for key, label in Sector.choices:
        if raw in (normalise(key), normalise(label)):
            return key
    if raw in SECTOR_WORDS:
        return SECTOR_WORDS[raw]
    raise ValueError(f"“{values.text(value)}” is not a sector: write one of {SECTOR_FORMS}.")


FIELDS = [
    Field("name", "Organisation", True, ("organisation", "organisation name", "name", "partner", "agency", "member")),
    Field("sector", "Sector", aliases=("sector", "type", "organisation type", "agency type", "kind"),
          help=f"One of {SECTOR_FORMS}; also Council, Charity, NHS… Blank: Other.", reader=sector, once=True),
]  # fmt: skip
SPOC_FIELDS = [
    Field("spoc_name", "SPOC's name",
          aliases=("spoc", "spoc name", "single point of contact", "contact", "contact name"),
          help="Shown in the check; they give their own name when they accept."),
    Field("spoc_email", "SPOC's email", aliases=("spoc email", "email", "e mail", "contact email", "email address"),
          help="Invites them as the organisation's partner SPOC: the link is emailed once the import is done."),
]  # fmt: skip


def _accept_url(token: str) -> str:
    return settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token})


def _on(where: str) -> str:
    """ "Row 4" → "row 4", so that it reads inside a sentence; "Police, row 4" stays."""
    return where[:1].lower() + where[1:] if where.startswith("Row ") else where


def _check(partnership, rows) -> list[PreviewRow]:
    taken = {o.name.lower() for o in scoped(partnership, Organisation)}
    members = {e.lower() for e in scoped(partnership, Membership).values_list("user__email", flat=True)}
    names: dict[str, str] = {}
    emails: dict[str, str] = {}
    checked = []
    for row in rows:
        name, email = values.text(row.data.get("name")), values.text(row.data.get("spoc_email")).lower()
        spoc = values.text(row.data.get("spoc_name"))
        item = PreviewRow(where=row.where, label=name, verb="Be added")
        if not name:
            item.errors.append("Organisation: give the organisation's name.")
        elif name.lower() in taken:
            item.errors.append(f"The partnership already has an organisation named “{name}”: take this row out.")
        elif name.lower() in names:
            item.errors.append(f"“{name}” is also on {names[name.lower()]}: each organisation once.")
        else:
            names[name.lower()] = _on(row.where)
        if len(name) > Organisation._meta.get_field("name").max_length:
            item.errors.append("Organisation: the name is longer than 200 characters.")
        if spoc and not email:
            item.errors.append(f"SPOC's email: give {spoc}'s email to invite them, or leave the name out.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                item.errors.append(f"SPOC's email: “{email}” is not an email address.")
            else:
                if email in members:
                    item.errors.append(f"SPOC's email: {email} is already a member of this partnership.")
                elif email in emails:
                    item.errors.append(f"SPOC's email: {email} is also the SPOC on {emails[email]}.")
                emails.setdefault(email, _on(row.where))
            item.verb = f"Be added, and {spoc or email} invited as its partner SPOC"
        checked.append(item)
    return checked


def run(*, actor, partnership, rows, dry_run, can_invite: bool = True) -> Outcome:
    """Add the organisations, all or nothing; invite their SPOCs only for a member who may invite
    people (decided when the import is confirmed, whatever columns were chosen at the upload)."""
    if not can_invite:
        for row in rows:
            row.data.pop("spoc_email", None)
            row.data.pop("spoc_name", None)
    checked = _check(partnership, rows)
    outcome = Outcome(rows=checked)
    if dry_run or any(r.errors for r in checked):
        return outcome
    try:
        with transaction.atomic():
            for row in rows:
                organisation = services.organisation_create(
                    actor=actor, partnership=partnership, name=values.text(row.data["name"]),
                    sector=row.data.get("sector") or Sector.OTHER,
                )  # fmt: skip
                email = values.text(row.data.get("spoc_email"))
                if email:
                    services.invitation_create(
                        actor=actor, partnership=partnership, email=email, role=Role.SPOC,
                        organisation=organisation, accept_url_builder=_accept_url,
                    )  # fmt: skip
    except ValidationError as error:  # a clash since the check: nothing is written
        outcome.file_errors.append(in_words(error))
        return outcome
    outcome.written = True
    return outcome


def _context(partnership) -> dict:
    slug = {"slug": partnership.slug}
    return {
        "breadcrumb": ("Organisations", reverse("partnerships:organisations", kwargs=slug)),
        "intro": "One organisation per row: its name and its sector, and if you like the name and email of the "
        "person who will speak for it. Each email gets an invitation to join as the organisation's partner SPOC "
        "once the import is done. Organisations the partnership already has are refused, not changed.",
    }


def organisations_kind(*, can_invite: bool = True) -> ImportKind:
    """The import; without ``can_invite`` (a member who may not invite people) it has no SPOC columns."""
    return ImportKind(
        key="organisations",
        noun="organisations",
        fields=FIELDS + (SPOC_FIELDS if can_invite else []),
        run=functools.partial(run, can_invite=can_invite),
        done_url=lambda partnership: reverse("partnerships:organisations", kwargs={"slug": partnership.slug}),
        extra_context=_context,
    )


REGISTERED = Registered("organisations", "partnerships:organisations_import", lambda partnership: organisations_kind())
