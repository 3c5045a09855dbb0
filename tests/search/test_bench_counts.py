"""bench_search's count line (issue 13: each search's count beside its true
count, and the worst error above the exact limit named in the summary)."""
from measures.management.commands.bench_search import Command
from measures.search.engine import EXACT_LIMIT


def summary(counts):
    cmd = Command()
    cmd.counts = counts
    return cmd._count_summary()


def test_counts_up_to_the_limit_must_be_exact_and_the_worst_estimate_is_named():
    line = summary([
        ({"q": "调解"}, 594, 594, False),
        ({"q": "行政裁决"}, EXACT_LIMIT, EXACT_LIMIT, False),
        ({"q": "知识产权"}, 880_000, 896_295, True),
        ({"q": "专利 NOT 商标"}, 21_000, 22_223, True),
    ])
    assert line.startswith(f"counts: 2/2 exact up to {EXACT_LIMIT:,}; 2 above (0 shown exact), worst error 5.5%")
    assert "专利 NOT 商标: 21,000 for 22,223" in line


def test_a_sampled_sets_count_shown_exact_is_named():
    """A sampled set's count is exact once its exact counts are there (totals.exact_get)."""
    line = summary([({"q": "知识产权"}, 896_295, 896_295, False), ({"q": "调解"}, 52_000, 51_851, True)])
    assert line.startswith(f"counts: 0/0 exact up to {EXACT_LIMIT:,}; 2 above (1 shown exact), worst error 0.3%")


def test_an_estimate_or_a_wrong_count_below_the_limit_is_not_exact():
    line = summary([({"q": "a"}, 100, 100, True), ({"q": "b"}, 99, 100, False)])
    assert line == f"counts: 0/2 exact up to {EXACT_LIMIT:,}; none above"
