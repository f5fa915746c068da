"""Validation rules shipped with the indicator library: only ones true by definition or nearly so.

Each is adopted (``services.rules.library_rules_adopt``) when the partnership has every indicator
it names, adopted from the library, and on the rules page's "Add the suggested rules" button. The
codes are library codes ("O5-02"); ``code`` is the rule's stable key ("R01"): never renumber.

Note the direction of the first: one person can be convicted of several offences, so the people
convicted can never outnumber the convictions (the issue's "convictions ≤ individuals convicted"
had it the wrong way round).
"""

LIBRARY_RULES = (
    {
        "code": "R01",
        "name": "Individuals convicted cannot exceed convictions",
        "left": ("O5-03",),
        "operator": "le",
        "right": ("O5-02",),
        "severity": "must_hold",
        "description": "Every person convicted has at least one conviction, so O5-03 is never more than O5-02.",
    },
    {
        "code": "R02",
        "name": "Victims found through joint working are among all potential victims identified",
        "left": ("O6-06",),
        "operator": "le",
        "right": ("O6-01",),
        "severity": "warning",
        "description": "Victims identified through joint work are counted in the identifications too. A "
        "breach usually means one organisation counts the joint-working figure but not the total.",
    },
    {
        "code": "R03",
        "name": "NRM referrals and Duty to Notify notifications do not exceed potential victims identified",
        "left": ("O6-07", "O6-08"),
        "operator": "le",
        "right": ("O6-01",),
        "severity": "warning",
        "description": "Each NRM referral or Duty to Notify notification is about a potential victim who was "
        "identified. A breach can be real (a referral for someone identified in an earlier quarter), so it "
        "is a warning: say why in the figure's comment.",
    },
    {
        "code": "R04",
        "name": "Child victims supported are among all victims supported",
        "left": ("O6-05",),
        "operator": "le",
        "right": ("O6-03",),
        "severity": "warning",
        "description": "Children supported through child protection or council provision are victims provided "
        "with support, so O6-05 is not more than O6-03.",
    },
)
