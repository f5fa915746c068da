"""Excel's CSVs through every import kind: a Windows-1252 file and a semicolon-separated one arrive with "£"
and "–" intact, in the mapping page's samples and in the rows each kind checks. The kinds come from the
registry (aspm.imports.registry), so a new import is covered as soon as it is registered. A kind made per object
(a return's figures) gets an object of its model from SUBJECTS."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aspm.imports import flow
from aspm.imports.registry import registered

from .returns_cast import police_return

pytestmark = pytest.mark.django_db

TEXT = "Taxi firms – £3,250 budget"
KINDS = [r.key for r in registered()]
SUBJECTS = {"reports.Return": police_return}  # for each kind per object: one such object of the side's


def _subject(entry, side):
    """What the kind is for (the partnership, or its object) and the page's URL."""
    subject = SUBJECTS[entry.subject](side) if entry.subject else side.partnership
    kwargs = {"slug": side.slug} | ({"pk": subject.pk} if entry.subject else {})
    return subject, reverse(entry.url_name, kwargs=kwargs)


def _csv(headers: list[str], delimiter: str, encoding: str) -> bytes:
    quoted = [f'"{h}"' for h in headers]
    row = [f'"{TEXT}"' for _ in headers]
    return (delimiter.join(quoted) + "\r\n" + delimiter.join(row) + "\r\n").encode(encoding)


def test_the_registry_holds_every_import_there_is():
    assert KINDS == [
        "actions", "figures", "indicators", "objectives", "organisations", "plan", "return", "targets"
    ]  # fmt: skip


@pytest.mark.parametrize("key", KINDS)
@pytest.mark.parametrize(("delimiter", "encoding"), [(",", "cp1252"), (";", "cp1252"), (";", "utf-8-sig")])
def test_an_excel_csv_goes_through_every_import_with_its_pound_sign_and_dash_intact(
    a, login, monkeypatch, key, delimiter, encoding
):
    entry = next(r for r in registered() if r.key == key)
    subject, url = _subject(entry, a)
    kind = entry.kind(subject)
    seen = []
    real = flow._check

    def check(request, kind, state):
        seen.extend(flow.mapping_mod.apply([s for s in state.sheets if s.name in state.chosen], state.columns))
        return real(request, kind, state)

    monkeypatch.setattr(flow, "_check", check)
    headers = [f.label for f in kind.fields[:4]]
    client = login(a.coordinator)
    page = client.post(
        url,
        {"file": SimpleUploadedFile("export.csv", _csv(headers, delimiter, encoding))},
    )
    assert page.status_code == 200
    sheet = page.context["state"].sheets[0]
    assert sheet.headers == headers
    assert [list(values) for _, values in sheet.rows] == [[TEXT] * len(headers)]
    assert page.context["samples"][headers[0]] == [TEXT]
    assert seen and all(value == TEXT for row in seen for value in row.data.values())
    assert set(seen[0].data) == {f.name for f in kind.fields[:4]}
    assert "�" not in page.content.decode()
