"""Measurement pages, split by subject."""
