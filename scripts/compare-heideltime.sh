#!/usr/bin/env bash
# Compares sitrep with HeidelTime (the best rule-based TempEval-3 tagger) on the TempEval-3
# dev corpora, in one run and with one scorer: HeidelTime's TimeML output is scored by
# `sitrep eval timex --system`, next to sitrep's own tags. HeidelTime comes from PyPI
# (scripts/peer-heideltime.sh); needs Java >= 8, perl and ../shared (or $SITREP_SHARED).
#
#   scripts/compare-heideltime.sh       # prints both score tables for TimeBank and AQUAINT
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SITREP_SHARED:-../shared}
GOLD=$SHARED/data/tempeval3/TBAQ-cleaned
OUT=target/heideltime
cargo build --release --quiet -p sitrep
scripts/peer-heideltime.sh "$GOLD/TimeBank" "$GOLD/AQUAINT" "$OUT"
for corpus in TimeBank AQUAINT; do
  echo
  echo "== $corpus: sitrep"
  target/release/sitrep eval timex "$GOLD/$corpus"
  echo "== $corpus: HeidelTime"
  target/release/sitrep eval timex "$GOLD/$corpus" --system "$OUT/$corpus"
done
