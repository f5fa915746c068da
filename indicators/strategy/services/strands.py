"""Strands: the 4Ps from the start (through the ``partnership_created`` hook); renamed or added later."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from partnerships import audit
from partnerships.models import Partnership

from ...models import Strand

DEFAULT_STRANDS = (
    ("pursue", "Pursue", "Prosecute and disrupt the people and groups behind modern slavery."),
    ("prevent", "Prevent", "Stop people from becoming exploiters or being drawn into exploitation."),
    ("protect", "Protect", "Make people and places less vulnerable, and raise awareness of the signs."),
    ("prepare", "Prepare", "Find victims and give them the support they need to recover."),
)


def create_default_strands(*, actor, partnership: Partnership) -> list[Strand]:
    """Add the 4Ps a partnership does not have yet (hook ``partnership_created``; the seeder too)."""
    existing = set(Strand.objects.filter(partnership=partnership).values_list("code", flat=True))
    created = []
    for order, (code, name, description) in enumerate(DEFAULT_STRANDS, start=1):
        if code not in existing:
            created.append(
                audit.create(
                    actor=actor,
                    obj=Strand(partnership=partnership, code=code, name=name, description=description, order=order),
                )
            )
    return created


def _check_name(partnership: Partnership, name: str, exclude_pk: int | None = None) -> None:
    clash = Strand.objects.filter(partnership=partnership, name__iexact=name).exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": "This partnership already has a strand with that name."})


@transaction.atomic
def strand_create(
    *, actor, partnership: Partnership, name: str, description: str = "", order: int | None = None, code: str = ""
):
    """Add a strand; its code is made from the name unless given (a plan workbook keeps its strands' codes)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the strand a name."})
    _check_name(partnership, name)
    if code:
        if Strand.objects.filter(partnership=partnership, code=code).exists():
            raise ValidationError({"code": f"This partnership already has a strand with the code {code}."})
        base = code
    else:
        code = base = slugify(name)[:36] or "strand"
    n = 2
    while Strand.objects.filter(partnership=partnership, code=code).exists():
        code, n = f"{base}-{n}", n + 1
    if order is None:
        order = Strand.objects.filter(partnership=partnership).count() + 1
    return audit.create(
        actor=actor,
        obj=Strand(partnership=partnership, code=code, name=name, description=description, order=order),
    )


@transaction.atomic
def strand_update(*, actor, strand: Strand, name: str, description: str = "", order: int | None = None) -> Strand:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the strand a name."})
    _check_name(strand.partnership, name, exclude_pk=strand.pk)
    values = {"name": name, "description": description}
    if order is not None:
        values["order"] = order
    return audit.update(actor=actor, obj=strand, values=values)
