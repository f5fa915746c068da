"""The mark written before a status in the reports, so that it rests on neither colour nor word alone.

{% load marks %}
<td class="st-{{ r.status }}">{{ r.status|mark }}{{ r.status_label }}</td>   ✓ On track, ! At risk, ✕ Off track
<span class="rag rag-{{ a.rag }}">{{ a.rag|mark }}{{ a.rag_label }}</span>     ✓ Green, ! Amber, ✕ Red, ■ Complete

The mark is part of the cell's text (a no-break space ties it to the word), not a CSS ::before box:
WeasyPrint makes a generated box for every ::before, and a county's report has some 600 of them.
No target and no data carry no mark; their grey or italic word says it.
"""

from django import template

register = template.Library()

MARKS = {
    "on_track": "\u2713",
    "at_risk": "!",
    "off_track": "\u2715",
    "green": "\u2713",
    "amber": "!",
    "red": "\u2715",
    "complete": "\u25a0",
}


@register.filter
def mark(code) -> str:
    """The mark of an indicator status or an action's RAG, followed by a no-break space ('' if none)."""
    sign = MARKS.get(str(code))
    return f"{sign}\u00a0" if sign else ""
