"""The self-assessment template ASPM ships, written for ASPM: statements a partner organisation rates
for itself under the key goals of a partnership, on a four-level maturity scale.

A round copies these when the coordinator creates it; the copy is the round's own, so changing this
module later never changes a round already taken. Codes stay stable so rounds can be compared.
"""

from __future__ import annotations

# (level, name, what it looks like)
SCALE = [
    (1, "Not in place", "Nothing is done yet, or only by chance when one person happens to know."),
    (2, "Developing", "Work has started: some staff or teams do it, but not reliably or everywhere."),
    (3, "Established", "It is done routinely across the organisation, written down and known to staff."),
    (4, "Embedded", "It is how the organisation works: checked, reviewed and improved from what is learned."),
]
LEVELS = [level for level, _, _ in SCALE]
LOWEST, HIGHEST = LEVELS[0], LEVELS[-1]

# (goal key, goal name, [(code, statement)])
GOALS = [
    (
        "governance",
        "Governance",
        [
            ("GOV1", "A named senior lead answers for our organisation's part in the partnership's work."),
            ("GOV2", "We send someone who can make decisions to partnership meetings, and they report back."),
            ("GOV3", "Our own plans and policies say what we do about modern slavery and who does it."),
        ],
    ),
    (
        "information",
        "Information sharing",
        [
            ("INF1", "Staff know when and how they may share information about possible exploitation."),
            ("INF2", "We have an agreement with partners for sharing intelligence, and we use it."),
            ("INF3", "Intelligence we pass on is acknowledged and we hear what came of it."),
        ],
    ),
    (
        "victims",
        "Victim identification and support",
        [
            ("VIC1", "Front-line staff can recognise the signs of exploitation in the people they meet."),
            ("VIC2", "Staff know how to refer a possible victim, including to the National Referral Mechanism."),
            ("VIC3", "People we refer get support quickly, and we keep in touch with them where it is safe to."),
            ("VIC4", "What survivors tell us changes how we work."),
        ],
    ),
    (
        "prevention",
        "Prevention",
        [
            ("PRE1", "We take part in campaigns that raise awareness among the public and local businesses."),
            ("PRE2", "Our buying and contracts check suppliers for forced labour."),
            ("PRE3", "We work with partners to reduce the risk for groups known to be targeted."),
        ],
    ),
    (
        "justice",
        "Criminal justice",
        [
            ("CJ1", "We help gather evidence that can lead to charges, and share it in time."),
            ("CJ2", "Victims and witnesses are supported through investigations and court."),
            ("CJ3", "We use civil and regulatory powers (orders, licences, inspections) as well as prosecution."),
        ],
    ),
    (
        "data",
        "Data and record keeping",
        [
            ("DAT1", "We record modern slavery cases and referrals in a way that can be counted."),
            ("DAT2", "We give the partnership our figures on time each quarter."),
            ("DAT3", "Records are kept securely and only as long as they are needed."),
        ],
    ),
]

GOAL_NAMES = {key: name for key, name, _ in GOALS}
OWN_GOAL = ("own", "Our partnership's own statements")
GOAL_CHOICES = [(key, name) for key, name, _ in GOALS] + [OWN_GOAL]


def statements():
    """Every template statement in order: (goal key, code, text)."""
    for key, _, items in GOALS:
        for code, text in items:
            yield key, code, text
