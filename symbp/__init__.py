"""symbp: backpropagation derived, proved and checked symbolically.

>>> from symbp import network, prove, identities
>>> net = network([2, 3, 2], activation="generic", cost="quadratic")
>>> prove(identities.BP2, net)
Certificate(identity='BP2', verdict='proved', method='exact', network=[2, 3, 2], instances=3)
"""

from . import derive, general, identities, latex, layers, notation  # latex and layers register themselves
from .certificate import Certificate, Counterexample, Step
from .errors import IdentityError, NotationError, SpecError, SymbpError
from .network import Network, network
from .prove import prove, prove_all

__all__ = [
    "Certificate",
    "Counterexample",
    "IdentityError",
    "Network",
    "NotationError",
    "SpecError",
    "Step",
    "SymbpError",
    "derive",
    "general",
    "identities",
    "latex",
    "layers",
    "network",
    "notation",
    "prove",
    "prove_all",
]
__version__ = "0.1.0"
