"""Demo partnerships, organisations and one person per role, made through the services.

Running it again finds what is there and adds only what is missing. Other apps seed their part
after this one (see ``partnerships/management/commands/seed_demo.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from . import services
from .models import Membership, Organisation, Partnership, Role, Sector, User

DEMO_PASSWORD = "aspm-demo-2026"  # noqa: S105 - printed for the demo; seed_demo refuses production

NORTHSHIRE_ORGS = [
    ("Northshire Constabulary", Sector.POLICE),
    ("Northshire County Council", Sector.LOCAL_AUTHORITY),
    ("Eastbrook District Council", Sector.LOCAL_AUTHORITY),
    ("Northshire NHS Foundation Trust", Sector.HEALTH),
    ("Safe Harbour Survivor Support", Sector.NGO),
    ("Northshire Business Against Slavery", Sector.BUSINESS),
    ("Northshire Fire and Rescue", Sector.OTHER),
    ("Citizens Advice Northshire", Sector.NGO),
    ("Northshire Probation Delivery Unit", Sector.CRIMINAL_JUSTICE),
    ("Churches Together in Northshire", Sector.FAITH_COMMUNITY),
]

RIVERSIDE_ORGS = [
    ("Riverside City Police", Sector.POLICE),
    ("Riverside City Council", Sector.LOCAL_AUTHORITY),
    ("Riverside Integrated Care Board", Sector.HEALTH),
    ("New Dawn Anti-Trafficking Charity", Sector.NGO),
    ("Riverside Chamber of Commerce", Sector.BUSINESS),
    ("Riverside Youth Offending Service", Sector.CRIMINAL_JUSTICE),
]

# slug, name, area, organisations, person names by role (the two SPOCs speak for the first two
# organisations of the list above)
PARTNERSHIPS = [
    (
        "northshire",
        "Northshire Anti-Slavery Partnership",
        "Northshire (county)",
        NORTHSHIRE_ORGS,
        {
            "coordinator": "Priya Shah",
            "spoc1": "Tom Hughes",
            "spoc2": "Grace Okafor",
            "board": "Margaret Ellis",
            "viewer": "Sam Reid",
        },
    ),
    (
        "riverside",
        "Riverside City Modern Slavery Network",
        "Riverside City",
        RIVERSIDE_ORGS,
        {
            "coordinator": "Daniel Price",
            "spoc1": "Aisha Begum",
            "spoc2": "Owen Davies",
            "board": "Helen Clarke",
            "viewer": "Lena Novak",
        },
    ),
]


@dataclass
class DemoPartnership:
    partnership: Partnership
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, User] = field(default_factory=dict)


@dataclass
class DemoWorld:
    size: str
    partnerships: dict[str, DemoPartnership] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (partnership, role, email)


def _ensure_partnership(slug: str, name: str, area: str) -> Partnership:
    existing = Partnership.objects.filter(slug=slug).first()
    return existing or services.partnership_create(actor=None, name=name, slug=slug, area=area)


def _ensure_organisation(partnership: Partnership, name: str, sector: str) -> Organisation:
    existing = Organisation.objects.filter(partnership=partnership, name=name).first()
    return existing or services.organisation_create(actor=None, partnership=partnership, name=name, sector=sector)


def _ensure_member(partnership: Partnership, user: User, role: str, organisation: Organisation | None = None):
    if not Membership.objects.filter(partnership=partnership, user=user).exists():
        services.membership_create(actor=None, partnership=partnership, user=user, role=role, organisation=organisation)


def seed(world: DemoWorld) -> None:
    for slug, name, area, orgs, people in PARTNERSHIPS:
        with transaction.atomic():
            demo = _seed_partnership(world, slug, name, area, orgs, people)
        world.partnerships[slug] = demo
    # One person belongs to both, to show switching: Northshire's coordinator is a viewer in Riverside.
    _ensure_member(
        world.partnerships["riverside"].partnership,
        world.partnerships["northshire"].people["coordinator"],
        Role.VIEWER,
    )
    if world.size == "large":
        with transaction.atomic():
            world.partnerships["westmoor"] = _seed_large(world)


def _seed_partnership(world, slug, name, area, orgs, people) -> DemoPartnership:
    partnership = _ensure_partnership(slug, name, area)
    demo = DemoPartnership(partnership=partnership)
    for org_name, sector in orgs:
        demo.organisations[org_name] = _ensure_organisation(partnership, org_name, sector)
    org_list = list(demo.organisations.values())
    plan = [
        ("coordinator", Role.COORDINATOR, None),
        ("spoc1", Role.SPOC, org_list[0]),
        ("spoc2", Role.SPOC, org_list[4] if len(org_list) > 4 else org_list[1]),
        ("board", Role.BOARD, None),
        ("viewer", Role.VIEWER, None),
    ]
    for key, role, organisation in plan:
        email = f"{key}@{slug}.example"
        user = services.user_ensure(email=email, full_name=people[key], password=DEMO_PASSWORD)
        _ensure_member(partnership, user, role, organisation)
        demo.people[key] = user
        label = Role(role).label + (f" ({organisation})" if organisation else "")
        world.logins.append((name, label, email))
    return demo


LARGE_SECTORS = [
    Sector.POLICE,
    Sector.LOCAL_AUTHORITY,
    Sector.HEALTH,
    Sector.CRIMINAL_JUSTICE,
    Sector.NGO,
    Sector.BUSINESS,
    Sector.FAITH_COMMUNITY,
    Sector.OTHER,
]
LARGE_PLACES = [
    "Westmoor",
    "Ashford Vale",
    "Kingsbridge",
    "Halton Marsh",
    "Orwell",
    "Greyfield",
    "Linmouth",
    "Stanbury",
    "Caddon",
    "Elmsworth",
]
LARGE_KINDS = {
    Sector.POLICE: "Police",
    Sector.LOCAL_AUTHORITY: "Borough Council",
    Sector.HEALTH: "Health Partnership",
    Sector.CRIMINAL_JUSTICE: "Community Justice Team",
    Sector.NGO: "Survivor Support Trust",
    Sector.BUSINESS: "Business Forum",
    Sector.FAITH_COMMUNITY: "Faith Network",
    Sector.OTHER: "Housing Association",
}


def _seed_large(world: DemoWorld) -> DemoPartnership:
    """A partnership at the scale of a big county: 60 organisations, each with a SPOC."""
    partnership = _ensure_partnership("westmoor", "Greater Westmoor Anti-Slavery Partnership", "Greater Westmoor")
    demo = DemoPartnership(partnership=partnership)
    coordinator = services.user_ensure(
        email="coordinator@westmoor.example", full_name="Ruth Adeyemi", password=DEMO_PASSWORD
    )
    _ensure_member(partnership, coordinator, Role.COORDINATOR)
    demo.people["coordinator"] = coordinator
    board = services.user_ensure(email="board@westmoor.example", full_name="Colin Marsh", password=DEMO_PASSWORD)
    _ensure_member(partnership, board, Role.BOARD)
    demo.people["board"] = board
    world.logins.append((partnership.name, "Coordinator", coordinator.email))
    world.logins.append((partnership.name, "Board member", board.email))
    for i in range(60):
        sector = LARGE_SECTORS[i % len(LARGE_SECTORS)]
        place = LARGE_PLACES[(i // len(LARGE_SECTORS)) % len(LARGE_PLACES)]
        name = f"{place} {LARGE_KINDS[sector]}"
        org = _ensure_organisation(partnership, name, sector)
        demo.organisations[name] = org
        spoc = services.user_ensure(
            email=f"spoc{i + 1:02d}@westmoor.example", full_name=f"SPOC {i + 1:02d} {place}", password=DEMO_PASSWORD
        )
        _ensure_member(partnership, spoc, Role.SPOC, org)
        demo.people[f"spoc{i + 1:02d}"] = spoc
    world.logins.append((partnership.name, "Partner SPOC (each organisation)", "spoc01…spoc60@westmoor.example"))
    return demo
