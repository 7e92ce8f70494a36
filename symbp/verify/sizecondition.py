r"""A formula refuted on some layer sizes that holds on the network the user fixed: conditional on the sizes.

``\delta^2_1 = \sigma'(z^2_1)(w^3_{11}\delta^3_1 + w^3_{21}\delta^3_2)`` writes out BP2's sum for two neurons
in layer 3: it is true exactly when n_3 = 2. On the family of networks ``check`` builds it fails (on
[3, 2, 4]), so without a network of the user's it is refuted, a claim about every network. With
``--sizes 2,2,2`` the user says which network the notes are about, and there it holds, exactly; a depth
condition (``\delta^2_1 = (a^2_1 - y_1)\sigma'(z^2_1)``, true only when L = 2) already gets a
``conditional`` verdict, met by such a network. ``size_conditional`` does the same for the sizes (review
rv43 B1): a refuted ``Outcome`` whose fixed network holds on every side becomes ``conditional``, met
(exit 0), with the failure elsewhere kept as its counterexample. The condition is named when one layer's
size says it on every network checked (``fit``: holds there exactly when that layer has the fixed
network's number of neurons, counted from the input, "n_3 = 2", or from the output, "n_L = 2", and at
least one other network of that size holds too); otherwise it is the user's sizes themselves.

A formula that fails on the user's network too is untouched (refuted, exit 1), as is one checked without
``--sizes``, and one that ranges over a layer's size itself (a sum, ``\sum_{k=1}^{n_l}`` or ``\sum_k``,
``a^L_{n_L}``, ``\in \mathbb{R}^{n_l}``): it states its own range over the sizes, so a wrong bound that the
user's square network hides (``\sum_{k=1}^{n_l}`` for ``n_{l+1}`` on [2, 2, 2, 2]) stays refuted. So does one that is ill-shaped
on some network (``z^l = w^l a^{l-1} + (b^l)^T``, a row for a column, which only one neuron per layer hides):
the failure elsewhere must be a difference of values, with its counterexample (a formula about the output
that is a number only with one output neuron is ``single_output``'s, conditional on n_L = 1).

>>> from symbp.verify import verify
>>> v = verify(r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} \delta^3_1 + w^3_{21} \delta^3_2)", sizes=(2, 2, 2))
>>> v.status, v.condition, v.exit_code
('conditional', 'n_3 = 2', 0)
>>> verify(r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} \delta^3_1 + w^3_{21} \delta^3_2)").status
'refuted'
"""

from __future__ import annotations

from dataclasses import replace

from ..notation import Notation
from .check import Outcome
from .network_check import Setting
from .nodes import Comprehension, Equation, Index, Sum, Where

#: How many failing networks the reason names.
_SHOWN = 3


def size_conditional(eq: Equation, outcome: Outcome, setting: Setting) -> Outcome:
    """``outcome``, or its conditional verdict on the sizes when it is refuted and the fixed network holds."""
    if outcome.status != "refuted" or not setting.fixed or not outcome.fixed_holds or names_a_size(eq):
        return outcome
    if outcome.shape or outcome.counterexample is None or any(c.get("ill_shaped") for c in outcome.checked):
        return outcome  # ill-shaped elsewhere: a slip of notation (a row for a column), not a condition on sizes
    fixed = list(setting.fixed)
    decided = [c for c in outcome.checked if c["status"] in ("holds", "fails")]
    failing = [c["sizes"] for c in decided if c["status"] == "fails"]
    if not failing:  # refuted by something the networks listed do not show: not for this step to judge
        return outcome
    shown = ", ".join(str(s) for s in failing[:_SHOWN]) + (", …" if len(failing) > _SHOWN else "")
    undecided = any(c["status"] == "undecided" for c in outcome.checked)
    found = None if undecided else fit(decided, fixed, setting.notation)
    if found is not None:
        condition, words = found
        reason = (f"holds exactly when {condition} ({words}) on every network checked, your network {fixed} among "
                  f"them; it fails on {shown}: {outcome.reason}")
    else:
        condition = f"the layer sizes {fixed}"
        reason = (f"holds on your network {fixed}, but not on every network: it fails on {shown}, and no one "
                  f"layer's size (nor the depth) says where it holds: {outcome.reason}")
    return replace(outcome, status="conditional", reason=reason, condition=condition, condition_met=True)


