"""Two more speed fixes for the report's layout change nothing but speed: the HTML parser's cached
expressions read the same tree, and a layout called with room on the frame stack returns what it would
have returned, without mapping a fresh piece of stack for every call at a chunk's end."""

from __future__ import annotations

import resource
import sys

import pytest
from tinyhtml5 import inputstream, parse

from reports.jobs import html_parse_speed, stack_room

REPORT_LIKE = (
    '<!doctype html><html lang="en-GB"><body class="pdf"><table class="report-table results">'
    + "".join(
        f'<tr><th scope="row"><span class="code">WM-{n:03}</span> Referrals &amp; visits</th>'
        f'<td class="num bold">{n}</td><td class="spark"><svg viewBox="0 0 200 64" width="200">'
        f'<path d="M3 61H197" stroke="#888"/><title id="t{n}">WM-{n:03}: by quarter</title></svg></td></tr>'
        for n in range(40)
    )
    + "</table></body></html>"
)


def _tree(element) -> list:
    return [element.tag, sorted(element.attrib.items()), element.text, element.tail, [_tree(c) for c in element]]


def test_the_parser_with_its_expressions_cached_reads_the_same_tree_as_tinyhtml5_alone():
    try:
        html_parse_speed.restore()
        own = parse(REPORT_LIKE)
        html_parse_speed.apply()
        cached = parse(REPORT_LIKE)
    finally:
        html_parse_speed.apply()
    assert _tree(cached) == _tree(own)
    assert sum(element.tag.endswith("}tr") for element in own.iter()) == 40  # every row read, not just the head


def test_each_expression_is_built_once_under_the_characters_it_stops_at():
    html_parse_speed.apply()
    parse(REPORT_LIKE)
    cache = inputstream.characters_until_regex
    compiled = {key: pattern for key, pattern in cache.items() if not isinstance(key[0], type(pattern))}
    assert compiled, "tinyhtml5 looked nothing up under the characters"
    for (characters, opposite), pattern in compiled.items():
        assert pattern == html_parse_speed.expression(characters, opposite)
    size = len(cache)
    parse(REPORT_LIKE)
    assert len(cache) == size  # found again, not built again


def test_a_call_with_room_returns_its_result_and_raises_its_errors():
    assert stack_room.call_with_room(lambda a, b=1: a + b, 2, b=3) == 5
    with pytest.raises(ZeroDivisionError):
        stack_room.call_with_room(lambda: 1 / 0)


def _leaf():
    return 1


def _dive(depth: int, calls: int) -> int:
    if depth:
        return _dive(depth - 1, calls)
    total = 0
    for _ in range(calls):  # a loop deep in the stack, as the layout loops over a box's children
        total += _leaf()
    return total


def _loop_at_every_depth() -> None:
    for depth in range(400):  # across two or more 16 KiB chunks' ends, wherever they fall
        _dive(depth, 50)


def _page_faults(function) -> int:
    before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    function()
    return resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="Python 3.13 and later keep a spare chunk themselves")
def test_a_loop_deep_in_the_stack_maps_no_fresh_chunk_per_call_when_called_with_room():
    plain = _page_faults(_loop_at_every_depth)
    roomy = _page_faults(lambda: stack_room.call_with_room(_loop_at_every_depth))
    assert plain > 500  # a new chunk, first touched, for each call across a chunk's end
    assert roomy < plain / 10
