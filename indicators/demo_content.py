"""Content for the demo partnership: the fictional Northshire Anti-Slavery Partnership.

Pure data (stdlib only, no Django); the demo seeder turns it into rows through the services.
Everything here is invented: Northshire is not a real county and no figure describes a real case.

Timing
- ``start_offset_days`` counts days from 1 April of the *current* financial year (negative = the
  action began in the previous year); ``duration_days`` runs from that start to the due date.
- ``history`` entries are ``(days_after_action_start, status, note)``, in date order.
- The history was written for a demo seen around late November, i.e. about eight months into the
  year: the latest entry falls ``LATEST_HISTORY_DAY`` days after 1 April. A seeder running earlier
  in the year should either anchor on the previous 1 April or drop entries dated in the future.
  Several actions are deliberately overdue (due date passed, not complete) at that point.
"""

# ------------------------------------------------------------------ organisations and sub-groups
CONSTABULARY = "Northshire Constabulary"
COUNTY = "Northshire County Council"
EASTBROOK = "Eastbrook District Council"
NHS = "Northshire NHS Foundation Trust"
SAFE_HARBOUR = "Safe Harbour Survivor Support"
BUSINESS_NETWORK = "Northshire Business Against Slavery network"
FIRE = "Northshire Fire and Rescue"
CITIZENS_ADVICE = "Citizens Advice Northshire"

PARTNERSHIP_NAME = "Northshire Anti-Slavery Partnership"

# partner_type uses the vocabulary of library_data.PARTNER_TYPES
ORGANISATIONS = (
    {"name": CONSTABULARY, "short_name": "Constabulary", "partner_type": "Police"},
    {"name": COUNTY, "short_name": "County Council", "partner_type": "Local authority"},
    {"name": EASTBROOK, "short_name": "Eastbrook DC", "partner_type": "Local authority"},
    {"name": NHS, "short_name": "NHS Trust", "partner_type": "NHS / health"},
    {"name": SAFE_HARBOUR, "short_name": "Safe Harbour", "partner_type": "NGO / charity"},
    {"name": BUSINESS_NETWORK, "short_name": "Business network", "partner_type": "Business"},
    {"name": FIRE, "short_name": "Fire and Rescue", "partner_type": "Fire and rescue"},
    {"name": CITIZENS_ADVICE, "short_name": "Citizens Advice", "partner_type": "NGO / charity"},
)

PURSUE_PREVENT = "Pursue and Prevent"
PROTECT_PREPARE = "Protect and Prepare"
AWARENESS = "Awareness raising"

SUBGROUPS = (
    {"name": PURSUE_PREVENT, "strands": ("pursue", "prevent"), "chair_org": CONSTABULARY},
    {"name": PROTECT_PREPARE, "strands": ("protect", "prepare"), "chair_org": SAFE_HARBOUR},
    {"name": AWARENESS, "strands": ("protect", "prevent"), "chair_org": CITIZENS_ADVICE},
)

# ------------------------------------------------------------------ vision, mission, theory of change
VISION = (
    "A Northshire where nobody is bought, sold or held in servitude: where exploitation is hard to hide, "
    "offenders find nowhere to operate, and survivors are safe and able to rebuild their lives."
)

MISSION = (
    "We bring the police, councils, health, fire and rescue, the voluntary sector and local business "
    "together to spot exploitation early, act on it jointly, and stay alongside survivors until they "
    "are secure and independent."
)

THEORY_OF_CHANGE = (
    "Exploitation in Northshire thrives where it goes unnoticed: in hand car washes, nail bars, farms, "
    "shared houses and behind closed doors, among people whom services see only briefly. If every "
    "partner's frontline staff know the signs and have one clear route for raising a concern, more "
    "victims will be found, and found sooner. If intelligence from councils, health, fire and the "
    "voluntary sector reaches the police in a form they can act on, and enforcement is planned jointly "
    "with safeguarding built in, offenders will be disrupted and prosecuted without pushing victims "
    "further out of sight. If survivors then receive support they help to design, with a safe place to "
    "stay, health care, advice and a route into work, fewer will disengage or be re-exploited. Over time "
    "this should make the county a hostile place for exploiters and a safer one for people at risk. "
    "Each link in that chain rests on assumptions we test each year and revise when the evidence says so."
)

ASSUMPTIONS = (
    {
        "statement": (
            "Frontline staff who complete partnership training make more NRM referrals or Duty to Notify "
            "notifications in the following six months than colleagues who have not been trained."
        ),
        "status": "holding",
        "note": (
            "County Council figures for the first two quarters show trained teams referring about twice "
            "as often; numbers are still small, so the comparison will be repeated at year end."
        ),
    },
    {
        "statement": (
            "Joint fire, trading standards and police visits to hand car washes and nail bars identify "
            "more potential victims than single-agency visits to similar premises."
        ),
        "status": "holding",
        "note": "Joint visits found potential victims at 6 of 22 premises; single-agency visits at 1 of 30.",
    },
    {
        "statement": (
            "Survivors who helped write their own support plan are less likely to disengage from support "
            "within three months than those who did not."
        ),
        "status": "untested",
        "note": (
            "Safe Harbour began recording whether plans were co-produced in June; the first comparison "
            "is due in the annual report."
        ),
    },
    {
        "statement": (
            "Businesses that sign the Business Against Slavery pledge review their own supply chains "
            "within twelve months of signing."
        ),
        "status": "doubtful",
        "note": (
            "Only 4 of 19 signatories said they had completed a review when surveyed in September; the "
            "network is adding a follow-up visit to the pledge process."
        ),
    },
    {
        "statement": ("Public awareness campaigns lead to a lasting rise in valid helpline calls about Northshire."),
        "status": "doubtful",
        "note": (
            "Calls rose for about five weeks after the spring campaign and then fell back to the "
            "previous level; a rise that does not last suggests campaigns need repeating or retargeting."
        ),
    },
    {
        "statement": (
            "Routing partner concerns through a single shared inbox shortens the time from first report "
            "to a police tasking decision."
        ),
        "status": "disproved",
        "note": (
            "A review of 40 concerns found the median time unchanged: delay sat in triage, not in receipt. "
            "Triage is being redesigned and the assumption will be restated at the annual review."
        ),
    },
)

