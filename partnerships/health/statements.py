"""The trust and communication survey's statements: a fixed set, in our own words, after the idea
of an annual partnership communication and trust assessment (seed 001, section 5).

Codes are stored with each answer, so a statement's code never changes; if the wording must change
in substance, add a new code so that rounds stay comparable.
"""

from __future__ import annotations

from dataclasses import dataclass

SCALE = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)


@dataclass(frozen=True)
class Statement:
    code: str
    theme: str
    text: str


THEMES = {
    "trust": "Trust",
    "communication": "Communication",
    "sharing": "Information sharing",
    "purpose": "Shared purpose",
}

STATEMENTS: tuple[Statement, ...] = (
    Statement("trust_rely", "trust", "I can rely on partner organisations to do what they said they would do."),
    Statement("trust_candid", "trust", "I can raise a problem or a disagreement openly in partnership meetings."),
    Statement("trust_motives", "trust", "Partners act in the interest of people at risk, not only their own agency."),
    Statement("comm_contact", "communication", "I know whom to contact in each partner organisation, and they reply."),
    Statement("comm_timely", "communication", "News that affects my work reaches me from partners in good time."),
    Statement(
        "comm_clear", "communication", "Decisions of the partnership are recorded clearly and shared with everyone."
    ),
    Statement("share_data", "sharing", "Partners share the information and data needed to act on cases and trends."),
    Statement("share_rules", "sharing", "I understand what I may share with partners and how to share it safely."),
    Statement("share_resources", "sharing", "Partners pool staff time, skills or money when joint work needs it."),
    Statement("purpose_goals", "purpose", "Partners agree on what the partnership is trying to achieve."),
    Statement("purpose_roles", "purpose", "Each organisation's part in the plan is clear and accepted."),
    Statement("purpose_worth", "purpose", "Taking part in the partnership is worth the time my organisation gives it."),
)

BY_CODE = {s.code: s for s in STATEMENTS}
