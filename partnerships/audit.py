"""The audit log, and the three audited writes that services build on.

``create``, ``update`` and ``delete`` validate the object (``full_clean``), write it and the audit
event in one transaction, and return it. Services call them; nothing else writes tenant rows.
"""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

from aspm import data_version

from .models import AuditEvent, Partnership

M = TypeVar("M", bound=models.Model)

_SKIP_FIELDS = {"id", "created_at", "updated_at", "password", "token_hash", "last_login"}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or None
    return value


snapshot_value = _plain  # one value as JSON-ready data, as snapshot() writes it


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``obj`` as JSON-ready data (foreign keys as ids)."""
    result = {}
    for field in obj._meta.concrete_fields:
        if field.name in _SKIP_FIELDS or (fields is not None and field.name not in fields):
            continue
        result[field.name] = _plain(getattr(obj, field.attname))
    return result


def _labelled(model: type[models.Model], changes: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Show foreign keys in a change as "label (#id)" so people can read the log."""
    for name, pair in changes.items():
        field = model._meta.get_field(name)
        if not field.is_relation or not field.many_to_one:
            continue
        related = field.related_model._default_manager.in_bulk([v for v in pair if v is not None])
        changes[name] = [f"{related[v]} (#{v})" if v in related else v for v in pair]
    return changes


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields that changed, as ``{field: [before, after]}``."""
    keys = before.keys() | after.keys()
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def record(
    *,
    actor,
    partnership: Partnership,
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    object_repr: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    at: dt.datetime | None = None,
) -> AuditEvent:
    """Write one audit event. Call it inside the transaction of the change it describes.

    ``at`` dates the event other than now: only where the exact moment must not be kept (an anonymous
    feedback answer is logged at the start of its day, so the log cannot narrow it down)."""
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    data_version.changed(partnership.pk)  # every cache of this partnership's figures is now stale
    return AuditEvent.objects.create(
        **({"at": at} if at is not None else {}),
        partnership=partnership,
        actor=actor_obj,
        actor_label=getattr(actor_obj, "email", "") or "system",
        action=action,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=object_id or (str(obj.pk) if obj is not None and obj.pk is not None else ""),
        object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:255],
        changes=changes or {},
    )


def record_many(*, actor, partnership: Partnership, events: Iterable[dict[str, Any]]) -> int:
    """Write many audit events in one insert, for a bulk change that audits each row it touched.
    Each event is a dict of :func:`record`'s arguments (``action``, and ``obj`` or ``object_type``,
    ``object_id``, ``object_repr``; ``changes``). Call it inside the transaction of the change."""
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    label = getattr(actor_obj, "email", "") or "system"
    rows = []
    for event in events:
        obj = event.get("obj")
        text = event.get("object_repr")
        rows.append(
            AuditEvent(
                partnership=partnership,
                actor=actor_obj,
                actor_label=label,
                action=event["action"],
                object_type=event.get("object_type") or (obj._meta.label_lower if obj is not None else ""),
                object_id=event.get("object_id") or (str(obj.pk) if obj is not None and obj.pk is not None else ""),
                object_repr=(text if text is not None else str(obj) if obj is not None else "")[:255],
                changes=event.get("changes") or {},
            )
        )
    if rows:
        data_version.changed(partnership.pk)  # as in record: every cache of this partnership is stale
    AuditEvent.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _action(obj: models.Model | type[models.Model], verb: str) -> str:
    return f"{obj._meta.model_name}.{verb}"


def _partnership_of(obj: models.Model) -> Partnership:
    return obj if isinstance(obj, Partnership) else obj.partnership


@transaction.atomic
def create(*, actor, obj: M, action: str | None = None, exclude: Iterable[str] = ()) -> M:
    """Validate and insert ``obj`` (not yet saved), with its audit event."""
    obj.full_clean(exclude=list(exclude) or None)
    obj.save()
    record(
        actor=actor,
        partnership=_partnership_of(obj),
        action=action or _action(obj, "create"),
        obj=obj,
        changes=_labelled(
            type(obj),
            {k: [None, v] for k, v in snapshot(obj).items() if v not in (None, "", []) and k != "partnership"},
        ),
    )
    return obj


@transaction.atomic
def update(*, actor, obj: M, values: dict[str, Any], action: str | None = None) -> M:
    """Set ``values`` on ``obj``, validate, save, and audit what really changed.

    "Before" is read from the database (row locked), not from ``obj``: a bound ModelForm has
    already written its values onto its instance.
    """
    stored = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    before = snapshot(stored)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    after = snapshot(obj)
    changes = _labelled(type(obj), diff(before, after))
    if changes:
        obj.save()
        record(
            actor=actor,
            partnership=_partnership_of(obj),
            action=action or _action(obj, "update"),
            obj=obj,
            changes=changes,
        )
    return obj


@transaction.atomic
def delete(*, actor, obj: models.Model, action: str | None = None) -> None:
    """Delete ``obj`` and keep what it was in the audit log."""
    before = snapshot(obj)
    partnership = _partnership_of(obj)
    label, pk, text = obj._meta.label_lower, obj.pk, str(obj)
    action = action or _action(obj, "delete")
    obj.delete()
    record(
        actor=actor,
        partnership=partnership,
        action=action,
        object_type=label,
        object_id=str(pk),
        object_repr=text,
        changes=_labelled(
            type(obj), {k: [v, None] for k, v in before.items() if v not in (None, "", []) and k != "partnership"}
        ),
    )
