"""eventline.dates: rules against a fixed anchor, find on running text, event_date, and the TimeML corpora."""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.conftest import SHARED, shared_path

import eventline.dates as D
from eventline.dates.timeml import read_timeml

# A Wednesday.
ANCHOR = date(2024, 3, 27)


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("Friday", "2024-03-22"),  # bare weekday: the latest one up to the anchor
        ("Wednesday", "2024-03-27"),  # ... including the anchor itself
        ("late on Saturday", "2024-03-23"),
        ("Sunday morning", "2024-03-24"),
        ("last Wednesday", "2024-03-20"),
        ("next Monday", "2024-04-01"),
        ("this coming Sunday", "2024-03-31"),
        ("today", "2024-03-27"),
        ("yesterday", "2024-03-26"),
        ("tomorrow", "2024-03-28"),
        ("this week", "2024-W13"),
        ("last week", "2024-W12"),
        ("next week", "2024-W14"),
        ("this month", "2024-03"),
        ("last month", "2024-02"),
        ("earlier this month", "2024-03"),
        ("this year", "2024"),
        ("last year", "2023"),
        ("earlier this year", "2024"),
        ("early next year", "2025"),
        ("in 2002", "2002"),
        ("2002", "2002"),
        ("March 2024", "2024-03"),
        ("Apr 29, 2018", "2018-04-29"),
        ("April 29, 2018", "2018-04-29"),
        ("29 April 2018", "2018-04-29"),
        ("2018-04-29", "2018-04-29"),
        ("the 1970s", "197X"),
        ("the early 1990s", "199X"),
        ("the '80s", "198X"),
        ("the nineties", "199X"),
        ("two years ago", "2022"),
        ("three days ago", "2024-03-24"),
        ("a month ago", "2024-02"),
        ("decades earlier", "PAST_REF"),
        ("in recent months", "PAST_REF"),
        ("recently", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("the future", "FUTURE_REF"),
        ("soon", "FUTURE_REF"),
        ("the third quarter", "2024-Q3"),
        ("the fourth quarter of 2019", "2019-Q4"),
        ("the fourth quarter", "2023-Q4"),  # named in the first quarter: last year's results
        ("the first half of 2023", "2023-H1"),
        ("this summer", "2024-SU"),
        ("Christmas", "2023-12-25"),
        ("nineteen ninety-six", "1996"),
        ("two days after Friday", "2024-03-24"),
    ],
)
def test_resolve_against_anchor(expr: str, value: str) -> None:
    assert D.resolve(expr, ANCHOR) == value


# A Thursday in the fourth quarter, as in a results story.
RESULTS_DAY = date(1989, 11, 2)


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("the latest quarter", "1989-Q3"),  # the latest complete quarter
        ("the latest period", "1989-Q3"),
        ("the 1988 quarter", "1988-Q3"),  # that quarter a year before
        ("the quarter a year ago", "1988-Q3"),
        ("the corresponding period last year", "1988-Q3"),
        ("last year's quarter", "1988-Q3"),
        ("the year-ago quarter", "1988-Q3"),
        ("the first two quarters of 1990", "1990-H1"),
        ("year's end", "1989"),
        ("the latest fiscal year", "1988"),  # the latest complete one
        ("the then-current price", "PAST_REF"),
        ("the 20th century", "19XX"),
        ("the nineteenth century", "18XX"),
        ("the week of March 6, 1990", "1990-W10"),
        ("the day before last Tuesday", "1989-10-30"),  # last Tuesday is 31 October
        ("the day after Christmas", "1988-12-26"),
        ("later in the day", "1989-11-02"),
        ("the day", "1989-11-02"),  # marked alone: the day being reported
        ("already", "PRESENT_REF"),
        ("yet", "PRESENT_REF"),
        ("once", "PAST_REF"),
        ("in past years", "PAST_REF"),
        ("one day", "FUTURE_REF"),  # 'will one day be', not 'one day ago'
        # alone, 'a year ago' is last year (only a results sentence makes it the year-ago quarter: see
        # test_find_reads_a_year_ago_from_its_sentence); 'year-earlier' is always a results story's word
        ("a year ago", "1988"),
        ("A year earlier", "1988"),
        ("year-earlier", "1988-Q3"),
        ("year-ago", "1988-Q3"),
        ("two years ago", "1987"),
        # a unit marked alone: one of the anchor's year, unspecified
        ("the week", "1989-WXX"),
        ("quarter", "1989-QX"),
        ("daily", "P1D"),
        ("the second day", "1989-11-02"),
        ("later that year", None),  # anaphoric, and nothing to refer back to: not the future
    ],
)
def test_resolve_in_a_results_story(expr: str, value: str) -> None:
    assert D.resolve(expr, RESULTS_DAY) == value