# ------------------------------------------------------------------ objectives
OBJECTIVES = (
    {
        "code": "OBJ1",
        "title": "Disrupt exploiters through joint operations",
        "description": (
            "Plan and run at least four multi-agency days of action a year against exploitation in "
            "high-risk workplaces, using every partner's powers and with safeguarding present at each."
        ),
        "strand": "pursue",
        "pathway_stages": ("discovery",),
        "owner_org": None,
        "owner_subgroup": PURSUE_PREVENT,
        "priority": "high",
        "library_indicator_codes": ("O2-02", "O2-03", "O2-05", "O2-07", "O6-06"),
        "chain": {
            "input": (
                "Police, GLAA and HMRC officer time for quarterly days of action",
                "Council licensing and safeguarding officers on call",
            ),
            "activity": (
                "Jointly planned days of action at high-risk premises",
                "Tasking of partner intelligence within ten working days",
            ),
            "output": (
                "Premises visited and potential victims referred",
                "Arrests and disruption actions against mapped groups",
            ),
            "outcome": (
                "More offenders brought to justice",
                "Exploitative businesses closed or made compliant",
            ),
            "impact": ("Northshire becomes a hostile place for exploiters",),
        },
    },
    {
        "code": "OBJ2",
        "title": "Build a shared intelligence picture",
        "description": (
            "Refresh the modern slavery part of the local profile every year using council, health and "
            "voluntary sector data, and double intelligence submissions from non-police partners by March."
        ),
        "strand": "pursue",
        "pathway_stages": ("discovery",),
        "owner_org": CONSTABULARY,
        "owner_subgroup": None,
        "priority": "high",
        "library_indicator_codes": ("O1-01", "O1-02", "O1-03", "O3-01", "O5-01"),
        "chain": {
            "input": (
                "Police analyst time and partner data extracts",
                "Trained SPOCs in every partner organisation",
            ),
            "activity": (
                "Annual refresh of the local profile with partner data",
                "Single intelligence form and quarterly digest for partners",
            ),
            "output": ("Updated local profile shared with all partners", "Partner intelligence submissions"),
            "outcome": ("Joint actions targeted on the places and groups at greatest risk",),
            "impact": ("Fewer people exploited in Northshire",),
        },
    },
    {
        "code": "OBJ3",
        "title": "Stop offenders re-offending",
        "description": (
            "Consider a Slavery and Trafficking Prevention or Risk Order in every eligible case from April, "
            "and monitor every order in force jointly with probation and the councils."
        ),
        "strand": "prevent",
        "pathway_stages": ("prevention",),
        "owner_org": CONSTABULARY,
        "owner_subgroup": None,
        "priority": "medium",
        "library_indicator_codes": ("O2-04", "O5-02", "O5-03", "O7-30"),
        "chain": {
            "input": ("Police case officers and legal advice", "Probation and council licensing staff time"),
            "activity": (
                "Screening every charged case for an order",
                "Joint monitoring of orders and flagged addresses",
            ),
            "output": ("Prevention and risk orders obtained", "Monitoring schedule for each order"),
            "outcome": ("Convicted and suspected offenders restricted from exploiting again",),
            "impact": ("Fewer repeat victims and repeat offenders",),
        },
    },
    {
        "code": "OBJ4",
        "title": "Reduce risk in high-risk workplaces",
        "description": (
            "Inspect 40 hand car washes, nail bars and seasonal farm sites jointly during the year and "
            "make rights advice available in the main languages spoken by their workers."
        ),
        "strand": "prevent",
        "pathway_stages": ("prevention", "discovery"),
        "owner_org": None,
        "owner_subgroup": PURSUE_PREVENT,
        "priority": "high",
        "library_indicator_codes": ("O6-13", "O6-10", "O4-01", "O4-04", "O6-17"),
        "chain": {
            "input": (
                "Fire safety, trading standards and environmental health inspectors",
                "Citizens Advice advisers and interpreters",
            ),
            "activity": (
                "Joint unannounced inspections",
                "Multilingual rights cards and drop-in advice sessions",
            ),
            "output": ("Premises inspected and follow-up notices issued", "Workers given rights advice"),
            "outcome": ("Workers know their rights and how to get help", "Non-compliant operators deterred"),
            "impact": ("Resilience against exploitation among at-risk workers",),
        },
    },
    {
        "code": "OBJ5",
        "title": "Raise awareness among frontline staff and the public",
        "description": (
            "Train 600 frontline staff and volunteers across partners this year and run two public "
            "campaigns, checking knowledge before and after each session."
        ),
        "strand": "protect",
        "pathway_stages": ("prevention", "discovery"),
        "owner_org": None,
        "owner_subgroup": AWARENESS,
        "priority": "high",
        "library_indicator_codes": ("O4-03", "O4-08", "O4-12", "O4-14", "O4-25", "O3-06"),
        "chain": {
            "input": ("Partnership trainers and e-learning licence", "Campaign budget from the OPCC grant"),
            "activity": (
                "Training for council, NHS, fire and volunteer staff",
                "Public campaigns around Anti-Slavery Day",
            ),
            "output": ("Staff and volunteers trained", "Residents reached by campaigns"),
            "outcome": ("Staff recognise and report concerns", "More valid calls to the helpline"),
            "impact": ("Exploitation is noticed sooner across the county",),
        },
    },
    {
        "code": "OBJ6",
        "title": "Engage businesses in slavery-free supply chains",
        "description": (
            "Sign up 30 Northshire businesses to the pledge by March and support at least half of them "
            "to review their supply chains within the year."
        ),
        "strand": "protect",
        "pathway_stages": ("prevention",),
        "owner_org": BUSINESS_NETWORK,
        "owner_subgroup": None,
        "priority": "medium",
        "library_indicator_codes": ("O3-03", "O1-08", "O4-02", "O4-16"),
        "chain": {
            "input": ("Business network coordinator time", "County Council procurement team"),
            "activity": (
                "Pledge recruitment and supply chain workshops",
                "Modern slavery clauses in council contracts",
            ),
            "output": ("Businesses signed up to the pledge", "Contracts carrying modern slavery clauses"),
            "outcome": ("Supply chain reviews completed by local firms",),
            "impact": ("Less demand for exploited labour in the local economy",),
        },
    },
    {
        "code": "OBJ7",
        "title": "Identify and refer victims earlier",
        "description": (
            "Give every first responder organisation a single referral route and guide by September, and "
            "cut the share of cases with a missed earlier chance of identification year on year."
        ),
        "strand": "prepare",
        "pathway_stages": ("discovery",),
        "owner_org": None,
        "owner_subgroup": PROTECT_PREPARE,
        "priority": "high",
        "library_indicator_codes": ("O6-01", "O6-07", "O6-08", "O6-16", "O6-20", "O2-13"),
        "chain": {
            "input": ("Shared inbox staffed by the County Council", "NHS and fire safeguarding leads"),
            "activity": (
                "First responder guide and shared referral inbox",
                "Routine enquiry in NHS and fire home safety visits",
                "Review of cases with missed chances",
            ),
            "output": ("Referrals into the NRM and Duty to Notify", "Missed-opportunity review findings"),
            "outcome": ("Victims identified at first contact", "Better quality referrals"),
            "impact": ("Shorter periods of exploitation for victims",),
        },
    },
    {
        "code": "OBJ8",
        "title": "Support survivors towards sustainable freedom",
        "description": (
            "Ensure at least 80% of survivors supported locally have a plan they helped write, and that "
            "70% of those helped to move have stable housing twelve months on."
        ),
        "strand": "prepare",
        "pathway_stages": ("respite", "recovery", "sustainable_freedom"),
        "owner_org": SAFE_HARBOUR,
        "owner_subgroup": None,
        "priority": "high",
        "library_indicator_codes": ("O7-04", "O7-05", "O7-09", "O7-16", "O7-21", "O7-23"),
        "chain": {
            "input": (
                "Safe Harbour caseworkers and volunteers",
                "Emergency bed spaces and move-on housing",
                "Employer placements from the business network",
            ),
            "activity": (
                "Co-produced support plans and a survivor feedback panel",
                "Move-on housing protocol with district councils",
                "Work placements, English and IT classes",
            ),
            "output": (
                "Survivors with written plans",
                "Survivors housed",
                "Survivors in training or placements",
            ),
            "outcome": ("Survivors stay engaged and recover", "Survivors move into stable homes and work"),
            "impact": ("Survivors live independently and are not re-exploited",),
        },
    },
)

