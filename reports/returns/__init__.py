"""Quarterly returns from partner SPOCs: services, selectors, views, reminders and demo data."""
