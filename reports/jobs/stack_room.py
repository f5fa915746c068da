"""Run WeasyPrint's deep recursion inside one roomy piece of Python's frame stack (a speed fix).

Since Python 3.11 a thread keeps its functions' frames on a stack made of 16 KiB chunks. A call that
does not fit in the current chunk gets a new one (an ``mmap``), and the chunk is given back (``munmap``)
as soon as that call returns. Laying out a report recurses some hundred calls deep and then loops
there (a box, its children, each of their percentages and text runs), so wherever a chunk ends inside
that depth, a call in the loop maps a fresh chunk and unmaps it again, tens of thousands of times:
Greater Westmoor's report made 215,000 ``mmap`` and as many ``munmap`` calls and 300,000 page faults,
about a sixth of the CPU and more of the wall time on a virtual machine, where a page fault is dear.
CPython fixed this in 3.13 and 3.14 by keeping one spare chunk (python/cpython#142183); 3.11 does not.

``call_with_room`` calls a function from a frame that reserves a mebibyte of stack slots it never
uses. Such a frame gets a chunk of its own, twice its size, and every call made under it fits in the
other half: no chunk is mapped or unmapped during the layout (only the pages touched are ever
faulted in). The reserved slots are address space, not memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
ROOM_SLOTS = 1 << 17  # 8-byte slots: 1 MiB reserved, so a 2 MiB chunk with about 1 MiB free for the calls


def _call(function, /, *args, **kwargs):
    return function(*args, **kwargs)


def _roomy(call):
    try:
        return type(call)(call.__code__.replace(co_stacksize=ROOM_SLOTS), call.__globals__, "_call_with_room")
    except (TypeError, ValueError):  # a Python whose code objects refuse it: calls as they are
        return call


_call_with_room = _roomy(_call)


def call_with_room(function: Callable[..., T], /, *args, **kwargs) -> T:
    """``function(*args, **kwargs)``, called from a frame whose chunk leaves room for its whole recursion."""
    return _call_with_room(function, *args, **kwargs)
