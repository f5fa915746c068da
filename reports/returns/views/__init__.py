"""The quarterly returns' pages, one module per subject: ``page`` (the list and a return's page),
``sections`` (the task list's section pages and "Check your answers"), ``autosave``, ``evidence``,
``review`` (the coordinator's side), ``quarterly`` (the board's report) and ``spreadsheet``. Shared
helpers are public in ``access`` (finding a return) and ``rows`` (what the forms show)."""
