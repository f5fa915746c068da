"""The named cast every test uses: two partnerships, each with a coordinator, two SPOCs of
different organisations, a board member and a viewer; and one outsider who belongs to neither.

Partnership A is "Northvale", partnership B is "Southmoor". Built through the services, as the
product builds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerships import services
from partnerships.models import Membership, Organisation, Partnership, Role, Sector, User

PASSWORD = "correct-horse-battery-staple"

ROLES = ("coordinator", "spoc_police", "spoc_charity", "board", "viewer")


@dataclass
class Side:
    partnership: Partnership
    police: Organisation
    charity: Organisation
    council: Organisation
    coordinator: User
    spoc_police: User
    spoc_charity: User
    board: User
    viewer: User
    memberships: dict[str, Membership] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.partnership.slug

    def user(self, role: str) -> User:
        return getattr(self, role)


def _user(email: str, name: str) -> User:
    return User.objects.create_user(email=email, password=PASSWORD, full_name=name)


def build_side(slug: str, name: str, people: dict[str, str]) -> Side:
    partnership = services.partnership_create(actor=None, name=name, slug=slug, area=f"{name} area")
    police = services.organisation_create(
        actor=None, partnership=partnership, name=f"{name} Police", sector=Sector.POLICE
    )
    charity = services.organisation_create(
        actor=None, partnership=partnership, name=f"{name} Survivor Trust", sector=Sector.NGO
    )
    council = services.organisation_create(
        actor=None, partnership=partnership, name=f"{name} Council", sector=Sector.LOCAL_AUTHORITY
    )
    users = {role: _user(f"{role}@{slug}.test", people[role]) for role in ROLES}
    side = Side(partnership=partnership, police=police, charity=charity, council=council, **users)
    plan = {
        "coordinator": (Role.COORDINATOR, None),
        "spoc_police": (Role.SPOC, police),
        "spoc_charity": (Role.SPOC, charity),
        "board": (Role.BOARD, None),
        "viewer": (Role.VIEWER, None),
    }
    for role, (role_value, org) in plan.items():
        side.memberships[role] = services.membership_create(
            actor=None, partnership=partnership, user=users[role], role=role_value, organisation=org
        )
    return side


@dataclass
class World:
    a: Side
    b: Side
    outsider: User


def build_world() -> World:
    a = build_side(
        "northvale",
        "Northvale",
        {
            "coordinator": "Cora Coordinator",
            "spoc_police": "Pete Police",
            "spoc_charity": "Chris Charity",
            "board": "Bea Board",
            "viewer": "Vic Viewer",
        },
    )
    b = build_side(
        "southmoor",
        "Southmoor",
        {
            "coordinator": "Cole Coordinator",
            "spoc_police": "Paula Police",
            "spoc_charity": "Carl Charity",
            "board": "Ben Board",
            "viewer": "Val Viewer",
        },
    )
    outsider = _user("outsider@nowhere.test", "Olly Outsider")
    return World(a=a, b=b, outsider=outsider)