def test_easter_week_counts_from_its_monday() -> None:
    # Easter 2000 was 23 April; its ISO week began on Monday 17 April
    assert D.resolve("Easter week", date(2000, 4, 17)) == "2000-W16"
    assert D.resolve("Easter week", date(2000, 4, 16)) == "1999-W13"
    assert D.resolve("Easter", date(2000, 4, 17)) == "1999-04-04"


def test_marked_words_are_not_found_in_running_text() -> None:
    # 'already', 'once', 'yet', 'the day' are time expressions only when someone marked them
    text = "The rebels already hold the town, once a trading post, and have not left yet; the day was calm."
    assert D.find(text, RESULTS_DAY) == []
    assert [f[3] for f in D.find("Prices rose later in the day.", RESULTS_DAY)] == ["1989-11-02"]


def test_bare_months_look_back_unless_told_otherwise() -> None:
    assert D.resolve("March", ANCHOR) == "2024-03"  # the anchor's own month counts
    assert D.resolve("April", ANCHOR) == "2023-04"  # the latest April up to the anchor
    assert D.resolve("December", ANCHOR) == "2023-12"
    assert D.resolve("next April", ANCHOR) == "2024-04"
    assert D.resolve("last March", ANCHOR) == "2023-03"


def test_weekday_on_the_anchor_and_last() -> None:
    friday = date(2024, 3, 29)
    assert D.resolve("Friday", friday) == "2024-03-29"
    assert D.resolve("last Friday", friday) == "2024-03-22"
    assert D.resolve("next Friday", friday) == "2024-04-05"


def test_unresolvable_and_non_expressions() -> None:
    assert D.resolve("two days after the summit", ANCHOR) is None
    assert D.resolve("the foreign minister", ANCHOR) is None
    assert D.resolve("", ANCHOR) is None


def test_find_uses_the_clause_tense() -> None:
    past = "The two ministers met in Geneva on Friday, the ministry said."
    future = "The two ministers will meet in Geneva on Friday, the ministry said."
    assert [f[3] for f in D.find(past, ANCHOR)] == ["2024-03-22"]
    assert [f[3] for f in D.find(future, ANCHOR)] == ["2024-03-29"]
    assert D.find("Talks are scheduled for April.", ANCHOR)[0][3] == "2024-04"
    assert D.find("The talks collapsed in April.", ANCHOR)[0][3] == "2023-04"
    assert D.find("They will meet next Monday.", ANCHOR)[0][3] == "2024-04-01"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the verb next to the expression governs it, not an earlier modal
        ("He will stay for two weeks even after a court Thursday refused to act.", "2024-03-21"),
        # a reporting verb's tense is not the tense of what it reports
        ("Conseco said it is calling for the redemption on April 7 of its notes.", "2024-04-07"),
        # 'United' and 'preferred' are no past verbs
        ("The father will be traveling to the United States Thursday.", "2024-03-28"),
        ("It will redeem its preferred shares on April 7.", "2024-04-07"),
        # plans and 'as soon as' point forward
        ("Protesters planned a large demonstration on Saturday.", "2024-03-30"),
        ("The group could leave as soon as Tuesday, he said.", "2024-04-02"),
        ("NATO has decided to admit them in early April.", "2024-04"),
        # a future weekday named on that weekday is the anchor itself (news names today by its weekday)
        ("Later Wednesday, the cousins will go to court.", "2024-03-27"),
        # a deadline 'until' a day or month lies ahead, unless it ends a range
        ("Officials postponed until Tuesday morning any action on the case.", "2024-04-02"),
        ("Canada gave the company until mid-November to submit more information.", "2024-11"),
        ("Service was cut from Friday until Saturday morning, the company said.", "2024-03-23"),
        # a period that ended on a day lies behind
        ("In the fiscal year ended June 30, sales rose.", "2023-06-30"),  # not the nearest, three months ahead
    ],
)
def test_find_reads_the_tense_next_to_the_expression(text: str, value: str) -> None:
    assert D.find(text, ANCHOR)[-1][3] == value  # the last expression ('as soon as' is also FUTURE_REF)


