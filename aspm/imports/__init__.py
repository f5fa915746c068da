"""One import pipeline for every spreadsheet import: read → map → validate → preview → commit.

* :mod:`.reading` reads every sheet of a workbook or a CSV in any Excel encoding and delimiter, and
  finds the header row below any title rows;
* :mod:`.mapping` says which column is which ASPM field (guessed by name, remembered per partnership);
* :mod:`.values` reads the forms people type: "yes"/"no", "£3,250.00", "80%", 30 June 2016;
* :mod:`.stored` keeps the uploaded file in storage under a random name (never in the session);
* :mod:`.flow` is the page every import uses; each import supplies its fields and its writer.
"""
