r"""The model of a set of notes, from the notes' own definitions: cost, activation, output, assumptions.

Notes say which network their formulas are about: ``C = \frac12\|a^L - y\|^2``,
``\sigma(z) = \frac{1}{1+e^{-z}}``, ``a^{[L]} = \psi(net^{[L]}) := [\exp(…)/\sum \exp(…)]``,
``\sum_k y_k = 1``. Each definition is recognised by what it *means*, never by its text:

* a **cost**: the formula's first side is the cost and its second side, read on
  a network, equals one of symbp's costs (C(a, y) compared in the network's atoms,
  a logarithm as an atom of its argument);
* an **activation**: σ(z) = … of a bare z that holds, as a scalar identity, for
  exactly one of symbp's named activations (``\max(0, z)`` is relu); σ(z) = … that holds
  for none of them and is not true of every σ (or that symbp cannot read) is the notes'
  **own activation**: claims refuted under a generic σ are not refuted under theirs
  (``unknowns``);
* a **softmax output**: a^L defined through exp(z^L_k) / Σ_j exp(z^L_j);
* an **assumption** Σ_k y_k = 1 (a one-hot or probability target).

A definition holds from its line on (seed 003 switches from the quadratic cost
to softmax + cross-entropy half-way); the first of its kind also before it, unless
words say it starts later (``reachwords``). A definition in a hypothetical ("If we
used … instead, we would …") is not in the model (``inforce``). ``Model.at(line)`` is
the setting there and the lines that chose it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable


from ..errors import SymbpError
from ..notation import Notation
from .definition_kinds import derivative_parts, output_gradient_slip
from .lexer import ReadError
from .nodes import Apply, Equation, Nabla, Num, Partial, Quantity, Sum, walk
from .reader import read
from .modelcost import OWN_COST, beside_other_letters, cost_of, why_own
from .scalar import check_scalar, is_scalar
from .samples import per_sample

#: Named activations a definition σ(z) = … is tried against (relu's max is not read).
_ACTIVATIONS = ("sigmoid", "tanh", "softplus", "identity")
#: What a definition is of: the notes' own activation replaces a named one from its line on, as another would.
_KIND = {"own-activation": "activation"}
#: ReLU as notes define it: σ(z) = max(0, z) or max(z, 0), the maximum in parentheses or braces.
_RELU = re.compile(r"^\s*(?P<f>\\[A-Za-z]+|[a-zA-Z])\s*\(\s*(?P<v>[a-z])\s*\)\s*(?:=|:=|\\equiv|\\coloneqq)\s*"
                   r"\\max\s*(?:\\left)?\s*(?:\(|\\\{)\s*(?:0\s*,\s*(?P=v)|(?P=v)\s*,\s*0)\s*(?:\\right)?\s*(?:\)|\\\})\s*[.,;]?\s*$")
#: σ(z) = …: the first side is the activation of a bare variable (what defines an activation).
_ACTIVATION_HEAD = re.compile(r"^\s*(?P<f>\\[A-Za-z]+|[a-zA-Z])\s*\(\s*(?P<v>[a-z])\s*\)\s*(?:=|:=|\\equiv|\\coloneqq)")


@dataclass(frozen=True)
class Definition:
    line: int
    what: str  # "cost" | "activation" | "own-activation" | "softmax" | "one-hot" | "own-cost" | "own-delta" | "outputs" (n_L fixed in the prose)
    value: object
    text: str


@dataclass(frozen=True)
class Restore:
    """From ``line`` on, the definition of ``kind`` in force is ``prior`` again (None: none, the default): "Back to
    our own cost", the end of a section a definition is confined to ("In this section only, …"; ``reachwords``)."""

    line: int
    kind: str  # "cost" | "activation" | "softmax"
    prior: "Definition | None"


