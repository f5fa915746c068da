"""Free text leaks too: "two people were helped". Before a version for publication is made, every
sentence of the words it prints (partners' narratives, outcomes, case studies, the foreword) is
scanned, and each sentence that may identify someone is shown to the coordinator to approve or edit.

A sentence is flagged, with each reason in plain words, when it

* mentions a **small number**: a count from 1 up to the policy's threshold less one, in digits
  ("3 people") or words ("three", "all four cases"); vague counts ("a couple of", "a single",
  "both", "one") only when a word for people or cases follows closely ("both victims"), since
  "one of our aims" or "a couple of weeks" count nobody. Ordinals ("the third quarter"), money,
  percentages, decimals, parts of dates, lengths of time ("three weeks") and numbered names
  ("Objective 2") are not counts;
* gives an **age**: "aged 34", "34-year-old", "in her twenties", "teenager", an age band "18-24";
* names a **nationality** (a list of demonyms and the usual countries of origin);
* names a **kind of workplace or place** someone can be found (nail bar, car wash, cannabis farm,
  hotel, takeaway, college course…), a **business** ("… Ltd") or an **address or postcode**;
* gives a **date** ("3 December", "December 2026", "03/12/2026", "Tuesday 3rd").

Everything here is linear in the text's length: sentences are split by one pass over the
characters, and the patterns have no nested repetition (no catastrophic backtracking).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------- sentences
ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "st", "no", "nos", "approx", "etc", "cf", "vs", "inc", "ltd"}
)
CLOSERS = "\"'’”)]"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def digest(self) -> str:
        return sentence_digest(self.text)


def normalise(text: str) -> str:
    """One space between words: the same sentence re-wrapped is the same sentence."""
    return " ".join(text.split())


def sentence_digest(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with where each lies (for replacing them), in one pass.

    A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by white space,
    unless the word before the full stop is a usual abbreviation ("e.g.", "Mr.") or a single letter;
    and at every line break, so that list items and paragraphs are sentences of their own."""
    out: list[Sentence] = []
    n = len(text)
    start = 0
    i = 0

    def add(begin: int, end: int) -> None:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            out.append(Sentence(begin, end, text[begin:end]))

    while i < n:
        ch = text[i]
        if ch == "\n":
            add(start, i)
            start = i + 1
        elif ch in ".!?":
            j = i + 1
            while j < n and (text[j] in ".!?" or text[j] in CLOSERS):
                j += 1
            if j >= n or text[j].isspace():
                if ch == "." and _is_abbreviation(text, start, i):
                    i = j
                    continue
                add(start, j)
                start = j
                i = j
                continue
            i = j
            continue
        i += 1
    add(start, n)
    return out


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    k = dot
    while k > start and not text[k - 1].isspace():
        k -= 1
    word = text[k:dot].lstrip("(\"'‘“").lower()
    return len(word) == 1 and word.isalpha() or word in ABBREVIATIONS


# ----------------------------------------------------------------------------- vocabulary
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
# Counts that name no number but say "few": flagged only before a word for people or cases.
VAGUE = ("a couple of", "a pair of", "a single", "a handful of", "a few", "both", "one", "a lone", "an only")
PEOPLE = frozenset(
    """people person persons victim victims survivor survivors man men woman women child children adult adults
    girl girls boy boys individual individuals case cases referral referrals family families worker workers
    offender offenders suspect suspects defendant defendants arrest arrests national nationals client clients
    teenager teenagers minor minors sibling siblings brother brothers sister sisters mother mothers father
    fathers parent parents resident residents employee employees member members household households youth
    youths young potential male males female females staff tenant tenants student students migrant migrants
    perpetrator perpetrators trafficker traffickers""".split()  # noqa: SIM905
)
NOT_A_COUNT_AFTER = ("-third", "-quarter", "-fifth", "-fold", "-thirds", "-quarters", "-fifths")
# Words before a number that make it a name or a position ("Objective 2", "Tier 3"), not a count.
LABELS = frozenset(
    """objective outcome strand phase step stage priority tier level section year week page option change action
    item round part quarter appendix annex chapter version no number indicator figure table goal aim""".split()  # noqa: SIM905
)
# A number before one of these is a length of time or a frequency ("three weeks", "twice"), not a count of anyone.
TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years times quarters".split()  # noqa: SIM905
)
IDIOMS_WITH_ONE = ("no one", "one another", "one-off", "one-stop", "one to one", "one-to-one", "one by one")

