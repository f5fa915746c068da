"""The free-text scanner: which sentences of words going into a version for publication could
identify someone, and why, in plain words."""

from __future__ import annotations

import pytest

from aspm.disclosure.free_text import reasons_in, replace_sentences, scan, sentence_digest, split_sentences


def why(sentence: str, threshold: int = 5) -> list[str]:
    return [str(r) for r in reasons_in(sentence, threshold=threshold)]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Two people were helped.", "Two"),
        ("We referred three people to the National Referral Mechanism.", "three"),
        ("All four cases were charged.", "four"),
        ("The charity supported 3 survivors this quarter.", "3"),
        ("Both victims gave evidence.", "Both"),
        ("A couple of young men were moved on.", "A couple of"),
        ("One of the victims returned home.", "One"),
    ],
)
def test_a_small_number_in_digits_or_words_is_flagged(sentence, word):
    assert f"mentions a small number: ‘{word}’" in why(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We trained 250 frontline staff.",
        "45% of referrals came from the police.",
        "The training cost £3 a head and took 3.5 days in Q2.",
        "The third quarter went well.",
        "Both the police and the council took part.",
        "No one was left without support.",
        "A couple of weeks later the panel met again.",
        "One of our aims is better data.",
        "Objective 2 and Phase 3 are on track.",
        "The interpreter booking took three weeks, and 2 days more.",
    ],
)
def test_numbers_that_count_nobody_are_not_flagged(sentence):
    assert why(sentence) == []


def test_the_threshold_is_the_partnerships():
    assert why("Seven people were referred.") == []
    assert why("Seven people were referred.", threshold=8) == ["mentions a small number: ‘Seven’"]


def test_a_case_study_naming_an_age_band_a_nail_bar_and_a_college_course_gives_each_reason():
    reasons = why("A woman aged 18-24 was found working in a nail bar and is now on a college course.")
    assert reasons == [
        "gives an age: ‘aged 18-24’",
        "names a kind of workplace or place: ‘nail bar’",
        "names a kind of workplace or place: ‘college course’",
    ]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("He was a 34-year-old from the town.", "gives an age: ‘34-year-old’"),
        ("She is in her twenties.", "gives an age: ‘in her twenties’"),
        ("Most were 25-34.", "gives an age: ‘25-34’"),
        ("An Albanian national was safeguarded.", "names a nationality or country: ‘Albanian’"),
        ("Men from Sri Lanka were found.", "names a nationality or country: ‘Sri Lanka’"),
        ("The raid was on 3 December.", "gives a date: ‘3 December’"),
        ("It started in December 2026.", "gives a date: ‘December 2026’"),
        ("They met on Tuesday 3rd.", "gives a date: ‘Tuesday 3rd’"),
        ("Reported on 03/12/2026.", "gives a date: ‘03/12/2026’"),
        ("Officers visited 12 Mill Lane.", "gives an address, postcode or business name: ‘12 Mill Lane’"),
        ("The flat is in NV3 4QT.", "gives an address, postcode or business name: ‘NV3 4QT’"),
        ("Smith Brothers Ltd was fined.", "gives an address, postcode or business name: ‘Smith Brothers Ltd’"),
        ("A cannabis farm was closed.", "names a kind of workplace or place: ‘cannabis farm’"),
        ("Workers at a hand car wash were spoken to.", "names a kind of workplace or place: ‘hand car wash’"),
    ],
)
def test_details_that_can_identify_a_person_are_flagged(sentence, reason):
    assert reason in why(sentence)


def test_a_lower_case_word_that_is_also_a_nationality_is_not_flagged():
    assert why("We will polish the protocol.") == []


def test_sentences_split_at_full_stops_and_line_breaks_but_not_at_abbreviations():
    text = "Mr. Smith met Dr. Jones, e.g. at the hub. Then it ended!\n- a list item\n\nNext"
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Smith met Dr. Jones, e.g. at the hub.",
        "Then it ended!",
        "- a list item",
        "Next",
    ]


def test_only_flagged_sentences_are_listed_each_with_its_reasons():
    flags = scan("Thanks to every partner. Two people were helped.", threshold=5)
    assert [(f.text, f.explanation) for f in flags] == [("Two people were helped.", ["mentions a small number: ‘Two’"])]


def test_a_replaced_sentence_changes_only_itself_and_an_empty_one_is_left_out():
    text = "Thanks to every partner. Two people were helped.\nWe met three times. More next year."
    replacements = {sentence_digest("Two people were helped."): "People were helped."}
    replacements[sentence_digest("We met three times.")] = ""
    edited = replace_sentences(text, replacements)
    assert edited == "Thanks to every partner. People were helped.\nMore next year."


def test_the_same_sentence_wrapped_differently_has_the_same_digest():
    assert sentence_digest("Two people\n  were helped.") == sentence_digest("Two people were helped.")


def test_scanning_hostile_text_is_linear():
    # Long runs that make naive patterns backtrack: each scan finishes (no timing asserted, see bench/).
    for text in ("1" * 50_000, "1." * 25_000, "Aa " * 20_000 + "Street", "a-" * 30_000, "12 " * 20_000):
        scan(text, threshold=5)


@pytest.mark.parametrize(
    "sentence",
    [
        "At this stage 2 men were arrested.",
        "In the year 2 victims were found.",
        "Following the action 2 women came forward.",
    ],
)
def test_a_small_count_of_people_after_a_word_that_usually_names_things_is_still_flagged(sentence):
    assert scan(sentence, threshold=5), sentence


@pytest.mark.parametrize(
    "sentence", ["She was 16.", "A girl of 15 was referred.", "A child, 14, was found.", "She is 16 now."]
)
def test_a_bare_age_beside_a_person_is_flagged(sentence):
    (flag,) = scan(sentence, threshold=5)
    assert flag.explanation[0].startswith("gives an age"), flag.explanation


@pytest.mark.parametrize("sentence", ["Objective 2 is on track.", "He was 3 times late.", "He was 2 weeks early."])
def test_names_and_lengths_of_time_stay_unflagged(sentence):
    assert not scan(sentence, threshold=5), sentence
