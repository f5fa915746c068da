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
  the day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from . import data_version

CSRF_FIELD = "csrfmiddlewaretoken"


class FragmentError(RuntimeError):
    """A fragment drew something that depends on the person asking (a form's CSRF token)."""


def cached_fragments(
    request,
    name: str,
    templates: Mapping[str, str],
    build: Callable[[], dict],
    *,
    parts: Iterable[object] = (),
) -> dict[str, SafeString]:
    """``{part: html}``: each template of ``templates`` rendered with ``build()``'s context, kept
    under the partnership's data version. ``build`` runs only when the entry is missing."""
    membership = request.membership
    partnership = request.partnership

    def render() -> dict[str, str]:
        context = {**build(), "partnership": partnership, "membership": membership}
        drawn = {}
        for part, template in templates.items():
            html = render_to_string(template, context)  # no request: no user, no CSRF token
            if CSRF_FIELD in html:
                raise FragmentError(f"{template} draws a form; a cached fragment must not hold one.")
            drawn[part] = html
        return drawn

    key = [*parts, membership.role, membership.organisation_id, timezone.localdate()]
    drawn = data_version.cached(partnership, f"fragment:{name}", render, parts=key)
    return {part: mark_safe(html) for part, html in drawn.items()}  # noqa: S308 - our own templates' output
