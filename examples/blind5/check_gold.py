#!/usr/bin/env python3
"""Consistency checks for gold.json, and an oracle export built from it that must score 1.0."""
import json, os, re, sys, subprocess, tempfile, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
texts = {f: open(os.path.join(CORPUS, f), encoding="utf-8").read() for f in os.listdir(CORPUS) if f.endswith(".txt")}
ws = lambda s: " ".join(s.split())
DIG = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")  # Persian and Arabic-Indic digits
def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()
alltext = fold(ws("\n".join(texts.values())))
keys = {e["key"] for e in g["entities"]}
bad = 0
def err(*a):
    global bad; bad += 1; print("ERR", *a)
for d in g["documents"]:
    if d not in texts: err("document not in corpus", d)
for e in g["entities"]:
    for n in e["names"]:
        if fold(n) not in alltext: err("name not in texts", e["key"], n)
        elif not re.search(r"(?<!\w)" + re.escape(fold(n)) + r"(?!\w)", alltext):
            print("warn: name only inside a longer word (inflected)", e["key"], repr(n))
def slots(x):
    for s in x.split("|"):
        if s not in keys: err("unknown key", s, x)
for r in g["relations"]:
    slots(r["s"]); slots(r["o"])
    for d in r["docs"]:
        if d not in texts: err("relation doc", d)
for v in g["events"]:
    for s in v["actors"] + v["targets"] + ([v["location"]] if v.get("location") else []):
        slots(s)
    for d in v["docs"]:
        if d not in texts: err("event doc", d)
def numforms(v):
    forms = {str(v), f"{v:,}", f"{v:,}".replace(",", " "), f"{v:,}".replace(",", "\u00a0")}
    if v >= 1_000_000_000:
        forms.add(f"{v // 1_000_000_000} billion"); forms.add(f"{v / 1_000_000_000:g} billion")
    if v >= 1_000_000:
        forms.add(f"{v // 1_000_000} million")
    if v == 1_000_000: forms.add("a million")
    if v >= 1000 and v % 1000 == 0:
        forms.add(f"{v // 1000} min")        # Azerbaijani: "100 min" = 100,000
        forms.add(f"{v // 1000} mini")       # its accusative ("100 mini ötüb")
        forms.add(f"{v // 1000} тысяч")      # Russian: "100 тысяч"
    # the number words used in this set: Azerbaijani, Russian, Arabic
    words = {2: ["iki"], 4: ["dörd", "أربعة"], 5: ["beş", "пятеро"], 6: ["altı", "ستة"]}
    forms.update(words.get(v, []))
    return forms
for q in g["quantities"]:
    slots(q["subject"])
    if q["attributed_to"] not in (None, "anonymous"): slots(q["attributed_to"])
    for d in q["docs"]:
        if d not in texts: err("quantity doc", d); continue
        t = texts[d].translate(DIG)
        if not any(re.search(r"(?<![\w,])" + re.escape(f) + r"(?![\d])" + (r"(?!\w)" if f[-1:].isalpha() else ""), t, re.I) for f in numforms(q["value"])):
            err("quantity value not in doc", q["value"], d)
for c in g["contradictions"]:
    slots(c["subject"])
    for d in c["docs"]:
        if d not in texts: err("contradiction doc", d)
    joined = ws(" ".join(texts[d] for d in c["docs"] if d in texts)).lower()
    for (side,) in c["texts"]:
        alts = [a for a in side.split("|") if a.lower() in joined]
        if not alts: err("contradiction side not in its docs", c["about"], side)
        for a in side.split("|"):
            if a.lower() not in joined: print("warn: alternative not found (harmless)", repr(a))
import sys as _s
_s.path.insert(0, "/work/shared/eval"); from score import norm
seen = {}
for e in g["entities"]:
    for n in e["names"]:
        k = norm(n)
        if k in seen and seen[k] != e["key"]: err("strong name shared by two entities", n, seen[k], e["key"])
        seen[k] = e["key"]
# oracle export
ents, rels, evs, claims, cons = [], [], [], [], []
docs = [{"id": f"d{i}", "source": os.path.join(CORPUS, d)} for i, d in enumerate(g["documents"])]
did = {d: f"d{i}" for i, d in enumerate(g["documents"])}
for e in g["entities"]:
    ents.append({"id": e["key"], "type": e["type"], "name": e["names"][0], "aliases": e["names"][1:]})
first = lambda s: s.split("|")[-1]
for i, r in enumerate(g["relations"]):
    rels.append({"id": f"r{i}", "subject": first(r["s"]), "predicate": r["p"].split("|")[-1], "object": first(r["o"]), "claims": []})
for i, v in enumerate(g["events"]):
    evs.append({"id": f"e{i}", "type": v["type"], "date": v["date"], "actors": [first(a) for a in v["actors"]],
                "targets": [first(a) for a in v["targets"]], "location": first(v["location"]) if v.get("location") else None, "claims": []})
def sentence_with(doc, pat):
    t = texts[doc]
    for s in re.split(r"(?<=[.!?])\s+|\n+", t):
        if pat.lower() in s.lower():
            return s
    return None
for i, q in enumerate(g["quantities"]):
    qt = next((x for x in re.split(r"(?<=[.!?])\s+|\n+", texts[q["docs"][0]]) if any(re.search(r"(?<![\d,])" + re.escape(f) + r"(?![\d])", x.translate(DIG)) for f in numforms(q["value"]))), "")
    claims.append({"id": f"q{i}", "doc": did[q["docs"][0]], "text": qt, "value": q["value"], "subject": first(q["subject"]),
                   "attributed_to": (first(q["attributed_to"]) if q["attributed_to"] not in (None, "anonymous") else q["attributed_to"]),
                   "modality": "asserted"})
for i, c in enumerate(g["contradictions"]):
    ids = []
    for j, (side,) in enumerate(c["texts"]):
        for d in c["docs"]:
            s = None
            for a in side.split("|"):
                s = sentence_with(d, a)
                if s: break
            if s:
                cid = f"c{i}_{j}"; claims.append({"id": cid, "doc": did[d], "text": s, "modality": "asserted"}); ids.append(cid); break
    cons.append({"id": f"k{i}", "claims": ids, "summary": c["about"]})
exp = {"format": "actorgraph/1", "documents": docs, "entities": ents, "relations": rels, "events": evs, "claims": claims, "contradictions": cons}
with tempfile.TemporaryDirectory() as t:
    p = os.path.join(t, "oracle.json"); json.dump(exp, open(p, "w"), ensure_ascii=False)
    out = subprocess.run([sys.executable, "/work/shared/eval/score.py", p, os.path.join(HERE, "gold.json"), "--corpus", CORPUS],
                         capture_output=True, text=True)
    print(out.stdout, out.stderr)
print("errors:", bad)
