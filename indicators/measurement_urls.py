"""URLs of measurement, under /p/<slug>/ (included in aspm/urls.py), namespace "indicators"."""

from django.urls import path

from .measurement.views import (
    benchmarking,
    dimensions,
    evidence,
    figures,
    imports,
    indicators,
    library,
    periods,
    results,
    rules,
)

app_name = "indicators"

urlpatterns = [
    path("indicators/", indicators.indicator_list, name="list"),
    path("indicators/new/", indicators.indicator_create, name="create"),
    path("indicators/<int:pk>/", indicators.indicator_detail, name="detail"),
    path("indicators/<int:pk>/edit/", indicators.indicator_edit, name="edit"),
    path("indicators/<int:pk>/delete/", indicators.indicator_delete, name="delete"),
    path("indicators/<int:pk>/targets/", indicators.indicator_targets, name="targets"),
    path("indicators/<int:pk>/milestones/", indicators.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/delete/", indicators.milestone_delete, name="milestone_delete"),
    path("indicators/<int:pk>/figures/new/", figures.figure_enter, name="figure_enter"),
    path("figures/<int:pk>/correct/", figures.figure_correct, name="figure_correct"),
    path("figures/evidence/<int:pk>/", figures.evidence_download, name="evidence_download"),
    path("indicator-library/", library.library, name="library"),
    path("indicator-library/adopt/", library.library_adopt, name="library_adopt"),
    path("periods/", periods.period_list, name="periods"),
    path("periods/add-year/", periods.period_add_year, name="period_add_year"),
    path("periods/<int:pk>/open/", periods.period_open, name="period_open"),
    path("periods/<int:pk>/lock/", periods.period_lock, name="period_lock"),
    path("measurement-settings/", periods.settings_edit, name="settings"),
    path("dimensions/", dimensions.dimension_list, name="dimensions"),
    path("dimensions/new/", dimensions.dimension_create, name="dimension_create"),
    path("dimensions/<int:pk>/", dimensions.dimension_edit, name="dimension_edit"),
    path("dimensions/<int:pk>/categories/new/", dimensions.category_add, name="category_add"),
    path("dimension-categories/<int:pk>/", dimensions.category_edit, name="category_edit"),
    path("dimension-categories/<int:pk>/delete/", dimensions.category_delete, name="category_delete"),
    path("validation-rules/", rules.rule_list, name="rules"),
    path("validation-rules/new/", rules.rule_create, name="rule_create"),
    path("validation-rules/suggested/", rules.rules_suggested, name="rules_suggested"),
    path("validation-rules/report/", rules.rule_report, name="rule_report"),
    path("validation-rules/<int:pk>/", rules.rule_edit, name="rule_edit"),
    path("validation-rules/<int:pk>/delete/", rules.rule_delete, name="rule_delete"),
    path("results/", results.results, name="results"),
    path("progress/", results.dashboard, name="dashboard"),
    path("evidence/", evidence.evidence_list, name="evidence"),
    path("evidence/outcomes/new/", evidence.outcome_create, name="outcome_create"),
    path("evidence/outcomes/<int:pk>/", evidence.outcome_edit, name="outcome_edit"),
    path("evidence/cases/new/", evidence.case_create, name="case_create"),
    path("evidence/cases/<int:pk>/", evidence.case_edit, name="case_edit"),
    # One URL per kind, with the format as ?format=xlsx|csv (no object ids in these paths).
    *[
        path(f"measurement-data/{kind}/{action}/", view, {"kind": kind}, name=f"{action}_{kind}")
        for kind in ("indicators", "targets", "figures")
        for action, view in (
            ("import", imports.import_page),
            ("export", imports.export),
            ("template", imports.template),
        )
    ],
    # comparing with other partnerships (linked from the health page; the paths stay under health/)
    path("health/benchmarking/", benchmarking.benchmarking_page, name="benchmarking"),
    path("health/benchmarking/sharing/", benchmarking.benchmarking_settings, name="benchmarking_settings"),
    path("health/benchmarking/export/", benchmarking.benchmarking_export, name="benchmarking_export"),
]
