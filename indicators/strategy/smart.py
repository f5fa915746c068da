"""The SMART check of an objective: what the product can judge from the data, explained in words."""

from __future__ import annotations

from dataclasses import dataclass

SPECIFIC_PROMPT = (
    "An objective is specific when a reader can tell exactly what will change, for whom, where, and by how "
    "much: for example “train 400 frontline council staff to spot the signs” rather than “raise awareness”."
)


@dataclass(frozen=True)
class Check:
    letter: str
    name: str
    ok: bool
    explanation: str


def smart_check(objective, *, indicators, has_vision: bool) -> list[Check]:
    """``indicators``: the objective's indicators, each with ``n_targets`` annotated."""
    ready = [i for i in indicators if i.baseline_value is not None and getattr(i, "n_targets", 0)]
    if ready:
        measurable = Check("M", "Measurable", True, f"{len(ready)} indicator(s) with a baseline and a target.")
    elif indicators:
        measurable = Check(
            "M", "Measurable", False, "Its indicators still need a baseline and a target before progress can be shown."
        )
    else:
        measurable = Check("M", "Measurable", False, "Link at least one indicator with a baseline and a target.")

    if objective.start_date and objective.end_date and objective.end_date > objective.start_date:
        timebound = Check(
            "T",
            "Time-bound",
            True,
            f"Runs from {objective.start_date:%-d %B %Y} to {objective.end_date:%-d %B %Y}.",
        )
    elif objective.start_date and objective.end_date:
        timebound = Check("T", "Time-bound", False, "The end date must come after the start date.")
    else:
        timebound = Check("T", "Time-bound", False, "Give a start date and an end date.")

    owner = objective.owner_organisation or objective.owner_subgroup
    owned = (
        Check("O", "Owned", True, f"Owned by {owner}.")
        if owner
        else Check("O", "Owned", False, "Name the organisation or sub-group that answers for it.")
    )

    if objective.strand_id and has_vision and objective.vision_link.strip():
        relevant = Check("R", "Relevant", True, "Sits under a strand and says how it serves the vision.")
    else:
        missing = []
        if not objective.strand_id:
            missing.append("choose a strand")
        if not has_vision:
            missing.append("write the partnership's vision")
        if not objective.vision_link.strip():
            missing.append("say how it serves the vision")
        relevant = Check("R", "Relevant", False, "To show it is relevant: " + ", ".join(missing) + ".")

    specific = (
        Check("S", "Specific", True, "Confirmed as specific by the coordinator.")
        if objective.specific_confirmed
        else Check("S", "Specific", False, "Not yet confirmed as specific. " + SPECIFIC_PROMPT)
    )
    return [specific, measurable, relevant, timebound, owned]


def failing(checks: list[Check]) -> list[Check]:
    return [c for c in checks if not c.ok]
