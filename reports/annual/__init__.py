"""The annual M&E report: sections, rendering (HTML and PDF), the job that makes it, its archive."""