@dataclass
class Model:
    """The definitions of the notes in line order; ``at(line)`` gives the model in force there."""

    definitions: list = field(default_factory=list)
    #: definitions of a cost or σ that symbp does not know, after one of the same kind that it does: slips, out of
    #: the model (the claims are checked under the definition that holds), each reported with its verdict as a claim
    slips: list = field(default_factory=list)
    #: kind ("cost", "activation", "softmax") → the first line its first definition reaches back to (``reachwords``:
    #: not over "from now on", "instead", …); absent or 0: to the start of the notes
    reach: dict = field(default_factory=dict)
    #: the header's lines for the hypotheticals that define another model ("If we used … instead"; ``inforce``), and
    #: for the definitions whose reach the words leave unclear (``reachwords``)
    hypotheticals: list = field(default_factory=list)
    #: where an earlier definition is in force again (``Restore``)
    restores: list = field(default_factory=list)
    #: the other readings the words leave open (``reachwords.Doubt``): a claim in one is also checked under it
    doubts: list = field(default_factory=list)

    def at(self, line: int) -> dict:
        """{"cost", "activation", "one_hot"} in force at ``line`` (absent: not defined).

        A definition holds from its line on, until the next one of its kind (or a ``Restore``); before the first
        definition of a kind, that first definition holds (notes often state their cost after the first formulas
        that use it) from the line ``reach`` gives on (words such as "from now on" before it: from those words on).
        An assumption (Σ_k y_k = 1) holds from its line on only.
        """
        out: dict = {}
        lines = [d.line for d in self.definitions]
        now = self.definitions[:bisect.bisect_right(lines, line)]
        kinds = {_KIND.get(d.what, d.what) for d in now}
        first = {}
        for d in self.definitions:
            kind = _KIND.get(d.what, d.what)
            if kind in ("cost", "activation", "softmax") and kind not in kinds and line >= self.reach.get(kind, 0):
                first.setdefault(kind, d)
        back = [r for r in self.restores if r.line <= line]
        for d in list(first.values()) + sorted(now + back, key=lambda d: (d.line, not isinstance(d, Restore))):
            if isinstance(d, Restore):
                for key in _KEYS[d.kind]:
                    out.pop(key, None)
                if d.prior is not None:
                    _apply(out, d.prior)
                    out[f"{d.kind}_since"] = d.line  # the notes set it again there ("Back to our own cost")
                continue
            _apply(out, d)
            out.pop(f"{_KIND.get(d.what, d.what)}_since", None)
        if "softmax_line" in out and out.get("cost") == "categorical":
            out["cost"] = "softmax-cross-entropy"
        elif out.get("cost") == "categorical":
            out.pop("cost")  # −Σ y log a without a softmax output: not a cost symbp has
        if out.get("cost") != "softmax-cross-entropy":
            out.pop("one_hot", None)
        return out

    def own_terms(self, line: int, given_cost: str | None = None, text: str = "") -> str:
        """Why claims about C or δ at ``line`` cannot be checked: the notes define their own (else '').

        The cost in force is found as in ``at`` (the latest definition of a cost at or before the line, else
        the first one where it reaches; a cost ``given_cost`` on the command line overrides it); δ defined
        otherwise than ∂C/∂z holds from its line on (not over the formula ``text`` at ``line`` that defines it in
        words: ``deltawords``); a softmax output needs the softmax cross-entropy cost.
        """
        costs = [d for d in self.definitions if d.what in ("cost", "own-cost")]
        before = [d for d in costs if d.line <= line]
        cost = before[-1] if before else (costs[0] if costs and line >= self.reach.get("cost", 0) else None)
        back = [r for r in self.restores if r.kind == "cost" and r.line <= line and (not before or r.line > before[-1].line)]
        if back:
            cost = back[-1].prior
        if cost is not None and cost.what == "own-cost" and not given_cost:
            return (f"the notes define their own cost at line {cost.line} ({cost.text[:60]}), which is none of "
                    f"symbp's costs ({cost.value or OWN_COST}); a claim about C or δ is not checked against "
                    "another cost")
        setting = self.at(line)
        if (setting.get("softmax_line", line + 1) <= line
                and (given_cost or setting.get("cost")) != "softmax-cross-entropy"):
            return (f"the notes make the output layer a softmax at line {setting['softmax_line']}, and symbp has a "
                    "softmax output only with the cross-entropy cost, which the notes do not define; a claim about "
                    "C, δ, σ or the output a^L is not checked against an elementwise output")
        deltas = [d for d in self.definitions if d.what == "own-delta" and d.line <= line
                  and not (d.value == line and d.text == text)]
        if deltas:
            d = deltas[-1]  # defined in words (``deltawords``): in force from its sentence on, its own line the value
            return (f"the notes define δ at line {d.value if isinstance(d.value, int) else d.line} ({d.text[:60]}) "
                    "otherwise than δ ≡ ∂C/∂z; a claim "
                    "about δ is not checked against another meaning")
        return ""

    def assumption_at(self, line: int) -> bool:
        """Is the formula at ``line`` an assumption on the data (Σ_k y_k = 1), not a claim? (Words calling the
        targets one-hot, ``targetwords``, make no formula of their line one.)"""
        return any(d.line == line and d.what == "one-hot" and d.value is True for d in self.definitions)

    def lines(self) -> list[str]:
        words = {"cost": "the cost is {v}", "activation": "the activation is {v}",
                 "own-cost": "the notes' own cost, none of symbp's",
                 "own-activation": "the notes' own activation, none of symbp's", "own-delta": "δ defined otherwise than ∂C/∂z",
                 "softmax": "the output layer is a softmax", "one-hot": "targets sum to 1 (Σ_k y_k = 1)",
                 "outputs": ""}
        softmax = any(d.what == "softmax" for d in self.definitions)
        out = []
        for d in self.definitions:
            said = words[d.what].format(v=d.value)
            if d.what == "outputs":  # the notes' words, where they are in force and why (``notes``)
                out.append(f"line {d.line}: {d.text}")
                continue
            if d.what == "softmax" and d.value == "words":
                said = "the output layer is a softmax, said in words"
            if d.what == "one-hot" and d.value == "words":
                said = "the targets are one-hot, said in words (Σ_k y_k = 1)"
            if d.what == "cost" and d.value == "categorical" and not softmax:
                said = "the log-likelihood cost, which symbp has only with a softmax output (not in force)"
            out.append(f"line {d.line}: {said} ({d.text[:70]})")
        return out + list(self.hypotheticals)


