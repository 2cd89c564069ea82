# A third-party package that is not installed.
import requests

print(requests.get("https://example.com").status_code)
