#!/usr/bin/env python3
"""Aggregates the JSON lines of the decoders into Markdown: pages read or verified per decoder,
median and p95 time, then a table by degradation axis (the manifest's buckets)."""
import collections
import json
import statistics
import sys

corpus, results_path = sys.argv[1], sys.argv[2]
with open(f"{corpus}/manifest.json", encoding="utf-8") as f:
    manifest = {e["file"]: e for e in json.load(f)}
rows = [json.loads(line) for line in open(results_path, encoding="utf-8") if line.strip()]
decoders = list(dict.fromkeys(r["decoder"] for r in rows))
by = collections.defaultdict(list)
for r in rows:
    by[r["decoder"]].append(r)
n = len(manifest)


def pct(k, total):
    return f"{k}/{total} ({100.0 * k / total:.1f} %)" if total else "–"


print(f"Corpus: {n} pages (`{corpus}`).\n")
print("| decoder | pages read / verified | median ms | p95 ms |")
print("|---|---|---|---|")
for d in decoders:
    rs = by[d]
    ms = sorted(r["ms"] for r in rs)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    print(f"| {d} | {pct(sum(r['ok'] for r in rs), len(rs))} | {statistics.median(ms):.1f} | {p95:.1f} |")

axes = list(dict.fromkeys(a for e in manifest.values() for a in e.get("buckets", {})))
for axis in axes:
    buckets = sorted({str(e["buckets"].get(axis)) for e in manifest.values()})
    print(f"\n**{axis}**\n")
    print("| " + axis + " | pages | " + " | ".join(decoders) + " |")
    print("|---|---|" + "---|" * len(decoders))
    for b in buckets:
        files = {f for f, e in manifest.items() if str(e["buckets"].get(axis)) == b}
        cells = []
        for d in decoders:
            rs = [r for r in by[d] if r["file"] in files]
            k = sum(r["ok"] for r in rs)
            # A decoder run on part of the corpus shows its own denominator.
            cells.append(f"{k}" if len(rs) == len(files) else f"{k}/{len(rs)}")
        print(f"| {b} | {len(files)} | " + " | ".join(cells) + " |")

fails = [r for r in by.get("egov", []) if not r["ok"]]
if fails:
    print("\nPages egov did not verify:\n")
    for r in fails:
        print(f"- `{r['file']}`: {r['detail']} — {json.dumps(manifest[r['file']].get('degradation'), ensure_ascii=False)}")