#: The keys of ``Model.at`` that a definition of each kind sets.
_KEYS = {"cost": ("cost", "cost_line", "cost_since"),
         "activation": ("activation", "activation_line", "own_activation", "activation_since"),
         "softmax": ("softmax_line", "softmax_since")}


def _apply(out: dict, d: Definition) -> None:
    """Set in ``out`` (``Model.at``) what the definition ``d`` defines."""
    if d.what == "cost":
        out["cost"] = d.value
        out["cost_line"] = d.line
    elif d.what == "activation":
        out["activation"] = d.value
        out["activation_line"] = d.line
        out.pop("own_activation", None)
    elif d.what == "own-activation":
        out.pop("activation", None)
        out["own_activation"] = d
    elif d.what == "softmax":
        out["softmax_line"] = d.line
    elif d.what == "one-hot":
        out["one_hot"] = True
        out["one_hot_line"] = d.line


def model_of(items: list[tuple[int, str]], notation: Notation,
             outputs: "int | Callable[[int], int | None] | None" = None) -> Model:
    """The model defined by the formulas ``items`` = (line, text), in any order, read in ``notation``; ``outputs``:
    the number of output neurons the notes fix (their prose, or ``--sizes``), if they do, or that number at a line
    (the prose fixes it from one line to another)."""
    found = []
    for line, text in sorted(items):
        d = definition(text, notation, line, outputs(line) if callable(outputs) else outputs)
        if d is not None:
            found.append(d)
    # a^l = tanh(z^l) names the activation only in notes that define no other one: beside σ(z) = 1/(1 + e^{−z}) (a
    # comparison, a change, a slip) which is in force where is not clear, and the claims that depend on it are not
    # judged (``unknowns``: a change of activation is never a slip)
    own = re.escape(notation.names["activation"])
    if any(d.what in ("activation", "own-activation") and not _named_on_every_layer_text(d.text, notation)
           and d.value != "tanh" for d in found) or any(
            re.search(rf"=\s*{own}(?![A-Za-z])\s*(?:\\left)?\(", text) for _, text in items):
        # beside a^L = σ(z^L) (σ on some layer) too: which layers tanh is for is not clear (review 22)
        found = [d for d in found if not (d.what == "activation" and _named_on_every_layer_text(d.text, notation))]
    # σ(z) := 1/(1 + e^{−z}) and later σ(z) := 1/(1 + e^{z}); C = ½‖a − y‖² and later C = ½‖a − y‖: the later one,
    # which symbp does not know, may be a typo or a deliberate change (a leaky ReLU after the sigmoid), and the
    # text cannot tell which. Taking the earlier one as still in force would let a claim about the new function
    # hold under the old one, so no cost or σ is ever a slip: each is in force from its line on, and one symbp
    # does not know blocks what depends on it there (the rows name it). ``slips`` stays for the model's callers.
    found = beside_other_letters(found, lambda d, why: Definition(d.line, "own-cost", why, d.text))
    return Model(found, [])


