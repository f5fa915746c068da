"""The funder's report: one financial year of a funding agreement, as a PDF made by the report-job engine
(``reports.jobs``) in the annual report's design, for the funder and the board."""