def test_find_reads_a_year_ago_from_its_sentence() -> None:
    results = "Net income rose to $5.3 million, or $1.61 a share, from $4 million a year ago."
    assert [f[3] for f in D.find(results, RESULTS_DAY)] == ["1988-Q3"]
    assert [f[3] for f in D.find("He visited Moscow a year ago.", RESULTS_DAY)] == ["1988"]
    # the record date is the year either way
    assert D.event_date(results, RESULTS_DAY) == ("1988", "relative")


def test_find_refers_that_year_back_to_the_latest_written_date() -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year, only to be jailed."
    assert [f[2:] for f in D.find(text, date(2000, 1, 28))] == [("June 1998", "1998-06"), ("later that year", "1998")]
    text = "He was arrested on March 3, 1999, and freed the same day; that month the talks failed."
    assert [f[3] for f in D.find(text, date(2000, 1, 28))] == ["1999-03-03", "1999-03-03", "1999-03"]
    assert D.find("They met again that year.", date(2000, 1, 28)) == []  # nothing to refer back to
    # 'earlier that he' is no anaphoric unit: 'earlier' is still the past
    assert [f[3] for f in D.find("Mubarak said earlier that he had heard them.", ANCHOR)] == ["PAST_REF"]


def test_find_rule_gates_do_not_change_what_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    # each rule runs only when one of its words is in the text; without the gates the output is the same
    from eventline.dates import grammar

    texts = [
        "Net fell in the third quarter from the year-ago period; Q3 2019 sales rose in the 1990s.",
        "On Friday, last week, in 2002, in March, two weeks ago, this summer, at Christmas, today and now.",
        "Nineteen ninety-six was long ago; the 20th century ended; since the 1988 quarter, sales rose daily.",
    ]
    folder = SHARED / "data" / "dates" / "AQUAINT"  # news text too, when ../shared is there
    if folder.exists():
        texts += [text for _name, _anchor, text, _gold in read_timeml(folder)][:20]
    gated = [D.find(t, RESULTS_DAY) for t in texts]
    monkeypatch.setattr(grammar, "_NEEDS", {})
    monkeypatch.setattr(grammar, "_COMPILED", {})
    assert [D.find(t, RESULTS_DAY) for t in texts] == gated


def test_find_offsets_and_spans() -> None:
    text = "Israel struck targets late on Saturday, two days after the summit, the army said on Monday."
    found = D.find(text, ANCHOR)
    assert [(t, v) for _s, _e, t, v in found] == [("late on Saturday", "2024-03-23"), ("Monday", "2024-03-25")]
    for start, end, t, _v in found:
        assert text[start:end] == t


def test_find_skips_counts_and_clock_times_and_modal_may() -> None:
    text = "About 2000 troops arrived at 1400 GMT; they may stay under Resolution 1973, officials said."
    assert D.find(text, ANCHOR) == []
    assert D.find("The deal was signed in May 2019.", ANCHOR)[0][2:] == ("May 2019", "2019-05")
    assert D.find("Elections are due in May.", ANCHOR)[0][3] == "2024-05"


