r"""The certificates the documents are made of: each identity proved on a network it applies to.

Nothing here decides a verdict: ``symbp.prove`` does. This module only picks
the networks (data, ``NETWORKS``) and collects what the prover returns.

>>> [c.verdict for c in certificates(["BP3"])]
['proved']
"""

from __future__ import annotations

from .. import identities as ids
from ..network import network
from ..prove import prove

#: The networks the documents are checked on, in order of preference. For
#: each identity the first network it applies to (and is meant for) is used;
#: when an identity applies to an earlier network without being meant for it
#: (softmax-CE with unconstrained targets), that one is shown too: the
#: document then shows what fails without the assumption.
NETWORKS = (
    dict(sizes=[2, 3, 3, 2]),
    dict(sizes=[2, 3, 2], activation="sigmoid", cost="cross-entropy"),
    dict(sizes=[3, 3, 3], cost="softmax-cross-entropy"),
    dict(sizes=[3, 3, 3], cost="softmax-cross-entropy", one_hot=True),
    dict(sizes=[2, 3, 2], cost="mean-quadratic"),
)


def networks_for(ident) -> list:
    """The networks ``ident`` is shown on (see ``NETWORKS``)."""
    nets = [network(**spec) for spec in NETWORKS]
    if ident.function_rule is not None:
        return nets[:1]  # a fact about the function; the network is not used
    meant = next((n for n in nets if ident.applies(n) is None and ident.default(n)), None)
    if meant is None:
        return []
    before = [n for n in nets[: nets.index(meant)] if ident.applies(n) is None and not ident.default(n)]
    return before[:1] + [meant]


def certificates(names=None, *, budget: float = 60.0) -> list:
    """Prove each identity (every one in the catalogue, or those named) on its networks."""
    picked = [ids.get(n) for n in names] if names else list(ids.CATALOGUE.values())
    out = []
    for ident in picked:
        for net in networks_for(ident):
            out.append(prove(ident, net, budget=budget))
    return out
