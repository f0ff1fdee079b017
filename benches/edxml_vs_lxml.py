"""Parses each edXML package with lxml repeatedly for about SECONDS; the same files, in the same
run, as egov's read + check (benches/edxml_vs_lxml.sh). Prints file, bytes, runs, µs per run.

lxml builds a DOM of the whole file (attachment text included: huge_tree for text over 10 MB);
it checks nothing. This is what a Python integration of the axis does before any check.
"""
import sys
import time

from lxml import etree

seconds = float(sys.argv[1])
parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
for path in sys.argv[2:]:
    data = open(path, "rb").read()
    runs = 0
    start = time.perf_counter()
    while runs < 3 or time.perf_counter() - start < seconds:
        root = etree.fromstring(data, parser)
        runs += 1
    us = (time.perf_counter() - start) * 1e6 / runs
    print(f"{path}\t{len(data)}\t{runs}\t{us:.1f}")
