#!/usr/bin/env python3
"""Regenerate the lunar-calendar golden tables used by egov-core's tests.

The Rust tests only read the CSV files; Python is never needed at test time.

    python3 -m venv /tmp/lv && /tmp/lv/bin/pip install lunar-vn==1.4.0
    /tmp/lv/bin/python egov-core/tests/data/gen_lunar_golden.py egov-core/tests/data

Generator: PyPI lunar-vn 1.4.0 (Hồ Ngọc Đức's algorithm), time_zone=7.0 (Vietnam).
It writes two files:

* lunar_golden.csv: per lunar year 1901-2100, Tết (1/1 AL), Giỗ Tổ Hùng Vương (10/3 AL),
  the eve of Tết (last day of month 12 of the previous lunar year) with its lunar day
  (29 or 30), and the leap month of that lunar year (0 = none).
* lunar_months_golden.csv: the solar date of the first day of every lunar month that
  starts between 1901-01-01 and 2100-12-31, with its lunar year, month and leap flag.
"""
import datetime as dt
import sys
from importlib.metadata import version
from pathlib import Path

import lunar_vn
from lunar_vn import convert_lunar_to_solar, convert_solar_to_lunar

TZ = 7.0
FIRST, LAST = 1901, 2100
EXPECTED_VERSION = "1.4.0"


def header(what: str) -> str:
    return (
        f"# {what}\n"
        f"# Generator: PyPI lunar-vn {version('lunar_vn')} (Hồ Ngọc Đức's algorithm, new moons and sun"
        f" longitude per Jean Meeus), time_zone={TZ}\n"
        f"# Script: egov-core/tests/data/gen_lunar_golden.py; generated {dt.date.today().isoformat()}\n"
    )


def month_starts():
    """Yield (solar date, lunar year, month, leap) for every lunar month start in range."""
    day = dt.date(FIRST, 1, 1)
    end = dt.date(LAST, 12, 31)
    while day <= end:
        ld = convert_solar_to_lunar(day.day, day.month, day.year, time_zone=TZ)
        if ld.day == 1:
            yield day, ld.year, ld.month, ld.leap
        day += dt.timedelta(days=1)


def main(out: Path) -> None:
    if version("lunar_vn") != EXPECTED_VERSION:
        sys.exit(f"expected lunar-vn {EXPECTED_VERSION}, found {version('lunar_vn')}")
    starts = list(month_starts())
    leap_of = {y: m for (_, y, m, leap) in starts if leap}

    rows = []
    for year in range(FIRST, LAST + 1):
        tet = convert_lunar_to_solar(1, 1, year, 0, time_zone=TZ)
        gio_to = convert_lunar_to_solar(10, 3, year, 0, time_zone=TZ)
        eve = tet - dt.timedelta(days=1)
        eve_lunar = convert_solar_to_lunar(eve.day, eve.month, eve.year, time_zone=TZ)
        assert eve_lunar.month == 12 and not eve_lunar.leap and eve_lunar.year == year - 1
        rows.append(
            f"{year},{tet.isoformat()},{gio_to.isoformat()},{eve.isoformat()},"
            f"{eve_lunar.day},{leap_of.get(year, 0)}"
        )
    (out / "lunar_golden.csv").write_text(
        header(f"Vietnamese lunar calendar (UTC+7), lunar years {FIRST}-{LAST}: Tết, Giỗ Tổ, eve, leap month")
        + "year,tet,gio_to,eve,eve_lunar_day,leap_month\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    (out / "lunar_months_golden.csv").write_text(
        header(f"Vietnamese lunar calendar (UTC+7): first day of every lunar month, {FIRST}-01-01 to {LAST}-12-31")
        + "solar_date,lunar_year,lunar_month,leap\n"
        + "".join(f"{d.isoformat()},{y},{m},{int(leap)}\n" for (d, y, m, leap) in starts),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent))
