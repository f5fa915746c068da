"""Every change to measurement data. Keyword-only, taking the actor; validated, atomic, audited.

Split by subject; import from here.
"""

from .combined import figure_record_with_evidence, indicator_baseline_and_targets_set
from .dimensions import category_add, category_delete, category_update, dimension_create, dimension_update
from .evidence import case_study_create, case_study_update, outcome_harvest_create, outcome_harvest_update
from .figures import (
    FigureInput,
    evidence_add,
    figure_correct,
    figure_record,
    figure_validate,
)
from .figures_many import figures_record_many, figures_validate_many
from .indicators import indicator_create, indicator_delete, indicator_update, library_adopt, settings_update
from .milestones import milestone_delete, milestone_set
from .periods import period_lock, period_open, period_set_due_date, periods_ensure_year
from .rules import library_rules_adopt, rule_create, rule_delete, rule_update
from .targets import target_set, targets_set_many

__all__ = [
    "category_add",
    "category_delete",
    "category_update",
    "dimension_create",
    "dimension_update",
    "FigureInput",
    "case_study_create",
    "case_study_update",
    "evidence_add",
    "figure_correct",
    "figure_record",
    "figure_record_with_evidence",
    "figure_validate",
    "figures_record_many",
    "figures_validate_many",
    "indicator_baseline_and_targets_set",
    "indicator_create",
    "indicator_delete",
    "indicator_update",
    "library_adopt",
    "library_rules_adopt",
    "milestone_delete",
    "milestone_set",
    "rule_create",
    "rule_delete",
    "rule_update",
    "outcome_harvest_create",
    "outcome_harvest_update",
    "period_lock",
    "period_open",
    "period_set_due_date",
    "periods_ensure_year",
    "settings_update",
    "target_set",
    "targets_set_many",
]