DEMONYMS = frozenset(
    """Afghan Albanian Algerian Angolan Armenian Azerbaijani Bangladeshi Belarusian Bosnian Brazilian Bulgarian
    Burmese Burundian Cambodian Cameroonian Chadian Chinese Colombian Congolese Croatian Cuban Czech Djiboutian
    Dominican Ecuadorian Egyptian Emirati Eritrean Estonian Ethiopian Filipino Filipina French Gambian Georgian
    German Ghanaian Greek Guinean Haitian Honduran Hungarian Indian Indonesian Iranian Iraqi Italian Ivorian
    Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovan Kosovar Kurdish Kuwaiti Kyrgyz Laotian Latvian
    Lebanese Liberian Libyan Lithuanian Macedonian Malawian Malaysian Malian Mexican Moldovan Mongolian
    Montenegrin Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan Nigerian Nigerien Pakistani Palestinian
    Peruvian Polish Portuguese Romanian Roma Russian Rwandan Salvadoran Saudi Senegalese Serbian Slovak Slovakian
    Slovenian Somali Somalian Spanish Sudanese Syrian Tajik Tanzanian Thai Tibetan Togolese Tunisian Turkish
    Turkmen Ugandan Ukrainian Uzbek Venezuelan Vietnamese Yemeni Zambian Zimbabwean
    Albania Vietnam Romania Bulgaria Eritrea Sudan Nigeria Ghana Afghanistan Iran Iraq Syria
    Ukraine Moldova Lithuania Latvia Slovakia Poland Hungary Kosovo Ethiopia Somalia Pakistan Bangladesh India
    China Philippines Thailand Brazil Egypt Libya Morocco Turkey Kurdistan""".split()  # noqa: SIM905
)
TWO_WORD_NATIONS = ("Sri Lankan", "Sierra Leonean", "South Sudanese", "Sri Lanka", "Sierra Leone", "South Sudan")

PLACES = (
    "nail bar", "nail bars", "nail salon", "nail salons", "car wash", "car washes", "hand car wash",
    "cannabis farm", "cannabis factory", "farm", "farms", "factory", "factories", "restaurant", "restaurants",
    "hotel", "hotels", "takeaway", "takeaways", "take-away", "brothel", "brothels", "massage parlour",
    "massage parlours", "building site", "construction site", "warehouse", "warehouses", "care home",
    "care homes", "fishing boat", "trawler", "packing house", "packing plant", "food processing plant",
    "laundry", "kebab shop", "barber", "barbers", "barbershop", "salon", "beauty salon", "tattoo parlour",
    "garage", "scrapyard", "scrap yard", "recycling centre", "caravan site", "traveller site", "b&b",
    "bed and breakfast", "guest house", "off-licence", "off licence", "convenience store", "corner shop",
    "supermarket", "distribution centre", "college", "college course", "university", "school", "academy",
    "nursery", "mosque", "church", "temple", "gurdwara", "hostel", "shelter", "flat above", "pub", "bar",
    "nightclub", "casino", "petrol station", "launderette", "shisha bar", "shisha lounge", "vape shop",
)  # fmt: skip
STREETS = (
    "Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|Crescent|Place|Terrace|Court|Gardens|Grove|Row|Walk|"
    "Square|Mews|Parade|Hill|Green|Park"
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DECADES = "teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|20s|30s|40s|50s|60s|70s|80s"

PERSON_WORDS = "girl|boy|child|woman|man|teenager|minor|victim|survivor|person|daughter|son|youth|adult|worker"

# ----------------------------------------------------------------------------- patterns (each linear)
I = re.IGNORECASE  # noqa: E741
AGE_PATTERNS = [
    re.compile(r"\baged?\s(?:about\s|around\s|just\s)?\d{1,3}(?:\s?[-–]\s?\d{1,3}|\sto\s\d{1,3})?\b", I),
    re.compile(r"\b\d{1,3}[\s-]years?[\s-]old\b", I),
    re.compile(r"\b[a-z]+-years?-olds?\b", I),
    re.compile(r"\b\d{1,3}-years?-olds?\b", I),
    re.compile(rf"\bin\s(?:his|her|their)\s(?:early\s|mid-|mid\s|late\s)?(?:{DECADES})\b", I),
    re.compile(r"\bteenage(?:rs?|d)?\b", I),
    re.compile(r"\b(?:under|over)[\s-]\d{1,2}s\b", I),
    # bare ages beside a person: "a girl of 15", "a child, 14, was found", "she was 16."
    re.compile(rf"\b(?:{PERSON_WORDS})(?:\sof|,)\s\d{{1,2}}\b", I),
    re.compile(
        r"\b(?:she|he)\s(?:was|is|is now|was only|is only)\s\d{1,2}\b"
        r"(?!\s?%|\s(?:times|minutes|hours|days|weeks|months|years|people|of)\b)",
        I,
    ),
]
AGE_BAND = re.compile(r"(?<![\d/.:£$€-])\b(\d{1,2})\s?[-–—]\s?(\d{1,2})\b(?![/.:]\d|%)")
AGE_BAND_WORDS = re.compile(r"\b(\d{1,2})\sto\s(\d{1,2})(?:-year-olds?|\syears?\b|\syear-olds?)", I)
DATE_PATTERNS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?(?:{MONTHS})\b(?:\s\d{{4}}\b)?"),
    re.compile(rf"\b(?:{MONTHS})\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s\d{{4}}\b)?"),
    re.compile(rf"\b(?:{MONTHS})\s(?:\d{{4}}|’\d{{2}}|'\d{{2}})\b"),
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(rf"\b(?:{WEEKDAYS})\s(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?\b"),
]
ADDRESS_PATTERNS = [
    re.compile(rf"\b\d{{1,4}}[a-zA-Z]?,?\s(?:[A-Z][a-z’']+\s){{1,3}}(?:{STREETS})\b"),
    re.compile(rf"\b(?:[A-Z][a-z’']+\s){{1,2}}(?:{STREETS})\b(?!\s(?:Police|Council|Partnership))"),
]
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
BUSINESS = re.compile(r"\b(?:[A-Z][\w&’'-]*\s){1,4}(?:Ltd|Limited|LLP|plc|PLC)\b")
NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
WORD = re.compile(r"[A-Za-z]+")
PLACE_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True)) + r")\b", I)
NATION_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in TWO_WORD_NATIONS) + r")\b")
VAGUE_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in VAGUE) + r")\b", I)

