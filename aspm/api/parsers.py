"""The API's JSON parser: DRF's, with a limit on how deeply the body may nest.

``[[[[…]]]]`` a hundred thousand levels deep made the JSON decoder raise RecursionError, which DRF
does not catch: the API answered with a 500 HTML page. No request of this API nests more than a few
levels; deeper bodies are refused with 400 in the API's error shape.
"""

from __future__ import annotations

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 32
TOO_DEEP = f"The JSON body is nested too deeply: at most {MAX_DEPTH} levels of objects and lists."


def _depth_within(value, limit: int) -> bool:
    """Whether ``value`` nests at most ``limit`` levels; stops at the first branch that goes deeper."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return True


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(TOO_DEEP) from error
        if not _depth_within(data, MAX_DEPTH):
            raise ParseError(TOO_DEEP)
        return data
