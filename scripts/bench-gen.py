#!/usr/bin/env python3
"""Corpus generator for scripts/bench (deterministic: same arguments, same bytes).

  bench-gen.py corpus DIR N         N documents of ~8 KB built from the seeds and examples
  bench-gen.py sized DIR BYTES K    K copies of one document of about BYTES bytes

Variations per document, from a seeded PRNG keyed on its index: document
numbers and years, dates (some impossible, some blank), names, a dropped
element (Số line, date line, Nơi nhận, signer), and in some documents
diacritics stripped from the body, as OCR or an old keyboard would leave.
"""
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCES = [os.path.join(ROOT, "spec", "fixtures", "seeds"), os.path.join(ROOT, "examples")]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Minh Dũng",
         "Hoàng Thị Hà", "Giàng A Tính", "Lò Văn Khánh", "Vũ Đức Long"]
TARGET = 8000


def load():
    docs = []
    for d in SOURCES:
        for name in sorted(os.listdir(d)):
            if name.endswith((".txt", ".md")):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    docs.append((name, f.read()))
    return docs


def strip_marks(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("đ", "d").replace("Đ", "D")


def paragraphs(text):
    """Body paragraphs (long ones) of a document, to pad short documents with."""
    return [p for p in text.split("\n\n") if len(p) > 200 and not p.lstrip().startswith(("-", "*"))]


def pad(text, filler, target, rng):
    """Insert filler paragraphs before the closing part until the text reaches target bytes."""
    cut = None
    for marker in ("Nơi nhận", "**Nơi nhận", "Noi nhan"):
        i = text.find(marker)
        if i > 0:
            cut = i
            break
    if cut is None:
        cut = len(text)
    head, tail = text[:cut], text[cut:]
    extra = []
    size = len(text.encode("utf-8"))
    n = 0
    while size < target and filler:
        p = filler[rng.randrange(len(filler))]
        n += 1
        p = re.sub(r"^\d+\.", str(n) + ".", p)
        extra.append(p)
        size += len(p.encode("utf-8")) + 2
    return head.rstrip("\n") + "\n\n" + "\n\n".join(extra) + "\n\n" + tail if extra else text


def vary(text, rng):
    # Document numbers and years.
    text = re.sub(r"(Số:?\s*)(\d+)", lambda m: m.group(1) + str(rng.randrange(1, 999)), text, count=1)
    year = rng.choice([2019, 2020, 2021, 2023, 2024, 2025])
    text = re.sub(r"năm (20\d\d)", "năm %d" % year, text)

    # Dates d/m/yyyy in the body: shift them, now and then to an impossible one.
    def date(m):
        d, mo = rng.randrange(1, 29), rng.randrange(1, 13)
        if rng.random() < 0.05:
            d, mo = 31, rng.choice([2, 4, 6, 9, 11])
        return "%d/%d/%d" % (d, mo, year + rng.choice([0, 0, 1]))
    text = re.sub(r"\b\d{1,2}/\d{1,2}/20\d\d\b", date, text)
    # The place-and-date line: a day, or blank in a draft.
    day = "" if rng.random() < 0.3 else "%02d" % rng.randrange(1, 29)
    text = re.sub(r"ngày\s+(\d*)\s+tháng", lambda m: "ngày %s tháng" % day if day else "ngày    tháng",
                  text, count=1)
    # Names: the signer's name (last non-empty line) replaced.
    lines = text.rstrip("\n").split("\n")
    last = lines[-1].strip("* ")
    if 0 < len(last) < 40 and last[:1].isupper():
        name = rng.choice(NAMES)
        lines[-1] = lines[-1].replace(last, name)
    text = "\n".join(lines) + "\n"
    # Drop one element in a quarter of the documents.
    r = rng.random()
    if r < 0.25:
        which = rng.choice(["Số", "ngày", "Nơi nhận", "sign"])
        lines = text.split("\n")
        if which == "sign":
            lines = lines[:-3]
        else:
            for i, line in enumerate(lines):
                if which in line:
                    del lines[i]
                    break
        text = "\n".join(lines) + "\n"
    # Strip the diacritics of the body in one document out of eight.
    if rng.random() < 0.125:
        cut = len(text) // 3
        text = text[:cut] + strip_marks(text[cut:])
    return text


def corpus(out, n):
    docs = load()
    filler = [p for _, t in docs for p in paragraphs(t)]
    os.makedirs(out, exist_ok=True)
    total = 0
    for i in range(n):
        rng = random.Random(i)
        name, text = docs[i % len(docs)]
        text = pad(vary(text, rng), filler, TARGET, rng)
        ext = ".md" if name.endswith(".md") else ".txt"
        # Folders of 1000 so no folder is huge.
        sub = os.path.join(out, "%03d" % (i // 1000))
        os.makedirs(sub, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(sub, "%06d%s" % (i, ext)), "wb") as f:
            f.write(data)
        total += len(data)
    print(total)


def sized(out, size, copies):
    docs = load()
    filler = [p for _, t in docs for p in paragraphs(t)]
    rng = random.Random(size)
    base = dict(docs)["cong-van-so-y-te.txt"]
    text = pad(base, filler, size, rng) if size > len(base.encode("utf-8")) else base
    data = text.encode("utf-8")
    os.makedirs(out, exist_ok=True)
    for i in range(copies):
        with open(os.path.join(out, "%06d.txt" % i), "wb") as f:
            f.write(data)
    print(len(data))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "corpus":
        corpus(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 5 and sys.argv[1] == "sized":
        sized(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
