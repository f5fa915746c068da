"""How a figure, a target or a baseline is written for a reader: one function, by the indicator's unit.

Every page, PDF, chart label and spreadsheet label writes its numbers with ``format_value`` (templates
through the ``units`` filters), so yes/no reads "Yes", a percentage keeps its sign and money its pound:

- count: a whole number with a thousands separator, "1,234";
- percentage: one decimal place with its sign, "71.7%", and "73%" when the decimal is nought;
- money: "£1,234", with pence only when the amount is not whole, "£1,234.50";
- score: one decimal place, "3.8";
- yes_no: "Yes" for 1 (or True), "No" for 0 (or False);
- text: as it is;
- no value: "–" (an en dash).

``decimals`` (an indicator's precision) replaces the unit's default number of decimal places.
Spreadsheets keep raw numbers in their number cells; only labels go through here.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "–"

# The unit names of indicators.models.Unit (kept as plain strings so this module imports nothing).
COUNT, PERCENTAGE, YES_NO, MONEY, SCORE, TEXT = "count", "percentage", "yes_no", "money", "score", "text"
DEFAULT_DECIMALS = {COUNT: 0, PERCENTAGE: 1, SCORE: 1}


def _decimal(value) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def _fixed(number: Decimal, places: int) -> str:
    """``number`` rounded half up (71.65 -> 71.7, as a reader rounds) to ``places``, with thousands separators."""
    places = max(places, 0)
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0"
    return f"{rounded:,.{places}f}"


def _without_zero_decimals(text: str) -> str:
    if "." in text and text.split(".")[1].strip("0") == "":
        return text.split(".")[0]
    return text


def format_value(value, unit: str = "", *, decimals: int | None = None) -> str:
    """``value`` written for a reader in ``unit`` (see the module's docstring); ``decimals`` overrides
    the unit's default precision. A value that is not a number is returned as it is."""
    if value is None or value == "":
        return MISSING
    if unit == TEXT:
        return str(value)
    number = _decimal(value)
    if number is None or not number.is_finite():
        return str(value)
    if unit == YES_NO:
        if number == 1:
            return "Yes"
        if number == 0:
            return "No"
        if 0 < number < 1:  # the share of organisations saying yes (a roll-up of several answers)
            return _without_zero_decimals(_fixed(number * 100, 0 if decimals is None else decimals)) + "% yes"
        return _fixed(number, 0 if decimals is None else decimals)
    if unit == PERCENTAGE:
        places = DEFAULT_DECIMALS[PERCENTAGE] if decimals is None else decimals
        return _without_zero_decimals(_fixed(number, places)) + "%"
    if unit == MONEY:
        whole = number == number.to_integral_value()
        places = (0 if whole else 2) if decimals is None else decimals  # pence only when not whole
        text = _fixed(number, places)
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    if unit in DEFAULT_DECIMALS:
        return _fixed(number, DEFAULT_DECIMALS[unit] if decimals is None else decimals)
    # No unit given: whole numbers as they are, others to two places (a plain number).
    if decimals is not None:
        return _fixed(number, decimals)
    return _fixed(number, 0 if number == number.to_integral_value() else 2)


def format_for(value, indicator) -> str:
    """``value`` in ``indicator``'s unit and precision (its ``decimals`` when it has one): an
    organisation's figure."""
    return format_value(value, indicator.unit, decimals=getattr(indicator, "decimals", None))


def format_combined(value, indicator) -> str:
    """The partnership's figure or target for ``indicator``, in the unit its roll-up gives (a share of
    organisations saying yes is a percentage, where each organisation's answer is yes or no)."""
    unit = getattr(indicator, "combined_unit", indicator.unit)
    return format_value(value, unit, decimals=getattr(indicator, "decimals", None))
