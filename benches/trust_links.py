#!/usr/bin/env python3
"""Link extraction from the 5 MB benchmark page with lxml and BeautifulSoup, beside egov-trust's
lol_html pass (benches/trust.rs writes the page to target/trust-bench-page.html).

Extracts the same element/attribute pairs as egov_trust::extract_links (srcset split, meta
refresh parsed, <base href> respected), resolves them, and reports MB/s and the link count.
"""
import re
import sys
import time
from urllib.parse import urljoin

TARGETS = {
    "a": ["href"], "area": ["href"], "link": ["href"], "script": ["src"], "iframe": ["src"],
    "frame": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"],
    "video": ["src", "poster"], "audio": ["src"], "track": ["src"], "embed": ["src"],
    "object": ["data"], "form": ["action"], "button": ["formaction"],
    "input": ["formaction", "src"],
}
REFRESH = re.compile(r"^[^;,]*[;,]\s*(?:url\s*=\s*)?(.*)$", re.I)


def collect(elements, get, page_url):
    base = page_url
    out = []
    for tag, el in elements:
        if tag == "base" and get(el, "href"):
            base = urljoin(base, get(el, "href").strip())
            continue
        if tag == "meta":
            if (get(el, "http-equiv") or "").strip().lower() == "refresh":
                m = REFRESH.match(get(el, "content") or "")
                if m and m.group(1).strip("'\" "):
                    out.append(urljoin(base, m.group(1).strip().strip("'\"")))
            continue
        for a in TARGETS.get(tag, ()):
            v = get(el, a)
            if v is None or not v.strip():
                continue
            if a == "srcset":
                for cand in v.split(","):
                    parts = cand.split()
                    if parts:
                        out.append(urljoin(base, parts[0]))
            else:
                out.append(urljoin(base, v.strip()))
    return out


def with_lxml(data, page_url):
    import lxml.html
    doc = lxml.html.document_fromstring(data)
    return collect(((el.tag, el) for el in doc.iter() if isinstance(el.tag, str)),
                   lambda el, a: el.get(a), page_url)


def with_bs4(data, page_url, parser):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(data, parser)
    return collect(((el.name, el) for el in soup.find_all(True)),
                   lambda el, a: el.get(a) if not isinstance(el.get(a), list) else " ".join(el.get(a)),
                   page_url)


def bench(name, fn, data, runs):
    best = None
    n = 0
    for _ in range(runs):
        t = time.perf_counter()
        n = len(fn())
        dt = time.perf_counter() - t
        best = dt if best is None or dt < best else best
    print(f"{name:28s} {len(data) / best / 1e6:8.1f} MB/s  {best * 1000:8.1f} ms  {n} links")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "target/trust-bench-page.html"
    data = open(path, "rb").read()
    url = "https://dichvucong.gov.vn/"
    print(f"page: {path}, {len(data)} bytes")
    bench("lxml (document_fromstring)", lambda: with_lxml(data, url), data, 3)
    bench("BeautifulSoup (lxml parser)", lambda: with_bs4(data, url, "lxml"), data, 1)
    bench("BeautifulSoup (html.parser)", lambda: with_bs4(data, url, "html.parser"), data, 1)


if __name__ == "__main__":
    main()
