# Pyodide's bridge to JavaScript: must not be reachable from a learner's program.
import js

js.document.title = "pwned"
