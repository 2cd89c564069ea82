# A blocking HTTP request with the standard library.
import urllib.request

with urllib.request.urlopen("http://example.com", timeout=5) as response:
    print(response.status)
