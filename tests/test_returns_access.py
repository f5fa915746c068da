"""Who may do what with a return. A SPOC works on their own organisation's return only: another
organisation's return does not exist for them (404, not 403). Coordinators review; board
members and viewers read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Return, ReturnAttachment, ReturnStatus

from .access_registry.returns import _attachment, _return
from .cast import ROLES
from .returns_cast import NARRATIVE, submitted

pytestmark = pytest.mark.django_db

OK = 200
MOVED = 302
NO = 403
GONE = 404

# url name, method, data, expected status by role (the return is the police's)
CASES = [
    (
        "reports:return_detail",
        "get",
        None,
        dict(coordinator=OK, spoc_police=OK, spoc_charity=GONE, board=OK, viewer=OK),
    ),
    (
        "reports:return_detail",
        "post",
        {"progress": "Typed", "save": ""},
        dict(coordinator=MOVED, spoc_police=MOVED, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_section",
        "get",
        None,
        dict(coordinator=OK, spoc_police=OK, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_section",
        "post",
        {"progress": "Typed"},
        dict(coordinator=MOVED, spoc_police=MOVED, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_check",
        "get",
        None,
        dict(coordinator=OK, spoc_police=OK, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_check",
        "post",
        None,  # nothing written yet: the answers are checked, nothing is submitted
        dict(coordinator=422, spoc_police=422, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_autosave",
        "post",
        {"progress": "Typed"},
        dict(coordinator=OK, spoc_police=OK, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_attachment_add",
        "post",
        "file",
        dict(coordinator=MOVED, spoc_police=MOVED, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_attachment",
        "get",
        None,
        dict(coordinator=OK, spoc_police=OK, spoc_charity=GONE, board=OK, viewer=OK),
    ),
    (
        "reports:return_attachment_delete",
        "post",
        None,
        dict(coordinator=MOVED, spoc_police=MOVED, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_approve",
        "post",
        "version",
        dict(coordinator=MOVED, spoc_police=NO, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_send_back",
        "post",
        {"reason": "Please add June."},
        dict(coordinator=MOVED, spoc_police=NO, spoc_charity=GONE, board=NO, viewer=NO),
    ),
    (
        "reports:return_reopen",
        "post",
        {"reason": "Double counted."},
        dict(coordinator=MOVED, spoc_police=NO, spoc_charity=GONE, board=NO, viewer=NO),
    ),
]


def _kwargs(name, side):
    if name in ("reports:return_attachment", "reports:return_attachment_delete"):
        return _attachment(side)
    if name == "reports:return_section":
        return {"pk": _return(side).pk, "section": "narrative"}
    return {"pk": _return(side).pk}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "data", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_each_role_gets_what_its_organisation_allows(world, login, role, name, method, data, expected):
    a = world.a
    kwargs = _kwargs(name, a)
    return_ = Return.objects.get(pk=kwargs["pk"])
    if name in ("reports:return_approve", "reports:return_send_back"):
        submitted(a, return_)
    if name == "reports:return_reopen":
        from reports.returns import services

        services.return_approve(actor=a.coordinator, return_=submitted(a, return_))
    return_.refresh_from_db()
    if data == "file":
        data = {"file": SimpleUploadedFile("note.txt", b"Attendance list for the June training session.")}
    elif data == "version":
        data = {"version": return_.version}
    url = reverse(name, kwargs={"slug": a.slug, **kwargs})
    response = getattr(login(a.user(role)), method)(url, data or {})
    assert response.status_code == expected[role], f"{role} {method} {name}: {response.status_code}"


def test_a_refused_approval_changes_nothing(a, login):
    return_ = submitted(a, _return(a))
    url = reverse("reports:return_approve", kwargs={"slug": a.slug, "pk": return_.pk})
    login(a.spoc_police).post(url, {"version": return_.version})
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.SUBMITTED


def test_spoc_sees_only_their_own_organisations_returns_in_the_list(a, login):
    police = _return(a)
    charity = Return.objects.get(organisation=a.charity, period=police.period)
    page = login(a.spoc_police).get(reverse("reports:returns", kwargs={"slug": a.slug})).content.decode()
    assert reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": police.pk}) in page
    assert reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": charity.pk}) not in page


def test_evidence_is_checked_by_content_not_by_name(a, login):
    return_ = _return(a)
    url = reverse("reports:return_attachment_add", kwargs={"slug": a.slug, "pk": return_.pk})
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
    response = login(a.spoc_police).post(url, {"file": fake})
    page = response.content.decode()
    assert response.status_code == 422 and "There is a problem" in page and 'href="#id_file"' in page
    assert not ReturnAttachment.objects.filter(return_obj=return_).exists()


def test_evidence_is_downloaded_as_an_attachment_that_is_never_sniffed(a, login):
    kwargs = _attachment(a)
    response = login(a.board).get(reverse("reports:return_attachment", kwargs={"slug": a.slug, **kwargs}))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_evidence_cannot_be_added_to_a_submitted_return(a, login):
    return_ = submitted(a, _return(a))
    url = reverse("reports:return_attachment_add", kwargs={"slug": a.slug, "pk": return_.pk})
    note = SimpleUploadedFile("note.txt", b"Late evidence that should not be accepted now.")
    response = login(a.spoc_police).post(url, {"file": note}, follow=True)
    assert "cannot be changed" in response.content.decode()
    assert not ReturnAttachment.objects.filter(return_obj=return_).exists()


def test_the_submit_button_saves_and_submits_in_one_go(a, login):
    return_ = _return(a)
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    response = login(a.spoc_police).post(url, {**NARRATIVE, "submit": ""})
    assert response.status_code == MOVED
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.SUBMITTED


def test_submitting_an_incomplete_return_shows_what_is_missing_and_keeps_the_text(a, login):
    return_ = _return(a)
    url = reverse("reports:return_detail", kwargs={"slug": a.slug, "pk": return_.pk})
    response = login(a.spoc_police).post(url, {"progress": "Only progress so far", "submit": ""})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Write something under “Problems”." in page
    assert "Only progress so far" in page
    stored = Return.objects.get(pk=return_.pk)
    assert stored.status == ReturnStatus.DRAFT and stored.progress == "Only progress so far"


def test_approving_from_a_stale_page_says_why_it_was_refused(a, login):
    return_ = submitted(a, _return(a))
    from reports.returns import services

    stale = return_.version
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Add June.")
    url = reverse("reports:return_approve", kwargs={"slug": a.slug, "pk": return_.pk})
    response = login(a.coordinator).post(url, {"version": stale}, follow=True)
    assert "changed while you were reading it" in response.content.decode()
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.RETURNED
