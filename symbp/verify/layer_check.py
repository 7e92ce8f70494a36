r"""Checking a formula about a layer: what its symbols mean and the verdict (its value: ``layer_values``).

``symbp verify --layer KIND FORMULA`` reads the formula (``layer_reader``) in
the notation of the layer documents (``docs/layers.md``): x̂, μ, σ², γ, β, ε,
m for batch norm (n for layer norm); w_{c,k,i,j}, x̃, g, b, s, P for
convolution; h_t, a_t, δ_t, W_hh, W_xh, φ'(a_t), T for the RNN; Q, K, V, G,
P, S, d for attention; z, p, y for softmax. A symbol without an index is the
whole vector or matrix (x_t, W_hh, P); with fewer indices than it has, a
slice; batch norm's feature index (layer norm's sample index) may be left
out, as the textbooks do, and then ranges over every feature (sample).
Entries outside an array's range are 0 (the zero padding of convolution
formulas; δ_{T+1} = 0). δ_t, and every other symbol, means the true
quantity (δ_t = ∂L/∂a_t by differentiation), as in the core verifier.

The formula becomes a ``LayerIdentity`` whose claim evaluates the right side,
and is proved with ``symbp.layers``'s prover on the layer's catalogue shapes (more where a size
letter is written as a number, ``layer_sizes``):
``holds`` when it is proved exactly on all of them, ``refuted`` with a
counterexample confirmed by the independent oracle, otherwise ``undecided``.

>>> verify_layer("dropout", r"\frac{\partial L}{\partial x_i} = \frac{r_i g_i}{1-p}").status
'holds'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product

from ..certificate import Certificate, Counterexample
from ..layers import catalogue as layer_catalogue
from ..layers.identity import CannotForm, LayerIdentity
from ..prove import prove
from .layer_lexer import LayerReadError
from .layer_nodes import Deriv, INum, IOp, Sym, Var
from .layer_reader import read_layer_formula
from .layer_reach import beyond, letters_used, one_dimension_per_letter, reached_all
from .layer_sizes import VARIED, ZeroDenominator, check_indices, dependence, shapes_for
from .layer_values import STEP_ARRAYS, Arr, Uninterpretable, _Evaluator, _index, _ranges, _show

#: The shapes a formula is checked on, where they differ from the catalogue's: for 2-D convolution
#: a square stride-2 shape too, so that a formula written with one s (or P) is checked with stride > 1.
FAMILY = {
    "conv2d": layer_catalogue.SHAPES["conv2d"] + ("in_channels=2,out_channels=2,kernel=3,stride=2,padding=1,input=5x5",),
}
#: For a formula that uses stride or padding letters, two conv2d shapes more: equal strides with unequal paddings
#: (one letter s still tells P_h from P_w) and unequal strides with equal paddings (one letter P tells s_h from s_w).
#: With them the (s_h, s_w, P_h, P_w) of the family are 6 points, 5 of them affinely independent, so an index
#: affine in the four letters is pinned down.
CONV_LETTER_SHAPES = {
    "conv2d": ("in_channels=2,out_channels=1,kernel=3x2,stride=2,padding=1x0,input=5x5",
               "in_channels=1,out_channels=2,kernel=2x3,stride=1x2,padding=1,input=4x5"),
}

STATUS_EXIT = {"holds": 0, "refuted": 1, "unreadable": 2, "uninterpretable": 2, "undecided": 3}


class NotOnThisShape(Uninterpretable):
    """A formula that has no meaning on one shape of the family (s when the strides differ by dimension)."""


_NORM = {"x": "x", "g": "g", "y": "y", "hat x": "xhat", "gamma": "gamma", "beta": "beta", "mu": "mu", "sigma^2": "var",
         "epsilon": "eps"}
_CONV = {"x": "x", "tilde x": "xpad", "w": "w", "g": "g", "b": "b", "y": "y"}

#: Each layer kind's notation: its symbols (LaTeX name -> the layer's array), its constants, the
#: index the textbooks leave out (and where it goes in each array), what ∂L/∂(symbol) differentiates.
NOTATIONS = {
    "batchnorm": dict(symbols=_NORM, constants={"m": lambda s: s.batch}, implicit=("feature", {"x": 1, "g": 1, "y": 1, "xhat": 1,
                      "gamma": 0, "beta": 0, "mu": 0, "var": 0})),
    "layernorm": dict(symbols=_NORM, constants={"n": lambda s: s.features}, implicit=("sample", {"x": 0, "g": 0, "y": 0, "xhat": 0,
                      "mu": 0, "var": 0})),
    "conv1d": dict(symbols=_CONV, constants={"s": lambda s: s.stride[0], "P": lambda s: s.padding[0]}),
    "conv2d": dict(symbols=_CONV, constants={
        "s": lambda s: _same(s.stride, "s"), "P": lambda s: _same(s.padding, "P"), "s_h": lambda s: s.stride[0],
        "s_w": lambda s: s.stride[1], "P_h": lambda s: s.padding[0], "P_w": lambda s: s.padding[1]}),
    "rnn": dict(symbols={"x": "x", "g": "g", "h": "h", "a": "a", "delta": "delta", "W_hh": "W_hh", "W_xh": "W_xh", "b": "b"},
                constants={"T": lambda s: s.steps}),
    "attention": dict(symbols={"Q": "Q", "K": "K", "V": "V", "G": "g", "g": "g", "P": "P", "S": "S", "O": "y"},
                      constants={"d": lambda s: s.dim}),
    "softmax": dict(symbols={"z": "z", "g": "g", "p": "p"}, constants={}),
    "softmax-ce": dict(symbols={"z": "z", "p": "p", "y": "t"}, constants={}),
    "dropout": dict(symbols={"x": "x", "g": "g", "r": "r", "p": "p", "y": "y"}, constants={}),
    "residual": dict(symbols={"x": "x", "g": "g", "y": "y"}, constants={}),
}


def _same(pair: tuple, letter: str) -> int:
    if pair[0] != pair[1]:
        raise NotOnThisShape(f"{letter} differs by dimension on this shape; write {letter}_h and {letter}_w")
    return pair[0]


@dataclass(frozen=True)
class LayerVerification:
    """What ``verify_layer`` found: the status, the reason, the certificates per shape, a counterexample."""

    formula: str
    layer: str
    status: str
    reason: str = ""
    certificates: tuple = ()
    counterexample: "Counterexample | None" = None
    oracle: str = ""
    read_as: str = ""
    details: dict = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return STATUS_EXIT[self.status]

    def to_dict(self) -> dict:
        return {"formula": self.formula, "layer": self.layer, "status": self.status, "reason": self.reason,
                "read_as": self.read_as, "oracle": self.oracle,
                "certificates": [c.to_dict() for c in self.certificates],
                "counterexample": None if self.counterexample is None else self.certificates[-1].to_dict()["counterexample"]}


# -- the meaning of the formula on one layer ----------------------------------------------------


class _Meaning:
    def __init__(self, kind: str, lhs, rhs):
        if kind not in NOTATIONS:
            readable = ", ".join(NOTATIONS)
            raise Uninterpretable(f"formulas about {kind} are not read (pooling windows have no index notation here); "
                                  f"the layers whose formulas are read: {readable}")
        self.kind = kind
        self.notation = NOTATIONS[kind]
        self.lhs, self.rhs = lhs, rhs
        self.target, self.lhs_sub = self._lhs(lhs)
        self.columns = False  # the RNN's steps as columns (X = [x_1 … x_T]) instead of rows: only to tell a layout apart
        self.missing_eps = False  # the formula takes √σ² where the forward pass takes √(σ² + ε) (``layer_values``)

    # -- symbols
    def array_name(self, sym: Sym) -> str:
        key = f"{sym.accent} {sym.name}".strip()
        name = self.notation["symbols"].get(key)
        if name is None:
            raise Uninterpretable(f"the {self.kind} notation has no symbol {_show(sym)}; it has "
                                  + ", ".join(self.notation["symbols"]))
        return name

    def subscripts(self, sym: Sym, name: str, rank: int) -> tuple:
        sub = tuple(sym.sub or ())
        implicit = self.notation.get("implicit")
        if implicit and name in implicit[1] and len(sub) == rank - 1:
            sub = sub[: implicit[1][name]] + (Var("•"),) + sub[implicit[1][name]:]
        if len(sub) > rank:
            raise Uninterpretable(f"{_show(sym)} has {len(sub)} indices; {name} has {rank}")
        return sub

    def _lhs(self, lhs):
        if isinstance(lhs, Sym) and lhs.name == "delta" and self.kind == "rnn":
            return "a", self.subscripts(lhs, "a", 2)
        if not isinstance(lhs, Deriv) or lhs.num is not None:
            raise Uninterpretable("the left side must be a gradient, ∂L/∂(quantity) (or δ_t for the RNN)")
        sym = lhs.of
        if self.kind == "rnn" and sym.name == "h" and sym.sub == (INum(0),):
            return "h0", ()
        if self.kind == "rnn" and sym.name == "delta":
            raise Uninterpretable("δ_t is ∂L/∂a_t; write δ_t = … or ∂L/∂a_t = …")
        name = self.array_name(sym)
        if name in ("y", "xhat", "mu", "var", "g", "xpad", "P", "p", "t", "dphi"):
            raise Uninterpretable(f"∂L/∂{_show(sym)}: only inputs, parameters{', δ_t' if self.kind == 'rnn' else ''} and the scores S "
                                  "are differentiated by here")
        return name, None

    # -- arrays of one evaluation
    def arrays(self, v) -> dict:
        spec = v.spec
        out = {}
        for latex, name in self.notation["symbols"].items():
            if name == "g":
                out[name] = dict(v.g)
            elif name == "y":
                out[name] = {k: d.value for k, d in v._outputs.items()}
            elif name == "delta":
                out[name] = {k: v.dL("a", k) for k in spec.probe_indices("a")}
            elif name == "xpad":
                big = tuple(n + 2 * p for n, p in zip(spec.input, spec.padding))
                out[name] = {(c, *u): spec.padded(v["x"], c, u, v.zero)
                             for c in range(1, spec.in_channels + 1) for u in product(*(range(1, b + 1) for b in big))}
            else:
                try:
                    out[name] = v[name]
                except KeyError:
                    continue
        if self.kind == "rnn":
            out["dphi"] = v["dphi"]
        if self.kind == "residual":
            out["J"] = v["J"]
        return out

    def wrt(self) -> tuple:
        extra = ("a",) if self.kind == "rnn" and self.target != "a" else ()
        return (self.target,) + extra

    def entries(self, spec) -> list:
        idxs = spec.indices(self.target)
        if self.lhs_sub is None:
            sym = self.lhs.of if isinstance(self.lhs, Deriv) else None
            if sym is None or not sym.sub or self.target == "h0":
                return [(self.target, i) for i in idxs]
            self.lhs_sub = self.subscripts(sym, self.target, len(idxs[0]))
        free = self._free(self.lhs_sub)
        out = []
        for env in self._assignments(free, _ranges(idxs)):
            fixed = [_index(e, env, self.consts(spec)) for e in self.lhs_sub]
            out += [(self.target, i) for i in idxs if tuple(i[: len(fixed)]) == tuple(fixed)]
        return out

    def _free(self, sub) -> list:
        letters = []
        for pos, e in enumerate(sub):
            if isinstance(e, Var) and e.name not in self.notation["constants"]:
                letters.append((e.name, pos))
            elif not isinstance(e, INum) and not _constant_only(e, self.notation["constants"]):
                raise Uninterpretable("an index of the left side must be a letter or a number")
        return letters

    def _assignments(self, free, ranges):
        names = [n for n, _ in free]
        spans = [range(ranges[pos][0], ranges[pos][1] + 1) for _, pos in free]
        for values in product(*spans):
            yield dict(zip(names, values))

    def consts(self, spec) -> "_Constants":
        return _Constants(self.notation["constants"], spec)

    # -- the claim
    def claim(self, v) -> dict:
        spec = v.spec
        arrays = self.arrays(v)
        idxs = spec.indices(self.target)
        rank = len(idxs[0]) if idxs and idxs[0] != () else 0
        sub = self.lhs_sub
        if sub is None:
            sym = self.lhs.of if isinstance(self.lhs, Deriv) else None
            sub = () if sym is None or self.target == "h0" else self.subscripts(sym, self.target, rank)
        free = self._free(sub)
        ranges = _ranges(idxs)
        out = {}
        ev = _Evaluator(self, v, arrays, self.consts(spec))
        for env in self._assignments(free, ranges):
            value = ev.value(self.rhs, env)
            fixed = tuple(_index(e, env, ev.consts) for e in sub)
            rest = [d for d in range(len(fixed), rank)]
            if not rest:
                if isinstance(value, Arr):
                    raise CannotForm(f"the left side is one entry, the right side a {value.rows}×{value.cols} array")
                out[(self.target, fixed)] = value
                continue
            if not isinstance(value, Arr):
                raise CannotForm(f"the left side is a {'vector' if len(rest) == 1 else 'matrix'}, the right side one number")
            if self.columns and len(rest) == 2 and self.target in STEP_ARRAYS:
                value = value.T()
            spans = [ranges[d] for d in rest]
            shape = (spans[0][1] - spans[0][0] + 1, (spans[1][1] - spans[1][0] + 1) if len(rest) > 1 else 1)
            if len(rest) > 2 or (value.rows, value.cols) != shape:
                raise CannotForm(f"the left side is {shape[0]}×{shape[1]}, the right side {value.rows}×{value.cols}")
            for (r, c), x in value.entries.items():
                pos = (spans[0][0] + r - 1,) + ((spans[1][0] + c - 1,) if len(rest) > 1 else ())
                out[(self.target, fixed + pos)] = x
        return out


class _Constants:
    """The layer's constants (m, T, d, s, P, ...), each computed when a formula uses it."""

    def __init__(self, makers: dict, spec):
        self.makers, self.spec = makers, spec

    def __contains__(self, name) -> bool:
        return name in self.makers

    def __getitem__(self, name):
        return self.makers[name](self.spec)