def test_find_on_a_news_paragraph() -> None:
    text = (
        "North Korea fired a missile on Friday, the first launch since the 1970s and since a parade in 2002. "
        "Seoul said last year that the 2018 agreement was dead; talks may resume next month."
    )
    values = [v for *_rest, v in D.find(text, ANCHOR)]
    assert values == ["2024-03-22", "197X", "2002", "2023", "2018", "2024-04"]


@pytest.mark.parametrize(
    ("value", "record"),
    [
        ("2024-03-29", "2024-03-29"),
        ("2018-04", "2018-04"),
        ("2018", "2018"),
        ("2018-W17", "2018-04"),  # a week: the month of its Thursday
        ("2024-W01", "2024-01"),
        ("2020-W01", "2020-01"),  # Monday 2019-12-30, Thursday 2020-01-02
        ("2018-W17-WE", "2018-04"),
        ("2018-Q3", "2018"),
        ("2018-SU", "2018"),
        ("197X", None),
        ("PAST_REF", None),
        ("FUTURE_REF", None),
        (None, None),
    ],
)
def test_record_date(value: str | None, record: str | None) -> None:
    assert D.record_date(value) == record


def test_event_date_bases() -> None:
    assert D.event_date("He admitted the attack in 2002.", ANCHOR) == ("2002", "explicit")
    assert D.event_date("The ministers met on April 27.", ANCHOR) == ("2023-04-27", "explicit")
    assert D.event_date("The ministers will meet on April 27.", ANCHOR) == ("2024-04-27", "explicit")
    assert D.event_date("A vote on April 2.", ANCHOR) == ("2024-04-02", "explicit")  # nearest, a week ahead
    assert D.event_date("The ministers met on Friday.", ANCHOR) == ("2024-03-22", "relative")
    assert D.event_date("Troops withdrew last week.", ANCHOR) == ("2024-03", "relative")
    assert D.event_date("Sales fell from a year earlier.", ANCHOR) == ("2024-03-27", "publication")
    assert D.event_date("Troops have been there since the 1970s.", ANCHOR) == ("2024-03-27", "publication")
    assert D.event_date("The ministers met.", ANCHOR) == ("2024-03-27", "publication")
    assert D.event_date("The ministers met.", None) == (None, "publication")
    spans = D.find("They met yesterday.", ANCHOR)
    assert D.event_date(spans, ANCHOR) == ("2024-03-26", "relative")


def test_record_dates_match_the_schema_pattern() -> None:
    pattern = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
    text = "On Friday, last week, in 2002, in March, two weeks ago, the third quarter, this summer, today."
    for expression in D.find_expressions(text, ANCHOR):
        value = D.record_date(expression.value)
        assert value is None or pattern.match(value), expression


def _gold_expressions(folder):
    for _name, anchor, _text, gold in read_timeml(folder):
        for _start, _end, expression, value in gold:
            yield expression, anchor, value


# Just below what bench/dates.py measures (docs/benchmarks.md, ## Dates): a rule change that loses ground fails here.
@pytest.mark.parametrize(("corpus", "floor"), [("TimeBank", 0.845), ("AQUAINT", 0.815)])
def test_timeml_value_accuracy(corpus: str, floor: float) -> None:
    gold = list(_gold_expressions(shared_path("data", "dates", corpus)))
    assert len(gold) > 100
    correct = sum(D.resolve(expr, anchor) == value for expr, anchor, value in gold)
    assert correct / len(gold) >= floor, f"{corpus}: {correct}/{len(gold)}"