def defines_activation(text: str, notation: Notation) -> bool:
    r"""Does ``text`` start as a definition of the notes' activation, σ(z) = …?

    >>> from symbp.notation import profile
    >>> defines_activation(r"\sigma(z) = \max(0, z)", profile("nielsen")), defines_activation("a = b", profile("nielsen"))
    (True, False)
    """
    head = _ACTIVATION_HEAD.match(_applied(text, notation))
    return head is not None and head.group("f") == notation.names["activation"]


#: σ = \tanh, σ := \tanh, σ \equiv \tanh, σ(\cdot) = \tanh(\cdot): the activation named as a function, without an
#: argument (review rv38 F5: not read, so a later switch from the sigmoid to tanh left the sigmoid in force).
_AS_FUNCTION = re.compile(r"^\s*(?P<f>\\[A-Za-z]+|[a-zA-Z])\s*(?:\(\s*\\cdot\s*\))?\s*(?P<rel>=|:=|\\equiv|\\coloneqq)\s*"
                          r"(?P<g>\\(?:tanh|sigma|exp|log|ln)|\\(?:mathrm|operatorname|text)\s*\{\s*[A-Za-z]+\s*\})"
                          r"\s*(?:\(\s*\\cdot\s*\))?\s*[.,;]?\s*$")


def _applied(text: str, notation: Notation) -> str:
    r"""``text`` with the activation named as a function written of z: ``\sigma := \tanh`` is ``\sigma(z) := \tanh(z)``
    (what the rest of ``definition`` reads); other text as it is."""
    m = _AS_FUNCTION.match(text)
    if m is None or m.group("f") != notation.names["activation"] or m.group("g") == m.group("f"):
        return text
    return f"{m.group('f')}(z) {m.group('rel')} {m.group('g')}(z)"


def definition_text(text: str, notation: Notation) -> str:
    r"""``text`` as ``definition`` reads it, the ``text`` of the Definition it makes: one input's cost with its labels
    taken off, σ(x) = … written of z.

    >>> from symbp.notation import profile
    >>> definition_text(r"C_x = \frac{1}{2}\|y(x) - a^{x,L}\|^2", profile("nielsen"))
    'C_x = \\frac{1}{2}\\|y - a^{L}\\|^2'
    """
    try:  # C_x = ½‖y(x) − a^L(x)‖²: the cost of one input x, read with its labels taken off (``samples``)
        sample = per_sample(text)
    except ValueError:
        sample = None
    if sample is not None:
        text = sample.text
    text = _applied(text, notation)
    bound = _ACTIVATION_HEAD.match(text)
    if bound and bound.group("f") == notation.names["activation"] and bound.group("v") != "z":
        # σ(x) = 1/(1 + e^{−x}): the name of a function's argument is bound, σ(z) = 1/(1 + e^{−z}) says the same
        text = re.sub(rf"(?<![A-Za-z\\]){bound.group('v')}(?![A-Za-z])", "z", text)
    return text


