"""Settings, read from the environment (see the configuration table in README.md).

``aspm.settings.base`` is the one settings module for every deployment; ``DEBUG`` decides
whether missing values get development defaults or stop the start-up. ``aspm.settings.test``
adds only what makes the test run fast.
"""
