"""The free-text review of a version for publication: a flagged sentence blocks publication until a
coordinator has approved or edited it; the PDF prints the reviewed words; decisions carry over;
internal versions are unaffected."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aspm.disclosure.free_text import sentence_digest
from indicators.models import CaseStudy, OutcomeHarvest
from partnerships.models import AuditEvent
from reports.annual import services as annual_services
from reports.jobs import selectors, services
from reports.jobs.services import engine as jobs
from reports.models import ReportJobStatus, ReportVersion, TextDecision

from .test_annual_report import pdf_text, this_year

pytestmark = pytest.mark.django_db

FLAGGED = "Two people were helped at a nail bar."
FOREWORD = f"Thanks to every partner. {FLAGGED} We look forward to next year."


def start(side, capture, *, foreword=FOREWORD, for_publication=True, sections=("partnership",)):
    with capture(execute=True):
        job = annual_services.report_start(
            actor=side.coordinator,
            partnership=side.partnership,
            year=this_year(side),
            foreword=foreword,
            sections=list(sections),
            for_publication=for_publication,
        )
    job.refresh_from_db()
    return job


def decide(side, job, sentence=FLAGGED, *, decision="approved", replacement="", confirm=False, source=None):
    return services.text_decision_record(
        actor=side.coordinator,
        job=job,
        source=source or f"annual:{job.year_start.isoformat()}:foreword",
        digest=sentence_digest(sentence),
        decision=decision,
        replacement=replacement,
        confirm=confirm,
    )


def finish(side, job, capture):
    with capture(execute=True):
        services.publication_review_finish(actor=side.coordinator, job=job)
    job.refresh_from_db()
    return job


def test_a_version_for_publication_waits_for_the_review_and_is_not_made(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    assert job.status == ReportJobStatus.REVIEW
    assert not ReportVersion.objects.filter(job=job).exists()
    review = selectors.publication_review(job)
    ((item,),) = [[i for i in review.items]]
    assert (item.sentence, item.label, item.reasons) == (
        FLAGGED,
        "The foreword",
        ["mentions a small number: ‘Two’", "names a kind of workplace or place: ‘nail bar’"],
    )


def test_a_flagged_sentence_blocks_publication_until_it_is_reviewed(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="1 of 1 flagged sentence is not reviewed yet"):
        services.publication_review_finish(actor=a.coordinator, job=job)
    job.refresh_from_db()
    assert job.status == ReportJobStatus.REVIEW

    decide(a, job)
    job = finish(a, job, django_capture_on_commit_callbacks)

    assert job.status == ReportJobStatus.DONE
    _, text = pdf_text(job.version)
    assert FLAGGED in " ".join(text.split())
    assert job.version.download_name.endswith("-publication.pdf")


def test_an_edited_sentence_is_what_the_pdf_prints(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    decide(a, job, decision="edited", replacement="People were helped by the partnership.")
    job = finish(a, job, django_capture_on_commit_callbacks)

    _, text = pdf_text(job.version)
    text = " ".join(text.split())
    assert "Thanks to every partner. People were helped by the partnership. We look forward" in text
    assert "nail bar" not in text and "Two people" not in text


def test_an_empty_replacement_leaves_the_sentence_out(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    decide(a, job, decision="edited", replacement="")
    job = finish(a, job, django_capture_on_commit_callbacks)
    _, text = pdf_text(job.version)
    assert "Thanks to every partner. We look forward to next year." in " ".join(text.split())


def test_edited_words_that_are_still_flagged_need_an_explicit_approval(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as refused:
        decide(a, job, decision="edited", replacement="Three people were helped.")
    assert (
        "still flagged: the sentence mentions a small number: ‘Three’" in refused.value.message_dict["replacement"][0]
    )
    assert not TextDecision.objects.exists()

    decide(a, job, decision="edited", replacement="Three people were helped.", confirm=True)
    assert TextDecision.objects.get().replacement == "Three people were helped."


def test_each_decision_is_audited(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    decide(a, job)
    decide(a, job, decision="edited", replacement="People were helped.")
    actions = list(AuditEvent.objects.filter(partnership=a.partnership).values_list("action", flat=True))
    assert "textdecision.update" in actions and any(x.endswith("create") and "textdecision" in x for x in actions)


def test_a_decision_carries_over_to_a_later_version_and_shows_as_approved_earlier(
    a, login, django_capture_on_commit_callbacks
):
    first = start(a, django_capture_on_commit_callbacks)
    decide(a, first)
    later = start(a, django_capture_on_commit_callbacks)
    assert selectors.publication_review(later).unreviewed == []

    page = login(a.coordinator).get(reverse("reports:publication_review", args=[a.slug, later.pk])).content.decode()
    assert "1 of 1</strong> sentence reviewed" in page and "approved earlier" in page
    assert later.pk != first.pk


def test_words_changed_after_the_review_send_the_job_back_to_review_and_nothing_is_published(
    a, django_capture_on_commit_callbacks
):
    job = start(a, django_capture_on_commit_callbacks)
    decide(a, job)
    with django_capture_on_commit_callbacks(execute=False):  # finished, but not rendered yet
        services.publication_review_finish(actor=a.coordinator, job=job)
    type(job).objects.filter(pk=job.pk).update(foreword=f"{FOREWORD} Four survivors found work.")

    assert jobs.run_job(job.pk) == "needs review"

    job.refresh_from_db()
    assert job.status == ReportJobStatus.REVIEW
    assert "1 flagged sentence has not been reviewed" in job.message and "Nothing was published" in job.message
    assert not ReportVersion.objects.filter(job=job).exists()
    (item,) = selectors.publication_review(job).unreviewed
    assert item.sentence == "Four survivors found work."


def test_an_internal_version_is_made_at_once_with_the_words_exactly_as_written(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks, for_publication=False)
    assert job.status == ReportJobStatus.DONE
    _, text = pdf_text(job.version)
    assert FLAGGED in " ".join(text.split())
    assert not TextDecision.objects.exists()


def test_outcomes_and_case_studies_are_reviewed_and_printed_as_reviewed(a, django_capture_on_commit_callbacks):
    year = this_year(a)
    harvest = OutcomeHarvest.objects.create(
        partnership=a.partnership,
        title="Safer car washes",
        what_changed="Owners now check right to work.",
        for_whom="Car wash owners",
        when=year.start,
        contribution="Joint visits.",
        evidence="Three owners wrote to us.",
    )
    CaseStudy.objects.create(
        partnership=a.partnership,
        title="A fresh start",
        summary="A woman aged 18-24 left a nail bar and started a college course.",
        consent_confirmed=True,
    )
    job = start(a, django_capture_on_commit_callbacks, foreword="", sections=("outcomes",))
    review = selectors.publication_review(job)
    labels = {(i.label, i.sentence) for i in review.items}
    assert ("Outcome “Safer car washes”: evidence", "Three owners wrote to us.") in labels
    assert (
        "Case study “A fresh start”: summary",
        "A woman aged 18-24 left a nail bar and started a college course.",
    ) in labels
    for item in review.items:
        services.text_decision_record(
            actor=a.coordinator, job=job, source=item.source, digest=item.digest, decision="edited",
            replacement="[Reviewed words.]", confirm=True,
        )  # fmt: skip
    job = finish(a, job, django_capture_on_commit_callbacks)
    _, text = pdf_text(job.version)
    text = " ".join(text.split())
    assert "Three owners" not in text and "nail bar" not in text and "[Reviewed words.]" in text
    harvest.refresh_from_db()
    assert harvest.evidence == "Three owners wrote to us."  # the record itself is never changed


# --------------------------------------------------------------------------- the page
def test_the_review_page_lists_the_sentence_and_refuses_to_make_the_version_until_it_is_reviewed(
    a, login, django_capture_on_commit_callbacks
):
    job = start(a, django_capture_on_commit_callbacks)
    client = login(a.coordinator)
    url = reverse("reports:publication_review", args=[a.slug, job.pk])
    page = client.get(url).content.decode()
    assert "0 of 1</strong> sentence reviewed" in page
    assert FLAGGED in page and "The foreword" in page and "mentions a small number: ‘Two’" in page

    refused = client.post(reverse("reports:publication_review_finish", args=[a.slug, job.pk]))
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "There is a problem" in body and "not reviewed yet" in body and "<title>Error: " in body

    source = f"annual:{job.year_start.isoformat()}:foreword"
    digest = sentence_digest(FLAGGED)
    edited = client.post(
        reverse("reports:publication_review_decide", args=[a.slug, job.pk]),
        {"source": source, "digest": digest, "decision": "edited", "replacement": "Two people were helped."},
    )
    assert edited.status_code == 400 and "Publish these words as they are" in edited.content.decode()
    approved = client.post(
        reverse("reports:publication_review_decide", args=[a.slug, job.pk]),
        {"source": source, "digest": digest, "decision": "approved"},
    )
    assert approved.status_code == 302
    assert "1 of 1</strong> sentence reviewed" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(reverse("reports:publication_review_finish", args=[a.slug, job.pk]))
    assert made.status_code == 302
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE


def test_asking_for_a_publication_version_goes_to_the_review(a, login):
    response = login(a.coordinator).post(
        reverse("reports:annual_start", args=[a.slug]),
        {"year": this_year(a).start.year, "sections": ["partnership"], "for_publication": "on", "foreword": FOREWORD},
    )
    assert response.status_code == 302 and "/review/" in response["Location"]


@pytest.mark.parametrize("role", ["spoc_police", "board", "viewer"])
def test_only_a_coordinator_reviews_the_words(a, role, login, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    client = login(getattr(a, role))
    assert client.get(reverse("reports:publication_review", args=[a.slug, job.pk])).status_code == 403
    response = client.post(
        reverse("reports:publication_review_decide", args=[a.slug, job.pk]),
        {
            "source": f"annual:{job.year_start.isoformat()}:foreword",
            "digest": sentence_digest(FLAGGED),
            "decision": "approved",
        },
    )
    assert response.status_code == 403
    assert not TextDecision.objects.exists()


def test_another_partnerships_review_is_not_found(a, b, login, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    client = login(b.coordinator)
    assert client.get(reverse("reports:publication_review", args=[b.slug, job.pk])).status_code == 404
    response = client.post(
        reverse("reports:publication_review_decide", args=[b.slug, job.pk]),
        {
            "source": f"annual:{job.year_start.isoformat()}:foreword",
            "digest": sentence_digest(FLAGGED),
            "decision": "approved",
        },
    )
    assert response.status_code == 404 and not TextDecision.objects.exists()


def _outcomes(side, n):
    year = this_year(side)
    for i in range(n):
        OutcomeHarvest.objects.create(
            partnership=side.partnership,
            title=f"Outcome {i}",
            what_changed=f"Two workers at a car wash were safeguarded. Change {i}.",
            for_whom="Workers",
            when=year.start,
            contribution="Visits.",
            evidence="Notes.",
        )


@pytest.mark.parametrize("size", [2, 12])
def test_the_review_page_reads_in_a_fixed_number_of_queries(
    a, login, size, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    _outcomes(a, size)
    job = start(a, django_capture_on_commit_callbacks, sections=("outcomes", "partners"))
    first = selectors.publication_review(job).items[0]
    services.text_decision_record(
        actor=a.coordinator, job=job, source=first.source, digest=first.digest, decision="approved"
    )
    client = login(a.coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("reports:publication_review", args=[a.slug, job.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"1 of {size + 1}</strong> sentences reviewed" in page, page[page.find("review-progress") :][:400]


def test_a_version_waiting_for_its_review_cannot_be_queued_by_retry(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="waiting for its text review"):
        services.report_retry(actor=a.coordinator, job=job)
    assert jobs.run_job(job.pk) == "waiting for review"
    job.refresh_from_db()
    assert job.status == ReportJobStatus.REVIEW


def test_the_on_screen_version_of_a_publication_shows_the_reviewed_words(a, login, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    decide(a, job, decision="edited", replacement="People were helped.")
    page = login(a.coordinator).get(reverse("reports:annual_job_web", args=[a.slug, job.pk])).content.decode()
    assert "Thanks to every partner. People were helped. We look forward" in page and FLAGGED not in page


def test_the_job_page_of_a_version_waiting_for_review_links_to_the_review(a, login, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    page = login(a.coordinator).get(reverse("reports:annual_job", args=[a.slug, job.pk])).content.decode()
    assert (
        "Waiting for the text review" in page and reverse("reports:publication_review", args=[a.slug, job.pk]) in page
    )
    assert "hx-trigger" not in page  # nothing to poll while it waits for a person


def test_the_web_version_of_a_publication_leaves_out_a_sentence_not_yet_reviewed_and_marks_the_gap(
    a, login, django_capture_on_commit_callbacks
):
    job = start(a, django_capture_on_commit_callbacks)
    url = reverse("reports:annual_job_web", kwargs={"slug": a.slug, "pk": job.pk})
    page = login(a.coordinator).get(url).content.decode()
    assert "nail bar" not in page
    assert "A sentence is left out here until the coordinator has reviewed it." in page
    assert "Thanks to every partner." in page
    decide(a, job, decision="edited", replacement="Partners helped people at a workplace.", confirm=True)
    page = login(a.coordinator).get(url).content.decode()
    assert "Partners helped people at a workplace." in page and "left out here" not in page
