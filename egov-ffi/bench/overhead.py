"""Per-call cost from Python of a cheap call (agency code) and expensive ones (metadata record,
send deadline, verifying a stamped A4 page written by overhead_rust), beside the raw native call.
Run: egov-ffi/bench/run.sh"""
import datetime as dt
import json
import pathlib
import sys
import time
import timeit
from concurrent.futures import ThreadPoolExecutor

import egov
from egov import _egov

VN = dt.timezone(dt.timedelta(hours=7))
RECORD = json.loads(open(__file__.replace("overhead.py", "record.json"), encoding="utf-8").read())
RECORD_TEXT = json.dumps(RECORD, ensure_ascii=False)
CAL = egov.Calendar.vietnam()
SIGNED = dt.datetime(2026, 2, 13, 16, 0, tzinfo=VN)
SENT = dt.datetime(2026, 2, 23, 12, 30, tzinfo=VN)


def bench(label, fn, n):
    t = min(timeit.repeat(fn, number=n, repeat=3)) / n
    print(f"{label:<52} {t * 1e9:10.0f} ns/call")


bench("Py _egov.agency_is_ancestor_of (native, bool out)", lambda: _egov.agency_is_ancestor_of("000.00.00.G12", "000.00.18.G12"), 200000)
bench("Py _egov.agency_parse (native, JSON text out)", lambda: _egov.agency_parse("000.00.18.G12", False), 100000)
bench("Py egov.parse_agency_code (dict out)", lambda: egov.parse_agency_code("000.00.18.G12"), 50000)
bench("Py _egov.metadata_validate (native, JSON text)", lambda: _egov.metadata_validate(RECORD_TEXT, None), 10000)
bench("Py egov.validate_metadata (dict in/out)", lambda: egov.validate_metadata(RECORD), 10000)
bench("Py egov.send_deadline (datetimes, calendar handle)", lambda: egov.send_deadline(SIGNED, sent=SENT, calendar=CAL), 20000)

if len(sys.argv) > 1:
    PAGE = (pathlib.Path(sys.argv[1]) / "bench-page.png").read_bytes()
    TRUST_TEXT = (pathlib.Path(sys.argv[1]) / "bench-trust.json").read_text()
    TRUST = json.loads(TRUST_TEXT)
    assert egov.verify_page(PAGE, TRUST)["verified"] is True
    bench("Py _egov.conversion_verify_page (native, A4 PNG)", lambda: _egov.conversion_verify_page(PAGE, TRUST_TEXT, None), 20)
    bench("Py egov.verify_page (dict in/out, A4 PNG)", lambda: egov.verify_page(PAGE, TRUST), 20)

    # The GIL is released during the call: two threads verify pages in parallel.
    for threads in (1, 2):
        with ThreadPoolExecutor(threads) as pool:
            t0 = time.perf_counter()
            results = list(pool.map(lambda _: egov.verify_page(PAGE, TRUST)["verified"], range(20)))
            elapsed = time.perf_counter() - t0
        assert all(results)
        print(f"{'Py egov.verify_page, ' + str(threads) + ' thread(s)':<52} {20 / elapsed:10.1f} pages/s")
