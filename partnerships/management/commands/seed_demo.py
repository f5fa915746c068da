"""Load the demo partnerships. Safe to run twice: it adds only what is missing."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from partnerships.demo import DEMO_PASSWORD, DemoWorld

# Each app seeds its part, in this order, through its own services.
SEEDERS = [
    "partnerships.demo.seed",
    "indicators.strategy.demo.seed",  # vision, sub-groups, objectives and chains, risks, development goals
    "indicators.measurement.demo.seed",  # after strategy: links indicators to strands and objectives
    "indicators.strategy.demo_funding.seed",  # after the indicators: a funding agreement tags some as its KPIs
    "indicators.strategy.demo_milestones.seed",  # after the indicators: strategy period, 2018/19 baselines, milestones
    "partnerships.health.demo.seed",  # meetings, survey rounds, process-goal targets (after strategy: sub-groups)
    "actionplans.demo.seed",  # after strategy: looks objectives up by code, sub-groups by name
    "actionplans.learning.demo.seed",  # after the action plan: recommendations raise actions
    "actionplans.learning.journal_demo.seed",  # after the meetings: reviews at the board meetings
    "actionplans.learning.self_assessment_demo.seed",  # two rounds, last year's and this year's
    "actionplans.learning.feedback_demo.seed",  # after the action plan: "you said, we did" links actions
    "reports.returns.demo.seed",  # keep last: returns need the plan, indicators and actions
    "indicators.measurement.benchmarking_demo.seed",  # after the figures: small opted-in peers for benchmarking
]


class Command(BaseCommand):
    help = "Create the demo partnerships (fictional) with one login per role, and print the logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            choices=["normal", "large"],
            default="normal",
            help="'large' adds a county-sized partnership for benchmarks.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even with DEBUG off (demo accounts have a published password).",
        )
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args, size: str, allow_production: bool, quiet_logins: bool, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like production. The demo accounts share a published "
                "password; pass --allow-production if you really want them here."
            )
        world = DemoWorld(size=size)
        for path in SEEDERS:
            import_string(path)(world)
        if not quiet_logins:
            self._print_logins(world)

    def _print_logins(self, world: DemoWorld) -> None:
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo data is ready. Sign in with any of these (password: {DEMO_PASSWORD}):"))
        current = None
        for partnership, role, email in world.logins:
            if partnership != current:
                out.write(f"\n  {partnership}")
                current = partnership
            out.write(f"    {role:<58} {email}")
        out.write("")