def _constant_only(e, constants) -> bool:
    if isinstance(e, INum):
        return True
    if isinstance(e, Var):
        return e.name in constants
    return isinstance(e, IOp) and _constant_only(e.a, constants) and _constant_only(e.b, constants)



# -- the verdict --------------------------------------------------------------------------------------


#: d written against an attention matrix (dS, dP, dQ): the head dimension times it, or FlashAttention's gradient.
_GRADIENT_NAME = re.compile(r"(?<![\\A-Za-z])d\s*[QKVSPOG](?![A-Za-z])")


def verify_layer(kind: str, formula: str, *, budget: float = 30.0, shapes: "tuple | None" = None) -> LayerVerification:
    """Read ``formula`` about the layer ``kind`` and check it on the layer's catalogue shapes."""
    kind = layer_catalogue.kind(kind).kind  # an unknown kind is bad input (SpecError)
    try:
        lhs, rhs = read_layer_formula(formula)
    except LayerReadError as exc:
        return LayerVerification(formula, kind, "unreadable", reason=str(exc))
    gradient_name = _GRADIENT_NAME.search(formula) if kind == "attention" else None
    if gradient_name:
        name = gradient_name.group(0).replace(" ", "")
        return LayerVerification(formula, kind, "uninterpretable", reason=(
            f"{name} at position {gradient_name.start()}: d is the head dimension here, so {name} reads as d times "
            f"{name[-1]}, while in the notation of FlashAttention {name} is the gradient ∂L/∂{name[-1]}; write "
            f"d \\cdot {name[-1]} for the product, or the gradient in full (dS = P ⊙ (dP − rowsum(dP ⊙ P)) with dP = G V^T)"))
    try:
        meaning = _Meaning(kind, lhs, rhs)
    except Uninterpretable as exc:
        return LayerVerification(formula, kind, "uninterpretable", reason=str(exc))
    ident = LayerIdentity(
        name="the formula", kind=kind, title="", statement=formula, source="", wrt=meaning.wrt(), claim=meaning.claim,
        lhs=formula.split("=", 1)[0], entries=meaning.entries,
    )
    try:
        family, short = _family(kind, meaning, lhs, rhs, shapes)
    except ZeroDenominator as exc:  # 1/(m − 1): m = 1 is outside its domain; wrong elsewhere, it is refuted there
        return _missing_eps(_refuted_off_zeros(formula, kind, meaning, ident, exc, shapes, budget), meaning)
    except Uninterpretable as exc:
        return LayerVerification(formula, kind, "uninterpretable", reason=str(exc))
    certs, skipped = [], []
    for shape in family:
        spec = layer_catalogue.layer(kind, shape)
        try:
            if not meaning.entries(spec):  # \partial L/\partial x_4 says nothing about a layer without x_4
                skipped.append(f"not checked on {spec.label()}: it has no entry the left side names (outside the claim)")
                continue
            cert = prove(ident, spec, method="exact", budget=budget)
        except NotOnThisShape as exc:
            skipped.append(f"not checked on {spec.label()}: {exc}")
            continue
        except Uninterpretable as exc:
            return LayerVerification(formula, kind, "uninterpretable", reason=str(exc), certificates=tuple(certs))
        certs.append(cert)
        if cert.verdict != "proved":
            break
    if not certs:
        return LayerVerification(formula, kind, "uninterpretable", reason="; ".join(skipped))
    result = _missing_eps(_verdict(formula, kind, certs), meaning)
    if result.status == "refuted" and kind == "rnn" and _columns_form(meaning, ident, spec, certs[-1], budget):
        return LayerVerification(formula, kind, "uninterpretable", certificates=tuple(certs), reason=(
            f"with the steps as rows (x_t^T the t-th row of x, δ_t^T of δ: this reader's layout) {result.reason}; with "
            f"the steps as columns (X = [x_1 … x_T]) it holds on {spec.label()}: write it per step (x_t, δ_t) to say "
            "which layout is meant"))
    if short and result.status == "holds":  # proved on every shape within reach, but not beyond the entries named
        return LayerVerification(formula, kind, "uninterpretable", reason=f"{short}; {result.reason}", certificates=tuple(certs))
    if skipped:
        from dataclasses import replace

        result = replace(result, reason=result.reason + " (" + "; ".join(skipped) + ")", details={"not checked": skipped})
    if kind == "softmax-ce" and result.status == "holds":
        result = _targets_assumed(result, ident, meaning, budget)
    return result


