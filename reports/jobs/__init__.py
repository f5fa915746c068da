"""The report-job engine: one for every kind of report made as a PDF by the workers.

- ``engine``: the worker side (run a job, heartbeat, archive one version, sweep stalled jobs);
- ``queue``: hand a job to the Celery task, looked up by its name (no import of the task module);
- ``kinds``: the registry of report kinds (annual, quarterly), each giving its HTML and its words to review;
- ``services`` / ``selectors``: writes (start, retry, the free-text review) and reads shared by every kind;
- ``pdf``, ``fetcher``, ``layout_speed``: WeasyPrint, its only way to fetch files, and its speed-ups;
- ``views_review``: the free-text review page of a version for publication.

The engine never branches on a kind: a kind is registered in ``kinds.KINDS``.
"""
