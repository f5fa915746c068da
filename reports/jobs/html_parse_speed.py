"""The HTML parser's regular expressions cached as it means to cache them (a speed fix for WeasyPrint).

WeasyPrint parses a report's HTML with tinyhtml5, whose input stream reads runs of characters with a
regular expression built from the characters that end the run (``chars_until``) and cached by those
characters. tinyhtml5 2.1 stores each expression under the wrong key (the compiled expression itself,
not the characters: ``characters = cache[(characters, opposite)] = regex`` assigns ``characters``
first), so it never finds one again and builds its source anew on every call: every attribute name,
attribute value and run of text, a third of the parse of a county's 900 KB of HTML (some 0.3 s).

``apply`` puts each expression, built exactly as tinyhtml5 builds it, under the key tinyhtml5 looks
up before it calls tinyhtml5's own ``chars_until``, which then finds it. A tinyhtml5 whose insides
changed is left alone.
"""

from __future__ import annotations

import re

from tinyhtml5 import inputstream

_original = inputstream.HTMLUnicodeInputStream.chars_until


def expression(characters, opposite: bool = False) -> re.Pattern:
    """What tinyhtml5's ``chars_until`` compiles for these characters."""
    source = "".join([f"\\x{ord(character):02x}" for character in characters])
    if not opposite:
        source = f"^{source}"
    return re.compile(f"[{source}]+")


def _chars_until(self, characters, opposite=False):
    cache = inputstream.characters_until_regex
    if (characters, opposite) not in cache:
        cache[(characters, opposite)] = expression(characters, opposite)
    return _original(self, characters, opposite)


def apply() -> None:
    if isinstance(getattr(inputstream, "characters_until_regex", None), dict):
        inputstream.HTMLUnicodeInputStream.chars_until = _chars_until


def restore() -> None:
    """tinyhtml5's own ``chars_until`` (for the test that both parse alike)."""
    inputstream.HTMLUnicodeInputStream.chars_until = _original
