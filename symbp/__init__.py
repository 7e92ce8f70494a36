"""symbp: backpropagation derived, proved and checked symbolically."""

from .network import Network, network

__all__ = ["Network", "network"]
__version__ = "0.1.0"
