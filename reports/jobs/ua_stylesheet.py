"""WeasyPrint's user-agent stylesheet without the rules that give every element six styles it never uses.

The stylesheet WeasyPrint applies before ours has ``::marker`` and five footnote and note rules
(``::footnote-call``, ``::note-marker``…) that match every element. WeasyPrint computes a style for each
pseudo-element a rule matches, so a county's report of 18,000 elements made 106,000 styles for
markers and footnote calls that were never drawn: a second of the layout and some 60 MB.

``LeanHTML`` uses the same stylesheet with ``::marker`` kept for list items (the only elements shown as
list items, so the only ones with a marker) and the footnote and note rules left out: the reports use
neither footnotes (``float: footnote``) nor notes (``position: note()``); a test keeps it so.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA_FORM_STYLESHEET

NOTES = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}]*\}\n", re.MULTILINE)


def lean_ua_source() -> str:
    """WeasyPrint's html5_ua.css, ``::marker`` narrowed to ``li::marker`` and the footnote and note rules out."""
    text = (files("weasyprint.css") / "html5_ua.css").read_text("utf-8")
    lean, markers = re.subn(r"^::marker \{", "li::marker {", text, flags=re.MULTILINE)
    lean, notes = NOTES.subn("", lean)
    if (markers, notes) != (1, 5):  # a WeasyPrint whose stylesheet changed: use it as it is
        return text
    return lean


@cache
def lean_ua_stylesheet() -> CSS:
    # Its @counter-style rules are already in UA_COUNTER_STYLE (WeasyPrint parsed its own stylesheet
    # into it, and each document copies it): parsed into a spare set, they are not defined twice,
    # which WeasyPrint refused with a warning in every report's log ("Invalid counter style name").
    return CSS(string=lean_ua_source(), counter_style=CounterStyle())


class LeanHTML(HTML):
    def _ua_stylesheets(self, forms=False):
        return [lean_ua_stylesheet(), UA_FORM_STYLESHEET] if forms else [lean_ua_stylesheet()]