def _missing_eps(result: LayerVerification, meaning: "_Meaning") -> LayerVerification:
    """A refuted normalisation formula that takes √σ² where the forward pass takes √(σ² + ε) says so: ε is missing,
    and the formula is wrong for every ε > 0 (the layer's ε; the counterexample's is named)."""
    from dataclasses import replace

    if result.status != "refuted" or not meaning.missing_eps:
        return result
    eps = result.counterexample.point.get("ε") if result.counterexample is not None else None
    said = ("the formula takes √σ² where the forward pass takes √(σ² + ε): ε is missing (ε > 0 in the layer"
            + (f"; the counterexample has ε = {eps})" if eps else ")"))
    return replace(result, reason=f"{result.reason}; {said}", details={**result.details, "missing": "ε"})


def _refuted_off_zeros(formula: str, kind: str, meaning: "_Meaning", ident, exc: "ZeroDenominator", shapes,
                       budget: float) -> LayerVerification:
    """A formula that divides by a factor that is 0 at some sizes (exc.values of exc.name): refuted with a confirmed
    counterexample on a shape of another size, with those sizes named as outside its domain; else uninterpretable,
    as a formula that holds wherever it is defined is not judged here."""
    outside = f"{exc.name} = {', '.join(str(v) for v in exc.values)} is outside the formula's domain ({exc})"
    for shape in shapes if shapes is not None else FAMILY.get(kind, layer_catalogue.SHAPES[kind]):
        spec = layer_catalogue.layer(kind, shape)
        try:
            if meaning.notation["constants"][exc.name](spec) in exc.values or not meaning.entries(spec):
                continue
            cert = prove(ident, spec, method="exact", budget=budget)
        except (Uninterpretable, ZeroDivisionError):
            continue
        if cert.verdict == "refuted":
            result = _verdict(formula, kind, [cert])
            return LayerVerification(formula, kind, "refuted", reason=f"{result.reason}; {outside}",
                                     certificates=(cert,), counterexample=cert.counterexample, oracle=result.oracle,
                                     details={"outside": outside})
    return LayerVerification(formula, kind, "uninterpretable", reason=str(exc))


