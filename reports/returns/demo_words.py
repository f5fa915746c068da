"""What the demo's organisations write in their returns when they have no action notes of their own
to draw on (all of Greater Westmoor's sixty): sentences by sector, two per question, picked per
organisation and question, so the annual report's partner section varies from one partner to the
next instead of repeating one sentence sixty times. Fictional."""

from __future__ import annotations

import zlib

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
            "After training, emergency and maternity staff made their first referrals, each within a day of contact.",
            "Rotas left little time for training; the online course filled only half its places.",
            "Make the course part of induction and add a prompt to the patient record system.",
        ),
        (
            "Set up a safeguarding contact for every practice in the area and a clear route to the partnership.",
            "Patients who spoke little English were hard to help without interpreters on hand.",
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
            "Put the helpline poster up in staff rooms across the business park and trained managers in what to "
            "do when someone speaks up.",
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
    # Housing associations and fire services alike: staff who go into homes and premises.
    Sector.OTHER: (
        (
            "Staff who visit homes and premises learned the signs, and their checks found two people in forced labour.",
            "Properties that were sublet or overcrowded were hard to get into.",
            "Plan joint visits with the council's licensing team to the places we cannot reach alone.",
        ),
        (
            "Added the signs of exploitation to our staff's routine safety checks and gave the partnership a "
            "named contact.",
            "Staff changes meant some teams had not yet been trained.",
            "Train every new starter within their first three months.",
        ),
    ),
}
QUESTIONS = ("key_achievements", "key_challenges", "future_priorities")


def _pick(organisation_name: str, question: str) -> int:
    return zlib.crc32(f"{organisation_name}|{question}".encode()) % 2


def year_end_words(sector: str, organisation_name: str) -> dict[str, str]:
    """The organisation's three year-end answers."""
    choices = YEAR_END.get(sector) or YEAR_END[Sector.OTHER]
    return {q: choices[_pick(organisation_name, q)][n] for n, q in enumerate(QUESTIONS)}


def quarter_words(sector: str, organisation_name: str) -> dict[str, str]:
    """Its quarterly progress, problems and priorities: the other wording of each, so that a year-end
    return never repeats its quarterly answer word for word."""
    choices = YEAR_END.get(sector) or YEAR_END[Sector.OTHER]
    other = {q: choices[1 - _pick(organisation_name, q)][n] for n, q in enumerate(QUESTIONS)}
    return {
        "progress": other["key_achievements"],
        "problems": other["key_challenges"],
        "priorities": "Next quarter: " + other["future_priorities"][0].lower() + other["future_priorities"][1:],
    }
