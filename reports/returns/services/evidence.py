"""Evidence files attached to a return: checked by content on upload, removed with an audit
event; only while the return is with the organisation."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from aspm.uploads import validate_upload
from partnerships import audit
from partnerships.access import check_same_partnership

from ...models.returns import Return, ReturnAttachment
from . import _check_editable, _lock


def attachment_add(*, actor, return_: Return, uploaded, description: str = "") -> ReturnAttachment:
    try:
        kind = validate_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    with transaction.atomic():
        locked = _lock(return_)
        _check_editable(locked)
        check_same_partnership(locked.partnership, [locked.organisation])
        name = (getattr(uploaded, "name", "") or "evidence").rsplit("/", 1)[-1][:200]
        attachment = audit.create(
            actor=actor,
            obj=ReturnAttachment(
                partnership=locked.partnership,
                return_obj=locked,
                file=uploaded,
                original_name=name,
                kind=kind,
                size=uploaded.size,
                description=description.strip()[:200],
                uploaded_by=actor,
            ),
        )
        Return.objects.filter(pk=locked.pk).update(version=F("version") + 1)
    return attachment


def attachment_delete(*, actor, attachment: ReturnAttachment) -> None:
    with transaction.atomic():
        locked = _lock(attachment.return_obj)
        _check_editable(locked)
        stored = attachment.file
        audit.delete(actor=actor, obj=attachment)
        Return.objects.filter(pk=locked.pk).update(version=F("version") + 1)
        transaction.on_commit(lambda: stored.storage.delete(stored.name))