def test_find_reads_a_year_earlier_against_the_period_its_sentence_compares() -> None:
    # a quarter compared with a year earlier: the year-ago quarter; nine months or a fiscal year: the year before
    quarter = "Third-quarter net fell to $3 million from $4.2 million a year earlier."
    nine_months = "For the nine months, the bank earned $11 million, up from $9.5 million a year earlier."
    fiscal = "Sales for the fiscal year rose 8% from a year ago, the retailer said."
    assert [f[3] for f in D.find(quarter, RESULTS_DAY)] == ["1989-Q3", "1988-Q3"]
    assert [f[3] for f in D.find(nine_months, RESULTS_DAY)][-1] == "1988"
    assert [f[3] for f in D.find(fiscal, RESULTS_DAY)] == ["1989", "1988"]  # the fiscal year, then a year ago
    nine_months = "In the nine months, it posted a loss against year-earlier net of $2 million."
    assert D.find(nine_months, RESULTS_DAY)[-1][3] == "1988"
    assert D.find("The quarter's loss compares with year-earlier net of $2 million.", RESULTS_DAY)[-1][3] == "1988-Q3"


def test_find_reads_the_year_period_of_a_results_story_as_its_quarter() -> None:
    text = "Revenue climbed 9% to $40 million. In the 1988 period, the maker took a charge for a plant closing."
    assert D.find(text, RESULTS_DAY)[-1][2:] == ("the 1988 period", "1988-Q3")
    text = "In the first nine months, net rose to $30 million from $22 million in the 1988 period."
    assert D.find(text, RESULTS_DAY)[-1][3] == "1988"
    assert D.resolve("the 1988 period", RESULTS_DAY) == "1988"  # alone: no sentence says it is a quarter


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the dots of 'a.m.', initials and 'U.S.' end no clause: the deadline's 'until' still governs
        ("Officials gave the family until 9 a.m. Tuesday to respond.", "2024-04-02"),
        ("The agency set a deadline of 10 p.m. EDT Friday for the reply.", "2024-03-29"),
        # 'next to' is a place, not the future
        ("Two guards died in a blast next to the U.S. embassy on Friday.", "2024-03-22"),
        # a relative clause's verb does not govern the month before it
        ("In June, the firm hired a new chief, Ann B. Cole, who will also serve as chair.", "2023-06"),
    ],
)
def test_find_tense_ignores_abbreviations_places_and_relative_clauses(text: str, value: str) -> None:
    assert [f for f in D.find(text, ANCHOR) if f[3][0].isdigit()][0][3] == value


def test_find_refers_the_next_day_and_the_previous_friday_back_to_the_latest_day() -> None:
    text = "The talks opened on Monday, March 4, 2024. They broke down the next day and resumed the following Monday."
    assert [f[2:] for f in D.find(text, ANCHOR)] == [
        ("Monday, March 4, 2024", "2024-03-04"),
        ("the next day", "2024-03-05"),
        ("the following Monday", "2024-03-11"),
    ]
    text = "The index closed at 2,100 on Friday, March 22, up 2% from the previous Friday."
    assert [f[3] for f in D.find(text, ANCHOR)] == ["2024-03-22", "2024-03-15"]
    text = "Rebels attacked the town on May 2, 2019; the night before, police had warned of a raid."
    assert [f[3] for f in D.find(text, ANCHOR)] == ["2019-05-02", "2019-05-01"]
    text = "He resigned in June 2019. The following month, the party chose a successor; the previous year it had won."
    assert [f[3] for f in D.find(text, ANCHOR)] == ["2019-06", "2019-07", "2018"]


def test_find_drops_anaphoric_days_with_nothing_to_refer_to() -> None:
    assert D.find("They met again the next day.", ANCHOR) == []
    assert D.resolve("the previous Friday", ANCHOR) is None
    assert D.resolve("the next morning", ANCHOR) is None
    # 'the day before the vote' is relative to an event, not to the date before it
    assert [f[3] for f in D.find("On March 3, 2024, the day before the vote, crowds gathered.", ANCHOR)] == [
        "2024-03-03"
    ]


