r"""A notes formula that *is* an identity of the catalogue is proved for every size and depth.

"Is" is decided on the interpreted form, never on the text: the formula is
put into Nielsen's notation (``describe.in_nielsen``: layers shifted, weight
indices in to-from order, the notation's letters replaced by their roles) and
into a canonical form (index letters renamed by first use, the operands of ⊙
and of a product of entries in a fixed order, a sum's bound dropped only when
it is the range its index has anyway). It matches an identity when that
canonical form equals the canonical form of one of the identity's statements
below (each read by the same reader). Then ``symbp.general`` proves the
identity for symbolic layer sizes and any depth under the formula's setting,
and only a ``proved-for-all-sizes`` certificate there makes the formula's
verdict ``proved-for-all-sizes``.

>>> from symbp.notation import profile
>>> from symbp.verify.reader import read
>>> match(read(r"\frac{\partial C}{\partial w^{(l)}_{ji}} = \delta^{(l)}_i a^{(l-1)}_j", "sokolinsky"), profile("sokolinsky"))
('BP4',)
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..errors import SymbpError
from ..general import network as general_network
from ..general import prove_general, resolve
from ..notation import Notation, profile
from .describe import in_nielsen
from .nodes import (
    Apply, Cdots, Comprehension, Equation, Hadamard, Index, Layer, Mul, Nabla, Partial, Quantity, Sum, Transpose, rebuild, walk,
)
from .reader import read

#: Statements of the all-sizes identities (symbp.general's names), in Nielsen's notation.
FORMS = {
    "BP1": (r"\delta^L = \nabla_a C \odot \sigma'(z^L)", r"\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)"),
    "BP1-matrix": (r"\delta^L = \Sigma'(z^L) \nabla_a C",),
    "BP2": (r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)",
            r"\delta^l_j = \sum_k w^{l+1}_{kj} \delta^{l+1}_k \sigma'(z^l_j)"),
    "BP2-matrix": (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \delta^{l+1}",),
    "BP3": (r"\frac{\partial C}{\partial b^l_j} = \delta^l_j", r"\nabla_{b^l} C = \delta^l"),
    "BP4": (r"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j", r"\nabla_{w^l} C = \delta^l (a^{l-1})^T"),
    "BP1-quadratic": (r"\nabla_a C = a^L - y", r"\frac{\partial C}{\partial a^L_j} = a^L_j - y_j"),
    "softmax-ce": (r"\delta^L = \left(\sum_k y_k\right) a^L - y", r"\delta^L_j = \left(\sum_k y_k\right) a^L_j - y_j",
                   r"\delta^L = \left[\left(\sum_j y_j\right) a^L_k - y_k\right]_{k=1, \dots, n_L}"),
    "softmax-ce-one-hot": (r"\delta^L = a^L - y", r"\delta^L_j = a^L_j - y_j", r"\delta^L = \left[a^L_k - y_k\right]_{k=1, \dots, n_L}"),
    "ce-sigmoid": (r"\delta^L = a^L - y", r"\delta^L_j = a^L_j - y_j", r"\delta^L = \left[a^L_k - y_k\right]_{k=1, \dots, n_L}"),
    "product-formula": (r"\delta^l = \Sigma'(z^l) (w^{l+1})^T \cdots \Sigma'(z^{L-1}) (w^L)^T \Sigma'(z^L) \nabla_a C",),
}


def match(eq: Equation, notation: Notation) -> tuple:
    """The identities (symbp.general's names) that the claims of the chain ``eq`` are, or () if one is none."""
    per_claim = matches(eq, notation)
    return tuple(dict.fromkeys(n for names in per_claim for n in names)) if per_claim else ()


def proved_for_all_sizes(eq: Equation, notation: Notation, activation: str, cost: str, one_hot: bool) -> tuple:
    """The identity proved for every size for each claim of ``eq`` (one name per claim), or () if a claim has none."""
    chosen = []
    for names in matches(eq, notation):
        proved = next((n for n in names if (c := prove(n, activation, cost, one_hot)) is not None
                       and c.verdict == "proved-for-all-sizes"), None)
        if proved is None:
            return ()
        chosen.append(proved)
    return tuple(dict.fromkeys(chosen))


def matches(eq: Equation, notation: Notation) -> list:
    """For each claim (first side = side k) the identities it is; [] if one claim is none."""
    sides = [s for s in eq.sides if not isinstance(s, Cdots)]
    if len(sides) < 2 or len(sides) != len(eq.sides) or getattr(eq, "where", ()):
        return []  # a claim restricted by a condition is not the identity, whatever it says where it holds
    found = []
    for other in sides[1:]:
        claim = Equation((sides[0], other), ("=",))
        try:
            key = canonical(in_nielsen(claim, notation))
        except (SymbpError, ValueError, TypeError):
            return []
        names = _catalogue().get(key) or _catalogue().get(_swapped(key))
        if not names:
            return []
        found.append(names)
    return found


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    out: dict = {}
    nielsen = profile("nielsen")
    for name, forms in FORMS.items():
        for text in forms:
            key = canonical(in_nielsen(read(text, nielsen), nielsen))
            out.setdefault(key, [])
            if name not in out[key]:
                out[key].append(name)
    return {k: tuple(v) for k, v in out.items()}


def _swapped(key):
    sides, rels = key
    return (tuple(reversed(sides)), rels)


# -- the canonical form ----------------------------------------------------------------------


def canonical(eq: Equation):
    """A hashable form of ``eq`` that ignores spelling, index letters and the order of commuting operands."""
    plain = rebuild(eq, _plain)
    plain = rebuild(plain, _bounds)
    plain = rebuild(plain, _commute)
    names: dict = {}
    for node in walk(plain):
        for name in _index_names(node):
            names.setdefault(name, f"i{len(names)}")
    renamed = rebuild(plain, lambda n: _rename(n, names))
    return (tuple(renamed.sides), tuple("=" for _ in renamed.rels))


def _plain(node):
    if isinstance(node, Quantity):
        layer = None if node.layer is None else Layer(node.layer.var, node.layer.offset)
        return Quantity(node.role, node.role, layer, tuple(Index(i.name, i.value, i.size) for i in node.indices))
    if isinstance(node, Nabla):
        wrt = node.wrt
        if wrt.role == "a" and wrt.layer is None:
            wrt = replace(wrt, layer=Layer("L", 0))
        return Partial(node.of, wrt)
    if isinstance(node, Apply):
        return Apply(node.func if node.func != "f" else "sigma", node.primes, node.arg, node.func)
    if isinstance(node, Transpose):
        return Transpose(node.arg, "T")
    if isinstance(node, Comprehension):
        columns = node.columns and (node.columns[0], node.columns[1], _unbracketed(node.columns[2]))
        return replace(node, upper=_unbracketed(node.upper), columns=columns)
    return None


def _unbracketed(layer):
    return layer if layer is None else Layer(layer.var, layer.offset)


def _bounds(node):
    """``\\sum_{k=1}^{n_{l+1}}`` is ``\\sum_k`` when k runs over layer l+1 anyway."""
    if isinstance(node, Sum) and node.var and node.upper is not None and node.lower in (None, 1):
        if node.upper == _natural(node.var, node.body):
            return Sum(node.var, None, None, node.body)
    if isinstance(node, Sum) and node.lower == 1 and node.upper is None:
        return Sum(node.var, None, None, node.body)
    return None


def _natural(var: str, body):
    for q in walk(body):
        if isinstance(q, Quantity) and q.role == "y" and any(i.name == var for i in q.indices):
            return Layer("L", 0)  # targets are indexed like the output layer
        if not isinstance(q, Quantity) or q.layer is None:
            continue
        for pos, i in enumerate(q.indices):
            if i.name == var:
                if q.role in ("w", "W") and pos == 1:
                    return Layer(q.layer.var, q.layer.offset - 1)
                return Layer(q.layer.var, q.layer.offset)
    return None


def _key(node) -> str:
    """A sort key that does not depend on index letters."""
    return repr(rebuild(node, lambda n: replace(n, indices=tuple(Index(None, 0) for _ in n.indices))
                        if isinstance(n, Quantity) else None))


def _commute(node):
    if isinstance(node, Hadamard):
        left, right = sorted((node.left, node.right), key=_key)
        return Hadamard(left, right, r"\odot")
    if isinstance(node, Mul) and all(_is_entry(f) for f in node.factors):
        return Mul(tuple(sorted(node.factors, key=_key)))
    return None


def _is_entry(node) -> bool:
    """A number-valued factor: every quantity in it carries all its indices."""
    qs = [n for n in walk(node) if isinstance(n, Quantity)]
    for n in walk(node):
        if isinstance(n, Partial):
            qs += [n.num, n.den]
    if any(isinstance(n, (Nabla, Sum, Transpose, Cdots)) for n in walk(node)):
        return False
    need = {"w": 2, "W": 2, "b": 1, "z": 1, "a": 1, "delta": 1, "y": 1, "x": 1, "C": 0}
    return all(len(q.indices) == need.get(q.role, 1) for q in qs)


def _index_names(node):
    if isinstance(node, (Sum, Comprehension)) and node.var:
        yield node.var
    if isinstance(node, Quantity):
        for i in node.indices:
            if i.name:
                yield i.name


def _rename(node, names: dict):
    if isinstance(node, Quantity) and any(i.name for i in node.indices):
        return replace(node, indices=tuple(Index(names.get(i.name, i.name), i.value, i.size) for i in node.indices))
    if isinstance(node, (Sum, Comprehension)) and node.var:
        return replace(node, var=names.get(node.var, node.var))
    return None


# -- the proof for every size ------------------------------------------------------------------------


@lru_cache(maxsize=64)
def prove(name: str, activation: str, cost: str, one_hot: bool, budget: float = 60.0):
    """The ``symbp.general`` certificate of identity ``name`` for every size under the setting, or None."""
    try:
        return prove_general(resolve(name), general_network(activation, cost, one_hot), budget_seconds=budget)
    except SymbpError:
        return None