def _targets_assumed(result: LayerVerification, ident, meaning: "_Meaning", budget: float) -> LayerVerification:
    """A softmax-CE formula that holds on the layer's targets, which sum to 1, says so when it fails on targets that
    need not (p − y is ∂C/∂z only when Σ_k y_k = 1; in general it is (Σ_k y_k) p − y)."""
    from dataclasses import replace

    spec = layer_catalogue.layer("softmax-ce", "targets=free")
    try:
        if not meaning.entries(spec):
            return result
        free = prove(ident, spec, method="exact", budget=budget)
    except (NotOnThisShape, Uninterpretable):
        return result
    if free.verdict == "proved":
        return result
    said = ("it assumes the targets sum to 1 (Σ_k y_k = 1, as one-hot targets do: the layer's definition); "
            f"on {spec.label()} it is {free.verdict}")
    return replace(result, reason=f"{result.reason}; {said}", details={**result.details, "assumes": "Σ_k y_k = 1"})


def _family(kind: str, meaning: "_Meaning", lhs, rhs, shapes) -> tuple:
    """The shapes to check on: the catalogue's (or ``shapes``), widened where the formula uses a size as a number
    (``layer_sizes``) and beyond every entry its indices name (``layer_reach``), so that a formula that holds holds
    for every size; and why it cannot hold where those shapes would be too large ("" if they are not)."""
    sizes = set(meaning.notation["constants"])
    check_indices(lhs, rhs, sizes)
    one_dimension_per_letter(meaning, lhs, rhs)  # γ_s, a sample's letter on a per-feature γ: no verdict
    if shapes is not None:
        return tuple(shapes), ""
    used = letters_used(lhs, rhs) & sizes
    family = FAMILY.get(kind, layer_catalogue.SHAPES[kind]) + (CONV_LETTER_SHAPES.get(kind, ()) if used else ())

    def value_of(shape: str, letter: str):
        try:
            return meaning.notation["constants"][letter](layer_catalogue.layer(kind, shape))
        except NotOnThisShape:
            return None

    def usable(spec) -> bool:
        try:
            return all(meaning.notation["constants"][letter](spec) is not None for letter in used)
        except NotOnThisShape:
            return False

    degrees = dependence(rhs, sizes)
    family = shapes_for(kind, family, degrees, value_of)
    # beyond every entry an index names (layer_reach): as many sizes there as the degree argument needs
    values = {letter: max([v for v in (value_of(t, letter) for t in family) if v is not None] + [0]) for letter in used}
    dims, reach = reached_all(meaning, lhs, rhs, {letter: (VARIED.get(kind, {}).get(letter), v) for letter, v in values.items()})
    count = max([d + 2 for letter, d in degrees.items() if VARIED.get(kind, {}).get(letter) in dims] + [2])
    more, short = beyond(kind, family, reach, dims, count, lambda t: layer_catalogue.layer(kind, t), usable)
    return family + more, short


