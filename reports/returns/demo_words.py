"""What the demo's organisations write in their returns' year-end boxes, by sector, so that the
annual report's partner section reads like sixty different partners rather than one sentence
sixty times. Fictional; two wordings per sector, picked by the organisation's place in the list."""

from __future__ import annotations

from partnerships.models import Sector

# (key achievements, key challenges, future priorities)
YEAR_END: dict[str, tuple[tuple[str, str, str], ...]] = {
    Sector.POLICE: (
        (
            "Ran joint days of action with licensing and immigration teams and opened more investigations "
            "than last year.",
            "Victims were reluctant to support prosecutions, and several cases stalled waiting for interpreters.",
            "Use more evidence-led prosecutions and share intelligence with the council sooner.",
        ),
        (
            "Trained every response officer in spotting the signs and made a named lead available on every shift.",
            "Demand on the team outstripped the hours we had; two detectives moved to other units mid-year.",
            "Keep the named lead on every shift and publish how quickly referrals are picked up.",
        ),
    ),
    Sector.LOCAL_AUTHORITY: (
        (
            "Added exploitation checks to licensing visits for nail bars, car washes and houses in multiple "
            "occupation.",
            "Staff changes in housing meant some referrals waited longer than they should for a first visit.",
            "Write the checks into procurement contracts and train the new housing officers.",
        ),
        (
            "Published the modern slavery statement and put a duty-to-notify route on the council's front door.",
            "Few departments outside social care knew how to make a referral at the start of the year.",
            "Reach every front-line department with the short course and check their referrals a year on.",
        ),
    ),
    Sector.HEALTH: (
        (
            "Emergency and maternity staff made their first referrals after training, within a day of first contact.",
            "Rotas left little time for training; the online course filled only half its places.",
            "Make the course part of induction and add a prompt to the patient record system.",
        ),
        (
            "Set up a safeguarding contact for every practice in the area and a clear route to the partnership.",
            "Patients who were afraid to be seen with staff were hard to help without interpreters on hand.",
            "Book interpreters by phone within the hour and track how often it happens.",
        ),
    ),
    Sector.CRIMINAL_JUSTICE: (
        (
            "Screened people on probation for signs of exploitation and referred those at risk to support.",
            "Information sharing with partners took weeks because of unclear agreements.",
            "Sign a data-sharing agreement with the partnership and cut the wait to days.",
        ),
        (
            "Helped courts understand the statutory defence for victims forced into crime.",
            "Cases moved between areas and we lost track of who was responsible for support.",
            "Agree with neighbouring areas who leads when a person moves between them.",
        ),
    ),
    Sector.NGO: (
        (
            "Supported more survivors into safe housing, and most were still settled six months on.",
            "Funding for our outreach worker ends in March, and demand keeps rising.",
            "Secure the outreach post and start a peer-support group led by survivors.",
        ),
        (
            "Ran drop-ins in three towns and took survivor feedback back to the board every quarter.",
            "Volunteer numbers fell over the summer and some drop-ins had to close early.",
            "Recruit and train a new group of volunteers and keep every drop-in open all year.",
        ),
    ),
    Sector.BUSINESS: (
        (
            "Members reviewed their supply chains, and a third now audit their labour providers each year.",
            "Smaller firms said they lacked the time and know-how to check their suppliers.",
            "Offer a plain guide and a buddy scheme pairing small firms with larger members.",
        ),
        (
            "Put the helpline poster up in staff rooms across the business park and trained managers to use it.",
            "Agency staff changed often, so training had to be repeated.",
            "Ask agencies to include the signs of exploitation in their own induction.",
        ),
    ),
    Sector.FAITH_COMMUNITY: (
        (
            "Congregations learned the signs, and two people were helped after speaking to a faith leader.",
            "Some communities distrusted statutory services and would not make referrals to them.",
            "Build trust with a named police and council contact who visits each community.",
        ),
        (
            "Translated the awareness leaflet into five languages spoken in the area.",
            "Leaflets alone reached few people; conversations worked better but took longer.",
            "Train community champions who can have those conversations in their own language.",
        ),
    ),
    Sector.OTHER: (
        (
            "Housing officers checked overcrowded tenancies and found two cases of forced labour.",
            "Landlords were hard to reach where properties were sublet.",
            "Work with the council's licensing team on joint visits to sublet properties.",
        ),
        (
            "Gave tenancy support to survivors leaving safe houses so they could settle for good.",
            "Few move-on homes were free when survivors were ready to leave safe houses.",
            "Set aside a small number of homes each year for survivors moving on.",
        ),
    ),
}


def year_end_words(sector: str, index: int) -> dict[str, str]:
    """The three year-end answers for an organisation of ``sector``, the ``index``-th in the list."""
    choices = YEAR_END.get(sector) or YEAR_END[Sector.OTHER]
    achievements, challenges, priorities = choices[index % len(choices)]
    return {"key_achievements": achievements, "key_challenges": challenges, "future_priorities": priorities}
