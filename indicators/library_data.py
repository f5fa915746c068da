"""Indicator library: the seven potential objectives and their sample indicators.

Pure data (stdlib only, no Django) so that migrations, the demo seeder, tests and scripts can all
import it. The facts (objective themes, indicator names, categories, partner types) follow the
partnership indicator catalogue in the shared seeds; every description is written afresh.

Conventions
- ``code``: stable key "O<objective>-<nn>"; never renumber, only append.
- ``disaggregation`` is filled only for indicators whose unit is ``count`` and that count people,
  victims, cases or referrals; percentages and scores are not split (their parts would not add up).
- ``strand`` is the best single fit among the 4Ps; coordination and governance indicators, which
  serve every strand, are placed under "prepare" (getting the partnership ready to respond).
- Where the catalogue gives a list of examples inside one indicator (the components of an action
  plan, the kinds of care offered, the knowledge/attitude examples) they are kept together or
  grouped by kind rather than split into dozens of near-identical rows; the description names them.
"""

INDICATOR_TYPES = ("input", "process", "output", "outcome", "impact")
UNITS = ("count", "percentage", "yes_no", "money", "score", "text")
DIRECTIONS = ("higher", "lower", "range")
FREQUENCIES = ("monthly", "quarterly", "annual")
DISAGGREGATIONS = ("age_group", "sex", "exploitation_type")
PATHWAY_STAGES = ("prevention", "discovery", "respite", "recovery", "sustainable_freedom")
STRANDS = ("pursue", "prevent", "protect", "prepare")

POLICE = "Police"
LA = "Local authority"
HEALTH = "NHS / health"
NGO = "NGO / charity"
BUSINESS = "Business"
GLAA = "GLAA"
HMRC = "HMRC"
CPS = "CPS"
FAITH = "Faith / community"
EDUCATION = "Education"
OPCC = "OPCC"
IMMIGRATION = "Immigration Enforcement"
FIRE = "Fire and rescue"
HOUSING = "Housing provider"
PRISONS = "Probation / prisons"
MEDIA = "Media"

PARTNER_TYPES = (
    POLICE,
    LA,
    HEALTH,
    NGO,
    BUSINESS,
    GLAA,
    HMRC,
    CPS,
    FAITH,
    EDUCATION,
    OPCC,
    IMMIGRATION,
    FIRE,
    HOUSING,
    PRISONS,
    MEDIA,
)

_ALL = (POLICE, LA, HEALTH, NGO, GLAA, FAITH, BUSINESS)
_PEOPLE = ("age_group", "sex", "exploitation_type")
_NONE = ()

LIBRARY_OBJECTIVES = (
    {
        "code": "O1",
        "title": "Strategic coordination",
        "description": (
            "Give local anti-slavery work a single direction: a strategy and costed action plan that "
            "every partner has shaped, with named leads answerable for delivery and for reporting."
        ),
    },
    {
        "code": "O2",
        "title": "Operational coordination",
        "description": (
            "Turn the strategy into joined-up day-to-day work, with named contacts in each agency, "
            "jointly planned operations and multi-agency forums that meet and act regularly."
        ),
    },
    {
        "code": "O3",
        "title": "Sharing information and resources",
        "description": (
            "Make it routine, lawful and quick for partners to pass on intelligence, referrals and "
            "know-how, and widen the circle of organisations that take part."
        ),
    },
    {
        "code": "O4",
        "title": "Involving the wider community",
        "description": (
            "Reach residents, workers, faith groups and businesses so that more people recognise "
            "exploitation, know how to report it and are less exposed to it."
        ),
    },
    {
        "code": "O5",
        "title": "Understanding nature and scale",
        "description": (
            "Build and keep current an evidence-based picture of how modern slavery shows up locally, "
            "who is harmed and who profits, so that effort goes where the harm is."
        ),
    },
    {
        "code": "O6",
        "title": "Identifying and referring victims",
        "description": (
            "Find people who are being exploited as early as possible and connect them quickly to the "
            "right help, including the NRM and the Duty to Notify."
        ),
    },
    {
        "code": "O7",
        "title": "Support and sustainable solutions",
        "description": (
            "Give survivors care that matches their assessed needs and their own choices, and help them "
            "towards safe housing, work, justice and lasting independence."
        ),
    },
)

