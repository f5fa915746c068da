"""The validation-rule evaluator, by hand-computed cases (no database): sums on each side, every
comparison, a missing figure gives no judgement, the partnership's combined figure, split totals."""

from decimal import Decimal as D

from indicators.measurement.validation_rules import Fact, Rule, Side, evaluate

CONVICTIONS = Side(1, "O5-02", "Convictions")
CONVICTED = Side(2, "O5-03", "Individuals convicted")
NRM = Side(3, "O6-07", "NRM referrals")
DTN = Side(4, "O6-08", "Duty to Notify notifications")
IDENTIFIED = Side(5, "O6-01", "Potential victims identified")
RATE = Side(6, "P-1", "Share referred", unit="percentage")
SPLIT = Side(7, "REF-1", "Referrals", disaggregation=("sex", "age_group"))

INDIVIDUALS_LE_CONVICTIONS = Rule(
    1, "Individuals ≤ convictions", left=(CONVICTED,), right=(CONVICTIONS,), severity="must_hold"
)
REFERRALS_LE_IDENTIFIED = Rule(2, "Referrals ≤ identified", left=(NRM, DTN), right=(IDENTIFIED,))

Q1, Q2 = 10, 11
POLICE, CHARITY, COUNCIL = 100, 200, 300


def _facts(*rows):
    return [
        Fact(indicator, period, organisation, None if value is None else D(value))
        for indicator, period, organisation, value in rows
    ]


def test_41_individuals_convicted_beside_8_convictions_is_a_breach_with_both_sums_and_a_sentence():
    breaches = evaluate(
        [INDIVIDUALS_LE_CONVICTIONS],
        _facts((1, Q1, POLICE, 8), (2, Q1, POLICE, 41)),
        periods={Q1: "2026/27 Q1"},
        organisations={POLICE: "Northvale Police"},
        combined=False,
    )
    assert [(b.left, b.right, b.organisation_id, b.period_id, b.must_hold) for b in breaches] == [
        (D(41), D(8), POLICE, Q1, True)
    ]
    assert breaches[0].sentence == (
        "Northvale Police, 2026/27 Q1: O5-03 Individuals convicted (41) should be at most O5-02 Convictions (8) "
        "– rule “Individuals ≤ convictions”."
    )


def test_equal_sides_keep_an_at_most_rule():
    assert evaluate([INDIVIDUALS_LE_CONVICTIONS], _facts((1, Q1, POLICE, 8), (2, Q1, POLICE, 8))) == []


def test_the_left_side_is_the_sum_of_its_indicators():
    # 3 NRM referrals + 4 notifications = 7 > 6 identified; 3 + 3 = 6 is fine
    broken = evaluate([REFERRALS_LE_IDENTIFIED], _facts((3, Q1, POLICE, 3), (4, Q1, POLICE, 4), (5, Q1, POLICE, 6)))
    assert [(b.left, b.right) for b in broken if b.organisation_id == POLICE] == [(D(7), D(6))]
    kept = evaluate([REFERRALS_LE_IDENTIFIED], _facts((3, Q1, POLICE, 3), (4, Q1, POLICE, 3), (5, Q1, POLICE, 6)))
    assert kept == []


def test_a_missing_or_blank_figure_on_either_side_means_no_judgement():
    only_left = _facts((2, Q1, POLICE, 41))
    blank_right = _facts((2, Q1, POLICE, 41), (1, Q1, POLICE, None))
    part_of_a_sum = _facts((3, Q1, POLICE, 30), (5, Q1, POLICE, 6))  # no Duty to Notify figure
    other_period = _facts((2, Q1, POLICE, 41), (1, Q2, POLICE, 8))
    other_organisation = _facts((2, Q1, POLICE, 41), (1, Q1, CHARITY, 8))
    for facts in (only_left, blank_right, part_of_a_sum, other_period):
        assert evaluate([INDIVIDUALS_LE_CONVICTIONS, REFERRALS_LE_IDENTIFIED], facts) == []
    per_organisation = evaluate([INDIVIDUALS_LE_CONVICTIONS], other_organisation, combined=False)
    assert per_organisation == []


