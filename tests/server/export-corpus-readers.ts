// The Python readers the sample-corpus export test (export-corpus.test.ts) runs on each format:
// the standard library's json, csv and zipfile, str slicing in code points, and NLTK's
// ConllCorpusReader (Debian's python3-nltk, under /usr/bin/python3). Each prints one JSON object.

export const PY_JSONL = String.raw`
import json, os, sys
out = {"docs": 0, "spans": 0, "bad": [], "afterAstral": 0, "layers": [], "claimsInQuotes": 0}
with open(os.path.join(sys.argv[1], "export.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        out["docs"] += 1
        kinds = {(s["id"], s["layer"]): s["kind"] for s in d["spans"]}
        out["claimsInQuotes"] += sum(1 for s in d["spans"] if s["kind"] == "claim" and kinds.get((s["parentId"], s["layer"])) == "quote")
        for s in d["spans"]:
            out["spans"] += 1
            got = d["text"][s["start"]:s["end"]]
            if got != s["exact"]: out["bad"].append([d["id"], s["id"], s["exact"], got])
            if any(ord(c) > 0xFFFF for c in d["text"][:s["start"]]): out["afterAstral"] += 1
            if s["layer"] not in out["layers"]: out["layers"].append(s["layer"])
print(json.dumps(out))
`;

export const PY_CSV = String.raw`
import csv, io, json, os, sys, zipfile
z = zipfile.ZipFile(os.path.join(sys.argv[1], "export.zip"))
rows = lambda name: list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8-sig"), newline=""), strict=True))
docs, spans = rows("documents.csv"), rows("spans.csv")
texts = {d["id"]: d["text"] for d in docs}
stored = json.load(open(os.path.join(sys.argv[1], "texts.json"), encoding="utf-8"))
bad = [["text", i] for i, t in texts.items() if stored.get(i) != t]
for s in spans:
    got = texts[s["document_id"]][int(s["start"]):int(s["end"])]
    if got != s["exact"]: bad.append([s["document_id"], s["span_id"], s["exact"], got])
print(json.dumps({"docs": len(docs), "spans": len(spans), "bad": bad}))
`;

export const PY_W3C = String.raw`
import json, os, sys
d = sys.argv[1]
items = json.load(open(os.path.join(d, "export.json"), encoding="utf-8"))["first"]["items"]
texts = json.load(open(os.path.join(d, "texts.json"), encoding="utf-8"))
bad = []
for a in items:
    text = texts[a["target"]["source"]["id"].rsplit("/", 1)[1]]
    quote, pos = a["target"]["selector"]
    s, e = pos["start"], pos["end"]
    if text[s:e] != quote["exact"] or not text[:s].endswith(quote["prefix"]) or not text[e:].startswith(quote["suffix"]):
        bad.append([a["id"], quote["exact"], text[s:e]])
print(json.dumps({"checked": len(items), "bad": bad}))
`;

export const PY_BRAT = String.raw`
import json, os, sys, zipfile
z = zipfile.ZipFile(os.path.join(sys.argv[1], "export.zip"))
checked, spans, bad = 0, 0, []
for name in z.namelist():
    if not name.endswith(".ann"): continue
    text = z.read(name[:-4] + ".txt").decode("utf-8")
    for line in z.read(name).decode("utf-8").splitlines():
        if not line.startswith("T"): continue
        tid, head, shown = line.split("\t")
        label, offsets = head.split(" ", 1)
        frags = [tuple(map(int, f.split(" "))) for f in offsets.split(";")]
        checked += 1
        spans += label in ("Claim", "Opinion", "Content")
        if " ".join(text[s:e] for s, e in frags) != shown: bad.append([name, tid, shown, [text[s:e] for s, e in frags]])
print(json.dumps({"checked": checked, "spans": spans, "bad": bad}))
`;

export const PY_CONLL = String.raw`
import json, os, re, sys
from nltk.corpus.reader.conll import ConllCorpusReader
root = sys.argv[1]
ncols = sum(1 for l in open(os.path.join(root, "columns.txt"), encoding="utf-8") if re.match(r"^\d+\t", l)) - 1
texts = list(json.load(open(os.path.join(root, "texts.json"), encoding="utf-8")).values())
squash = lambda s: re.sub(r"\s+", "", s)
out = {"docstarts": 0, "unmatchedDocs": 0, "runs": 0, "bad": []}
docs = []
for sent in ConllCorpusReader(root, ["corpus.conll"], ("words",) + ("ignore",) * ncols).sents():
    if len(sent) == 0: docs.append([])
    else: docs[-1].extend(sent)
out["docstarts"] = len(docs)
out["unmatchedDocs"] = sum(1 for toks in docs if "".join(toks) not in [squash(t) for t in texts])
for c in range(ncols):
    types = ["words"] + ["ignore"] * ncols
    types[c + 1] = "pos"
    runs = []
    for sent in ConllCorpusReader(root, ["corpus.conll"], tuple(types)).tagged_sents():
        for word, tag in sent:
            if tag.startswith("B-"): runs.append([word])
            elif tag.startswith("I-") and runs: runs[-1].append(word)
    for toks in runs:
        pattern = r"\s*".join(map(re.escape, toks))
        if not any(re.search(pattern, t) for t in texts): out["bad"].append([c, toks])
    out["runs"] += len(runs)
print(json.dumps(out))
`;
