"""Numbers: the proved formulas as fast NumPy code, and training with them.

``lambdified`` turns the ground truth into NumPy functions (small networks);
``train`` is the fast path, mini-batch SGD in the proved matrix form;
``compiled`` the optional Numba epoch; ``data`` the data sets.
"""

from .lambdified import MAX_PARAMETERS, LambdifiedGradient, LambdifyError, gradient, per_sample_network

__all__ = ["LambdifiedGradient", "LambdifyError", "MAX_PARAMETERS", "gradient", "per_sample_network"]