def test_each_comparison_breaks_exactly_when_it_should():
    cases = {  # operator: (left, right) that break it, (left, right) that keep it
        "lt": ((5, 5), (4, 5)),
        "le": ((6, 5), (5, 5)),
        "eq": ((5, 6), (6, 6)),
        "ge": ((4, 5), (5, 5)),
        "gt": ((5, 5), (6, 5)),
        "ne": ((5, 5), (5, 6)),
    }
    for operator, (breaks, keeps) in cases.items():
        rule = Rule(9, operator, left=(CONVICTED,), right=(CONVICTIONS,), operator=operator)
        broken = evaluate([rule], _facts((2, Q1, POLICE, breaks[0]), (1, Q1, POLICE, breaks[1])), combined=False)
        kept = evaluate([rule], _facts((2, Q1, POLICE, keeps[0]), (1, Q1, POLICE, keeps[1])), combined=False)
        assert (len(broken), kept) == (1, []), operator


def test_the_partnerships_combined_figure_is_judged_on_the_sums_across_organisations():
    # Police 3 ≤ 5 holds; the charity's 4 > 1 breaks; the council gives only the left (2): no judgement
    # for the council, but the partnership's 3 + 4 + 2 = 9 individuals beside 5 + 1 = 6 convictions breaks.
    facts = _facts(
        (2, Q1, POLICE, 3), (1, Q1, POLICE, 5), (2, Q1, CHARITY, 4), (1, Q1, CHARITY, 1), (2, Q1, COUNCIL, 2)
    )
    breaches = evaluate([INDIVIDUALS_LE_CONVICTIONS], facts, periods={Q1: "Q1"}, organisations={CHARITY: "Charity"})
    assert [(b.organisation_id, b.left, b.right) for b in breaches] == [(CHARITY, D(4), D(1)), (None, D(9), D(6))]
    assert breaches[1].sentence.startswith("The partnership as a whole, Q1: ")


def test_percentages_are_not_added_up_across_organisations():
    rule = Rule(3, "Rate ≤ 50", left=(RATE,), right=(CONVICTIONS,))
    facts = _facts((6, Q1, POLICE, 30), (1, Q1, POLICE, 40), (6, Q1, CHARITY, 30), (1, Q1, CHARITY, 40))
    assert evaluate([rule], facts) == []  # 60% + 60% would "break" 40 + 40 if they were summed


def test_a_split_that_does_not_add_up_to_its_total_is_a_breach_of_a_split_total_rule():
    rule = Rule(4, "Referrals split", left=(SPLIT,), kind="split_total", operator="eq")
    bad = Fact(7, Q1, POLICE, D(10), {"sex": {"female": 4, "male": 5}, "age_group": {"adult": 10}})
    good = Fact(7, Q1, CHARITY, D(3), {"sex": {"female": 1, "male": 2}})
    breaches = evaluate([rule], [bad, good])
    assert [(b.organisation_id, b.left, b.right) for b in breaches] == [(POLICE, D(9), D(10))]
    assert "Sex adds up to 9, but the total is 10" in breaches[0].sentence


def test_breaches_come_by_period_then_organisation_with_the_partnership_last():
    facts = _facts(
        (2, Q2, POLICE, 9),
        (1, Q2, POLICE, 1),
        (2, Q1, CHARITY, 9),
        (1, Q1, CHARITY, 1),
        (2, Q1, POLICE, 9),
        (1, Q1, POLICE, 1),
    )
    breaches = evaluate(
        [INDIVIDUALS_LE_CONVICTIONS],
        facts,
        periods={Q1: "Q1", Q2: "Q2"},
        organisations={POLICE: "A police", CHARITY: "B charity"},
    )
    assert [(b.period, b.organisation or "all") for b in breaches] == [
        ("Q1", "A police"),
        ("Q1", "B charity"),
        ("Q1", "all"),
        ("Q2", "A police"),
        ("Q2", "all"),
    ]
