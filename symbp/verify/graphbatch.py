r"""Per-sample quantities and a cost over a mini-batch, in the notes' own terms (issue 14, item 4).

Notes that write ``L^{(t)} = \frac{1}{2}\|h^{(t)} - y^{(t)}\|^2`` beside ``h = \sigma(g)``, ``g = W x`` define the
graph of *one* training sample: the same graph for every sample t, its inputs x^{(t)} and targets y^{(t)} its own,
the parameters W, b shared. A *batch cost* ``J = \frac{1}{m}\sum_{t=1}^{m} L^{(t)}`` (also ``\frac1m\sum_t``,
``\frac1N\sum_{n=1}^N``, and the plain total ``J = \sum_t L^{(t)}``) is the mean (or the sum) of that graph's cost
over m samples. It is not a definition of the one-sample model: ``split`` takes it out, and a claim about J, or
with a sum over the samples, is checked on *batch models* of m = 1, 2 and 3 samples (``batch_model``): every node
that differs from sample to sample is copied once per sample (x_{1}^{(2)}, g_{1}^{(2)}, …), the shared ones are
kept, and J is a node defined as (1/m) Σ_k L^{(k)}. ∂J/∂W is then taken in that graph, as for any other node, so a
claim missing 1/m is refuted on m ≥ 2 and one that holds holds on every size checked.

Which leaves are shared: those of a matrix (W, V), of b, and of every quantity a claim differentiates the batch cost
by (∂J/∂b makes b a parameter), unless the notes label it with a sample (x^{(t)}). Every other leaf (x, y, t) differs
from sample to sample. A quantity that differs per sample must carry its label in a batch claim
(``\sum_t … x^{(t)}``): written bare (``\sum_t \delta^{(t)} x^T``) it is uninterpretable (which sample's x is not
said), never read as one sample's. A sample letter no sum binds (``\frac{\partial J}{\partial h^{(t)}}``) is checked
for every sample of the batch. A claim about one sample only (``\frac{\partial L^{(t)}}{\partial W} = …``) is
judged on the one-sample model as before; one that names two samples (t and s) and no batch cost is
uninterpretable.

>>> from symbp.verify.graphread import read_graph as r
>>> cost = batch_cost(r("J = \\frac{1}{m}\\sum_{t=1}^{m} L^{(t)}"), 4)
>>> cost.name, cost.sample_cost, cost.count, cost.mean
('J', 'L', 'm', True)
>>> batch_cost(r("J = \\frac{1}{m}\\sum_{t=1}^{n} L^{(t)}"), 4) is None  # sums n terms, divides by m: not read
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import sympy

from .graphevaluate import is_mat
from .graphmodel import Add, Deriv, Div, GraphUninterpretable, Model, Mul, Nabla, Neg, Num, Quantity, Sum, Sym
from .graphmodel import is_definition, to_latex
from .graphnodes import walk
from .batchwords import asserted, whole

#: The letters a mini-batch's count is written with.
COUNT_LETTERS = ("m", "n", "N", "M")
#: The batch sizes every batch claim is checked on.
SIZES = (1, 2, 3)


@dataclass(frozen=True)
class BatchCost:
    """``J = \\frac{1}{m}\\sum_{t=1}^{m} L^{(t)}`` read: J over a batch of per-sample costs L."""

    name: str  # J
    sample_cost: str  # L
    count: str  # m: the letter of the batch's size ("" for a total written \sum_t L^{(t)} with no bound)
    mean: bool  # (1/m) Σ (True) or Σ (False)
    line: int
    text: str
    bare: str = ""  # L = \frac1m \sum_t L^{(t)} beside L = … of one sample: where the notes define that L ('' if not)

    def words(self) -> str:
        kind = "the mean" if self.mean else "the sum"
        each = self.sample_cost if self.sample_cost != self.name else f"the {self.name}^{{(t)}} of one sample each"
        return f"{self.name} is {kind} of {each} over a mini-batch (line {self.line}: {self.text})"


def _letter(node) -> str:
    return node.base if isinstance(node, Sym) and not node.sub and not node.sample and not node.mark \
        and node.base in COUNT_LETTERS else ""


def batch_cost(eq, line: int) -> BatchCost | None:
    """The batch cost an equation defines, or None (see the module docstring for the forms read)."""
    if not is_definition(eq) or not isinstance(eq.sides[0], Sym):
        return None
    lhs, rhs = eq.sides[0], eq.sides[-1]
    if lhs.sub or lhs.sample or lhs.mark:
        return None
    count, mean, total = "", False, rhs
    if isinstance(rhs, Mul) and len(rhs.factors) == 2 and isinstance(rhs.factors[0], Div) \
            and rhs.factors[0].num == Num(1) and _letter(rhs.factors[0].den):
        count, mean, total = _letter(rhs.factors[0].den), True, rhs.factors[1]
    elif isinstance(rhs, Div) and _letter(rhs.den):
        count, mean, total = _letter(rhs.den), True, rhs.num
    if not isinstance(total, Sum) or total.var is None:
        return None
    body = total.body
    if not (isinstance(body, Sym) and body.sample == total.var and not body.sub and not body.mark):
        return None
    if total.lower not in (None, Num(1)):  # L = \frac1m \sum_t L^{(t)}: L the mean, L^{(t)} one sample's (``split``)
        return None
    upper = _letter(total.upper) if total.upper is not None else ""
    if total.upper is not None and not upper:
        return None  # \sum_{t=1}^{m-1}, a number: not the batch
    if mean and upper and upper != count:
        return None  # sums n terms and divides by m
    return BatchCost(lhs.base, body.base, count or upper, mean, line, to_latex(eq))


def split(defs: list) -> tuple[list, dict, list]:
    """(the definitions of the one-sample model, name -> BatchCost, [(definition, BatchCost)] taken out): each
    batch cost taken out of ``defs`` [(line, eq, piece)]; a name given two batch costs keeps both as definitions
    (the model then says the notes define it twice)."""
    found: dict = {}
    for d in defs:
        cost = batch_cost(d[1], d[0])
        if cost is not None:
            found.setdefault(cost.name, []).append((d, cost))
    taken = [pairs[0] for pairs in found.values() if len(pairs) == 1]
    kept = [d for d in defs if not any(d is t for t, _ in taken)]
    for k, (d, cost) in enumerate(taken):  # the same letter for the mean and for one sample's cost defined bare
        bare = [f"line {e[0]}: {to_latex(e[1])}" for e in kept if cost.name == cost.sample_cost and is_definition(e[1])
                and e[1].sides[0] == Sym(cost.name)]
        taken[k] = (d, replace(cost, bare="; ".join(bare))) if bare else (d, cost)
    return kept, {cost.name: cost for _, cost in taken}, taken


def labelled(eqs) -> set:
    """The names the notes write with a sample label (x^{(t)}, y^{(t)})."""
    return {n.base for eq in eqs for n in walk(eq) if isinstance(n, Sym) and n.sample}


#: Letters notes give a sample's input and target: never taken as a parameter, even when a claim writes ∂J/∂x.
DATA_LETTERS = ("x", "y", "t", "X", "Y", "T")


def differentiated_by(eqs, names: set) -> set:
    """The names a claim differentiates a batch cost by (∂J/∂W, ∂J/∂w_{12}, ∇_b J), except the letters of inputs
    and targets (``DATA_LETTERS``): ∂J/∂x of an input that differs per sample is not read as x shared."""
    out = set()
    for eq in eqs:
        for n in walk(eq):
            if isinstance(n, Deriv) and isinstance(n.num, Sym) and n.num.base in names and isinstance(n.den, Sym):
                out.add(n.den.base)
            if isinstance(n, Nabla) and isinstance(n.of, Sym) and n.of.base in names and isinstance(n.wrt, Sym):
                out.add(n.wrt.base)
    return {name for name in out if name not in DATA_LETTERS}


def sample_sums(eq) -> list:
    """The sums over the samples in ``eq``: a sum whose summand carries a sample label (its own letter or
    another's)."""
    return [n for n in walk(eq) if isinstance(n, Sum) and n.var is not None
            and any(isinstance(s, Sym) and s.sample for s in walk(n.body))
            and not any(isinstance(s, Sym) and any(n.var in part for part in s.sub) for s in walk(n.body))]


def claim_batch(eq, costs: dict):
    """The batch cost a claim is about: the one it names, or the only one when it sums over the samples; None for a
    claim about one sample. A claim naming two is uninterpretable."""
    named = {n.base for n in walk(eq) if isinstance(n, Sym) and n.base in costs  # L^{(t)} of L = (1/m) Σ_t L^{(t)}: one
             and not (n.sample and costs[n.base].sample_cost == n.base)}  # sample's, not the mean
    if len(named) > 1:
        raise GraphUninterpretable(f"{to_latex(eq)}: the claim names two costs over mini-batches, "
                                   f"{' and '.join(sorted(named))}")
    if named:
        return costs[named.pop()]
    if sample_sums(eq):
        if len(costs) == 1:
            return next(iter(costs.values()))
        raise GraphUninterpretable(f"{to_latex(eq)}: a sum over the samples, and the notes define "
                                   f"{len(costs) or 'no'} cost{'s' if len(costs) != 1 else ''} over a mini-batch")
    return None


def rate_batch(eq, costs: dict):
    """The batch cost whose size an update rule writes outside a sample's label (the m of η/m in ``W \\leftarrow W -
    \\frac{\\eta}{m} (…)^{(t)}``): the 1/m is that batch's mean, so the rule is a step on it (review rv46 A2); None
    if it writes none."""
    return next((c for c in costs.values() if c.count and any(
        isinstance(n, Sym) and n.base == c.count and not n.sub and not n.sample for n in walk(eq))), None)


def unsummed_words(cost: "BatchCost", free: list) -> str:
    """Why a rule by one sample's term over the batch's size is not the step on the batch cost (review rv46 A2)."""
    return (f"it divides one sample's term (sample {', '.join(free)}) by {cost.count}, the size of the mini-batch "
            f"{cost.name} is over: the sum over the {cost.count} samples of the mini-batch is missing")


def two_samples(eq) -> str:
    """The sample letters of a claim about one sample when it names more than one ('' if it names at most one)."""
    letters = sorted({n.sample for n in walk(eq) if isinstance(n, Sym) and n.sample})
    return ", ".join(letters) if len(letters) > 1 else ""


def free_samples(eq) -> list:
    """The sample letters a claim uses outside every sum over them: checked for every sample of the batch."""
    inside = {id(n) for s in sample_sums(eq) for n in walk(s.body) if isinstance(n, Sym) and n.sample == s.var}
    return sorted({n.sample for n in walk(eq) if isinstance(n, Sym) and n.sample and id(n) not in inside})


@dataclass(frozen=True)
class Samples:
    """What the notes say about their samples: the batch costs, the names a batch cost is differentiated by (shared
    parameters) and the names written with a sample label."""

    costs: dict = field(default_factory=dict)
    shared: frozenset = frozenset()
    labels: frozenset = frozenset()
    size: tuple | None = None  # (m, line): the batch size the notes give ("Each mini-batch has $m = 32$ samples")


def batch_sizes(defs: list, costs: dict, text: str = "") -> tuple[list, list, list]:
    """(the other definitions, [(line, eq, piece)] giving a batch cost's count a whole number, those among them
    that the notes do not assert): ``m = 32`` (or ``m = 2^5``) beside ``J = \\frac1m \\sum_{t=1}^m L^{(t)}`` is the
    notes' batch size, never a leaf of the one-sample model; one in a sentence that denies, supposes or imagines it
    ("we do not take $m = 4$", "suppose for a moment $m = 4$", "if $m = 4$"; ``batchwords``) names no m (review 22
    X3, X4)."""
    counts = {c.count for c in costs.values() if c.count}
    given = [d for d in defs if len(d[1].sides) == 2 and d[1].rels == ("=",) and isinstance(d[1].sides[0], Sym)
             and d[1].sides[0].base in counts and not (d[1].sides[0].sub or d[1].sides[0].sample or d[1].sides[0].mark)
             and whole(d[1].sides[1]) is not None]
    unsaid = [d for d in given if not asserted(text, d[0], d[2].formula.source or d[2].formula.text
                                               if d[2] is not None else to_latex(d[1]))]
    return ([d for d in defs if not any(d is g for g in given)], [d for d in given if not any(d is u for u in unsaid)],
            unsaid)


def given_size(given: list) -> tuple | None:
    """(m, line) of the batch size the notes give, None when they give none or several different ones."""
    values = {whole(d[1].sides[1]) for d in given}
    return (values.pop(), given[0][0]) if len(values) == 1 else None


def size_words(counted: list, costs: dict) -> str:
    """What a batch size the notes give is taken as (``graphbatch.batch_sizes``)."""
    cost = next(c for c in costs.values() if c.count)
    if given_size(counted) is None:
        return (f"the notes give the size {cost.count} of a mini-batch several values "
                f"({', '.join(sorted({to_latex(e.sides[1]) for _, e, _ in counted}))}): claims about {cost.name} are "
                f"checked for every {cost.count}")
    return (f"the size of a mini-batch of {cost.name}: a claim about {cost.name} is checked for every "
            f"{cost.count} ≥ 1, and one that fails for some {cost.count} but holds for this one is conditional on it")


def unsaid_words(line: int) -> str:
    """What a batch size in a sentence that denies, supposes or imagines it is taken as."""
    return (f"a size of a mini-batch the notes do not assert (line {line}: its sentence denies, supposes or "
            "imagines it): it is not the notes' m, and claims are checked for every m")


def samples_of(costs: dict, eqs: list, size: tuple | None = None) -> Samples:
    """What ``eqs`` (every formula of the notes) say about the samples; the labels of update rules are left out
    (``W^{(t+1)} = W^{(t)} - …`` numbers steps, it does not make W differ per sample)."""
    from .graphupdate import is_update

    plain = [eq for eq in eqs if not is_update(eq)]
    return Samples(costs, frozenset(differentiated_by(eqs, set(costs))), frozenset(labelled(plain)), size)


@dataclass
class Batch:
    """A batch model's view of its samples (``Model.batch``): the nodes copied per sample and their copies."""

    cost: BatchCost
    size: int
    per_sample: set  # the one-sample model's nodes that differ from sample to sample
    copies: dict  # k -> {node: its copy in sample k}
    fixed: dict = field(default_factory=dict)  # a free sample letter -> the sample it stands for in this check
    sample_cost: object = None  # L = (1/m) Σ_t L^{(t)}: the one-sample model's L, which L^{(t)} names (bare L: the mean)

    def relabel(self, value, sym: Sym, bind: dict):
        """The node (or grid of nodes) ``sym`` names in this batch: a per-sample quantity in the sample its label
        names, a shared one as it is."""
        if sym.sample and self.sample_cost is not None and sym.base == self.cost.name:
            value = self.sample_cost
        nodes = list(value) if is_mat(value) else [value]
        if sym.sample:
            k = bind.get(sym.sample) or self.fixed.get(sym.sample)
            if k is None:
                raise GraphUninterpretable(f"{sym.latex()}: which sample {sym.sample} is, is not said")
            if not all(n in self.per_sample for n in nodes):
                raise GraphUninterpretable(f"{sym.latex()}: {sym.base} is shared by the samples (a parameter), yet "
                                           f"labelled by the sample {sym.sample}")
            copy = self.copies[k]
            return value.applyfunc(lambda n: copy[n]) if is_mat(value) else copy[value]
        if any(n in self.per_sample for n in nodes):
            raise GraphUninterpretable(f"{sym.latex()}: {sym.base} differs from sample to sample, and the claim does "
                                       f"not say which sample's (write {sym.base}^{{(t)}} inside the sum over the "
                                       "samples)")
        return value

    def count_value(self, sym: Sym):
        """m in a batch claim: the batch's size; another count letter is not said to equal it."""
        if sym.base == self.cost.count:
            return sympy.Integer(self.size)
        raise GraphUninterpretable(f"{sym.latex()}: the claim counts with {sym.base}, but {self.cost.name} is over "
                                   f"a mini-batch of {self.cost.count or 'the samples summed'}; the notes never say "
                                   "the two are equal")

    def bound(self, node) -> int:
        if node is None:
            return self.size
        if isinstance(node, Num) and node.value.denominator == 1:
            return int(node.value)
        if isinstance(node, Sym) and node.base in COUNT_LETTERS and not node.sub:
            return int(self.count_value(node))
        if isinstance(node, Add) and len(node.terms) == 2 and isinstance(node.terms[1], (Num, Neg)):
            off = node.terms[1]
            sign = -1 if isinstance(off, Neg) else 1
            inner = off.arg if isinstance(off, Neg) else off
            if isinstance(inner, Num) and inner.value.denominator == 1:
                return self.bound(node.terms[0]) + sign * int(inner.value)
        raise GraphUninterpretable(f"the bound {to_latex(node)} of a sum over the samples is not read")

    def sample_sum(self, ev, node: Sum):
        """Σ over the samples of the batch (a sum whose letter no label carries adds its summand once a sample)."""
        lo, hi = self.bound(node.lower) if node.lower is not None else 1, self.bound(node.upper)
        if lo < 1 or hi > self.size:
            raise GraphUninterpretable(f"{to_latex(node)}: runs over samples {lo} to {hi} of a mini-batch of "
                                       f"{self.size}")
        saved = ev.bind.get(node.var)
        total = None
        try:
            for k in range(lo, hi + 1):
                ev.bind[node.var] = k
                v = ev.value(node.body)
                total = v if total is None else total + v
            if total is None:  # an empty sum: zero of the summand's shape
                ev.bind[node.var] = 1
                total = ev.value(node.body) * 0
        finally:
            if saved is None:
                ev.bind.pop(node.var, None)
            else:
                ev.bind[node.var] = saved
        return total


def _shared(model: Model, names: set, labels: set) -> set:
    """The one-sample model's leaves shared by the samples (see the module docstring)."""
    out = set()
    for s, (name, _) in model.names.items():
        if s in model.defs or name in labels or name.lower() in {n.lower() for n in labels} or name in DATA_LETTERS:
            continue  # computed, labelled by a sample, or an input's or a target's letter: differs per sample
        q = model.quantities.get(name)
        if (q is not None and q.rank == 2) or name in ("b",) or name in names or model.canonical(name) in names:
            out.add(s)
    return out


def batch_model(model: Model, cost: BatchCost, size: int, shared_names: set, labels: set) -> Model:
    """The model of a mini-batch of ``size`` samples of the one-sample ``model``, with the batch cost a node."""
    if cost.bare:  # L = ½‖ŷ − y‖² and L = \frac1m \sum_t L^{(t)}: a claim's L may be either
        raise GraphUninterpretable(f"{cost.name} names both the cost of one sample ({cost.bare}) and {cost.words()}; "
                                   f"which of the two a claim about {cost.name} means is not said")
    if (cost.name, ()) in model.nodes and cost.name != cost.sample_cost:  # K = 2J: J a leaf of the one-sample model
        raise GraphUninterpretable(f"{cost.name} is the cost over a mini-batch (line {cost.line}) and also a "
                                   "quantity of another definition; that reading is not done")
    shared = _shared(model, {model.canonical(n) for n in shared_names} | set(shared_names), labels)
    leaves = [s for s in model.names if s not in model.defs]
    varying = [s for s in leaves if s not in shared]
    per_sample = _computed_from(model, set(varying))
    out = Model(quantities=dict(model.quantities), functions=model.functions, applied=model.applied,
                atoms=model.atoms, notes=list(model.notes), loss=cost.name, arity=model.arity, known=set(model.known),
                declared={}, letters=model.letters, sigma_is_generic=model.sigma_is_generic, sigma=model.sigma)
    out.nodes = dict(model.nodes)
    for s, key in model.names.items():
        if s not in per_sample:
            out.names[s] = key
            if s in model.defs:
                out.defs[s], out.where[s] = model.defs[s], model.where.get(s, 0)
    copies = {}
    for k in range(1, size + 1):
        copies[k] = {s: sympy.Symbol(f"{s.name}^{{({k})}}", real=True) for s in per_sample}
        for s in per_sample:
            c = copies[k][s]
            out.names[c] = model.names[s]
            if s in model.defs:
                value = sympy.sympify(model.defs[s])
                # d^{(t)} = (h^{(t)} - y^{(t)}) ⊙ σ'(g^{(t)}) named by the notes: σ'(g) is an atom at a point in the
                # leaves, which are sample k's too (review rv45 B3: the base sample's x stayed inside it)
                has_atoms = any(model.atoms.is_atom(a) for a in value.free_symbols)
                out.defs[c] = model.atoms.substitute(value, copies[k]) if has_atoms else value.xreplace(copies[k])
                out.where[c] = model.where.get(s, 0)
    per_cost = model.nodes.get((model.canonical(cost.sample_cost), ()))
    if per_cost is None or per_cost not in per_sample:
        raise GraphUninterpretable(f"{cost.name} averages {cost.sample_cost}^{{(t)}}, but the notes define no "
                                   f"{cost.sample_cost} of one sample computed from its inputs")
    same = cost.name == cost.sample_cost  # the mean apart from the one-sample L it averages, though both are L
    node = sympy.Dummy(cost.name, real=True) if same else sympy.Symbol(cost.name, real=True)
    out.quantities[cost.name] = Quantity(cost.name, 0, why=cost.words())
    out.nodes[(cost.name, ())] = node
    out.names[node] = (cost.name, ())
    total = sum((copies[k][per_cost] for k in range(1, size + 1)), sympy.Integer(0))
    out.defs[node] = total / size if cost.mean else total
    out.where[node] = cost.line
    out.known.add(cost.name)
    out.batch = Batch(cost, size, per_sample, copies, sample_cost=per_cost if same else None)
    return out


def _computed_from(model: Model, leaves: set) -> set:
    """The nodes computed (directly or not) from ``leaves``, through the points of generic functions' atoms too
    (σ'(g) of a named d = (h - y) ⊙ σ'(g) is an atom at a point in x: d differs per sample through it)."""
    memo: dict = {}

    def reaches(sym) -> bool:
        if sym in memo:
            return memo[sym]
        memo[sym] = sym in leaves  # a cycle ends here (``graphbuild`` refuses them)
        if sym in model.defs and not memo[sym]:
            memo[sym] = any(reaches(s) for s in model.atoms.leaves(model.defs[sym]) if s in model.names)
        return memo[sym]

    return {s for s in model.names if reaches(s)}


def split_words(model: Model, shared_names: set, labels: set) -> str:
    """Which quantities differ from sample to sample and which are shared, for the verdict."""
    shared = _shared(model, shared_names, labels)
    names = lambda nodes: sorted({model.names[s][0] for s in nodes})  # noqa: E731
    leaves = [s for s in model.names if s not in model.defs]
    varying = names([s for s in leaves if s not in shared])
    kept = names([s for s in leaves if s in shared])
    return (f"{', '.join(varying) or 'nothing'} differ{'s' if len(varying) == 1 else ''} from sample to sample, "
            f"{', '.join(kept) or 'nothing'} {'is' if len(kept) == 1 else 'are'} shared")


__all__ = ["COUNT_LETTERS", "SIZES", "Batch", "BatchCost", "Samples", "samples_of", "batch_cost", "batch_model",
           "batch_sizes", "given_size", "rate_batch", "unsummed_words", "size_words", "unsaid_words", "claim_batch",
           "differentiated_by", "free_samples", "labelled", "sample_sums", "split", "split_words", "two_samples"]
