# A third-party package that is not installed.
import numpy as np

print(np.arange(3))