# ------------------------------------------------------------------ risk register
RISKS = (
    {
        "title": "Coordinator funding ends",
        "cause": "The OPCC grant for the coordinator ends in March; no partner has committed base budget.",
        "consequence": "Coordination, data collection and quarterly reporting would lapse.",
        "likelihood": 3,
        "impact": 5,
        "owner_org": COUNTY,
        "mitigation": "Pooled-budget proposal to chief officers in January; seek a secondment as a fallback.",
        "status": "open",
        "objective_codes": ("OBJ2", "OBJ5", "OBJ7", "OBJ8"),
    },
    {
        "title": "Information-sharing agreement not signed by all partners",
        "cause": "Legal review of the agreement is still under way at the NHS Trust and Fire and Rescue.",
        "consequence": "Health and fire data stay out of the local profile; referrals go case by case.",
        "likelihood": 3,
        "impact": 4,
        "owner_org": NHS,
        "mitigation": "Caldicott guardian briefed; interim sharing under existing safeguarding protocols.",
        "status": "monitoring",
        "objective_codes": ("OBJ2", "OBJ7"),
    },
    {
        "title": "Exploitation displaced to neighbouring counties",
        "cause": "Offenders move operations across the border after visible enforcement.",
        "consequence": "Local figures improve while victims are simply moved elsewhere.",
        "likelihood": 4,
        "impact": 3,
        "owner_org": CONSTABULARY,
        "mitigation": "Share operation plans with neighbouring forces at the regional coordination meeting.",
        "status": "monitoring",
        "objective_codes": ("OBJ1", "OBJ4"),
    },
    {
        "title": "No safe bed available on the day of a rescue",
        "cause": "There is no dedicated emergency accommodation for people awaiting an NRM decision.",
        "consequence": "Victims return to exploiters or are placed in unsuitable hotels.",
        "likelihood": 4,
        "impact": 5,
        "owner_org": COUNTY,
        "mitigation": "Commission two emergency beds; out-of-hours agreement with Safe Harbour meanwhile.",
        "status": "open",
        "objective_codes": ("OBJ1", "OBJ8"),
    },
    {
        "title": "Victims decline to engage with authorities",
        "cause": "Fear of immigration consequences, debt bondage and threats against family.",
        "consequence": "Fewer referrals and prosecutions, and victims left without support.",
        "likelihood": 4,
        "impact": 4,
        "owner_org": SAFE_HARBOUR,
        "mitigation": "Independent advocates present at operations; soft debriefs with trusted interpreters.",
        "status": "open",
        "objective_codes": ("OBJ1", "OBJ7", "OBJ8"),
    },
    {
        "title": "Partner quarterly returns late or incomplete",
        "cause": "SPOCs have the role on top of full-time jobs and changes of staff are not handed over.",
        "consequence": "Board reports rest on partial data and trends cannot be trusted.",
        "likelihood": 3,
        "impact": 3,
        "owner_org": COUNTY,
        "mitigation": "Reminder two weeks before each deadline; deputy SPOC named in every organisation.",
        "status": "monitoring",
        "objective_codes": ("OBJ2",),
    },
    {
        "title": "Training does not lead to referrals",
        "cause": "Staff attend training but do not have time or confidence to act on concerns.",
        "consequence": "Training effort is spent without any rise in identification.",
        "likelihood": 3,
        "impact": 3,
        "owner_org": COUNTY,
        "mitigation": "Track referrals from trained teams; add scenario practice and a named contact.",
        "status": "monitoring",
        "objective_codes": ("OBJ5", "OBJ7"),
    },
    {
        "title": "Shortage of interpreters for first contact",
        "cause": "Few qualified interpreters locally for Vietnamese, Albanian, Romanian and Tigrinya.",
        "consequence": "Victims are not understood at first contact and disclosures are missed.",
        "likelihood": 4,
        "impact": 3,
        "owner_org": SAFE_HARBOUR,
        "mitigation": "Shared interpreter list across partners; telephone interpreting contract as back-up.",
        "status": "open",
        "objective_codes": ("OBJ7", "OBJ8"),
    },
    {
        "title": "Business engagement limited to large firms",
        "cause": "Small firms see modern slavery as a problem for big companies with reporting duties.",
        "consequence": "The highest-risk small employers and labour providers remain untouched.",
        "likelihood": 3,
        "impact": 2,
        "owner_org": BUSINESS_NETWORK,
        "mitigation": "Free short workshops through the chamber of commerce aimed at small employers.",
        "status": "open",
        "objective_codes": ("OBJ6",),
    },
    {
        "title": "Loss of specialist officers in police restructure",
        "cause": "The force reviewed whether to keep a dedicated modern slavery team.",
        "consequence": "Joint operations and the local profile would lose their main resource.",
        "likelihood": 2,
        "impact": 4,
        "owner_org": CONSTABULARY,
        "mitigation": "Case for the team made to the chief officer group with partnership support.",
        "status": "closed",
        "objective_codes": ("OBJ1", "OBJ2", "OBJ3"),
    },
)