def definition(text: str, notation: Notation, line: int = 0, outputs: "int | None" = None) -> Definition | None:
    """The definition ``text`` makes (cost, activation, softmax output, one-hot targets), or None; a cost is
    compared on a network with ``outputs`` output neurons when the notes fix them (½(y − a^L)² is the quadratic
    cost with one output, a vector with several)."""
    text = definition_text(text, notation)
    slip = output_gradient_slip(text, notation)  # δ^L = ∇_a C: BP1 without σ', a claim, not δ defined otherwise
    own_sigma = defines_activation(text, notation)
    if own_sigma and _RELU.match(text):
        return Definition(line, "activation", "relu", text)
    pairs = list(_claims(text, notation))
    if own_sigma and not pairs:  # σ(z) = … that symbp cannot read: the notes' σ, whatever it is
        return Definition(line, "own-activation", None, text)
    for lhs, rhs in pairs:
        if isinstance(lhs, Quantity) and lhs.role == "C":
            if isinstance(rhs, Quantity) and rhs.role == "C":
                continue  # C = C_{(x,y)}: a name for the same cost, not its definition
            cost = cost_of(rhs, notation, outputs)
            if cost:
                return Definition(line, "cost", cost, text)
            # A cost of the output and the targets that is none of symbp's (Σ (a − y)² without the ½):
            # the notes' own cost, against which no claim about C can be checked; the value says why.
            return Definition(line, "own-cost", why_own(rhs, notation), text) if _of_output_and_targets(rhs) else None
        if isinstance(lhs, Quantity) and lhs.role == "delta" and len(pairs) == 1 and _a_derivative_of_cost(rhs) and not slip:
            if not _is_dC_dz(lhs, rhs):
                # δ := ∂C/∂a, −∂C/∂z, ½ ∂C/∂z, ∂C/∂z^{l+1}, ∇_a C: not the δ ≡ ∂C/∂z of the profile
                return Definition(line, "own-delta", None, text)
        if isinstance(lhs, Apply) and lhs.func == "sigma" and lhs.primes == 0 and _of_itself(lhs, rhs):
            # σ(−z) = 1 − σ(z), σ(z) = z σ'(z): a property many activations have, not a definition; a claim
            continue
        if isinstance(lhs, Apply) and lhs.func == "sigma" and lhs.primes == 0 and is_scalar(Equation((lhs, rhs), ("=",))):
            act = _activation(Equation((lhs, rhs), ("=",)))
            if act:
                return Definition(line, "activation", act, text)
            if check_scalar(Equation((lhs, rhs), ("=",)), "generic", budget=5.0)[0] == "holds":
                return None  # true of every σ: defines nothing
            return Definition(line, "own-activation", None, text)
        if _named_on_every_layer(lhs, rhs):  # a^l = \tanh(z^l): every layer's activation, named (review 20)
            return Definition(line, "activation", "tanh", text)
        if _is_softmax(lhs, rhs):
            return Definition(line, "softmax", True, text)
        if _sums_targets_to_one(lhs, rhs) or _sums_targets_to_one(rhs, lhs):  # Σ_k y_k = 1, or 1 = Σ_k y_k
            return Definition(line, "one-hot", True, text)
    return None


def _named_on_every_layer(lhs, rhs) -> bool:
    r"""``a^l = \tanh(z^l)`` (``a^l_j = \tanh(z^l_j)``): tanh applied to z of the same layer and neuron, for a layer
    letter other than the output's (a^L = tanh(z^L) speaks of the output layer only)."""
    return (isinstance(lhs, Quantity) and lhs.role == "a" and lhs.layer is not None and lhs.layer.var not in (None, "L")
            and lhs.layer.offset == 0 and isinstance(rhs, Apply) and rhs.func == "tanh" and rhs.primes == 0
            and isinstance(rhs.arg, Quantity) and rhs.arg.role == "z" and rhs.arg.layer == lhs.layer
            and rhs.arg.indices == lhs.indices)


def _named_on_every_layer_text(text: str, notation: Notation) -> bool:
    return any(_named_on_every_layer(lhs, rhs) for lhs, rhs in _claims(text, notation))


def _of_itself(lhs: Apply, rhs) -> bool:
    r"""Is σ(…) = ``rhs`` a property of σ rather than its definition: σ applied to more than a bare variable
    (σ(−z)), or σ or σ' on the right side too (σ(z) = z σ'(z))? Such a line holds for many activations (the
    sigmoid, Φ, (1 + tanh)/2; the identity, ReLU, leaky ReLU), so it picks none of them.

    >>> from symbp.notation import profile
    >>> [_of_itself(*next(_claims(t, profile("nielsen")))) for t in
    ...  (r"\sigma(-z) = 1 - \sigma(z)", r"\sigma(z) = z\,\sigma'(z)", r"\sigma(z) = \tanh(z)")]
    [True, True, False]
    """
    bare = isinstance(lhs.arg, Quantity) and not lhs.arg.indices and lhs.arg.layer is None
    return not bare or any(isinstance(n, Apply) and n.func in ("sigma", "Sigma") for n in walk(rhs))


def _a_derivative_of_cost(rhs) -> bool:
    """Is ``rhs`` one derivative of the cost, up to a constant factor (−∂C/∂z, ½ ∂C/∂z, ∇_a C) — a definition
    of δ, not a formula for it (BP1's ∇_a C ⊙ σ'(z^L) has more in it)?"""
    quantities = [q for q in walk(rhs) if isinstance(q, Quantity)]
    derivatives = [n for n in walk(rhs) if isinstance(n, (Partial, Nabla))]
    applied = [n for n in walk(rhs) if isinstance(n, (Apply, Sum))]
    return len(derivatives) == 1 and len(quantities) == 2 and "C" in {q.role for q in quantities} and not applied