SMALL = "small number"
AGE = "age"
NATIONALITY = "nationality"
PLACE = "place"
ADDRESS = "address"
DATE = "date"
REASON_WORDS = {
    SMALL: "mentions a small number",
    AGE: "gives an age",
    NATIONALITY: "names a nationality or country",
    PLACE: "names a kind of workplace or place",
    ADDRESS: "gives an address, postcode or business name",
    DATE: "gives a date",
}


@dataclass(frozen=True)
class Reason:
    kind: str
    found: str

    def __str__(self) -> str:
        return f"{REASON_WORDS[self.kind]}: ‘{self.found}’"


@dataclass
class Flag:
    sentence: Sentence
    reasons: list[Reason] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def digest(self) -> str:
        return self.sentence.digest

    @property
    def explanation(self) -> list[str]:
        return [str(r) for r in self.reasons]


# ----------------------------------------------------------------------------- scanning
def reasons_in(sentence: str, *, threshold: int) -> list[Reason]:
    """Why ``sentence`` may identify someone (empty: it may be published as it is). ``threshold``: the
    first count the partnership's disclosure policy shows (5: counts from 1 to 4 are small)."""
    reasons: list[Reason] = []
    taken: list[tuple[int, int]] = []  # spans already explained (a date's day is not a count)

    def add(kind: str, match: re.Match, span=None) -> None:
        found = match.group(0).strip()
        reason = Reason(kind, found)
        if reason not in reasons:
            reasons.append(reason)
        taken.append(span or match.span())

    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(sentence):
            add(DATE, m)
    for pattern in AGE_PATTERNS:
        for m in pattern.finditer(sentence):
            add(AGE, m)
    for pattern in (AGE_BAND, AGE_BAND_WORDS):
        for m in pattern.finditer(sentence):
            low, high = int(m.group(1)), int(m.group(2))
            if low < high <= 99 and not _inside(m.span(), taken):
                add(AGE, m)
    for pattern in (*ADDRESS_PATTERNS, POSTCODE, BUSINESS):
        for m in pattern.finditer(sentence):
            if not _inside(m.span(), taken):
                add(ADDRESS, m)
    for m in NATION_PATTERN.finditer(sentence):
        add(NATIONALITY, m)
    for m in WORD.finditer(sentence):
        word = m.group(0)
        if word[0].isupper() and word in DEMONYMS and not _inside(m.span(), taken):
            add(NATIONALITY, m)
    for m in PLACE_PATTERN.finditer(sentence):
        if not _inside(m.span(), taken):
            add(PLACE, m)
    _small_numbers(sentence, threshold, taken, add)
    where = {}
    for reason in reasons:  # in the order a reader meets them
        where.setdefault(reason, sentence.find(reason.found))
    return sorted(reasons, key=lambda r: where[r])


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in taken)


