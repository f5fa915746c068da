"""The production shape's static files: collected with manifest storage (what production uses
with DEBUG off), then pages render with the hashed names from that manifest.

WhiteNoise's ``CompressedManifestStaticFilesStorage`` (production) is Django's manifest storage
plus compression; the test uses the manifest part alone, which is where a vendored file naming a
missing ``.map`` stopped ``collectstatic``, and where a missing manifest made every page a 500.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
MANIFEST_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


@pytest.fixture
def collected(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_with_production_storage_succeeds_and_writes_a_manifest(collected):
    assert (collected / "staticfiles.json").is_file()
    assert list(collected.glob("vendor/bootstrap/bootstrap.min.*.css"))


@pytest.mark.django_db
def test_pages_render_with_debug_off_from_the_collected_manifest(collected, client, world, login):
    sign_in = client.get(reverse("login"))
    assert sign_in.status_code == 200
    assert re.search(r"/static/favicon\.[0-9a-f]{12}\.svg", sign_in.content.decode())
    assert client.get(reverse("admin:login")).status_code == 200
    assert client.get("/no-such-page/").status_code == 404

    login(world.a.coordinator)
    home = client.get(reverse("home"), follow=True)
    assert home.status_code == 200
    assert re.search(r"/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]{12}\.css", home.content.decode())


def test_no_vendored_file_names_a_source_map_that_is_not_vendored():
    missing = []
    for path in (ROOT / "static").rglob("*"):
        if path.suffix not in {".css", ".js"}:
            continue
        for name in re.findall(r"sourceMappingURL=([^\s*]+)", path.read_text(errors="replace")):
            if not (path.parent / name).exists():
                missing.append(f"{path.relative_to(ROOT)} -> {name}")
    assert missing == []
