#!/usr/bin/env bash
# Makes NAME.out (stdout) and NAME.err (stderr) for every tutorial-style program with real
# CPython 3.13, as Loopscope's virtual clock sees the world: the wall clock starts at
# 2023-11-14 22:13:20 UTC (time.time() == 1_700_000_000 at virtual t = 0) and runs from there,
# in UTC. libfaketime (Debian's `faketime`) sets the start; the programs sleep for real.
# stderr names this folder as <DIR>: tracebacks and warnings carry the script's absolute path.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON313:-$HOME/.pyenv/versions/3.13.0/bin/python3}
for f in ${1:-t*.py}; do
  name=${f%.py}
  TZ=UTC faketime -f '@2023-11-14 22:13:20' "$PY" -P "$f" > "$name.out" 2> "$name.err.tmp" || true
  sed "s|$PWD/|<DIR>/|g" "$name.err.tmp" > "$name.err" && rm "$name.err.tmp"
  echo "$name: $(wc -l < "$name.out") lines out, $(wc -l < "$name.err") lines err"
done