LIBRARY_INDICATORS = (
    # ---------------------------------------------------------------- O1 Strategic coordination
    {
        "code": "O1-01",
        "objective": "O1",
        "category": "SOC local profile",
        "name": "Depth of available data used in the local profile",
        "description": (
            "Rates how many relevant data sources (police, council, health, NRM, immigration and others) "
            "actually fed into the serious and organised crime local profile. A profile built on few "
            "sources will miss whole forms of exploitation."
        ),
        "type": "process",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Review of the profile's data sources", "Analyst's data-source checklist"),
        "typical_partners": (POLICE, LA, HEALTH, EDUCATION, IMMIGRATION, PRISONS, NGO),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O1-02",
        "objective": "O1",
        "category": "SOC local profile",
        "name": "Local profile produced, shared and updated within the last 12 months",
        "description": (
            "Records whether the local profile has been refreshed and circulated to partners within a "
            "year. A stale profile steers joint work towards last year's problems."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Document version history", "Partnership board minutes"),
        "typical_partners": (POLICE, LA, OPCC),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O1-03",
        "objective": "O1",
        "category": "SOC local profile",
        "name": "Jointly planned actions arising from the local profile",
        "description": (
            "Counts actions in the partnership plan that can be traced back to a finding in the local "
            "profile. It shows whether the profile is driving decisions or just being filed."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Cross-check of the action plan against profile findings",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O1-04",
        "objective": "O1",
        "category": "Action plan / engagement plan",
        "name": "Multi-agency action plan in place with all core components",
        "description": (
            "Scores the plan against a checklist: it reflects the national strategy and local context, "
            "includes every key actor including NGOs, names a lead for each action, links activities to "
            "objectives, records assumptions and risks, and sets out how delivery is coordinated."
        ),
        "type": "process",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": (
            "Checklist review of strategy and action plan documents",
            "Theory of change or LogFrame review",
        ),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-05",
        "objective": "O1",
        "category": "Action plan / engagement plan",
        "name": "Action plan reviewed within the last 12 months",
        "description": (
            "Records whether partners have formally looked again at the action plan in the past year. "
            "Regular review keeps actions matched to current risks and resources."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Partnership board minutes", "Action plan version history"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-06",
        "objective": "O1",
        "category": "Action plan / engagement plan",
        "name": "Other local partnerships with modern slavery firmly on their agenda",
        "description": (
            "Counts other local boards, such as community safety, safeguarding, health and wellbeing, "
            "business crime or homelessness partnerships, that treat modern slavery as a standing item. "
            "Wider ownership spreads the response beyond the core partnership."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Review of other boards' agendas and minutes", "Partner self-reporting"),
        "typical_partners": (LA, POLICE, HEALTH, OPCC, HOUSING, BUSINESS),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-07",
        "objective": "O1",
        "category": "Action plan / engagement plan",
        "name": "Clear process for engaging external funders",
        "description": (
            "Records whether the partnership has an agreed way of approaching outside funders for "
            "activity that fits national strategy and local priorities. Without one, work depends on "
            "one-off grants that lapse."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Funding documents", "Terms of reference"),
        "typical_partners": (OPCC, LA, NGO),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-08",
        "objective": "O1",
        "category": "Action plan / engagement plan",
        "name": "Organisations with their own plans contributing to the partnership strategy",
        "description": (
            "Counts statutory and voluntary organisations whose own plans, or similar documents, "
            "commit them to deliver part of the partnership strategy. It shows how far the strategy "
            "has been adopted inside member organisations."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Collection of partner plans", "Partner self-reporting"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-09",
        "objective": "O1",
        "category": "Budget",
        "name": "Planned activities with a realistic budget, including monitoring costs",
        "description": (
            "The share of activities in the plan that have a costed, realistic budget, with money set "
            "aside for whoever monitors and reports on results. Unfunded actions rarely happen."
        ),
        "type": "input",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Budget review against the action plan",),
        "typical_partners": (OPCC, LA, POLICE, NGO),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-10",
        "objective": "O1",
        "category": "Accountability",
        "name": "Named lead responsible for coordinating delivery of the action plan",
        "description": (
            "Records whether a specific person, agency or multi-agency committee has been given the job "
            "of overseeing and coordinating delivery. Shared plans without an owner tend to drift."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Terms of reference", "Partnership governance documents"),
        "typical_partners": (POLICE, OPCC, NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O1-11",
        "objective": "O1",
        "category": "Accountability",
        "name": "Named lead responsible for monitoring and reporting on the action plan",
        "description": (
            "Records whether a specific person, agency or committee is charged with tracking progress "
            "and reporting it to the board. This is what makes the rest of the indicators get collected."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Terms of reference", "Partnership governance documents"),
        "typical_partners": (POLICE, OPCC, NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    # ---------------------------------------------------------------- O2 Operational coordination
    {
        "code": "O2-01",
        "objective": "O2",
        "category": "SPOCs in partner agencies",
        "name": "Specific Points of Contact identified in partner agencies, compared with a year ago",
        "description": (
            "Counts partner agencies that have named a SPOC for modern slavery, set against the figure a "
            "year earlier. Named contacts make it clear who to call and speed up joint work."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Partnership contact register",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O2-02",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Operations and activities planned jointly by enforcement, statutory and NGO partners",
        "description": (
            "Counts operations and other activities whose planning involved enforcement bodies, "
            "statutory services and NGOs together. Joint planning brings safeguarding into enforcement "
            "from the start."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": (
            "Consolidated partner records",
            "Meeting minutes",
            "Planned versus delivered action review",
        ),
        "typical_partners": (POLICE, GLAA, HMRC, LA, FIRE, NGO, IMMIGRATION),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "pursue",
    },
    {
        "code": "O2-03",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Jointly planned activities using the full range of partners' powers",
        "description": (
            "Counts joint activities that deliberately drew on more than one agency's legal powers, "
            "such as licensing, tax, labour or fire safety powers alongside criminal law. Combining "
            "powers gives more ways to disrupt offenders."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Operation plans and debriefs", "Consolidated partner records"),
        "typical_partners": (POLICE, GLAA, HMRC, LA, FIRE, IMMIGRATION),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "pursue",
    },
    {
        "code": "O2-04",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Slavery and Trafficking Prevention Orders and Risk Orders obtained",
        "description": (
            "Counts prevention and risk orders granted against people suspected or convicted of "
            "involvement in modern slavery, ideally split by order type. Orders restrict offenders' "
            "activity and help stop further harm."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Police and court records",),
        "typical_partners": (POLICE, GLAA, CPS),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "prevent",
    },
    {
        "code": "O2-05",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Arrests of modern slavery offenders resulting from joint operations",
        "description": (
            "Counts arrests for modern slavery offences that came from jointly planned operations. "
            "Comparing it with single-agency arrests shows what joint working adds."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Police custody and crime records", "Operation debriefs"),
        "typical_partners": (POLICE, GLAA, HMRC, IMMIGRATION),
        "disaggregation": _PEOPLE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O2-06",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Conviction rate for modern slavery offences",
        "description": (
            "The proportion of modern slavery prosecutions that end in conviction. Early involvement of "
            "the CPS and partners in building cases is expected to raise it."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("CPS case outcome data", "Court results"),
        "typical_partners": (CPS, POLICE),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O2-07",
        "objective": "O2",
        "category": "Joint activities",
        "name": "Joint disruption activity against mapped organised crime groups",
        "description": (
            "Counts disruption actions taken jointly against organised crime groups already mapped as "
            "involved in exploitation. It tracks whether known groups are being actively tackled."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Organised crime group mapping records", "Disruption logs"),
        "typical_partners": (POLICE, GLAA, HMRC, IMMIGRATION, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O2-08",
        "objective": "O2",
        "category": "Regular multi-agency working",
        "name": "Key stakeholders taking part in co-location, MASH or MARAC",
        "description": (
            "Counts the key partner agencies, and the range of sectors they represent, that are "
            "co-located or take part in a MASH or MARAC where exploitation is discussed. Report it "
            "against the total of key stakeholders to give a proportion."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Terms of reference", "MASH or MARAC attendance records"),
        "typical_partners": (POLICE, LA, HEALTH, NGO, EDUCATION, HOUSING),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery", "respite"),
        "strand": "prepare",
    },
    {
        "code": "O2-09",
        "objective": "O2",
        "category": "Regular multi-agency working",
        "name": "Multi-agency meetings held",
        "description": (
            "Counts partnership and sub-group meetings held in the period, to check the agreed rhythm "
            "is being kept. Too few meetings lose momentum; too many wear out members."
        ),
        "type": "process",
        "unit": "count",
        "direction": "range",
        "frequency": "quarterly",
        "collection_methods": ("Meeting minutes",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O2-10",
        "objective": "O2",
        "category": "Regular multi-agency working",
        "name": "Multi-agency communications outside meetings",
        "description": (
            "Counts bulletins, calls, shared-inbox exchanges and similar contact between partners "
            "between meetings. Frequent informal contact is a sign of working trust."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Log of bulletins and shared-inbox traffic", "Partner survey"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O2-11",
        "objective": "O2",
        "category": "Regular multi-agency working",
        "name": "Clear funding arrangements for action plan priorities",
        "description": (
            "Records whether there is an agreed process for funding the plan's priorities, including "
            "approaches to outside funders. It tests whether joint work can be sustained."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Funding arrangement documents", "Memorandums of understanding"),
        "typical_partners": (OPCC, LA, POLICE, NGO),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O2-12",
        "objective": "O2",
        "category": "Dedicated partnership coordinator",
        "name": "Paid, dedicated partnership coordinator in post",
        "description": (
            "Records whether the partnership has a paid coordinator whose job is the partnership, "
            "whether funded directly, from pooled budgets or by secondment. A coordinator keeps actions, "
            "data and meetings moving."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Staffing and funding records",),
        "typical_partners": (OPCC, POLICE, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O2-13",
        "objective": "O2",
        "category": "Referral pathways",
        "name": "Statutory bodies with an internal modern slavery referral route in active use",
        "description": (
            "Counts statutory organisations that have their own route for raising modern slavery "
            "concerns and can show it is being used. Staff need to know exactly where a concern goes."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Partner documents", "Partner self-reporting"),
        "typical_partners": (LA, HEALTH, POLICE, FIRE, EDUCATION),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O2-14",
        "objective": "O2",
        "category": "Referral pathways",
        "name": "Shared modern slavery inbox for local referrals set up and in use",
        "description": (
            "Records whether a joint inbox open to all partners exists for local referrals and is being "
            "used. Message volumes can be tracked alongside it to show take-up."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Inbox set-up records and usage statistics",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    # ---------------------------------------------------------------- O3 Sharing information
    {
        "code": "O3-01",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Intelligence submissions among partner agencies, compared with a year ago",
        "description": (
            "Counts intelligence submissions passed between partners, against the figure a year before; "
            "it can also be split by submitting agency or by use in prosecutions. Growth outside the "
            "police shows that partners see and report more."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Consolidated intelligence submission logs",),
        "typical_partners": (POLICE, LA, HEALTH, NGO, GLAA, HMRC, FIRE),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "pursue",
    },
    {
        "code": "O3-02",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Information reporting and sharing protocol agreed between partners",
        "description": (
            "Records whether partners have agreed a clear protocol for what they share, how and with "
            "whom. It gives staff confidence that sharing is lawful."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Signed information-sharing agreement",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O3-03",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Relationships with local NGOs, faith groups, communities and businesses",
        "description": (
            "Counts working relationships with local voluntary, faith, community and business groups, "
            "with a note on their depth. These groups often see exploitation before statutory agencies do."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Partnership membership records", "Partner survey"),
        "typical_partners": (NGO, FAITH, BUSINESS, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "protect",
    },
    {
        "code": "O3-04",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Attendance at partnership and sub-group meetings",
        "description": (
            "The share of expected members who attend partnership meetings and related forums, such as "
            "NGO, multi-faith or regional forums. Falling attendance is an early warning of disengagement."
        ),
        "type": "process",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Attendance recorded in meeting minutes",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O3-05",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Active participation and sharing by partners during meetings",
        "description": (
            "A rating of how far partners and prospective partners contribute information and ideas in "
            "meetings, rather than just attend. Open sharing is a sign of trust."
        ),
        "type": "process",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Annual partner survey", "Meeting observation"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O3-06",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Partners promoting the modern slavery helpline number",
        "description": (
            "The share of partner organisations that display or publicise the helpline number through "
            "their own channels. It widens the routes by which concerns can be raised."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Partner self-reporting", "Spot checks of partner websites and premises"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention", "discovery"),
        "strand": "protect",
    },
    {
        "code": "O3-07",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Quality and quantity of referrals to the NRM",
        "description": (
            "A combined rating of how many NRM referrals are made and how complete and well evidenced a "
            "sample of them is. Poor referrals delay decisions for victims."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("NRM referral statistics", "Audit of a sample of referrals"),
        "typical_partners": (POLICE, LA, NGO, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O3-08",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Crime recording process for NRM and Duty to Notify referrals by non-police first responders",
        "description": (
            "Records whether there is a clear process to ensure referrals made by first responders "
            "other than the police are recorded as crimes under Home Office counting rules. Unrecorded "
            "crimes are never investigated."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Police crime recording audit", "Process documentation"),
        "typical_partners": (POLICE, LA, NGO, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "pursue",
    },
    {
        "code": "O3-09",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Engagement with the Modern Slavery Police Transformation Programme and 'what works' team",
        "description": (
            "Records whether the partnership contributes cases and practice to the national policing "
            "programme's evidence work and draws on what it publishes. It links local practice to "
            "national learning."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Correspondence and contribution records", "Independent review"),
        "typical_partners": (POLICE, OPCC),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O3-10",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Bilateral memorandums of understanding between agencies",
        "description": (
            "Counts signed two-way MoUs between partner agencies covering joint working or sharing. "
            "Each one settles expectations that would otherwise be renegotiated case by case."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Register of signed MoUs",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
    {
        "code": "O3-11",
        "objective": "O3",
        "category": "Information sharing and intelligence",
        "name": "Standard operating procedure or local referral pathway guide available",
        "description": (
            "Records whether partners have a written, current guide to the local referral pathway. "
            "A single reference reduces lost or duplicated referrals."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Document review",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    # ---------------------------------------------------------------- O4 Wider community
    {
        "code": "O4-01",
        "objective": "O4",
        "category": "Awareness-raising projects",
        "name": "Awareness-raising projects in vulnerable and hard-to-reach communities",
        "description": (
            "Counts outreach projects and events delivered by partners for communities at higher risk "
            "or less often reached by mainstream services. Targeting puts effort where risk is greatest."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Partner self-reporting", "Awareness-raising activity log"),
        "typical_partners": (NGO, FAITH, LA, POLICE, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-02",
        "objective": "O4",
        "category": "Awareness-raising projects",
        "name": "Public awareness campaigns and events",
        "description": (
            "Counts public campaigns and events about modern slavery run by partners, including with "
            "media organisations. It measures effort, not whether messages landed."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Partner self-reporting", "Campaign records"),
        "typical_partners": (LA, POLICE, NGO, MEDIA, BUSINESS),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-03",
        "objective": "O4",
        "category": "Awareness-raising projects",
        "name": "Training sessions on statutory roles and responsibilities",
        "description": (
            "Counts sessions that explain to staff what the law requires of their organisation, such as "
            "first responder duties and the Duty to Notify. Staff cannot meet duties they do not know about."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Training records",),
        "typical_partners": (LA, POLICE, HEALTH, NGO, FIRE, EDUCATION),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention", "discovery"),
        "strand": "protect",
    },
    {
        "code": "O4-04",
        "objective": "O4",
        "category": "Awareness-raising projects",
        "name": "Prevent days of action, including workshops",
        "description": (
            "Counts days of action under the Prevent strand, including any workshops hosted. They focus "
            "partner attention on stopping exploitation before it starts."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Partner self-reporting", "Event records"),
        "typical_partners": (POLICE, LA, NGO, FIRE, GLAA),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "prevent",
    },
    {
        "code": "O4-05",
        "objective": "O4",
        "category": "Awareness-raising projects",
        "name": "Knowledge of housing rights among people at risk",
        "description": (
            "The share of people reached who show they understand their housing rights, measured before "
            "and after the activity. Knowing one's rights lowers the risk of homelessness, which "
            "exploiters target."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-session questionnaires",),
        "typical_partners": (LA, HOUSING, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-06",
        "objective": "O4",
        "category": "Baseline data",
        "name": "Baseline data on the target group's knowledge, attitudes and intentions available",
        "description": (
            "Records whether there is a starting-point measure of what the target group knows, thinks and "
            "intends to do. Without it, later change cannot be shown."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Existing research", "Household or street intercept survey"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-07",
        "objective": "O4",
        "category": "Baseline data",
        "name": "Baseline data on risky and protective behaviours available",
        "description": (
            "Records whether there is starting-point data on behaviours that raise or lower the chance of "
            "exploitation in the target group. It lets campaigns target the behaviours that matter."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Existing research", "Household or street intercept survey"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-08",
        "objective": "O4",
        "category": "Reach",
        "name": "Participants in awareness-raising sessions",
        "description": (
            "Counts people who attended awareness sessions. It shows reach only, not whether anyone "
            "took the message on board."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Session attendance records",),
        "typical_partners": _ALL,
        "disaggregation": ("age_group",),
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-09",
        "objective": "O4",
        "category": "Reach",
        "name": "People exposed to each mass-media campaign",
        "description": (
            "Estimates how many people saw or heard each media campaign. Use the media provider's "
            "figures or a survey; report each campaign separately."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Media reach and analytics data", "Household or intercept survey"),
        "typical_partners": (MEDIA, LA, POLICE, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-10",
        "objective": "O4",
        "category": "Reach",
        "name": "People exposed to programme materials",
        "description": (
            "Estimates how many people came across leaflets, posters or other programme materials. "
            "It is usually measured through a survey of the target area."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Household or intercept survey",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-11",
        "objective": "O4",
        "category": "Reach",
        "name": "Awareness materials distributed",
        "description": (
            "Counts leaflets, posters and cards given out. It is a rough stand-in for reach where "
            "nothing better is available."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Programme distribution records",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-12",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Target group able to name three warning signs of modern slavery",
        "description": (
            "The share of the target group who can name three signs that someone may be exploited, "
            "compared before and after the activity. Knowledge gains do not on their own prove "
            "behaviour will change."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-training questionnaires", "Baseline and follow-up surveys"),
        "typical_partners": (NGO, LA, POLICE, HEALTH, EDUCATION),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention", "discovery"),
        "strand": "protect",
    },
    {
        "code": "O4-13",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Target group who know a modern slavery helpline or hotline number",
        "description": (
            "The share of the target group who can give a helpline or hotline number when asked. "
            "People need to know where to turn before they can report."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-training questionnaires", "Baseline and follow-up surveys"),
        "typical_partners": (NGO, LA, POLICE, HEALTH, EDUCATION),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention", "discovery"),
        "strand": "protect",
    },
    {
        "code": "O4-14",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Target group who know the correct action on meeting a potential victim",
        "description": (
            "The share of trainees or residents who can describe the agreed steps to take when they "
            "encounter a possible victim. This tests the assumption that training leads to action."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-training questionnaires", "Scenario exercises"),
        "typical_partners": (NGO, LA, POLICE, HEALTH, FIRE),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "protect",
    },
    {
        "code": "O4-15",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Positive attitudes towards survivors (fair employment, welcome in the community)",
        "description": (
            "The share of the target group saying they would employ a survivor on decent terms or "
            "welcome survivors into their community. Acceptance supports lasting recovery."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Baseline and follow-up household or intercept surveys",),
        "typical_partners": (NGO, FAITH, BUSINESS, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "protect",
    },
    {
        "code": "O4-16",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Target group who would not buy goods made with forced labour",
        "description": (
            "The share of the target group stating they would avoid products made with forced labour. "
            "Consumer pressure gives firms a reason to check their supply chains."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Baseline and follow-up household or intercept surveys",),
        "typical_partners": (BUSINESS, NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-17",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": ("People planning safer job-seeking and migration (e.g. qualifications first, vetting recruiters)"),
        "description": (
            "The share of people at risk who say they will take steps to make looking for work or "
            "migrating less risky, such as gaining qualifications first or checking a recruiter. "
            "Intentions are an early signal, not proof of behaviour."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-session questionnaires", "Household or intercept surveys"),
        "typical_partners": (NGO, FAITH, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-18",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Trainees demonstrating skills to interview potential victims",
        "description": (
            "The share of trainees who show, in a simulated interview, that they can speak with a "
            "possible victim safely and sensitively. Skills are observed rather than self-reported."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Skills demonstrations in simulations",),
        "typical_partners": (POLICE, NGO, LA, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "protect",
    },
    {
        "code": "O4-19",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Trainees reporting they can and will apply the training in their work",
        "description": (
            "The share of trainees who say the learning fits their job and that they intend to use it. "
            "Pair it with later referral data to see if intentions turn into action."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Post-training questionnaires",),
        "typical_partners": (NGO, LA, POLICE, HEALTH, FIRE),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "protect",
    },
    {
        "code": "O4-20",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "Improved knowledge of vulnerable community groups",
        "description": (
            "A rating of how well staff and volunteers understand the circumstances of groups at higher "
            "risk, such as homeless people, migrant workers or young people. Understanding helps staff "
            "notice what is out of place."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Pre- and post-training questionnaires",),
        "typical_partners": (NGO, LA, POLICE, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-21",
        "objective": "O4",
        "category": "Changes in knowledge, attitudes and intentions",
        "name": "More tolerant public attitudes towards homeless people and other vulnerable groups",
        "description": (
            "A survey-based rating of public attitudes towards homeless people and other groups at risk. "
            "Stigma isolates people and makes them easier to exploit."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Baseline and follow-up household or intercept surveys",),
        "typical_partners": (LA, NGO, FAITH),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-22",
        "objective": "O4",
        "category": "Retention of changes",
        "name": "Knowledge and attitude changes retained 6-12 months after the activity",
        "description": (
            "Repeats the knowledge and attitude measures six to twelve months later to see how much of "
            "the change has lasted. Effects of a single session often fade."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Follow-up with training participants", "Follow-up household survey"),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-23",
        "objective": "O4",
        "category": "Changes in action or behaviour",
        "name": "People migrating through legal channels",
        "description": (
            "Counts people from target communities who migrate through regular, legal routes. More "
            "regular migration leaves fewer people dependent on traffickers."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Records held by the organisation concerned",),
        "typical_partners": (GLAA, NGO),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-24",
        "objective": "O4",
        "category": "Changes in action or behaviour",
        "name": "People working through legal channels",
        "description": (
            "Counts people in target groups who find work through lawful, properly licensed routes. "
            "It can stand in for reduced exposure to exploitation when the link is well evidenced."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Records held by the organisation", "Labour provider licensing data"),
        "typical_partners": (GLAA, NGO, BUSINESS),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("prevention",),
        "strand": "protect",
    },
    {
        "code": "O4-25",
        "objective": "O4",
        "category": "Changes in action or behaviour",
        "name": "Valid calls to the modern slavery helpline and anti-trafficking hotline",
        "description": (
            "Counts genuine calls to the helpline or hotline from the area, as a sign that awareness is "
            "turning into reporting. Compare with campaign dates to see what drives calls."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Helpline or hotline records",),
        "typical_partners": (NGO, GLAA),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "protect",
    },
    {
        "code": "O4-26",
        "objective": "O4",
        "category": "Impact",
        "name": "Reduction in the number of people enslaved and trafficked",
        "description": (
            "An estimate of how many people in the area are held in slavery or trafficked, tracked over "
            "several years. It needs careful research because most exploitation is hidden."
        ),
        "type": "impact",
        "unit": "count",
        "direction": "lower",
        "frequency": "annual",
        "collection_methods": ("Longitudinal mixed-methods study",),
        "typical_partners": _ALL,
        "disaggregation": _PEOPLE,
        "pathway_stages": ("prevention",),
        "strand": "prevent",
    },
    {
        "code": "O4-27",
        "objective": "O4",
        "category": "Impact",
        "name": "Modern slavery and trafficking criminal networks still active",
        "description": (
            "Counts known criminal networks involved in slavery or trafficking that are still operating "
            "locally; the long-term aim is none. Falling numbers show networks being dismantled rather "
            "than displaced."
        ),
        "type": "impact",
        "unit": "count",
        "direction": "lower",
        "frequency": "annual",
        "collection_methods": ("Longitudinal mixed-methods study", "Organised crime group mapping"),
        "typical_partners": (POLICE, GLAA, HMRC, IMMIGRATION),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O4-28",
        "objective": "O4",
        "category": "Impact",
        "name": "Survivors exiting exploitation and achieving sustainable (re)integration",
        "description": (
            "Counts survivors who have left exploitation and are living settled, independent lives over "
            "the longer term. This is the end the whole partnership works towards."
        ),
        "type": "impact",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Longitudinal mixed-methods study", "Follow-up with survivors"),
        "typical_partners": (NGO, LA, HEALTH),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    # ---------------------------------------------------------------- O5 Nature and scale
    {
        "code": "O5-01",
        "objective": "O5",
        "category": "SOC local profile",
        "name": ("Local profile covers local impact, crime types and comparison with regional and national picture"),
        "description": (
            "Scores the profile on whether it describes the harm to the local community, the forms of "
            "exploitation seen (with numbers of victims and convictions), and how local enablers and "
            "hot spots compare with the wider picture. One point per element covered."
        ),
        "type": "process",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": (
            "Organised crime group mapping",
            "Police, NRM and immigration data",
            "ONS and council demographic data",
            "National strategic assessments",
        ),
        "typical_partners": (POLICE, OPCC, LA, EDUCATION, HEALTH, IMMIGRATION),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O5-02",
        "objective": "O5",
        "category": "SOC local profile",
        "name": "Convictions linked to modern slavery crime",
        "description": (
            "Counts convictions for modern slavery offences, or for other offences where exploitation "
            "was part of the case. It adds to the picture of what is happening and what is being tackled."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("CPS and court outcome data", "Police records"),
        "typical_partners": (CPS, POLICE),
        "disaggregation": ("exploitation_type",),
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O5-03",
        "objective": "O5",
        "category": "SOC local profile",
        "name": "Individuals convicted of modern slavery offences",
        "description": (
            "Counts distinct people convicted, as opposed to the number of convictions. Together the two "
            "figures show whether a few offenders account for many cases."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("CPS and court outcome data", "Police records"),
        "typical_partners": (CPS, POLICE),
        "disaggregation": _PEOPLE,
        "pathway_stages": _NONE,
        "strand": "pursue",
    },
    {
        "code": "O5-04",
        "objective": "O5",
        "category": "SOC local profile",
        "name": "Enforcement agencies' understanding of challenges faced by vulnerable groups",
        "description": (
            "A rating of how well enforcement staff understand the situations of groups such as street "
            "sex workers, homeless people, asylum seekers, young people and low-paid workers. Better "
            "understanding leads to better-judged interventions."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Staff survey", "Training evaluation"),
        "typical_partners": (POLICE, GLAA, IMMIGRATION, HMRC),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "protect",
    },
    {
        "code": "O5-05",
        "objective": "O5",
        "category": "SOC local profile",
        "name": "Management of threats to life (risk management)",
        "description": (
            "A rating of how consistently threats to the life of victims or witnesses are assessed and "
            "managed, for example through a structured risk-scoring method. It checks that the most "
            "serious risks are handled first."
        ),
        "type": "process",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Case file audit", "Risk assessment records"),
        "typical_partners": (POLICE, LA, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("respite",),
        "strand": "protect",
    },
    # ---------------------------------------------------------------- O6 Identifying and referring
    {
        "code": "O6-01",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Potential victims identified",
        "description": (
            "Counts people identified as potential victims of modern slavery in the area. Split adults "
            "from children; a rise may reflect better detection rather than more crime."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "monthly",
        "collection_methods": ("NRM and Duty to Notify records", "Consolidated partner records"),
        "typical_partners": _ALL,
        "disaggregation": _PEOPLE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-02",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Victims assisted to exit their situation",
        "description": (
            "Counts victims whom partners helped to leave the place or relationship where they were "
            "being exploited. Identification only matters if it leads to safety."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Consolidated partner records", "Support provider reports"),
        "typical_partners": (POLICE, NGO, LA, GLAA),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("discovery", "respite"),
        "strand": "prepare",
    },
    {
        "code": "O6-03",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Victims provided with support",
        "description": (
            "Counts victims who received any support from a partner or commissioned provider in the "
            "period. It shows how many people the local system is carrying."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Support provider reports",),
        "typical_partners": (NGO, LA, HEALTH),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("respite", "recovery"),
        "strand": "prepare",
    },
    {
        "code": "O6-04",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Victims referred to services",
        "description": (
            "Counts referrals of victims to support services such as accommodation, health or legal "
            "advice. Compare with identifications to spot people who fall through the gap."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Consolidated partner records", "Support provider reports"),
        "typical_partners": _ALL,
        "disaggregation": _PEOPLE,
        "pathway_stages": ("respite",),
        "strand": "prepare",
    },
    {
        "code": "O6-05",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Child victims supported through child protection or local authority provision",
        "description": (
            "Counts children identified as victims who are supported through child protection "
            "procedures or other council provision. Children should always be routed through safeguarding."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Children's services records",),
        "typical_partners": (LA, EDUCATION, HEALTH, POLICE),
        "disaggregation": ("sex", "exploitation_type"),
        "pathway_stages": ("respite", "recovery"),
        "strand": "prepare",
    },
    {
        "code": "O6-06",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Victims identified through joint working (e.g. screening and inspection visits)",
        "description": (
            "Counts victims found through joint activities such as screening or inspection visits; "
            "report it against all identifications to see what share joint work contributes."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Operation debriefs", "Consolidated partner records"),
        "typical_partners": (POLICE, GLAA, LA, FIRE, NGO, HMRC),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-07",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "NRM referrals for the locality",
        "description": (
            "Counts referrals into the National Referral Mechanism made for people found in the area. "
            "Referral figures are only a partial view because many victims do not consent to the NRM."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("NRM statistics", "First responder records"),
        "typical_partners": (POLICE, LA, NGO, HEALTH, GLAA),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-08",
        "objective": "O6",
        "category": "Victims identified and assisted",
        "name": "Duty to Notify notifications for the locality",
        "description": (
            "Counts notifications made by public bodies to the Home Office about adults who do not "
            "consent to an NRM referral. It captures victims that NRM figures miss."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Duty to Notify records",),
        "typical_partners": (POLICE, LA, HEALTH),
        "disaggregation": ("sex", "exploitation_type"),
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-09",
        "objective": "O6",
        "category": "Cases reported",
        "name": "Legitimate calls reporting cases to a helpline or hotline",
        "description": (
            "Counts genuine reports of possible cases received by a helpline or hotline for the area. "
            "It shows whether the public and workers are using the routes that exist."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Helpline or hotline records",),
        "typical_partners": (NGO,),
        "disaggregation": ("exploitation_type",),
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-10",
        "objective": "O6",
        "category": "Victim identification activities",
        "name": "Screening in high-risk settings (e.g. detention, HMOs, hand car washes, street sex work)",
        "description": (
            "Counts screening sessions held in settings where exploitation is more likely, noting which "
            "settings were covered. Gaps in coverage point to places no one is looking."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Consolidated records of identifying agencies",),
        "typical_partners": (GLAA, POLICE, NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-11",
        "objective": "O6",
        "category": "Victim identification activities",
        "name": "Proactive labour inspections carried out without immigration control",
        "description": (
            "Counts planned labour inspections conducted without immigration enforcement present. "
            "Workers are more likely to disclose abuse when they do not fear removal."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Inspection records",),
        "typical_partners": (GLAA, HMRC, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-12",
        "objective": "O6",
        "category": "Victim identification activities",
        "name": "Screening at border points",
        "description": (
            "Counts screening activity at ports and other entry points and notes which are covered. "
            "Relevant where the area contains a port or airport."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Border and port screening records",),
        "typical_partners": (IMMIGRATION, POLICE, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-13",
        "objective": "O6",
        "category": "Victim identification activities",
        "name": "Unannounced inspections (labour, health, fire safety, trading standards)",
        "description": (
            "Counts unannounced regulatory visits by any partner and the range of premises covered. "
            "Unplanned visits give exploiters less time to hide workers."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Inspection records",),
        "typical_partners": (GLAA, LA, FIRE, HMRC, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-14",
        "objective": "O6",
        "category": "Coverage of identification and response",
        "name": "Stakeholder groups identifying victims or active in the NRM",
        "description": (
            "Counts the different kinds of organisation that have identified a victim or made an NRM "
            "referral in the period. Reliance on one or two agencies leaves blind spots."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Consolidated first responder records",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-15",
        "objective": "O6",
        "category": "Coverage of identification and response",
        "name": "Geographic distribution of stakeholders involved in victim identification",
        "description": (
            "The share of districts or neighbourhoods with at least one active identifying organisation. "
            "It shows whether some parts of the area have no one watching."
        ),
        "type": "process",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Mapping of first responder locations",),
        "typical_partners": _ALL,
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-16",
        "objective": "O6",
        "category": "Coverage of identification and response",
        "name": "Local first responders recruited and trained (e.g. local NGOs)",
        "description": (
            "Counts staff and volunteers in local organisations newly recruited or trained to act as "
            "first responders. More trained responders means more doors a victim can knock on."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Training records", "Records of network partners"),
        "typical_partners": (NGO, LA, FAITH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-17",
        "objective": "O6",
        "category": "Coverage of identification and response",
        "name": "Leaflets or cards for potential victims available in various settings and languages",
        "description": (
            "Counts the language versions of victim-facing leaflets or cards and the settings where they "
            "are placed. Victims who cannot read the message will not act on it."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Programme records",),
        "typical_partners": (NGO, LA, HEALTH, POLICE),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-18",
        "objective": "O6",
        "category": "Coverage of identification and response",
        "name": "Leaflets or cards distributed through NGO network partners (e.g. street pastors)",
        "description": (
            "Counts victim-facing leaflets or cards handed out through voluntary and faith networks. "
            "These networks reach people at night and in places statutory staff rarely go."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Records of network partners",),
        "typical_partners": (NGO, FAITH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O6-19",
        "objective": "O6",
        "category": "Peer education",
        "name": "Peer education programmes tailored to different communities",
        "description": (
            "Counts peer-led education programmes adapted to particular sectors, groups or languages. "
            "Messages from peers are often trusted more and help both detection and prevention."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Programme records and participant feedback",),
        "typical_partners": (NGO, FAITH),
        "disaggregation": _NONE,
        "pathway_stages": ("prevention", "discovery"),
        "strand": "protect",
    },
    {
        "code": "O6-20",
        "objective": "O6",
        "category": "Gaps in identification",
        "name": "Cases where the victim could have been identified earlier",
        "description": (
            "The share of cases where the victim had earlier contact with a first responder or other "
            "agency without being identified. Each one is a missed chance to learn from."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "lower",
        "frequency": "annual",
        "collection_methods": ("Victim interview and debrief data", "Case reviews"),
        "typical_partners": (NGO, POLICE, LA, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    # ---------------------------------------------------------------- O7 Support and sustainable solutions
    {
        "code": "O7-01",
        "objective": "O7",
        "category": "Victim participation in decisions",
        "name": "Victims taking part in a voluntary needs assessment and joint goal setting",
        "description": (
            "The share of victims who work with their support provider on a voluntary assessment of "
            "needs and agree goals for their support and (re)integration. Taking part is a sign of "
            "engagement and growing control over their own lives."
        ),
        "type": "process",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records", "Survivor consultations"),
        "typical_partners": (NGO, LA, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-02",
        "objective": "O7",
        "category": "Victim participation in decisions",
        "name": "Victims given the opportunity to give anonymous feedback on services",
        "description": (
            "The share of victims who were offered a safe, anonymous way to comment on their support. "
            "Anonymity makes honest criticism possible."
        ),
        "type": "process",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Feedback forms", "Service provider records"),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-03",
        "objective": "O7",
        "category": "Victim participation in decisions",
        "name": "Changes made to service provision based on victim feedback",
        "description": (
            "Counts concrete changes to services that were made because of what victims said. It shows "
            "feedback is acted on, not just collected."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Service improvement logs", "Survivor consultations"),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-04",
        "objective": "O7",
        "category": "Victim participation in decisions",
        "name": "Clients with a written support plan and timeline showing their input",
        "description": (
            "The share of clients whose written plan of support, services and timescales shows evidence "
            "of their own input. Plans made with people are more likely to be followed."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Case file audit",),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-05",
        "objective": "O7",
        "category": "Care linked to assessed needs",
        "name": "Victims receiving voluntary care and support linked to needs identified in an assessment",
        "description": (
            "The share of victims receiving help that matches their assessed needs, such as safe "
            "accommodation, medical and psychological care, legal advice, childcare, job-search skills "
            "and interpreting. Record each type of provision separately where possible."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records", "Survivor interviews"),
        "typical_partners": (LA, HEALTH, NGO, HOUSING),
        "disaggregation": _NONE,
        "pathway_stages": ("respite", "recovery"),
        "strand": "prepare",
    },
    {
        "code": "O7-06",
        "objective": "O7",
        "category": "Outcomes for victims (non-NRM or post-NRM)",
        "name": "Victims who voluntarily returned to their country of origin or residence",
        "description": (
            "Counts victims leaving local support who chose to go back to their home country or previous "
            "country of residence. It is recorded to understand routes out of support, not as a target."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "range",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records",),
        "typical_partners": (NGO, LA),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-07",
        "objective": "O7",
        "category": "Outcomes for victims (non-NRM or post-NRM)",
        "name": "Victims transferred into the asylum system",
        "description": (
            "Counts victims whose next step after support was the asylum process. Tracking it helps "
            "partners plan for people whose status is still unresolved."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "range",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records",),
        "typical_partners": (NGO, LA),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-08",
        "objective": "O7",
        "category": "Outcomes for victims (non-NRM or post-NRM)",
        "name": "Victims who disengaged from the service (absconded, uncontactable or chose not to engage)",
        "description": (
            "Counts victims who stopped engaging with support before it ended. Disengagement can signal "
            "re-exploitation or a service that does not fit, so fewer is better."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "lower",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records",),
        "typical_partners": (NGO, LA),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-09",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Victims offered and receiving employment assistance",
        "description": (
            "The share of victims who were offered help into work and took it up. It indicates "
            "progress towards long-term support such as drop-ins and employment."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records", "Post-programme discussions with clients"),
        "typical_partners": (NGO, BUSINESS, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-10",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Work experience, apprenticeship and job opportunities provided for survivors",
        "description": (
            "Counts placements, apprenticeships and jobs made available to survivors by partners and "
            "local employers. Decent work is central to lasting independence."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Employment mapping database", "Service provider records"),
        "typical_partners": (BUSINESS, NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-11",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Survivors on vocational training from a qualified provider linked to local job demand",
        "description": (
            "Counts survivors enrolled on vocational training that a qualified provider delivers and "
            "that matches jobs actually available. Training for jobs that do not exist wastes effort."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Training provider records", "Service provider records"),
        "typical_partners": (EDUCATION, NGO, BUSINESS),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-12",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Survivors placed in jobs at destination or at source",
        "description": (
            "Counts survivors helped into a job, either locally or in the country they return to. "
            "It shows whether employment support turns into actual work."
        ),
        "type": "outcome",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records", "Post-programme discussions with clients"),
        "typical_partners": (NGO, BUSINESS),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-13",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Survivors receiving business start-up loans or grants",
        "description": (
            "Counts survivors given a loan or grant to start their own business. Self-employment can "
            "suit people for whom a conventional job is not yet realistic."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Service provider records", "Administrative income data"),
        "typical_partners": (NGO, BUSINESS),
        "disaggregation": _PEOPLE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-14",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Clients in stable employment with income 12 months after programme exit",
        "description": (
            "The share of former clients who have steady work and income a year after leaving the "
            "programme. It tests whether employment support lasts."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Post-programme follow-up", "Administrative income data"),
        "typical_partners": (NGO, BUSINESS, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-15",
        "objective": "O7",
        "category": "Employment assistance",
        "name": "Employability services mapped (CV workshops, skills volunteering, IT and English classes)",
        "description": (
            "Records whether partners have mapped the local employability offer, such as CV help, "
            "skills-based volunteering and IT and English classes, against survivors' needs. The map "
            "shows gaps to fill."
        ),
        "type": "input",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Employment mapping database",),
        "typical_partners": (NGO, EDUCATION, BUSINESS, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-16",
        "objective": "O7",
        "category": "Quality of services",
        "name": "Quality of services as assessed by victims",
        "description": (
            "The average rating victims give to the support they received. It puts survivors' own "
            "judgement at the centre of quality."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Feedback forms", "Confidential comment boxes", "Group discussion sessions"),
        "typical_partners": (NGO, LA, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-17",
        "objective": "O7",
        "category": "Quality of services",
        "name": "Clients providing documented feedback on supports and services",
        "description": (
            "The share of clients whose feedback on the available support has been recorded. A high "
            "response rate makes the quality rating trustworthy."
        ),
        "type": "process",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Feedback forms", "Online surveys"),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-18",
        "objective": "O7",
        "category": "Quality of services",
        "name": "Improved quality of service delivery",
        "description": (
            "A rating of service quality drawn from staff views and independent evaluation, compared "
            "year on year. It complements what victims themselves report."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Staff feedback", "Independent service evaluation"),
        "typical_partners": (NGO, LA, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-19",
        "objective": "O7",
        "category": "Quality of services",
        "name": "Victim support aligned with the reformed NRM, with partner roles clearly set out",
        "description": (
            "Records whether local support arrangements have been updated to fit the current NRM process "
            "and spell out what each partner and the partnership are responsible for."
        ),
        "type": "process",
        "unit": "yes_no",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Document review",),
        "typical_partners": (LA, NGO, POLICE, HEALTH),
        "disaggregation": _NONE,
        "pathway_stages": ("respite", "recovery"),
        "strand": "prepare",
    },
    {
        "code": "O7-20",
        "objective": "O7",
        "category": "Quality of services",
        "name": "Six-monthly reviews of local NRM and Duty to Notify referrals",
        "description": (
            "Counts reviews of local referral data held in the year (two expected) to find the "
            "communities most at risk, training needs and good practice. Reviews turn raw figures into "
            "learning."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Review reports", "Partnership board minutes"),
        "typical_partners": (POLICE, LA, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("discovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-21",
        "objective": "O7",
        "category": "(Re)integration",
        "name": "Victims whose (re)integration is sustained at 6, 12 and 24 months",
        "description": (
            "The share of victims followed up at six, twelve and twenty-four months whose situation "
            "shows a lasting solution. Report each checkpoint separately."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Follow-up interviews in person or by phone",),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-22",
        "objective": "O7",
        "category": "(Re)integration",
        "name": "Victim feedback indicating sustainable integration (e.g. reduced isolation)",
        "description": (
            "A rating, drawn from survivors' own accounts, of how settled and connected they feel, "
            "including whether they feel or are less isolated. Isolation raises the risk of re-exploitation."
        ),
        "type": "outcome",
        "unit": "score",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Follow-up interviews in person or by phone",),
        "typical_partners": (NGO, FAITH, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-23",
        "objective": "O7",
        "category": "Stable accommodation",
        "name": "Clients given (relocation) support with documented stable housing",
        "description": (
            "The share of clients helped to move who have recorded evidence of settled housing. Secure "
            "housing is the base for every other part of recovery."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Client interviews", "Review of case file assessments"),
        "typical_partners": (LA, HOUSING, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-24",
        "objective": "O7",
        "category": "Client-led programme improvement",
        "name": "Programme updates based on client feedback",
        "description": (
            "Counts updates to the support programme that came from client feedback and are written "
            "into its improvement plan. It checks survivors shape the service over time."
        ),
        "type": "output",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Programme quality improvement plans",),
        "typical_partners": (NGO,),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-25",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Identified victims who received legal counselling or legal aid",
        "description": (
            "Of all identified victims, how many were given legal advice or legal aid: one figure "
            "holding both the number and the proportion. Legal advice lets victims make informed choices "
            "about justice and immigration status."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records", "Victim interviews"),
        "typical_partners": (NGO, CPS, POLICE),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "prepare",
    },
    {
        "code": "O7-26",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Identified victims who have filed criminal complaints",
        "description": (
            "Of all identified victims, how many have made a formal complaint to the police. Victims "
            "willing to support a case are the basis of most prosecutions."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Police records", "Service provider records"),
        "typical_partners": (POLICE, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery",),
        "strand": "pursue",
    },
    {
        "code": "O7-27",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Identified victims who have applied for compensation",
        "description": (
            "Of all identified victims, how many have claimed compensation through the courts or a "
            "compensation scheme. It shows whether victims know they can claim."
        ),
        "type": "output",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records",),
        "typical_partners": (NGO, CPS),
        "disaggregation": _NONE,
        "pathway_stages": ("recovery", "sustainable_freedom"),
        "strand": "prepare",
    },
    {
        "code": "O7-28",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Victims awarded compensation",
        "description": (
            "Of the victims who claimed compensation, how many were awarded it by a court or scheme: "
            "how often claims succeed."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Court and scheme outcome data", "Service provider records"),
        "typical_partners": (CPS, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-29",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Victims who have received compensation",
        "description": (
            "Of the victims awarded compensation, how many have actually been paid. Awards that are "
            "never paid do nothing for recovery."
        ),
        "type": "outcome",
        "unit": "percentage",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Service provider records", "Victim interviews"),
        "typical_partners": (CPS, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-30",
        "objective": "O7",
        "category": "Support through the criminal justice process",
        "name": "Enhanced offender management and sentence planning from court to prison and community",
        "description": (
            "A written account of how offender management and sentence planning for modern slavery "
            "offenders has improved from sentencing through custody to release. It aims to stop "
            "offenders re-exploiting victims or others."
        ),
        "type": "process",
        "unit": "text",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Case reviews with probation and prisons", "Victim and community feedback"),
        "typical_partners": (PRISONS, POLICE, CPS),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prevent",
    },
    {
        "code": "O7-31",
        "objective": "O7",
        "category": "Housing",
        "name": "Improved local policy on housing vulnerable community groups",
        "description": (
            "A written account of changes to local housing policy that make it easier to house people at "
            "risk, including survivors. Policy change is led by councillors and decision-makers."
        ),
        "type": "outcome",
        "unit": "text",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Review of legislation and policy documents",),
        "typical_partners": (LA, HOUSING),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-32",
        "objective": "O7",
        "category": "Housing",
        "name": "Quantity and quality of housing stock available (statutory and voluntary providers)",
        "description": (
            "Counts suitable units that statutory and voluntary housing providers can offer to "
            "vulnerable groups, with a note on their condition. Shortage of stock stalls move-on."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Housing provider records",),
        "typical_partners": (LA, HOUSING, NGO),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-33",
        "objective": "O7",
        "category": "Housing",
        "name": "Emergency accommodation or premises for pop-up reception centres (pre- and no-NRM)",
        "description": (
            "Counts emergency beds or premises ready for use as short-term reception for people not yet "
            "in, or not entering, the NRM. It shows progress towards dedicated safe accommodation."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "quarterly",
        "collection_methods": ("Service provider records",),
        "typical_partners": (LA, NGO, HOUSING),
        "disaggregation": _NONE,
        "pathway_stages": ("respite",),
        "strand": "prepare",
    },
    {
        "code": "O7-34",
        "objective": "O7",
        "category": "Housing",
        "name": "Suitable non-emergency survivor reception centres identified and used",
        "description": (
            "Counts non-emergency reception centres that partners have found suitable and actually used. "
            "Capacity that sits unused does not help victims."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Service provider records",),
        "typical_partners": (NGO, LA),
        "disaggregation": _NONE,
        "pathway_stages": ("respite", "recovery"),
        "strand": "prepare",
    },
    {
        "code": "O7-35",
        "objective": "O7",
        "category": "Housing",
        "name": "Housing options available, including the private rented sector",
        "description": (
            "Counts the distinct housing routes open to survivors and people at risk, including private "
            "rented homes. More options mean shorter waits in temporary accommodation."
        ),
        "type": "input",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Service provider records", "Policy documents"),
        "typical_partners": (LA, HOUSING),
        "disaggregation": _NONE,
        "pathway_stages": ("sustainable_freedom",),
        "strand": "prepare",
    },
    {
        "code": "O7-36",
        "objective": "O7",
        "category": "Regional, national and international relationships",
        "name": "Number and quality of relationships with regional, national and international partners",
        "description": (
            "Counts working relationships with partnerships and agencies beyond the area, with a note on "
            "their depth. Exploitation crosses boundaries, so support and intelligence must too."
        ),
        "type": "process",
        "unit": "count",
        "direction": "higher",
        "frequency": "annual",
        "collection_methods": ("Partnership documentation", "Feedback and independent reviews"),
        "typical_partners": (NGO, POLICE, LA),
        "disaggregation": _NONE,
        "pathway_stages": _NONE,
        "strand": "prepare",
    },
)


# How each indicator's figures combine (DOMAIN.md, "How figures combine"). Counts of things that exist
# at a date — organisations with a referral route, relationships, places to stay — are stocks: added up
# across organisations, read at the latest period over time, never added up over quarters. Every other
# count is a flow; percentages are proportions (numerator over denominator), scores are means.
STOCKS = frozenset(
    {
        "O1-06",
        "O1-08",
        "O2-01",
        "O2-08",
        "O2-13",
        "O3-03",
        "O3-10",
        "O4-27",
        "O6-14",
        "O7-32",
        "O7-33",
        "O7-34",
        "O7-35",
        "O7-36",
    }
)
# The catalogue writes some targets into indicators' names ("at least 80%"): they are values here, adopted
# as the indicator's target for the whole plan.
SUGGESTED_TARGETS = {"O7-04": 80, "O7-14": 80, "O7-17": 80, "O7-23": 70, "O7-24": 3}
DEFAULT_ROLLUPS = {"count": "flow", "money": "flow", "percentage": "ratio", "score": "mean", "yes_no": "all_yes"}


def rollup_of(item: dict) -> str:
    """The roll-up rule a library indicator is adopted with."""
    return "stock" if item["code"] in STOCKS else DEFAULT_ROLLUPS.get(item["unit"], "")


if __name__ == "__main__":
    objective_codes = [o["code"] for o in LIBRARY_OBJECTIVES]
    assert objective_codes == [f"O{n}" for n in range(1, 8)], objective_codes
    codes = [i["code"] for i in LIBRARY_INDICATORS]
    assert len(codes) == len(set(codes)), "duplicate indicator codes"
    names = [i["name"].lower() for i in LIBRARY_INDICATORS]
    assert len(names) == len(set(names)), "duplicate indicator names"
    keys = {
        "code",
        "objective",
        "category",
        "name",
        "description",
        "type",
        "unit",
        "direction",
        "frequency",
        "collection_methods",
        "typical_partners",
        "disaggregation",
        "pathway_stages",
        "strand",
    }
    for ind in LIBRARY_INDICATORS:
        code = ind["code"]
        assert set(ind) == keys, (code, set(ind) ^ keys)
        assert ind["objective"] in objective_codes and code.startswith(ind["objective"] + "-"), code
        assert len(ind["name"]) <= 120, code
        assert "(target" not in ind["name"].lower(), code  # targets are values (SUGGESTED_TARGETS), not words
        assert ind["type"] in INDICATOR_TYPES, code
        assert ind["unit"] in UNITS, code
        assert ind["direction"] in DIRECTIONS, code
        assert ind["frequency"] in FREQUENCIES, code
        assert ind["strand"] in STRANDS, code
        assert ind["collection_methods"] and isinstance(ind["collection_methods"], tuple), code
        assert ind["typical_partners"] and set(ind["typical_partners"]) <= set(PARTNER_TYPES), code
        assert set(ind["disaggregation"]) <= set(DISAGGREGATIONS), code
        assert not ind["disaggregation"] or ind["unit"] == "count", code
        assert set(ind["pathway_stages"]) <= set(PATHWAY_STAGES), code
        assert ind["description"].strip() and ind["category"].strip(), code
    per_objective = {c: sum(i["objective"] == c for i in LIBRARY_INDICATORS) for c in objective_codes}
    print(f"OK: {len(LIBRARY_OBJECTIVES)} objectives, {len(LIBRARY_INDICATORS)} indicators {per_objective}")
