"""Greater Westmoor's own words for the large demo (``seed_demo --size large``): its vision, mission,
the assumptions under its theory of change and where its development goals stand. Fictional."""

from __future__ import annotations

VISION = (
    "A county where no one is bought, sold or held for profit, where every town and village knows the "
    "signs, and where survivors are safe, heard and supported to rebuild their lives."
)
MISSION = (
    "Sixty organisations across Greater Westmoor planning together, sharing what they know and holding "
    "each other to the plan."
)
THEORY_OF_CHANGE = (
    "Exploitation in Greater Westmoor hides in farms and packhouses, hand car washes, shared houses and "
    "the county's busy transport routes, spread across ten towns and their villages. If staff in every "
    "district know the signs and use one referral route, more victims will be found, wherever they are. "
    "If what councils, health, housing and the voluntary sector see reaches the police in a usable form, "
    "joint operations will disrupt exploiters without pushing victims out of sight. If survivors then get "
    "safe housing, health care and a route into work close to where they want to live, fewer will be "
    "exploited again. Over time the county becomes a hard place to exploit anyone."
)
ASSUMPTIONS = (
    {
        "statement": (
            "Districts whose frontline staff have been trained make more referrals per head of population "
            "than districts whose staff have not."
        ),
        "status": "holding",
        "note": (
            "Referrals from the four trained districts ran at about one and a half times the rate of the "
            "others in the first half-year; the gap will be checked again at year end."
        ),
    },
    {
        "statement": (
            "Labour providers that supply farms check workers' housing once the farms ask them to, without "
            "needing enforcement."
        ),
        "status": "holding",
        "note": "Four of the six providers asked in Halton Marsh now visit housing before a placement starts.",
    },
    {
        "statement": "Survivors offered housing in the town of their choice stay in support for longer.",
        "status": "untested",
        "note": (
            "The housing associations began recording the town offered and the town chosen this spring; "
            "the first comparison is due next year."
        ),
    },
    {
        "statement": "A county-wide awareness campaign raises calls from every district, not only the largest towns.",
        "status": "doubtful",
        "note": (
            "Calls rose in Westmoor and Kingsbridge after the spring campaign but hardly moved in the "
            "rural districts; the next campaign will use parish newsletters and farm suppliers."
        ),
    },
)
# Development goal code: (status, note)
GOALS_STATUS = {
    "terms_of_reference": ("done", "Agreed when the partnership was founded; reviewed every April."),
    "key_members": ("done", "All sixty member organisations confirmed, each with a named SPOC."),
    "meeting_schedule": ("done", "Board every quarter; district groups every two months."),
    "information_sharing_agreement": (
        "in_progress",
        "Signed by most partners; the faith networks and two business forums are still consulting members.",
    ),
    "communication_channels": ("done", "Shared inbox, a monthly bulletin and a secure shared drive in use."),
    "objectives_agreed": ("done", "Forty objectives across the 4Ps, ten districts, agreed for this year."),
    "action_plan_agreed": ("done", "Action plan approved by the board in April."),
    "sustainable_funding": (
        "in_progress",
        "Coordinator and analyst funded to March; partners are asked for a pooled budget for next year.",
    ),
}