def fit(decided: list, fixed: list, nt: Notation) -> "tuple[str, str] | None":
    """(condition, words) of the one layer size that says, on every network in ``decided`` (dicts with sizes
    and status holds or fails), where it holds: the fixed network's size of that layer; None if no such layer,
    or more than one. The layer is named in the user's numbering (``nt``), its size as the notes write it.

    >>> from symbp.notation import profile
    >>> nets = [([2, 3, 2], "holds"), ([3, 2, 4], "fails"), ([3, 4, 2, 3], "holds"), ([2, 2, 2], "holds")]
    >>> fit([{"sizes": s, "status": st} for s, st in nets], [2, 2, 2], profile("nielsen"))
    ('n_3 = 2', 'layer 3 has 2 neurons')
    >>> fit([{"sizes": s, "status": st} for s, st in nets], [2, 2, 2], profile("dyda"))
    ('n^{[2]} = 2', 'layer 2 has 2 neurons')
    """
    shortest = min(len(c["sizes"]) for c in decided)
    found = []
    for i in range(min(shortest, len(fixed))):  # counted from the input: layer i + 1 (Nielsen)
        if _says(decided, lambda s, i=i: s[i], fixed[i]):
            n = i + 1 + nt.layer_shift
            found.append((f"{_size(str(n), nt)} = {fixed[i]}",
                          f"layer {n} has {fixed[i]} neuron{'s' if fixed[i] != 1 else ''}"))
    for k in range(min(shortest, len(fixed))):  # counted from the output: layer L − k
        if _says(decided, lambda s, k=k: s[-1 - k], fixed[-1 - k]):
            layer = "the output layer" if k == 0 else f"layer L−{k}"
            found.append((f"{_size('L' if k == 0 else f'L-{k}', nt)} = {fixed[-1 - k]}",
                          f"{layer} has {fixed[-1 - k]} neuron{'s' if fixed[-1 - k] != 1 else ''}"))
    return found[0] if len(found) == 1 else None


def _size(layer: str, nt: Notation) -> str:
    # Nielsen's n_3, n_L, n_{L-1}; Dyda's n^{[2]} (``nodes._size``)
    if nt.layer_brackets == ("[", "]"):
        return f"n^{{[{layer}]}}"
    return f"n_{layer}" if len(layer) == 1 else f"n_{{{layer}}}"


def _says(decided: list, size, value: int) -> bool:
    """Does the size ``size(sizes) == value`` hold exactly on the holding networks, two of them at least?"""
    holding = [c for c in decided if c["status"] == "holds"]
    return len(holding) >= 2 and all((size(c["sizes"]) == value) == (c["status"] == "holds") for c in decided)


def names_a_size(node) -> bool:
    r"""Does ``node`` range over a layer's size: a sum (to n_l or over a whole layer), a comprehension, an index n_l,
    ``\in \mathbb{R}^{n_l}``?

    >>> from symbp.verify.reader import read
    >>> names_a_size(read(r"\delta^l_j = \sum_{k=1}^{n_{l+1}} w^{l+1}_{kj}\delta^{l+1}_k \sigma'(z^l_j)"))
    True
    >>> names_a_size(read(r"\delta^l_j = \sum_k w^{l+1}_{kj}\delta^{l+1}_k \sigma'(z^l_j)"))
    True
    >>> names_a_size(read(r"\delta^2_1 = \sigma'(z^2_1)(w^3_{11} \delta^3_1 + w^3_{21} \delta^3_2)"))
    False
    """
    if isinstance(node, Index):
        return node.size is not None
    if isinstance(node, (Sum, Comprehension)):  # Σ_k without a bound runs over a whole layer too
        return True
    if isinstance(node, Where) and node.kind == "space":
        return True
    if isinstance(node, tuple):
        return any(names_a_size(x) for x in node)
    fields = getattr(node, "__dataclass_fields__", None)
    return bool(fields) and any(names_a_size(getattr(node, f)) for f in fields)
