# Pyodide's foreign function interface: must not be reachable.
import pyodide.ffi

print(pyodide.ffi.to_js([1, 2, 3]))
