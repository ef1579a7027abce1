"""The date as the courts count it: today in California, whatever the server's time zone."""

import datetime
from zoneinfo import ZoneInfo

CALIFORNIA = ZoneInfo("America/Los_Angeles")


def today_in_california() -> datetime.date:
    return datetime.datetime.now(tz=CALIFORNIA).date()
