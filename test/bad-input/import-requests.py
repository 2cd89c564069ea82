# The blocking HTTP client from the tutorials: simulated, with no network.
import requests

print(requests.get("https://example.com").status_code)
