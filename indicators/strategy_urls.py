"""URLs of the strategy side, under /p/<slug>/ (included in aspm/urls.py, namespace "strategy")."""

from django.urls import path

from .strategy.views import chain, funding, funding_reviews, goals, logframe, objectives, plan, risks, subgroups

app_name = "strategy"

urlpatterns = [
    path("plan/", plan.plan, name="plan"),
    path("plan/edit/", plan.plan_edit, name="plan_edit"),
    path("plan/strategy-period/", plan.strategy_period, name="strategy_period"),
    path("plan/assumptions/new/", plan.assumption_create, name="assumption_create"),
    path("plan/assumptions/<int:pk>/edit/", plan.assumption_edit, name="assumption_edit"),
    path("plan/assumptions/<int:pk>/review/", plan.assumption_review, name="assumption_review"),
    path("plan/assumptions/<int:pk>/delete/", plan.assumption_delete, name="assumption_delete"),
    path("plan/strands/", plan.strand_list, name="strands"),
    path("plan/strands/new/", plan.strand_create, name="strand_create"),
    path("plan/strands/<int:pk>/edit/", plan.strand_edit, name="strand_edit"),
    path("objectives/", objectives.objective_list, name="objectives"),
    path("objectives/new/", objectives.objective_create, name="objective_create"),
    path("objectives/<int:pk>/", objectives.objective_detail, name="objective_detail"),
    path("objectives/<int:pk>/edit/", objectives.objective_edit, name="objective_edit"),
    path("objectives/<int:pk>/specific/", objectives.objective_specific, name="objective_specific"),
    path("objectives/<int:pk>/delete/", objectives.objective_delete, name="objective_delete"),
    path("objectives/<int:pk>/chain/<int:level>/new/", chain.chain_entry_create, name="chain_entry_create"),
    path("chain/<int:pk>/edit/", chain.chain_entry_edit, name="chain_entry_edit"),
    path("chain/<int:pk>/delete/", chain.chain_entry_delete, name="chain_entry_delete"),
    path("logframe/", logframe.logframe, name="logframe"),
    path("logframe.xlsx", logframe.logframe_export, name="logframe_xlsx"),
    path("subgroups/", subgroups.subgroup_list, name="subgroups"),
    path("subgroups/new/", subgroups.subgroup_create, name="subgroup_create"),
    path("subgroups/<int:pk>/", subgroups.subgroup_detail, name="subgroup_detail"),
    path("subgroups/<int:pk>/edit/", subgroups.subgroup_edit, name="subgroup_edit"),
    path("risks/", risks.risk_list, name="risks"),
    path("risks/new/", risks.risk_create, name="risk_create"),
    path("risks/<int:pk>/edit/", risks.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/delete/", risks.risk_delete, name="risk_delete"),
    path("funding/", funding.agreement_list, name="agreements"),
    path("funding/new/", funding.agreement_create, name="agreement_create"),
    path("funding/<int:pk>/", funding.agreement_detail, name="agreement_detail"),
    path("funding/<int:pk>/edit/", funding.agreement_edit, name="agreement_edit"),
    path("funding/<int:pk>/delete/", funding.agreement_delete, name="agreement_delete"),
    path("funding/<int:pk>/document/", funding.agreement_document, name="agreement_document"),
    path("funding/<int:pk>/budget/new/", funding.budget_line_create, name="budget_line_create"),
    path("funding/budget/<int:pk>/edit/", funding.budget_line_edit, name="budget_line_edit"),
    path("funding/budget/<int:pk>/delete/", funding.budget_line_delete, name="budget_line_delete"),
    path(
        "funding/<int:pk>/reviews/<int:organisation_pk>/<int:year>/",
        funding_reviews.review_page,
        name="agreement_review",
    ),
    path("funding/reviews/<int:pk>/accept/", funding_reviews.review_accept, name="agreement_review_accept"),
    path("funding/reviews/<int:pk>/send-back/", funding_reviews.review_send_back, name="agreement_review_send_back"),
    path("development-goals/", goals.goal_list, name="goals"),
    path("development-goals/<int:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("development-goals/<int:pk>/evidence/", goals.goal_evidence, name="goal_evidence"),
]
