#!/bin/sh
# Writes the stdout real CPython 3.13 prints for each objects program (the observer in _show.py,
# then a body from bodies/: test/objects/programs.ts puts them together the same way), which
# test/objects/objects.test.ts compares Loopscope's derived object states with. Run from the
# repository root after changing a body or the observer.
set -e
PY=${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3}
cd test/objects
mkdir -p expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for body in bodies/*.py; do
  name=$(basename "$body")
  { cat _show.py; echo; echo; cat "$body"; } > "$work/$name"
  PYTHONHASHSEED=0 timeout 10 "$PY" "$work/$name" > "expected/${name%.py}.txt" 2>&1 || true
done