def _small_numbers(sentence: str, threshold: int, taken, add) -> None:
    lower = sentence.lower()
    for m in NUMBER.finditer(sentence):
        if _inside(m.span(), taken) or not m.group(0).isdigit() or len(m.group(0)) > 2:
            continue  # 3.5, 1,000, 10:30, 3/4 are not counts of people
        start, end = m.span()
        before = sentence[start - 1] if start else ""
        after = sentence[end : end + 2].lower()
        if before in "£$€#QqYy" and before or after[:1] == "%" or after in ("st", "nd", "rd", "th", "am", "pm"):
            continue
        if after[:1].isalpha() and after not in ("x ",):  # "3D", "2nd", "4x4": not a count
            continue
        label = sentence[max(0, start - 14) : start].lower().rstrip().rsplit(" ", 1)[-1]
        if label in LABELS and not _people_follow(lower, end):
            continue  # "Objective 2", "Phase 3": a name, not a count (but "at this stage 2 men": a count)
        if _next_word(lower, end) in TIME_UNITS:
            continue  # "3 weeks": a length of time
        value = int(m.group(0))
        if 0 < value < threshold:
            add(SMALL, m)
    for m in WORD.finditer(lower):
        value = NUMBER_WORDS.get(m.group(0))
        if value is None or value == 1 or not 0 < value < threshold or _inside(m.span(), taken):
            continue
        if lower.startswith(NOT_A_COUNT_AFTER, m.end()) or _next_word(lower, m.end()) in TIME_UNITS:
            continue
        add(SMALL, _Found(sentence[m.start() : m.end()], m.span()))
    for m in VAGUE_PATTERN.finditer(lower):
        if _inside(m.span(), taken) or any(lower.startswith(idiom, m.start()) for idiom in IDIOMS_WITH_ONE):
            continue
        if m.group(0) == "one" and m.start() >= 3 and lower[m.start() - 3 : m.start()] == "no ":
            continue
        following = WORD.findall(lower, m.end(), min(len(lower), m.end() + 40))[:3]
        if threshold > 2 and any(w in PEOPLE for w in following):
            add(SMALL, _Found(sentence[m.start() : m.end()], m.span()))


def _people_follow(lower: str, at: int) -> bool:
    """A word for people or cases among the next three words after ``at`` ("2 men", "2 young women")."""
    return any(w.group(0) in PEOPLE for w in list(WORD.finditer(lower, at, min(len(lower), at + 40)))[:3])


def _next_word(lower: str, at: int) -> str:
    match = WORD.search(lower, at, min(len(lower), at + 30))
    return match.group(0) if match and not lower[at : match.start()].strip(" -") else ""


class _Found:
    """A match-like value for ``add`` (a word found in the lower-cased sentence, given in its own case)."""

    def __init__(self, text: str, span: tuple[int, int]):
        self._text, self._span = text, span

    def group(self, _n: int = 0) -> str:
        return self._text

    def span(self) -> tuple[int, int]:
        return self._span


def scan(text: str, *, threshold: int) -> list[Flag]:
    """Each sentence of ``text`` that may identify someone, with its reasons."""
    flags = []
    for sentence in split_sentences(text or ""):
        reasons = reasons_in(sentence.text, threshold=threshold)
        if reasons:
            flags.append(Flag(sentence, reasons))
    return flags


def replace_sentences(text: str, replacements: dict[str, str]) -> str:
    """``text`` with each sentence whose digest is in ``replacements`` replaced by the new words (an empty
    replacement removes the sentence). Everything else is kept exactly, line breaks included."""
    if not replacements:
        return text
    parts, last = [], 0
    for sentence in split_sentences(text):
        new = replacements.get(sentence.digest)
        if new is None:
            continue
        parts.append(text[last : sentence.start])
        parts.append(new.strip())
        last = sentence.end
        if not new.strip():  # a sentence left out takes the space after it along
            while last < len(text) and text[last] in " \t":
                last += 1
    parts.append(text[last:])
    out = "".join(parts)
    out = re.sub(r"[ \t]+\n", "\n", re.sub(r"[ \t]{2,}", " ", out))
    return out.strip()
