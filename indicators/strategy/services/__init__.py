"""Every write of the strategy side, split by subject. Keyword-only, audited, atomic."""

from . import funding_reviews
from .chain import chain_entry_create, chain_entry_delete, chain_entry_update
from .funding import (
    agreement_create,
    agreement_delete,
    agreement_update,
    budget_line_create,
    budget_line_delete,
    budget_line_update,
)
from .goals import create_development_goals, development_goal_update
from .objectives import objective_create, objective_delete, objective_set_specific, objective_update
from .plan import (
    assumption_create,
    assumption_delete,
    assumption_review,
    assumption_update,
    plan_statement_update,
    strategy_period_set,
)
from .risks import risk_create, risk_delete, risk_update
from .strands import DEFAULT_STRANDS, create_default_strands, strand_create, strand_update
from .subgroups import subgroup_create, subgroup_update

__all__ = [
    "strategy_period_set",
    "funding_reviews",
    "agreement_create",
    "agreement_delete",
    "agreement_update",
    "budget_line_create",
    "budget_line_delete",
    "budget_line_update",
    "DEFAULT_STRANDS",
    "assumption_create",
    "assumption_delete",
    "assumption_review",
    "assumption_update",
    "chain_entry_create",
    "chain_entry_delete",
    "chain_entry_update",
    "create_default_strands",
    "create_development_goals",
    "development_goal_update",
    "objective_create",
    "objective_delete",
    "objective_set_specific",
    "objective_update",
    "plan_statement_update",
    "risk_create",
    "risk_delete",
    "risk_update",
    "strand_create",
    "strand_update",
    "subgroup_create",
    "subgroup_update",
]
