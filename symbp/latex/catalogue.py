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
        # a fact about one function: shown on the first network, with that function as its activation
        return [network(**{**NETWORKS[0], "activation": ident.function_rule})]
    applicable = [n for n in nets if ident.applies(n) is None]
    meant = next((n for n in applicable if ident.default(n)), None)
    if meant is None:  # checked only when asked for by name (seed 004's local statements)
        return applicable[:1]
    before = [n for n in applicable[: applicable.index(meant)] if not ident.default(n)]
    return before[:1] + [meant]


#: The networks of symbolic size (``symbp.general``), in the same order of preference.
GENERAL_NETWORKS = (
    dict(),
    dict(activation="sigmoid", cost="cross-entropy"),
    dict(cost="softmax-cross-entropy"),
    dict(cost="softmax-cross-entropy", one_hot=True),
)


def general_networks() -> list:
    """The networks of symbolic sizes and depth, when ``symbp.general`` is part of this build."""
    try:
        from .. import general
    except ImportError:
        return []
    return [general.network(**spec) for spec in GENERAL_NETWORKS]


def _all_sizes(ident, nets, budget) -> list:
    # The first general network the identity is stated for; as with the concrete
    # ones, one it applies to without being meant for comes first (it shows
    # what fails without the assumption).
    from ..errors import IdentityError

    out = []
    for net in nets:
        try:
            cert = prove(ident, net, budget=budget)
        except IdentityError:
            continue  # not stated for this network (another cost)
        out.append(cert)
        if ident.default(net):
            break
    return out[-2:]


def groups(names=None, *, budget: float = 60.0, all_sizes: bool = True) -> dict:
    """Each identity's certificates, keyed by its catalogue name, proved on its networks.

    With ``all_sizes`` and ``symbp.general`` present, an identity's proofs for
    every size and depth (its lemma chain) come first, then the concrete ones.
    The all-sizes prover may name an identity its own way (BP1' is its
    BP1-quadratic); the catalogue's name keeps them in one section.
    """
    picked = [ids.get(n) for n in names] if names else list(ids.CATALOGUE.values())
    general = general_networks() if all_sizes else []
    out: dict = {}
    for ident in picked:
        certs = _all_sizes(ident, general, budget) if ident.function_rule is None else []
        certs += [prove(ident, net, budget=budget) for net in networks_for(ident)]
        out[ident.name] = certs
    return out


def certificates(names=None, *, budget: float = 60.0, all_sizes: bool = True) -> list:
    """Every certificate of ``groups``, in order."""
    return [c for certs in groups(names, budget=budget, all_sizes=all_sizes).values() for c in certs]