def test_find_carries_the_month_over_to_a_second_day() -> None:
    found = D.find("The summit will be held on April 24 and 25 in Washington.", ANCHOR)
    assert [f[2:] for f in found] == [("April 24", "2024-04-24"), ("25", "2024-04-25")]
    assert [f[3] for f in D.find("Voting on March 8 to 10 was calm.", ANCHOR)] == ["2024-03-08", "2024-03-10"]
    # a count, not a day
    assert [f[3] for f in D.find("Sales rose on April 2 and 25 percent of stores closed.", ANCHOR)] == ["2023-04-02"]


def test_find_tense_skips_adjectives_in_ed() -> None:
    # 'unspecified' and 'the injured' are no past verbs: 'would be paid' governs the month
    text = "The split would be paid on a still unspecified date in January."
    assert D.find(text, ANCHOR)[0][3] == "2025-01"
    assert D.find("Doctors will treat the injured on Friday.", ANCHOR)[0][3] == "2024-03-29"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a day named as a modifier is the day of an event already known, whatever verb lies further back
        ("Lawyers said they would find ways around Monday's verdict by the appeals court.", "2024-03-25"),
        ("Aid groups hoped the donors would rebuild towns where the March 2 floods killed 40 people.", "2024-03-02"),
        # unless the words next to it say it lies ahead
        ("Campaigning closed ahead of Sunday's election, officials will say.", "2024-03-31"),
        ("The firm must answer by the April 5 deadline set by the court.", "2024-04-05"),
    ],
)
def test_find_reads_a_day_named_as_a_modifier_as_a_known_event(text: str, value: str) -> None:
    assert [f[3] for f in D.find(text, ANCHOR) if f[3][0].isdigit()][0] == value


def test_present_passive_is_no_past_verb() -> None:
    # 'is heard' is no past tense: nothing in the clause points back, so the nearest April (ahead) is meant
    assert D.find("The case is heard on April 9 in the appeals court.", ANCHOR)[0][3] == "2024-04-09"


def test_find_refers_until_then_back_to_the_latest_date() -> None:
    text = "The offer expires on April 12. Until then, holders may tender their shares."
    assert [f[2:] for f in D.find(text, ANCHOR)] == [("April 12", "2024-04-12"), ("Until then", "2024-04-12")]
    assert D.find("By then, the rebels had left.", ANCHOR) == []  # nothing written before it
    assert [f[3] for f in D.find("It opened in 1998 at the then-current price.", ANCHOR)] == ["1998", "PAST_REF"]


def test_resolve_reads_a_bare_count_of_units_as_a_point_ahead() -> None:
    # 'redeemed in five years': a marked span without 'ago' lies ahead (dateparser alone read it as the past)
    assert D.resolve("five years", RESULTS_DAY) == "1994"
    assert D.resolve("in five years", RESULTS_DAY) == "1994"
    assert D.resolve("two weeks", RESULTS_DAY) == "1989-W46"
    assert D.resolve("30 days", RESULTS_DAY) == "1989-12-02"
    assert D.resolve("five years ago", RESULTS_DAY) == "1984"
    assert D.resolve("a year", RESULTS_DAY) == "1988"  # most often 'a year ago' cut short: left to dateparser


# `find` in running text, with the sentence around each expression (bench/dates.py's second measure).
@pytest.mark.parametrize(("corpus", "floor"), [("TimeBank", 0.895), ("AQUAINT", 0.857)])
def test_timeml_find_value_accuracy_in_context(corpus: str, floor: float) -> None:
    found_at = correct = 0
    for _name, anchor, text, gold in read_timeml(shared_path("data", "dates", corpus)):
        spans = [(s, e, v) for s, e, _t, v in D.find(text, anchor)]
        for start, end, _expr, value in gold:
            values = [v for s, e, v in spans if s < end and e > start]
            found_at += bool(values)
            correct += value in values
    assert found_at > 100
    assert correct / found_at >= floor, f"{corpus}: {correct}/{found_at}"
