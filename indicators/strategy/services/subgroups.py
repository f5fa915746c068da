"""Sub-groups as the strategy sees them: who sits on them, who chairs, which strands they cover."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.access import check_same_partnership
from partnerships.models import Partnership, SubGroup


def _validate(partnership, name, chair, members, strands, exclude_pk=None):
    check_same_partnership(partnership, [chair, *members, *strands])
    if not name.strip():
        raise ValidationError({"name": "Give the sub-group a name."})
    if SubGroup.objects.filter(partnership=partnership, name__iexact=name.strip()).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": "There is already a sub-group with that name."})
    if chair is not None and chair not in members:
        members.append(chair)


def _set_links(actor, subgroup: SubGroup, members, strands) -> None:
    before = {
        "members": sorted(subgroup.members.values_list("pk", flat=True)),
        "strands": sorted(subgroup.strands.values_list("pk", flat=True)),
    }
    subgroup.members.set(members)
    subgroup.strands.set(strands)
    after = {"members": sorted(m.pk for m in members), "strands": sorted(s.pk for s in strands)}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changes:
        audit.record(
            actor=actor, partnership=subgroup.partnership, action="subgroup.links", obj=subgroup, changes=changes
        )


@transaction.atomic
def subgroup_create(
    *, actor, partnership: Partnership, name: str, purpose: str = "", chair=None, members=(), strands=()
) -> SubGroup:
    members, strands = list(members), list(strands)
    _validate(partnership, name, chair, members, strands)
    subgroup = audit.create(
        actor=actor, obj=SubGroup(partnership=partnership, name=name.strip(), purpose=purpose, chair=chair)
    )
    _set_links(actor, subgroup, members, strands)
    return subgroup


@transaction.atomic
def subgroup_update(
    *, actor, subgroup: SubGroup, name: str, purpose: str = "", chair=None, members=(), strands=()
) -> SubGroup:
    members, strands = list(members), list(strands)
    _validate(subgroup.partnership, name, chair, members, strands, exclude_pk=subgroup.pk)
    audit.update(actor=actor, obj=subgroup, values={"name": name.strip(), "purpose": purpose, "chair": chair})
    _set_links(actor, subgroup, members, strands)
    return subgroup
