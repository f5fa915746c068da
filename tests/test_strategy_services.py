"""Strategy services refuse bad input with a clear message and leave nothing half-saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import (
    AssumptionStatus,
    DevelopmentGoal,
    Objective,
    ResultsChainEntry,
    Risk,
    Strand,
    risk_band,
)
from indicators.strategy import services
from partnerships.models import AuditEvent

from . import strategy_world as sw

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_new_partnership_starts_with_the_4ps_and_the_eight_development_goals(a):
    codes = list(Strand.objects.filter(partnership=a.partnership).values_list("code", flat=True))
    assert codes == ["pursue", "prevent", "protect", "prepare"]
    assert DevelopmentGoal.objects.filter(partnership=a.partnership).count() == 8


def test_an_objective_whose_end_is_before_its_start_is_refused_and_not_saved(a):
    with pytest.raises(ValidationError) as caught:
        sw.objective(a, start_date=dt.date(2027, 3, 31), end_date=dt.date(2026, 4, 1))
    assert "end date must be after the start date" in _messages(caught.value)
    assert not Objective.objects.filter(partnership=a.partnership).exists()


def test_an_objective_cannot_use_another_partnerships_strand_or_owner(a, b):
    with pytest.raises(ValidationError, match="not part of this partnership"):
        sw.objective(a, strand=sw.strand(b))
    with pytest.raises(ValidationError, match="not part of this partnership"):
        sw.objective(a, owner_organisation=b.police)
    assert not Objective.objects.filter(partnership=a.partnership).exists()


def test_an_objective_has_one_owner_and_known_pathway_stages(a):
    with pytest.raises(ValidationError, match="not both"):
        sw.objective(a, owner_subgroup=sw.subgroup(a))
    with pytest.raises(ValidationError, match="victim care pathway"):
        sw.objective(a, pathway_stages=["rescue"])


def test_objective_codes_are_numbered_and_unique(a):
    first, second = sw.objective(a), sw.objective(a)
    assert (first.code, second.code) == ("OBJ1", "OBJ2")
    with pytest.raises(ValidationError, match="already has the reference"):
        sw.objective(a, code="obj1")


def test_a_chain_link_may_only_go_one_level_up(a):
    entries = sw.chain(a)
    activity = entries[2]
    with pytest.raises(ValidationError) as skip:
        services.chain_entry_update(actor=a.coordinator, entry=activity, description="x", leads_to=entries[4])
    assert "cannot skip a level" in _messages(skip.value)
    spare_input = services.chain_entry_create(
        actor=a.coordinator, objective=activity.objective, level=1, description="Volunteer hours"
    )
    with pytest.raises(ValidationError) as reverse:
        services.chain_entry_update(actor=a.coordinator, entry=entries[3], description="x", leads_to=spare_input)
    assert "must go up the chain" in _messages(reverse.value)
    with pytest.raises(ValidationError, match="top of the chain"):
        services.chain_entry_create(
            actor=a.coordinator, objective=activity.objective, level=5, description="x", leads_to=entries[4]
        )
    activity.refresh_from_db()
    assert activity.leads_to == entries[3] and activity.description == "Days of action"


def test_a_chain_link_that_would_close_a_loop_is_refused(a):
    entries = sw.chain(a)
    output = entries[3]
    with pytest.raises(ValidationError, match="loop"):
        services.chain_entry_update(actor=a.coordinator, entry=output, description="x", leads_to=entries[2])
    output.refresh_from_db()
    assert output.leads_to == entries[4]


def test_a_chain_link_to_another_partnerships_entry_or_another_objective_is_refused(a, b):
    mine, theirs = sw.chain(a), sw.chain(b)
    with pytest.raises(ValidationError, match="another partnership"):
        services.chain_entry_create(
            actor=a.coordinator, objective=mine[1].objective, level=2, description="x", leads_to=theirs[3]
        )
    other = sw.chain(a, sw.objective(a))
    with pytest.raises(ValidationError, match="same objective"):
        services.chain_entry_update(actor=a.coordinator, entry=mine[2], description="x", leads_to=other[3])
    assert ResultsChainEntry.objects.filter(partnership=a.partnership).count() == 10


def test_deleting_an_entry_unlinks_the_entries_below_it(a):
    entries = sw.chain(a)
    services.chain_entry_delete(actor=a.coordinator, entry=entries[3])
    entries[2].refresh_from_db()
    assert entries[2].leads_to is None


@pytest.mark.parametrize("likelihood", [7, 0, "3.5", None])
def test_a_likelihood_outside_1_to_5_is_refused(a, likelihood):
    with pytest.raises(ValidationError) as caught:
        sw.risk(a, likelihood=likelihood)
    assert "likelihood" in caught.value.error_dict
    assert not Risk.objects.filter(partnership=a.partnership).exists()


def test_a_risk_cannot_be_linked_to_another_partnerships_objective(a, b):
    with pytest.raises(ValidationError, match="not part of this partnership"):
        sw.risk(a, objectives=[sw.objective(b)])
    assert not Risk.objects.filter(partnership=a.partnership).exists()


def test_risk_score_and_band(a):
    risk = sw.risk(a, likelihood=4, impact=5)
    assert (risk.score, risk.band_label) == (20, "Very high")
    assert [risk_band(s)[1] for s in (1, 4, 5, 9, 10, 12, 15, 25)] == [
        "Low", "Low", "Medium", "Medium", "High", "High", "Very high", "Very high"
    ]  # fmt: skip


def test_linking_objectives_to_a_risk_is_audited(a):
    risk = sw.risk(a)
    objective = sw.objective(a)
    services.risk_update(actor=a.coordinator, risk=risk, objectives=[objective], likelihood=2)
    assert list(risk.objectives.all()) == [objective]
    assert AuditEvent.objects.filter(action="risk.link_objectives", object_id=str(risk.pk)).exists()
    risk.refresh_from_db()
    assert risk.likelihood == 2


def test_an_assumption_keeps_its_dated_verdicts_and_shows_the_latest(a):
    assumption = sw.assumption(a)
    services.assumption_review(
        actor=a.coordinator, assumption=assumption, status="holding", note="Q1 agrees", on=dt.date(2026, 7, 1)
    )
    services.assumption_review(
        actor=a.coordinator, assumption=assumption, status="doubtful", note="Q2 does not", on=dt.date(2026, 10, 1)
    )
    services.assumption_review(
        actor=a.coordinator, assumption=assumption, status="holding", note="late entry", on=dt.date(2026, 8, 1)
    )
    assumption.refresh_from_db()
    assert (assumption.status, assumption.status_date) == (AssumptionStatus.DOUBTFUL, dt.date(2026, 10, 1))
    assert assumption.reviews.count() == 3


def test_a_verdict_needs_its_evidence_and_cannot_be_dated_in_the_future(a):
    assumption = sw.assumption(a)
    with pytest.raises(ValidationError, match="evidence"):
        services.assumption_review(actor=a.coordinator, assumption=assumption, status="disproved", note=" ")
    with pytest.raises(ValidationError, match="future"):
        services.assumption_review(
            actor=a.coordinator, assumption=assumption, status="holding", note="x", on=dt.date(2999, 1, 1)
        )
    assert assumption.reviews.count() == 0


def test_an_assumption_cannot_be_tested_by_another_partnerships_indicator(a, b):
    indicator = sw.measured(b, sw.objective(b))
    with pytest.raises(ValidationError, match="not part of this partnership"):
        services.assumption_create(actor=a.coordinator, partnership=a.partnership, statement="x", indicator=indicator)


def test_strands_can_be_renamed_and_added_but_not_duplicated(a):
    pursue = sw.strand(a)
    services.strand_update(actor=a.coordinator, strand=pursue, name="Pursue offenders")
    added = services.strand_create(actor=a.coordinator, partnership=a.partnership, name="Partnership working")
    assert added.code == "partnership-working"
    with pytest.raises(ValidationError, match="already has a strand"):
        services.strand_create(actor=a.coordinator, partnership=a.partnership, name="pursue OFFENDERS")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64, "not accepted"),
        ("notes.pdf", b"", "empty"),
    ],
)
def test_evidence_of_the_wrong_type_is_refused(a, name, content, message):
    goal = sw.goal(a)
    with pytest.raises(ValidationError, match=message):
        services.development_goal_update(
            actor=a.coordinator, goal=goal, status="in_progress", evidence_file=SimpleUploadedFile(name, content)
        )
    goal.refresh_from_db()
    assert not goal.evidence_file and goal.status == "not_started"


def test_evidence_over_20_mb_is_refused(a, settings):
    settings.UPLOAD_MAX_BYTES = 100 * 1024 * 1024  # the goal's own 20 MB limit applies, not the site's
    big = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="the limit is 20 MB"):
        services.development_goal_update(actor=a.coordinator, goal=sw.goal(a), status="done", evidence_file=big,
                                         achieved_on=dt.date(2026, 5, 1))  # fmt: skip


def test_a_goal_marked_done_needs_its_date(a):
    with pytest.raises(ValidationError, match="date it was done"):
        services.development_goal_update(actor=a.coordinator, goal=sw.goal(a), status="done")


def test_a_subgroup_takes_only_its_own_partnerships_members_and_strands(a, b):
    with pytest.raises(ValidationError, match="not part of this partnership"):
        services.subgroup_create(
            actor=a.coordinator, partnership=a.partnership, name="Mixed", members=[b.memberships["viewer"]]
        )
    group = sw.subgroup(a)
    assert a.memberships["spoc_police"] in group.members.all()  # the chair sits on the group
    assert list(group.strands.all()) == [sw.strand(a)]


def test_an_objective_that_indicators_measure_cannot_be_deleted(a):
    objective = sw.objective(a)
    sw.measured(a, objective)
    with pytest.raises(ValidationError, match="Indicators measure this objective"):
        services.objective_delete(actor=a.coordinator, objective=objective)
    assert Objective.objects.filter(pk=objective.pk).exists()
