"""Parts of a page rendered once and kept until the partnership's data changes.

The heaviest pages at county size (an indicator with a hundred organisations' figures, the action
plan of thousands of actions) spend most of their time building the same tables and charts for
every request. :func:`cached_fragments` renders such parts to HTML under the partnership's data
version (``aspm.data_version``), so the next request serves the HTML as it was, and the next write
to the partnership's data makes every entry stale at once.

What a fragment may depend on is closed, so a cached part can never show one person what was drawn
for another:

- it is rendered **without the request**: no ``user``, no ``request``, no CSRF token, no messages
  (context processors do not run). A form does not belong in a fragment, and one with a CSRF field
  is refused (``FragmentError``), since its token would be another person's;
- it sees ``partnership`` and ``membership``, and its key holds the member's **role and
  organisation**, which decide every answer of ``can`` (partnerships.access): two members who may
  do the same things share an entry, others do not;
- the caller names everything else it varies on (``parts``: the indicator, the filter, the year),
  and today's date is always part of the key, as "as at" wording and provisional labels change with
  the day;
- the code's own version is part of the key too, so a release never serves what the last one drew.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import data_version

CSRF_FIELD = "csrfmiddlewaretoken"
CODE_DIRS = ("aspm", "partnerships", "indicators", "actionplans", "reports", "templates")


@functools.cache
def code_version() -> str:
    """A digest of the code and templates this process runs (each file's name, size and time), so a
    fragment drawn by an earlier release is never served by a later one: the entries of the old
    code are simply not read again. Computed once per process."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for top in CODE_DIRS:
        for path in sorted((root / top).rglob("*")):
            if path.suffix in (".py", ".html", ".svg") and "migrations" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


class FragmentError(RuntimeError):
    """A fragment drew something that depends on the person asking (a form's CSRF token)."""


def cached_fragments(
    request,
    name: str,
    templates: Mapping[str, str],
    build: Callable[[], dict],
    *,
    parts: Iterable[object] = (),
    values: Iterable[str] = (),
    keep: bool = True,
) -> dict[str, Any]:
    """``{part: html}``: each template of ``templates`` rendered with ``build()``'s context, kept
    under the partnership's data version. ``build`` runs only when the entry is missing. ``values``
    names plain values of that context the page needs besides the HTML (kept with it). With ``keep``
    false the parts are drawn and not kept (a free-text search must not fill the cache)."""
    membership = request.membership
    partnership = request.partnership

    def render() -> tuple[dict[str, str], dict[str, Any]]:
        context = {**build(), "partnership": partnership, "membership": membership}
        drawn = {}
        for part, template in templates.items():
            html = render_to_string(template, context)  # no request: no user, no CSRF token
            if CSRF_FIELD in html:
                raise FragmentError(f"{template} draws a form; a cached fragment must not hold one.")
            drawn[part] = html
        return drawn, {name: context[name] for name in values}

    key = [code_version(), *parts, membership.role, membership.organisation_id, timezone.localdate()]
    if keep:
        drawn, kept = data_version.cached(partnership, f"fragment:{name}", render, parts=key)
    else:
        drawn, kept = render()
    return {**{part: mark_safe(html) for part, html in drawn.items()}, **kept}  # noqa: S308 - our templates' output
