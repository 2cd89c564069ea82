#!/bin/sh
# Builds test/objects/programs/*.py (the observer in _show.py, then each body) and the stdout
# real CPython 3.13 prints for each, which test/objects/objects.test.ts compares Loopscope's
# derived object states with. Run from the repository root after changing a body.
set -e
PY=${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3}
cd test/objects
mkdir -p programs expected
for body in bodies/*.py; do
  name=$(basename "$body")
  { cat programs/_show.py; echo; echo; cat "$body"; } > "programs/$name"
  PYTHONHASHSEED=0 timeout 10 "$PY" "programs/$name" > "expected/${name%.py}.txt" 2>&1 || true
done
