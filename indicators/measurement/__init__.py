"""Measurement: indicators, the library, periods, targets, figures, progress, imports and evidence."""
