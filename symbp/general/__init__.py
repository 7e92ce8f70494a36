"""Proofs for every network: symbolic layer sizes, and depth by induction.

``proofs`` is the entry point (``network``, ``prove_general``,
``prove_catalogue``); ``lemmas`` and ``chains`` hold what is proved,
``reduction`` and ``indexmat`` the symbolic-size algebra, ``links`` how each
step of a chain is checked, ``induction`` the depth argument, ``instances`` the
concrete cross-checks, ``printing`` the LaTeX and ``report`` the table.
"""

from .proofs import GeneralNetwork, applicable, network, prove_catalogue, prove_general, resolve
from .report import report

__all__ = ["GeneralNetwork", "applicable", "network", "prove_catalogue", "prove_general", "report", "resolve"]
