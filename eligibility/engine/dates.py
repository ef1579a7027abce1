"""How the statutes' waiting periods turn into calendar days.

"More than N years after X" (and "after the lapse of N years from X") means the first eligible day
is the N-th anniversary of X plus one day. An anniversary of 29 February in a year without one is
28 February, so the first eligible day is then 1 March.
"""

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def anniversary(start: date, years: int) -> date:
    """The ``years``-th anniversary of ``start``; 29 February falls back to 28 February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def more_than_years_after(start: date, years: int) -> date:
    """The first day that is more than ``years`` years after ``start``."""
    return anniversary(start, years) + ONE_DAY


def day_after(day: date) -> date:
    return day + ONE_DAY
