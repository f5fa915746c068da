"""What the isolation walk and the role matrix need to know about each URL, gathered per app.

Each module here (one per app or subject) may define:

* ``OBJECT_KWARGS``: url name -> function(side) returning the URL's kwargs (without ``slug``),
  making or finding such an object in that side's partnership;
* ``MATRIX``: url name -> (Perm needed, methods, POST-data maker or None) for the role matrix;
  a URL whose access is not a plain Perm check (e.g. SPOC's own organisation) goes in
  ``OWN_TESTS`` with the name of the test module that covers it;
* ``API_MATRIX``: API url name -> {method: (Perm needed, body maker or None)} for the API role
  matrix and isolation walk (tests/test_api_isolation.py); object kwargs go in ``OBJECT_KWARGS``;
* ``API_OWN_TESTS``: (API url name, method) -> the test module that covers it, for "own organisation"
  rights that the plain API role matrix cannot check (the isolation walk still covers them);
* ``FOREIGN_IDS``: url name -> function(own side, other side) returning a POST body of the own
  side's URL that carries the other partnership's ids (tests/test_isolation_walk.py: nothing changes);
* ``PUBLIC_OR_PERSONAL``: names of URLs outside /p/<slug>/ (none of them shows a partnership's objects,
  except the peer reviewer's door, which has its own test: see access_registry/learning.py).

A new URL that no module mentions makes the walk fail.
"""

from __future__ import annotations

import importlib
import pkgutil

OBJECT_KWARGS: dict = {}
MATRIX: dict = {}
OWN_TESTS: dict = {}
API_MATRIX: dict = {}
API_OWN_TESTS: dict = {}
FOREIGN_IDS: dict = {}
PUBLIC_OR_PERSONAL: set = set()

for _info in pkgutil.iter_modules(__path__):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    OBJECT_KWARGS.update(getattr(_module, "OBJECT_KWARGS", {}))
    MATRIX.update(getattr(_module, "MATRIX", {}))
    OWN_TESTS.update(getattr(_module, "OWN_TESTS", {}))
    API_MATRIX.update(getattr(_module, "API_MATRIX", {}))
    API_OWN_TESTS.update(getattr(_module, "API_OWN_TESTS", {}))
    FOREIGN_IDS.update(getattr(_module, "FOREIGN_IDS", {}))
    PUBLIC_OR_PERSONAL.update(getattr(_module, "PUBLIC_OR_PERSONAL", set()))