# ------------------------------------------------------------------ action plan
ACTIONS = (
    # OBJ1 - joint operations
    {
        "title": "Run quarterly days of action at hand car washes with the GLAA and HMRC",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Four joint operations, each with a debrief note",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Premises list agreed with GLAA and HMRC; first date set for June."),
            (62, "green", "First day of action: nine sites visited and three people referred for support."),
            (150, "amber", "Second operation postponed three weeks after GLAA officers were redeployed."),
            (205, "green", "Rescheduled operation completed; third date fixed for January."),
        ),
    },
    {
        "title": "Agree a joint tasking protocol so partner intelligence is assessed within ten working days",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Signed tasking protocol",
        "priority": "high",
        "start_offset_days": -30,
        "duration_days": 120,
        "history": (
            (0, "green", "Draft protocol circulated to partners."),
            (60, "amber", "Draft held up in County Council legal review."),
            (100, "green", "Legal comments resolved; protocol endorsed at the partnership board."),
            (118, "complete", "Protocol signed by all eight partners and in use."),
        ),
    },
    {
        "title": "Map crime groups linked to labour exploitation and name a disruption lead for each",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Crime group map with a named lead agency per group",
        "priority": "high",
        "start_offset_days": 15,
        "duration_days": 150,
        "history": (
            (0, "green", "Mapping started using police and GLAA intelligence."),
            (45, "green", "Eleven groups mapped."),
            (120, "amber", "Two groups still have no lead agency."),
            (170, "red", "Leads for two groups remain unassigned; escalated to the board."),
        ),
    },
    {
        "title": "Brief Fire and Rescue station managers on reporting exploitation seen during safety visits",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": FIRE,
        "output": "All station managers briefed; reporting route in the fire safety procedure",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 90,
        "history": (
            (0, "green", "Briefing content agreed with the Constabulary."),
            (40, "green", "Briefings delivered at four of six stations."),
            (80, "complete", "All stations briefed; reporting route added to procedure."),
        ),
    },
    {
        "title": "Set up a rota so a council safeguarding officer attends every planned exploitation warrant",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": COUNTY,
        "output": "Safeguarding rota covering all planned warrants",
        "priority": "high",
        "start_offset_days": 45,
        "duration_days": 180,
        "history": (
            (0, "green", "Rota drafted with adult social care."),
            (90, "amber", "Gaps in the rota over the summer leave period."),
            (160, "green", "Eastbrook safeguarding staff added; no gaps for autumn."),
        ),
    },
    {
        "title": "Use Eastbrook licensing powers alongside police enforcement at high-risk premises",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": EASTBROOK,
        "output": "Licensing checks recorded at every joint visit in Eastbrook",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 300,
        "history": (
            (0, "green", "Licensing officers joined the operation planning group."),
            (90, "amber", "Licensing staff unavailable for one operation."),
            (150, "green", "Licensing checks completed at all premises on the latest operation."),
        ),
    },
    {
        "title": "Debrief every joint operation within 14 days and share lessons with all partners",
        "objective": "OBJ1",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Debrief notes on the partnership shared drive",
        "priority": "medium",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Debrief template agreed."),
            (75, "green", "June operation debriefed within ten days."),
            (220, "amber", "October debrief delayed; note expected next week."),
        ),
    },
    # OBJ2 - intelligence picture
    {
        "title": "Refresh the modern slavery section of the serious and organised crime local profile",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Updated local profile shared with partners",
        "priority": "high",
        "start_offset_days": -60,
        "duration_days": 180,
        "history": (
            (0, "green", "Analyst assigned and data requests sent."),
            (90, "amber", "Two partner data returns outstanding."),
            (150, "green", "All returns received; drafting under way."),
            (175, "complete", "Profile presented to the board and circulated."),
        ),
    },
    {
        "title": "Add council housing, licensing and environmental health data to the local profile",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": COUNTY,
        "output": "Data-sharing schedule for three council data sets",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 150,
        "history": (
            (0, "green", "Data owners identified in each service."),
            (70, "amber", "Environmental health data held back pending data protection advice."),
            (160, "red", "Past due date; environmental health extract still not agreed."),
            (215, "red", "Raised with the council's data protection officer; no date yet."),
        ),
    },
    {
        "title": "Introduce a single intelligence submission form for non-police partners",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Partner intelligence form live and publicised",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 90,
        "history": (
            (0, "green", "Form designed with partner SPOCs."),
            (80, "amber", "Launch slipped while the IT team tested secure upload."),
            (95, "complete", "Form live; twelve submissions in the first fortnight."),
        ),
    },
    {
        "title": "Train the SPOC in each partner organisation to submit intelligence and track the outcome",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "SPOCs trained in all eight partner organisations",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 180,
        "history": (
            (0, "green", "Session plan agreed."),
            (60, "green", "Five SPOCs trained."),
            (150, "amber", "NHS and Business network SPOCs yet to attend."),
        ),
    },
    {
        "title": "Produce a quarterly intelligence digest for the partnership board",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Four quarterly digests",
        "priority": "low",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Digest format agreed."),
            (95, "green", "First digest issued."),
            (190, "green", "Second digest issued."),
        ),
    },
    {
        "title": "Bring anonymised NHS safeguarding data on exploitation disclosures into the profile",
        "objective": "OBJ2",
        "subgroup": PROTECT_PREPARE,
        "owner_org": NHS,
        "output": "Quarterly anonymised data extract",
        "priority": "medium",
        "start_offset_days": 90,
        "duration_days": 200,
        "history": (
            (0, "green", "Data fields agreed with the safeguarding team."),
            (60, "amber", "Awaiting Caldicott guardian approval."),
            (130, "amber", "Approval granted subject to small-number suppression; extract being built."),
        ),
    },
    {
        "title": "Hold a partnership workshop to agree priorities from the refreshed local profile",
        "objective": "OBJ2",
        "subgroup": PURSUE_PREVENT,
        "owner_org": COUNTY,
        "output": "Agreed priority list feeding the action plan",
        "priority": "medium",
        "start_offset_days": 120,
        "duration_days": 30,
        "history": (
            (0, "green", "Workshop booked."),
            (28, "complete", "Workshop held; five priorities agreed and added to the plan."),
        ),
    },
    # OBJ3 - stop re-offending
    {
        "title": "Screen every charged modern slavery case for a Slavery and Trafficking Prevention Order",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Order checklist completed on every charged case",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Checklist added to the case file template."),
            (120, "green", "Checklist completed on all four cases charged so far."),
            (210, "amber", "One case charged without the checklist; reminder issued."),
        ),
    },
    {
        "title": "Agree how to apply for Slavery and Trafficking Risk Orders where there is no conviction",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Risk order application guidance",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 120,
        "history": (
            (0, "green", "Legal services asked for advice on the evidential threshold."),
            (90, "amber", "Advice not yet received."),
            (140, "red", "Past due; guidance cannot be finalised without legal advice."),
            (190, "red", "Escalated to the head of legal services."),
        ),
    },
    {
        "title": "Monitor orders in force jointly with probation and the offender management unit",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Monitoring schedule for every order in force",
        "priority": "medium",
        "start_offset_days": 90,
        "duration_days": 180,
        "history": (
            (0, "green", "Orders in force listed; probation contact named."),
            (100, "green", "Monthly checks running for all three orders."),
        ),
    },
    {
        "title": "Brief court staff and CPS lawyers on prevention and risk orders",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Briefing session and a short reference note",
        "priority": "low",
        "start_offset_days": 150,
        "duration_days": 60,
        "history": (
            (0, "green", "Date agreed with the CPS area team."),
            (55, "complete", "Briefing delivered to 18 staff; note circulated."),
        ),
    },
    {
        "title": "Flag addresses linked to convicted offenders to Eastbrook licensing and housing teams",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": EASTBROOK,
        "output": "Agreed process for flagging and reviewing addresses",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 200,
        "history": (
            (0, "green", "Process drafted."),
            (140, "amber", "Waiting for the information-sharing agreement to be signed."),
        ),
    },
    {
        "title": "Share learning from any breached order at the Pursue and Prevent sub-group",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CONSTABULARY,
        "output": "Standing agenda item with a note for each breach",
        "priority": "low",
        "start_offset_days": 120,
        "duration_days": 240,
        "history": (
            (0, "green", "Agenda item added."),
            (90, "green", "First breach reviewed; lessons shared."),
        ),
    },
    {
        "title": "Write a partnership guide to the civil and criminal orders available to each agency",
        "objective": "OBJ3",
        "subgroup": PURSUE_PREVENT,
        "owner_org": COUNTY,
        "output": "Guide to orders and powers",
        "priority": "medium",
        "start_offset_days": -200,
        "duration_days": 150,
        "history": (
            (0, "green", "Each partner asked to list its powers."),
            (80, "amber", "Three partners late with their contributions."),
            (140, "complete", "Guide published on the partnership site."),
        ),
    },
    # OBJ4 - high-risk workplaces
    {
        "title": "Carry out joint fire safety and trading standards inspections at car washes and nail bars",
        "objective": "OBJ4",
        "subgroup": PURSUE_PREVENT,
        "owner_org": FIRE,
        "output": "Inspection programme covering 40 premises",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Premises list drawn from the local profile."),
            (90, "green", "Twelve premises inspected."),
            (180, "amber", "Behind profile: 19 of 30 planned inspections done."),
            (225, "green", "Catch-up visits completed; 27 premises inspected."),
        ),
    },
    {
        "title": "Publish worker rights cards in the eight languages most spoken in high-risk workplaces",
        "objective": "OBJ4",
        "subgroup": PURSUE_PREVENT,
        "owner_org": CITIZENS_ADVICE,
        "output": "Rights cards in eight languages",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 90,
        "history": (
            (0, "green", "Text agreed and sent for translation."),
            (85, "amber", "Two translations awaiting community check."),
            (100, "complete", "Cards printed and distributed to inspection teams."),
        ),
    },
    {
        "title": "Visit seasonal farm work sites with the GLAA to check labour provider licensing",
        "objective": "OBJ4",
        "subgroup": PURSUE_PREVENT,
        "owner_org": EASTBROOK,
        "output": "Visit log and follow-up list",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 120,
        "history": (
            (0, "green", "Sites identified with the National Farmers' Union."),
            (60, "green", "Six sites visited during the harvest."),
            (110, "complete", "All planned sites visited; two referred to the GLAA."),
        ),
    },
    {
        "title": "Hold a Prevent day of action with landlords of houses in multiple occupation",
        "objective": "OBJ4",
        "subgroup": PURSUE_PREVENT,
        "owner_org": EASTBROOK,
        "output": "Landlord workshop and a self-check list",
        "priority": "medium",
        "start_offset_days": 90,
        "duration_days": 60,
        "history": (
            (0, "green", "Venue and speakers booked."),
            (45, "amber", "Low sign-up from landlords."),
            (70, "red", "Venue cancelled; no new date agreed."),
        ),
    },
    {
        "title": "Run monthly employment rights drop-ins in towns with high agency working",
        "objective": "OBJ4",
        "subgroup": AWARENESS,
        "owner_org": CITIZENS_ADVICE,
        "output": "Monthly drop-ins in two towns",
        "priority": "medium",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Venues agreed in Eastbrook and Millford."),
            (120, "green", "Four sessions held in each town; 63 people advised."),
            (210, "green", "Attendance steady; one concern passed to the shared inbox."),
        ),
    },
    {
        "title": "Promote a responsible car wash scheme with local operators",
        "objective": "OBJ4",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "Operators signed up to the scheme",
        "priority": "low",
        "start_offset_days": 120,
        "duration_days": 240,
        "history": (
            (0, "green", "Scheme materials adapted for Northshire."),
            (90, "amber", "Only two operators signed up so far."),
        ),
    },
    {
        "title": "Agree a route from environmental health inspections to the shared partnership inbox",
        "objective": "OBJ4",
        "subgroup": PURSUE_PREVENT,
        "owner_org": EASTBROOK,
        "output": "Referral flowchart for inspectors",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 60,
        "history": (
            (0, "green", "Flowchart drafted."),
            (55, "complete", "Flowchart issued to all inspectors."),
        ),
    },
    # OBJ5 - awareness
    {
        "title": "Deliver modern slavery awareness training to County Council frontline staff",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": COUNTY,
        "output": "400 frontline staff trained",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Training schedule published."),
            (90, "green", "118 staff trained."),
            (180, "amber", "Summer dip: 196 trained against 220 planned."),
            (225, "green", "Back on track with 268 trained."),
        ),
    },
    {
        "title": "Build modern slavery into NHS level 3 safeguarding training",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": NHS,
        "output": "Updated level 3 training module",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 180,
        "history": (
            (0, "green", "Module content drafted with Safe Harbour."),
            (100, "green", "Module piloted with the emergency department."),
            (170, "complete", "Module live for all level 3 training."),
        ),
    },
    {
        "title": "Run a public campaign around Anti-Slavery Day in October",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": CITIZENS_ADVICE,
        "output": "Campaign materials, events and media coverage",
        "priority": "medium",
        "start_offset_days": 150,
        "duration_days": 60,
        "history": (
            (0, "green", "Campaign plan agreed with all partners' communications teams."),
            (40, "green", "Materials printed; radio interview booked."),
            (58, "complete", "Campaign delivered: three events and local radio and press coverage."),
        ),
    },
    {
        "title": "Train Citizens Advice volunteers to recognise and refer potential victims",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": CITIZENS_ADVICE,
        "output": "60 volunteers trained",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 210,
        "history": (
            (0, "green", "Volunteer sessions scheduled."),
            (120, "green", "41 volunteers trained."),
            (190, "green", "58 trained; final session booked."),
        ),
    },
    {
        "title": "Brief taxi drivers and licensed premises staff through Eastbrook licensing",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": EASTBROOK,
        "output": "Briefing pack used at every licence renewal",
        "priority": "low",
        "start_offset_days": 60,
        "duration_days": 240,
        "history": (
            (0, "green", "Briefing pack drafted."),
            (100, "green", "Pack in use at renewals."),
        ),
    },
    {
        "title": "Test knowledge before and after every partnership training session",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": COUNTY,
        "output": "Pre- and post-session results report",
        "priority": "medium",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Short questionnaire agreed."),
            (120, "amber", "Post-session return rate only 35%."),
            (200, "amber", "Moved to in-session forms; return rate up to 60%."),
        ),
    },
    {
        "title": "Refresh the partnership website with reporting routes and the helpline number",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": COUNTY,
        "output": "Updated website pages",
        "priority": "medium",
        "start_offset_days": -40,
        "duration_days": 60,
        "history": (
            (0, "green", "Content drafted."),
            (50, "complete", "New pages published."),
        ),
    },
    {
        "title": "Deliver sessions on criminal exploitation and county lines in schools and colleges",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": COUNTY,
        "output": "Sessions in 12 secondary schools and both colleges",
        "priority": "high",
        "start_offset_days": 90,
        "duration_days": 240,
        "history": (
            (0, "green", "Schools invited through the education safeguarding lead."),
            (90, "amber", "Only five schools have booked so far."),
            (130, "amber", "Seven schools booked; colleges confirmed for spring."),
        ),
    },
    {
        "title": "Hold awareness sessions with faith leaders through the multi-faith forum",
        "objective": "OBJ5",
        "subgroup": AWARENESS,
        "owner_org": CITIZENS_ADVICE,
        "output": "Three sessions with faith leaders",
        "priority": "low",
        "start_offset_days": 100,
        "duration_days": 150,
        "history": (
            (0, "green", "Forum chair agreed to host sessions."),
            (70, "red", "Forum meetings paused while a new chair is appointed."),
            (120, "red", "No forum meeting yet; exploring direct contact with congregations."),
        ),
    },
    # OBJ6 - business
    {
        "title": "Recruit local businesses to the Business Against Slavery pledge",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "30 pledge signatories",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Pledge relaunched at the chamber of commerce breakfast."),
            (120, "green", "14 signatories."),
            (220, "amber", "19 signatories; recruitment slowing."),
        ),
    },
    {
        "title": "Run supply chain risk workshops for small and medium-sized firms",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "Four workshops",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 300,
        "history": (
            (0, "green", "Workshop content agreed."),
            (90, "green", "First workshop held with 16 firms."),
            (180, "green", "Second workshop held."),
        ),
    },
    {
        "title": "Publish a plain-English guide to modern slavery statements for smaller firms",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "Guide published on the network website",
        "priority": "medium",
        "start_offset_days": 0,
        "duration_days": 120,
        "history": (
            (0, "green", "Draft written."),
            (110, "amber", "Waiting for legal check."),
            (130, "complete", "Guide published."),
        ),
    },
    {
        "title": "Add modern slavery clauses to County Council procurement contracts",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": COUNTY,
        "output": "Revised standard contract terms",
        "priority": "high",
        "start_offset_days": -90,
        "duration_days": 240,
        "history": (
            (0, "green", "Procurement team agreed to revise terms."),
            (150, "amber", "Clauses drafted; awaiting sign-off by the council's legal team."),
            (230, "amber", "Past due; sign-off expected at the December cabinet."),
            (290, "amber", "Cabinet date moved to January."),
        ),
    },
    {
        "title": "Survey pledge signatories about supply chain reviews completed",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "Survey results report",
        "priority": "low",
        "start_offset_days": 150,
        "duration_days": 60,
        "history": (
            (0, "green", "Survey sent."),
            (30, "complete", "Results shared: four of 19 firms report a completed review."),
        ),
    },
    {
        "title": "Agree how businesses can raise concerns about suppliers with the partnership",
        "objective": "OBJ6",
        "subgroup": AWARENESS,
        "owner_org": BUSINESS_NETWORK,
        "output": "Business referral guidance",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 90,
        "history": (
            (0, "green", "Draft guidance shared with the Constabulary."),
            (85, "complete", "Guidance issued to all members."),
        ),
    },
    # OBJ7 - identification and referral
    {
        "title": "Publish a Northshire first responder guide to the NRM and Duty to Notify",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": COUNTY,
        "output": "Guide issued to every first responder organisation",
        "priority": "high",
        "start_offset_days": -30,
        "duration_days": 90,
        "history": (
            (0, "green", "Drafting group formed."),
            (60, "green", "Draft checked by Safe Harbour and the Constabulary."),
            (80, "complete", "Guide issued."),
        ),
    },
    {
        "title": "Set up and staff a shared partnership inbox for local referrals",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": COUNTY,
        "output": "Inbox monitored every working day",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 90,
        "history": (
            (0, "green", "Mailbox requested from IT."),
            (50, "green", "Monitoring rota agreed."),
            (85, "complete", "Inbox live and publicised."),
        ),
    },
    {
        "title": "Introduce routine enquiry about exploitation in emergency and maternity departments",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": NHS,
        "output": "Enquiry prompts in the patient record system",
        "priority": "high",
        "start_offset_days": 30,
        "duration_days": 240,
        "history": (
            (0, "green", "Clinical leads agreed the questions."),
            (90, "amber", "IT change request queued behind other work."),
            (180, "amber", "Paper prompts in use while the system change waits."),
        ),
    },
    {
        "title": "Train home fire safety visit crews to recognise signs of exploitation",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": FIRE,
        "output": "All home safety crews trained",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 120,
        "history": (
            (0, "green", "Training adapted from the partnership course."),
            (70, "green", "Half of crews trained."),
            (115, "complete", "All crews trained."),
        ),
    },
    {
        "title": "Audit a sample of NRM referrals for completeness and give feedback to referrers",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": COUNTY,
        "output": "Six-monthly referral audit report",
        "priority": "medium",
        "start_offset_days": 90,
        "duration_days": 180,
        "history": (
            (0, "green", "Audit tool agreed."),
            (100, "green", "First audit of 20 referrals completed; feedback sent."),
        ),
    },
    {
        "title": "Agree a soft-debrief approach with trusted interpreters for first contacts",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": SAFE_HARBOUR,
        "output": "Debrief protocol and a shared interpreter list",
        "priority": "high",
        "start_offset_days": 45,
        "duration_days": 150,
        "history": (
            (0, "green", "Protocol drafted."),
            (100, "amber", "Interpreter budget not yet agreed between partners."),
            (170, "red", "Past due; no funding for interpreters."),
        ),
    },
    {
        "title": "Review cases where victims had earlier contact with an agency but were not identified",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": SAFE_HARBOUR,
        "output": "Missed-opportunity review with recommendations",
        "priority": "medium",
        "start_offset_days": 120,
        "duration_days": 180,
        "history": (
            (0, "green", "Review scope agreed with the board."),
            (100, "green", "Twelve case files reviewed."),
        ),
    },
    {
        "title": "Add exploitation prompts to Eastbrook homelessness assessments",
        "objective": "OBJ7",
        "subgroup": PROTECT_PREPARE,
        "owner_org": EASTBROOK,
        "output": "Revised assessment form",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 120,
        "history": (
            (0, "green", "Prompts drafted."),
            (110, "complete", "Revised form in use."),
        ),
    },
    # OBJ8 - survivor support
    {
        "title": "Introduce co-produced written support plans for every survivor",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": SAFE_HARBOUR,
        "output": "Plan template in use; plans in at least 80% of cases",
        "priority": "high",
        "start_offset_days": 0,
        "duration_days": 240,
        "history": (
            (0, "green", "Template designed with the survivor panel."),
            (90, "green", "Plans in place for 64% of open cases."),
            (200, "green", "Plans in place for 78% of open cases."),
        ),
    },
    {
        "title": "Commission two emergency bed spaces for people awaiting an NRM decision",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": COUNTY,
        "output": "Two emergency bed spaces available at all times",
        "priority": "high",
        "start_offset_days": -60,
        "duration_days": 300,
        "history": (
            (0, "green", "Options paper to commissioning board."),
            (120, "amber", "Provider found but costs higher than budget."),
            (200, "red", "Funding gap unresolved; escalated to chief officers."),
            (280, "red", "Still unfunded; out-of-hours agreement with Safe Harbour used as stop-gap."),
        ),
    },
    {
        "title": "Set up a survivor feedback panel that meets every quarter",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": SAFE_HARBOUR,
        "output": "Quarterly panel notes with actions",
        "priority": "medium",
        "start_offset_days": 30,
        "duration_days": 335,
        "history": (
            (0, "green", "Terms agreed with survivors."),
            (60, "green", "First panel met; three suggestions logged."),
            (150, "green", "Second panel met; interpreter changes adopted."),
        ),
    },
    {
        "title": "Offer survivor work placements through member businesses",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": BUSINESS_NETWORK,
        "output": "Eight work placements",
        "priority": "medium",
        "start_offset_days": 90,
        "duration_days": 270,
        "history": (
            (0, "green", "Employers approached."),
            (90, "amber", "Two placements agreed; right-to-work checks slowing others."),
        ),
    },
    {
        "title": "Provide English and IT classes for survivors at community venues",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": CITIZENS_ADVICE,
        "output": "Weekly classes in two venues",
        "priority": "medium",
        "start_offset_days": 60,
        "duration_days": 300,
        "history": (
            (0, "green", "Volunteer tutors recruited."),
            (60, "green", "Classes running weekly; nine learners."),
            (150, "green", "Second venue opened."),
        ),
    },
    {
        "title": "Agree a move-on housing protocol with district housing teams",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": EASTBROOK,
        "output": "Signed move-on protocol",
        "priority": "high",
        "start_offset_days": 30,
        "duration_days": 150,
        "history": (
            (0, "green", "Protocol drafted."),
            (120, "amber", "One district yet to agree."),
            (170, "complete", "Signed by all districts, three weeks late."),
        ),
    },
    {
        "title": "Agree a fast-track route for survivors into NHS mental health assessment",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": NHS,
        "output": "Referral route into talking therapies and trauma services",
        "priority": "high",
        "start_offset_days": 45,
        "duration_days": 180,
        "history": (
            (0, "green", "Service leads agreed in principle."),
            (100, "amber", "Waiting list pressure delaying agreement."),
            (170, "complete", "Route agreed: trauma-focused assessment within four weeks of referral."),
        ),
    },
    {
        "title": "Follow up survivors at six and twelve months after they leave support",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": SAFE_HARBOUR,
        "output": "Follow-up records for every survivor who consents",
        "priority": "medium",
        "start_offset_days": 0,
        "duration_days": 365,
        "history": (
            (0, "green", "Consent wording agreed."),
            (120, "amber", "Half of survivors not reachable at six months."),
            (210, "amber", "Adding text-message contact to improve reach."),
        ),
    },
    {
        "title": "Help survivors apply for criminal injuries compensation",
        "objective": "OBJ8",
        "subgroup": PROTECT_PREPARE,
        "owner_org": CITIZENS_ADVICE,
        "output": "Applications supported with advice",
        "priority": "low",
        "start_offset_days": 90,
        "duration_days": 275,
        "history": (
            (0, "green", "Advisers briefed on the scheme."),
            (120, "green", "Five applications supported."),
        ),
    },
)