def _is_dC_dz(lhs: Quantity, rhs) -> bool:
    """Is ``rhs`` exactly ∂C/∂z (or ∇_z C) at the layer and indices of δ ``lhs``?"""
    parts = derivative_parts(rhs)
    if parts is None:
        return False
    num, den = parts
    return num.role == "C" and den.role == "z" and den.layer == lhs.layer and den.indices == lhs.indices


def _of_output_and_targets(rhs) -> bool:
    """Does ``rhs`` involve the output (a) and the targets (y), and no cost or δ (a cost's shape)?"""
    quantities = [q for q in walk(rhs) if isinstance(q, Quantity)]
    roles = {q.role for q in quantities}
    output = all(q.implicit_layer or q.layer is None or (q.layer.var == "L" and q.layer.offset == 0)
                 for q in quantities if q.role == "a")  # a^{(l)} for a^{(L)} is a slip, not another cost
    return {"a", "y"} <= roles and output and not roles & {"C", "delta", "w", "W", "b"}


#: The signs notes define with, read as = by the model (σ(z) ≡ …, C \coloneqq …, z \stackrel{def}{=} …).
_DEFINED_AS = re.compile(r"\\(?:equiv|coloneqq|triangleq|doteq)(?![A-Za-z])|"
                         r"\\(?:stackrel|overset)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\}")


def _claims(text: str, notation: Notation):
    """(first side, side k) for each later side k of a chain that reads (a side symbp does not read is passed).

    A definition's sign (≡, ≜, ≐, \\coloneqq, \\stackrel{def}{=}) separates the sides as = does: the model reads
    σ(z) ≡ 1/(1 + e^{−z}) exactly as σ(z) := 1/(1 + e^{−z}).
    """
    text = _DEFINED_AS.sub("=", text)
    cuts, depth = [], 0
    for i, c in enumerate(text):
        depth += c in "{(["
        depth -= c in "})]"
        if depth == 0 and c == "=" and (i == 0 or text[i - 1] not in "<>!"):
            cuts.append(i)
    if not cuts:
        return
    bounds = [0] + cuts + [len(text)]
    sides = [text[bounds[k] + (1 if k else 0):bounds[k + 1]].rstrip(":").strip() for k in range(len(bounds) - 1)]
    first = _side(sides[0], notation)
    if first is None:
        return
    for other in sides[1:]:
        value = _side(other, notation)
        if value is not None:
            yield first, value


def _side(text: str, notation: Notation):
    try:
        return read(f"{text} = 0", notation).sides[0]
    except (ReadError, SymbpError, ValueError):
        return None


# -- the activation, the output, the targets ------------------------------------------------


def _activation(eq: Equation) -> str | None:
    """The one named activation for which σ(z) = … holds (scalar check), if exactly one."""
    eq = Equation(eq.sides[:2], eq.rels[:1])
    held = [name for name in _ACTIVATIONS if check_scalar(eq, name, budget=5.0)[0] == "holds"]
    if check_scalar(eq, "generic", budget=5.0)[0] == "holds":
        return None  # true of every σ: defines nothing
    return held[0] if len(held) == 1 else None


def _is_softmax(lhs, rhs) -> bool:
    """a^L = [exp(z^L_k) / Σ_j exp(z^L_j)]_k (or entry k): the output defined as a softmax."""
    if not (isinstance(lhs, Quantity) and lhs.role == "a" and lhs.layer is not None and lhs.layer.var == "L"
            and lhs.layer.offset == 0):
        return False
    exps = [n for n in walk(rhs) if isinstance(n, Apply) and n.func == "exp"]
    return len(exps) >= 2 and any(isinstance(n, Sum) for n in walk(rhs))


def _sums_targets_to_one(lhs, rhs) -> bool:
    """Σ_k y_k = 1."""
    if not (isinstance(lhs, Sum) and isinstance(rhs, Num) and rhs.value == 1):
        return False
    qs = [n for n in walk(lhs.body) if isinstance(n, Quantity)]
    return len(qs) == 1 and qs[0].role == "y" and qs[0].indices and qs[0].indices[0].name == lhs.var
