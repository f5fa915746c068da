"""The report-job engine: one for every kind of report made as a PDF by the workers.

- ``services``: every write of the engine — start, retry and the free-text review (the package
  itself), ``services.engine`` (the worker side: run a job, heartbeat, archive one version, sweep
  stalled jobs) and ``services.queue`` (hand a job to the Celery task, looked up by its name, with
  no import of the task module);
- ``kinds``: the registry of report kinds (annual, quarterly), each giving its HTML and its words to review;
- ``selectors``: reads shared by every kind;
- ``pdf``, ``fetcher``, ``layout_speed``: WeasyPrint, its only way to fetch files, and its speed-ups;
- ``views_review``: the free-text review page of a version for publication.

The engine never branches on a kind: a kind is registered in ``kinds.KINDS``.
"""