def _columns_form(meaning: "_Meaning", ident, spec, cert, budget: float) -> bool:
    """Whether a formula that cannot be formed with the RNN's steps as rows holds with them as columns (on the
    shape where it failed): then it is written in the other layout, not false."""
    if "cannot be formed" not in cert.reason:
        return False
    meaning.columns = True
    try:
        cert = prove(ident, spec, method="exact", budget=budget)
    except Uninterpretable:
        return False
    finally:
        meaning.columns = False
    return cert.verdict == "proved"


def _verdict(formula: str, kind: str, certs: list) -> LayerVerification:
    labels = [_label(c) for c in certs]
    last = certs[-1]
    if last.verdict == "proved":
        return LayerVerification(formula, kind, "holds", reason=f"proved exactly on {len(certs)} shapes: {'; '.join(labels)}",
                                 certificates=tuple(certs))
    if last.verdict == "refuted":
        return LayerVerification(formula, kind, "refuted", reason=f"on {labels[-1]}: {last.reason}", certificates=tuple(certs),
                                 counterexample=last.counterexample, oracle=last.details.get("oracle", ""))
    return LayerVerification(formula, kind, "undecided", reason=f"on {labels[-1]}: {last.reason}", certificates=tuple(certs))


def _label(cert: Certificate) -> str:
    shape = cert.network.get("shape", {})
    return ", ".join(f"{k}={'x'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in shape.items())
