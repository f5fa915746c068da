"""Writes of the reports app that belong to no one report kind."""