LATEST_HISTORY_DAY = max(a["start_offset_days"] + h[0] for a in ACTIONS for h in a["history"])

# ------------------------------------------------------------------ development goals
DEVELOPMENT_GOALS_STATUS = {
    "terms_of_reference": ("done", "Agreed at the founding board; refreshed each April."),
    "key_members": ("done", "All eight member organisations confirmed, each with a named SPOC."),
    "meeting_schedule": ("done", "Board every quarter; sub-groups every six weeks."),
    "information_sharing_agreement": (
        "in_progress",
        "Signed by six partners; NHS Trust and Fire and Rescue awaiting legal sign-off.",
    ),
    "communication_channels": ("done", "Shared inbox, monthly bulletin and a secure shared drive in use."),
    "objectives_agreed": ("done", "Eight objectives across the 4Ps agreed for this year."),
    "action_plan_agreed": ("done", "Action plan approved by the board in April."),
    "sustainable_funding": (
        "in_progress",
        "Coordinator funded by the OPCC to March; pooled-budget proposal being drafted.",
    ),
}


if __name__ == "__main__":
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    library = importlib.import_module("library_data")
    library_codes = {i["code"] for i in library.LIBRARY_INDICATORS}

    org_names = {o["name"] for o in ORGANISATIONS}
    assert len(org_names) == len(ORGANISATIONS) == 8
    assert all(o["partner_type"] in library.PARTNER_TYPES for o in ORGANISATIONS)
    subgroup_names = {s["name"] for s in SUBGROUPS}
    assert len(subgroup_names) == len(SUBGROUPS) == 3
    for s in SUBGROUPS:
        assert s["chair_org"] in org_names and set(s["strands"]) <= set(library.STRANDS), s

    assert len(ASSUMPTIONS) == 6
    assert all(a["status"] in ("untested", "holding", "doubtful", "disproved") for a in ASSUMPTIONS)

    objective_codes = [o["code"] for o in OBJECTIVES]
    assert objective_codes == [f"OBJ{n}" for n in range(1, 9)], objective_codes
    for strand in library.STRANDS:
        assert sum(o["strand"] == strand for o in OBJECTIVES) == 2, strand
    for o in OBJECTIVES:
        assert (o["owner_org"] is None) != (o["owner_subgroup"] is None), o["code"]
        assert o["owner_org"] is None or o["owner_org"] in org_names, o["code"]
        assert o["owner_subgroup"] is None or o["owner_subgroup"] in subgroup_names, o["code"]
        assert o["priority"] in ("high", "medium", "low"), o["code"]
        assert set(o["pathway_stages"]) <= set(library.PATHWAY_STAGES), o["code"]
        assert 3 <= len(o["library_indicator_codes"]) <= 6, o["code"]
        assert set(o["library_indicator_codes"]) <= library_codes, o["code"]
        assert len(set(o["library_indicator_codes"])) == len(o["library_indicator_codes"]), o["code"]
        assert list(o["chain"]) == ["input", "activity", "output", "outcome", "impact"], o["code"]
        assert all(1 <= len(v) <= 3 for v in o["chain"].values()), o["code"]

    assert len(RISKS) == 10
    for r in RISKS:
        assert 1 <= r["likelihood"] <= 5 and 1 <= r["impact"] <= 5, r["title"]
        assert r["owner_org"] in org_names and r["status"] in ("open", "monitoring", "closed"), r["title"]
        assert r["objective_codes"] and set(r["objective_codes"]) <= set(objective_codes), r["title"]

    titles = [a["title"] for a in ACTIONS]
    assert len(titles) == len(set(titles)), "duplicate action titles"
    overdue = []
    for a in ACTIONS:
        t = a["title"]
        assert a["objective"] in objective_codes and a["subgroup"] in subgroup_names, t
        assert a["owner_org"] in org_names and a["priority"] in ("high", "medium", "low"), t
        assert a["duration_days"] > 0 and a["history"], t
        days = [h[0] for h in a["history"]]
        assert days == sorted(days) and days[0] >= 0, t
        assert all(h[1] in ("red", "amber", "green", "complete") for h in a["history"]), t
        assert all(h[1] != "complete" for h in a["history"][:-1]), t
        due = a["start_offset_days"] + a["duration_days"]
        if due < LATEST_HISTORY_DAY and a["history"][-1][1] != "complete":
            overdue.append(t)
    assert all(sum(a["objective"] == c for a in ACTIONS) >= 5 for c in objective_codes)
    assert set(DEVELOPMENT_GOALS_STATUS) == {
        "terms_of_reference",
        "key_members",
        "meeting_schedule",
        "information_sharing_agreement",
        "communication_channels",
        "objectives_agreed",
        "action_plan_agreed",
        "sustainable_funding",
    }
    assert all(v[0] in ("done", "in_progress", "not_started") for v in DEVELOPMENT_GOALS_STATUS.values())
    final = {}
    for a in ACTIONS:
        final[a["history"][-1][1]] = final.get(a["history"][-1][1], 0) + 1
    print(
        f"OK: {len(OBJECTIVES)} objectives, {len(RISKS)} risks, {len(ACTIONS)} actions "
        f"(final status {final}), {len(overdue)} overdue at day {LATEST_HISTORY_DAY}"
    )
