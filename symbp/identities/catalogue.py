r"""The catalogue of identities, each citing the notes it comes from.

Entries of the catalogue are values; the fully connected network's identities
(``mlp``) and seed 004's row-vector statements (``rowvector``) are looked up
by name here.

>>> "BP4" in CATALOGUE and "product-formula" in CATALOGUE
True
>>> get("bp2").name
'BP2'
"""

from __future__ import annotations

from ..errors import IdentityError
from ..network import Network
from .mlp import IDENTITIES as MLP_IDENTITIES
from .rowvector import IDENTITIES as ROWVECTOR_IDENTITIES
from .identity import Identity

#: Every identity by name. Seed 004's local statements (row vectors, local
#: Jacobians) are checked when named, or by `symbp prove --notation rowvector`.
CATALOGUE: dict[str, Identity] = {**MLP_IDENTITIES, **ROWVECTOR_IDENTITIES}

#: Identities that live above the engine, by lower-case name, each with where to
#: find it; ``symbp.layers`` registers its own when ``symbp`` is imported.
ELSEWHERE: dict[str, str] = {}


def get(name: "str | Identity") -> Identity:
    """The identity called ``name`` (case-insensitive; aliases accepted)."""
    if isinstance(name, Identity):
        return name
    key = str(getattr(name, "name", name)).strip()
    if not isinstance(name, str) and key.lower() not in ELSEWHERE:
        # another kind of identity (an all-sizes or a layer one, perhaps edited) is not the catalogue's entry of
        # the same name: looking it up by name would check the catalogue's claim instead of this one
        raise IdentityError(f"{key!r} is a {type(name).__name__}, not an identity of this catalogue: give a name or "
                            "an Identity (an all-sizes identity is proved on symbp.general.network(), a layer "
                            "identity on a layer)")
    for ident in CATALOGUE.values():
        if key.lower() == ident.name.lower() or key.lower() in ident.aliases:
            return ident
    if key.lower() in ELSEWHERE:
        raise IdentityError(f"{key} {ELSEWHERE[key.lower()]}")
    known = ", ".join(CATALOGUE) + (f"; and about layers: {', '.join(ELSEWHERE)}" if ELSEWHERE else "")
    raise IdentityError(f"unknown identity {key!r}; known: {known}")


def applicable(net: Network, names=None) -> list[Identity]:
    """The identities to check on ``net``: the named ones, or all that apply."""
    if names:
        out = [get(n) for n in names]
        for ident in out:
            reason = ident.applies(net) if ident.function_rule is None else _function_applies(ident, net)
            if reason:
                raise IdentityError(f"{ident.name} does not apply to the network {net.label()}: {reason}")
        return out
    picked = []
    for ident in CATALOGUE.values():
        if ident.function_rule is not None:
            if _functions(net) == {ident.function_rule}:
                picked.append(ident)
            continue
        if ident.applies(net) is None and ident.default(net) and not ident.exact_only:
            picked.append(ident)
    return picked


def _function_applies(ident: Identity, net: Network):
    """A σ'-rule is about one function; σ in its statement is the network's activation, so it
    applies only to a network that uses that function (tanh-prime on a sigmoid network would be
    proved about tanh while the statement, read on the network, says σ' = 1 − σ², which is false)."""
    uses = _functions(net)
    if uses == {ident.function_rule}:
        return None
    # a network of several functions (tanh,sigmoid; a neuron's override) has no one σ: the rule read on it is false
    # at the layers of the others (rv54 F3: sigmoid-prime and tanh-prime were both proved on [2, 3, 2] tanh,sigmoid)
    every = " (for every layer)" if len(uses) > 1 else ""
    return (f"it is about the {ident.function_rule} activation, and this network uses {', '.join(sorted(uses))}; "
            f"give --activation {ident.function_rule}{every}")


def _functions(net: Network) -> set:
    """Every activation function the network applies, its neurons' overrides included."""
    return set(net.activations) | {name for _, name in net.overrides}
