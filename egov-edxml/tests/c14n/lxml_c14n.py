"""The independent canonicaliser of egov-edxml's C14N tests: libxml2 through lxml.

Reads one JSON job per line on stdin, writes one JSON answer per line on stdout (flushed), so
that one process serves a whole test run:

  job:    {"xml": base64, "exclusive": bool, "with_comments": bool,
           "prefixes": [str] | null, "apex": local-name | null, "omit": local-name | null}
  answer: {"ok": base64} | {"error": str}

`apex`: canonicalise the first element (document order) with that local name, as a document of
its own carrying every namespace binding in scope; for inclusive C14N the `xml:*` attributes of
its ancestors that it lacks are first set on it (C14N 1.0 section 2.4, which lxml's element
canonicalisation does not do). `omit`: the first element with that local name is removed first
(its tail text kept): XMLDSig's enveloped-signature transform; without one, nothing is.

lxml drops from `inclusive_ns_prefixes` every prefix that is not a name in the document's
dictionary, `#default` included: the tests do not send `#default` here.
"""

import base64
import io
import json
import sys

from lxml import etree

XML_NS = "http://www.w3.org/XML/1998/namespace"


def parser():
    return etree.XMLParser(
        resolve_entities=False, huge_tree=True, load_dtd=False, no_network=True
    )


def first(tree, name):
    for el in tree.getroot().iter(etree.Element):
        if etree.QName(el).localname == name:
            return el
    return None


def remove_keep_tail(el):
    parent = el.getparent()
    if parent is None:
        raise ValueError("cannot omit the document element")
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def run(job):
    tree = etree.parse(io.BytesIO(base64.b64decode(job["xml"])), parser())
    kw = {
        "method": "c14n",
        "exclusive": bool(job.get("exclusive")),
        "with_comments": bool(job.get("with_comments")),
    }
    if job.get("exclusive") and job.get("prefixes"):
        kw["inclusive_ns_prefixes"] = job["prefixes"]
    if job.get("omit"):
        el = first(tree, job["omit"])
        if el is not None:
            remove_keep_tail(el)
    target = tree
    if job.get("apex"):
        el = first(tree, job["apex"])
        if el is None:
            raise ValueError(f"no element named {job['apex']}")
        if not job.get("exclusive"):
            inherited = {}
            for anc in el.iterancestors():
                for key, value in anc.attrib.items():
                    if key.startswith("{%s}" % XML_NS) and key not in inherited:
                        inherited[key] = value
            for key, value in inherited.items():
                if key not in el.attrib:
                    el.set(key, value)
        # A document of its own: lxml serialises the element with every namespace binding in
        # scope declared on it. (Canonicalising the element in place goes through lxml's
        # "fake root" document, whose descendants still point at the ancestors' namespace
        # declarations: libxml2 then writes spurious xmlns="" two levels below the apex.)
        target = etree.fromstring(etree.tostring(el, with_tail=False), parser())
    return etree.tostring(target, **kw)


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = {"ok": base64.b64encode(run(json.loads(line))).decode()}
        except Exception as e:  # noqa: BLE001 - every failure is an answer
            answer = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
