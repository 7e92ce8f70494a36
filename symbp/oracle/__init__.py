r"""An independent oracle: every quantity of a network by high-precision numerics.

A second way to compute what symbp compares against, sharing nothing with
``derive``, ``quantities`` or ``algebra`` but the network's specification:

* ``numeric``: ``Oracle(net, point)``, the composed network evaluated at an
  exact point with 120-digit mpmath, every derivative a central difference
  of that evaluation (good to 50 digits, checked a posteriori);
* ``quantities``: ``OracleQuantities``, the catalogue's quantities interface
  answered by the oracle, so any identity's two sides can be evaluated;
* ``confirm``: ``confirm(net, point, sides)``, which a refutation needs
  before it is issued, and ``OracleGroundTruth`` for code written over the
  ground truth (the verifier).

>>> from symbp.network import network
>>> net = network([2, 2], "tanh")
>>> pt = {k: 1 for k in [("x", 1, 1), ("x", 1, 2), ("y", 1, 1), ("y", 1, 2)] + net.parameters()}
>>> o = Oracle(net, pt)
>>> abs(o.delta(2, 1) - (o.a(2, 1) - 1) * o.sigma_prime(2, 1)) < 1e-45   # BP1 at this point
True
"""

from .confirm import Confirmation, OracleGroundTruth, confirm, differ, element_value
from .numeric import DIGITS, Oracle, OracleError
from .quantities import OracleQuantities

__all__ = [
    "Confirmation", "DIGITS", "Oracle", "OracleError", "OracleGroundTruth", "OracleQuantities", "confirm", "differ",
    "element_value",
]
