r"""The certificates the documents are made of: each identity proved on a network it applies to.

Nothing here decides a verdict: ``symbp.prove`` does. This module only picks
the networks (data, ``NETWORKS``) and collects what the prover returns.

>>> [c.verdict for c in certificates(["BP3"], all_sizes=False)]
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
    dict(sizes=[2, 3, 1], activation="sigmoid", cost="cross-entropy"),  # seed 004's logistic classifier
)


def networks_for(ident) -> list:
    """The networks ``ident`` is shown on (see ``NETWORKS``)."""
    nets = [network(**spec) for spec in NETWORKS]
    if ident.function_rule is not None:
        return nets[:1]  # a fact about the function; the network is not used
    applicable = [n for n in nets if ident.applies(n) is None]
    meant = next((n for n in applicable if ident.default(n)), None)
    if meant is None:  # checked only when asked for by name (seed 004's local statements)
        return applicable[:1]
    before = [n for n in applicable[: applicable.index(meant)] if not ident.default(n)]
    return before[:1] + [meant]


def general_network():
    """The network of symbolic sizes and depth, when ``symbp.general`` is part of this build."""
    try:
        from .. import general
    except ImportError:
        return None
    return general.network(activation="generic")


def certificates(names=None, *, budget: float = 60.0, all_sizes: bool = True) -> list:
    """Prove each identity (every one in the catalogue, or those named) on its networks.

    With ``all_sizes`` and ``symbp.general`` present, an identity's proof for
    every size and depth (the lemma chain) comes first, then the concrete ones.
    """
    from ..errors import IdentityError

    picked = [ids.get(n) for n in names] if names else list(ids.CATALOGUE.values())
    general = general_network() if all_sizes else None
    out = []
    for ident in picked:
        if general is not None and ident.function_rule is None:
            try:
                out.append(prove(ident, general, budget=budget))
            except IdentityError:
                pass  # not stated for the general network (e.g. another cost)
        for net in networks_for(ident):
            out.append(prove(ident, net, budget=budget))
    return out
