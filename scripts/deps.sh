#!/usr/bin/env bash
# Installs the system packages kg needs (Graphviz and SQLite headers, the dot CLI for tests, Chromium for
# the viewer's browser tests) when missing.
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libgvc libcgraph 2>/dev/null || missing+=(libgraphviz-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
