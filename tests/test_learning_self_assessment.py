"""Self-assessment rounds: every partner organisation rates itself on the template's statements (and
the partnership's own) from 1 to 4; the results show gaps and the change since the previous round; a
rating off the scale, or for another organisation, is refused with nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans.learning import self_assessment_selectors as selectors
from actionplans.learning import self_assessment_template as template
from actionplans.learning.models import AssessmentRating, AssessmentRound
from actionplans.learning.services import self_assessment as services
from actionplans.models import Action
from partnerships import services as partnership_services
from partnerships.models import AuditEvent, Sector

from .learning_helpers import make_round
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

LEAD = "A named senior lead answers for our organisation's part in the partnership's work."


def statement(round, code):
    return round.statements.get(code=code)


def rate(side, round, code, organisation, level, user=None, **values):
    return services.rating_record(
        actor=user or side.coordinator,
        statement=statement(round, code),
        organisation=organisation,
        level=level,
        **values,
    )


def test_a_round_copies_every_template_statement_covering_the_six_key_goals(a):
    made = make_round(a, own=["We join the joint visits to car washes."])
    goals = set(made.statements.values_list("goal", flat=True))
    assert goals == {"governance", "information", "victims", "prevention", "justice", "data", "own"}
    assert made.statements.count() == len(list(template.statements())) + 1
    assert statement(made, "GOV1").text == LEAD
    assert [name for _, name, _ in template.SCALE] == ["Not in place", "Developing", "Established", "Embedded"]


def test_a_spoc_rates_a_statement_for_their_own_organisation_with_evidence(a):
    made = make_round(a)
    rating = rate(a, made, "GOV1", a.police, 3, user=a.spoc_police, evidence="Named in the force's plan.")
    assert (rating.level, rating.rated_by, rating.evidence) == (3, a.spoc_police, "Named in the force's plan.")
    rate(a, made, "GOV1", a.police, 4, user=a.spoc_police)  # a second rating changes the first
    assert AssessmentRating.objects.get().level == 4
    assert AuditEvent.objects.filter(partnership=a.partnership, action__startswith="assessmentrating").count() == 2


@pytest.mark.parametrize("level", [0, 5, "two", None])
def test_a_rating_outside_the_scale_is_refused_and_nothing_is_written(a, level):
    made = make_round(a)
    with pytest.raises(ValidationError, match="from 1 to 4"):
        rate(a, made, "GOV1", a.police, level, user=a.spoc_police)
    assert not AssessmentRating.objects.exists()


def test_a_spoc_of_another_organisation_is_refused_and_nothing_is_written(a):
    made = make_round(a)
    with pytest.raises(ValidationError, match="Only .* SPOC or the coordinator"):
        rate(a, made, "GOV1", a.police, 3, user=a.spoc_charity)
    with pytest.raises(ValidationError, match="Only"):
        rate(a, made, "GOV1", a.police, 3, user=a.board)
    assert not AssessmentRating.objects.exists()


def test_an_organisation_of_another_partnership_cannot_be_rated(a, b):
    made = make_round(a)
    with pytest.raises(ValidationError, match="not part of this partnership"):
        rate(a, made, "GOV1", b.police, 3)
    assert not AssessmentRating.objects.exists()


def test_ratings_wait_until_the_round_opens_and_statements_are_fixed_once_it_does(a):
    draft = make_round(a, open=False)
    with pytest.raises(ValidationError, match="not open"):
        rate(a, draft, "GOV1", a.police, 3)
    services.round_open(actor=a.coordinator, round=draft)
    with pytest.raises(ValidationError, match="can no longer change"):
        services.statement_add(actor=a.coordinator, round=draft, text="A late statement.")
    assert not AssessmentRating.objects.exists()


def test_the_results_highlight_gaps_and_the_change_from_the_previous_round(a):
    last = make_round(a, title="Self-assessment 2025", opens_on=dt.date(2025, 3, 1), own=["We join joint visits."])
    this = make_round(a, title="Self-assessment 2026", opens_on=dt.date(2026, 3, 1), own=["We join joint visits."])
    for round, levels in ((last, (1, 2, 2)), (this, (3, 3, 4))):
        for organisation, level in zip((a.police, a.charity, a.council), levels, strict=True):
            rate(a, round, "GOV1", organisation, level)
    rate(a, last, "DAT1", a.police, 3)
    rate(a, this, "DAT1", a.police, 2)
    rate(a, this, "DAT1", a.charity, 1)
    rate(a, this, "INF1", a.police, 4)
    own = this.statements.get(code="")
    services.rating_record(actor=a.coordinator, statement=own, organisation=a.police, level=2)
    services.rating_record(actor=a.coordinator, statement=last.statements.get(code=""), organisation=a.police, level=1)

    results = selectors.results(this)
    rows = {row.statement.code or "own": row for row in results.rows}
    assert results.previous == last
    assert (rows["GOV1"].median, rows["GOV1"].before, rows["GOV1"].change) == (3, 2, 1)
    assert (rows["DAT1"].median, rows["DAT1"].change) == (1.5, -1.5)
    assert rows["own"].change == 1  # the partnership's own statement is matched by its wording
    assert rows["INF1"].change is None  # not rated last time
    assert [row.statement.code or "own" for row in results.gaps] == ["DAT1", "own"]
    assert rows["DAT1"].gap_reasons == ["median 1.5, below 3 (Established)", "1 organisation at 1 (Not in place)"]
    assert selectors.results(last).previous is None


def test_an_action_raised_from_a_gap_is_in_the_plan_and_linked_to_the_statement(a):
    made = make_round(a)
    rate(a, made, "DAT1", a.police, 1)
    gap = statement(made, "DAT1")
    action = services.raise_action(
        actor=a.coordinator,
        statement=gap,
        title="Agree one way to record modern slavery cases",
        owner_organisation=a.council,
        due_date=dt.date(2026, 12, 31),
    )
    assert Action.objects.get(pk=action.pk).owner_organisation == a.council
    assert list(gap.actions.all()) == [action]


# ------------------------------------------------------------------ pages
def test_the_coordinator_starts_adds_a_statement_and_opens_a_round_through_the_pages(a, login):
    client = login(a.coordinator)
    slug = a.partnership.slug
    response = client.post(
        reverse("learning:assessment_create", args=[slug]),
        {"title": "Self-assessment 2026", "opens_on": "2026-03-01", "closes_on": "2026-04-01"},
    )
    assert response.status_code == 302
    made = AssessmentRound.objects.get(partnership=a.partnership)
    client.post(reverse("learning:assessment_statement_add", args=[slug, made.pk]), {"text": "We join joint visits."})
    client.post(reverse("learning:assessment_open", args=[slug, made.pk]))
    made.refresh_from_db()
    assert made.status == "open" and made.statements.filter(goal="own", text="We join joint visits.").exists()
    page = client.get(reverse("learning:assessment", args=[slug, made.pk])).content.decode()
    assert "Results by statement and organisation" in page and LEAD.replace("'", "&#x27;") in page


def test_a_spoc_rates_through_the_pages_and_a_level_off_the_scale_shows_the_message(a, login):
    made = make_round(a)
    client = login(a.spoc_police)
    url = reverse(
        "learning:assessment_rate", args=[a.partnership.slug, made.pk, a.police.pk, statement(made, "VIC1").pk]
    )
    refused = client.post(url, {"level": "7", "evidence": "Training records."})
    assert refused.status_code == 200 and "Choose a level from 1 to 4" in refused.content.decode()
    assert not AssessmentRating.objects.exists()
    assert client.post(url, {"level": "3", "evidence": "Training records."}).status_code == 302
    assert AssessmentRating.objects.get().organisation == a.police


def test_only_the_organisations_spoc_and_the_coordinator_may_open_its_rating_page(a, login):
    made = make_round(a)
    url = reverse(
        "learning:assessment_rate", args=[a.partnership.slug, made.pk, a.charity.pk, statement(made, "VIC1").pk]
    )
    assert login(a.spoc_charity).get(url).status_code == 200
    assert login(a.coordinator).get(url).status_code == 200
    for refused in (a.spoc_police, a.board, a.viewer):
        assert login(refused).get(url).status_code == 403
    assert login(a.spoc_police).post(url, {"level": "3"}).status_code == 403
    assert not AssessmentRating.objects.exists()


def test_the_coordinator_raises_an_action_from_a_gap_through_the_page(a, login):
    made = make_round(a)
    rate(a, made, "DAT1", a.police, 1)
    client = login(a.coordinator)
    url = reverse("learning:assessment_action", args=[a.partnership.slug, made.pk, statement(made, "DAT1").pk])
    response = client.post(
        url, {"title": "Agree one recording standard", "owner_organisation": a.council.pk, "due_date": "2026-12-31"}
    )
    assert response.status_code == 302
    page = client.get(reverse("learning:assessment", args=[a.partnership.slug, made.pk])).content.decode()
    assert "Agree one recording standard" in page and "Raise an action" in page


def test_another_partnerships_coordinator_sees_404_for_a_round_and_its_pages(a, b, login):
    made = make_round(a)
    client = login(b.coordinator)
    slug = b.partnership.slug
    gap = statement(made, "GOV1").pk
    for url in (
        reverse("learning:assessment", args=[slug, made.pk]),
        reverse("learning:assessment_organisation", args=[slug, made.pk, b.police.pk]),
        reverse("learning:assessment_rate", args=[slug, made.pk, b.police.pk, gap]),
        reverse("learning:assessment_action", args=[slug, made.pk, gap]),
    ):
        assert client.get(url).status_code == 404, url
    other = make_round(b)
    url = reverse("learning:assessment_rate", args=[slug, other.pk, a.police.pk, statement(other, "GOV1").pk])
    assert client.get(url).status_code == 404  # an organisation of another partnership


def test_the_results_page_takes_the_same_queries_at_two_sizes(a, login):
    made = make_round(a)
    client = login(a.coordinator)
    url = reverse("learning:assessment", args=[a.partnership.slug, made.pk])
    codes = ["GOV1", "DAT1", "VIC2"]
    grown = []

    def grow(n):
        for _ in range(n):
            grown.append(None)
            org = partnership_services.organisation_create(
                actor=None, partnership=a.partnership, name=f"Organisation {len(grown)}", sector=Sector.NGO
            )
            for k, code in enumerate(codes):
                rate(a, made, code, org, 1 + (len(grown) + k) % 4, evidence="Seen.")
            services.raise_action(
                actor=a.coordinator,
                statement=statement(made, "DAT1"),
                title=f"Close the gap {len(grown)}",
                owner_organisation=org,
                due_date=dt.date(2026, 12, 31),
            )

    # the door (session, user, membership) and base page; the round; the statements, their ratings,
    # their actions; the organisations; the previous round; the peer-review invitations
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=12)


def test_the_rounds_list_takes_the_same_queries_at_two_sizes(a, login):
    client = login(a.coordinator)
    url = reverse("learning:assessments", args=[a.partnership.slug])
    count = [0]

    def grow(n):
        for _ in range(n):
            count[0] += 1
            make_round(a, title=f"Round {count[0]}", opens_on=dt.date(2020, 1, 1) + dt.timedelta(days=count[0]))

    # (the sixth: the rounds of other partnerships this coordinator is invited to review)
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=6)
