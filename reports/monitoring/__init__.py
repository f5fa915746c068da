"""A funding agreement's monitoring reports, carried by the quarterly returns' machinery (a Return
with ``agreement`` set): when they open (``schedule``), what they hold beyond a return (``services``:
income and expenditure per budget line), and spend against budget (``spend``)."""
