r"""The network written over independent atoms: the exact algebra's view of a ``Network``.

Atoms are the leaves x, y, w, b and, per neuron, S = σ(z) and (when σ' is not
a function of σ) D = σ'(z); a softmax output has E_j = exp(z^L_j). Every z is
a polynomial in the atoms of the layer below. Treating atoms as independent
makes "the difference is the zero polynomial" a sufficient test of an
identity; some activations add exact relations the test may use
(``AtomModel.vanishes``): relu(z) = z·[z > 0] with [z > 0]² = [z > 0], and
identity(z) = z.

>>> from symbp.network import network
>>> m = network([1, 1], "relu").atoms
>>> m.describe_atom(m.index[("D", 1, 2, 1)])
"sigma'(z^2_1)"
"""

from __future__ import annotations

import random
import sympy

from .algebra import Poly, RatFunc

_P = (1 << 61) - 1  # a Mersenne prime: the field of the quick test in ``vanishes``
#: A divisor larger than this (terms, σ atoms) is tried only at shared constants (``constant_where_flat``).
_MOST_TERMS, _MOST_UNKNOWNS = 400, 8


class AtomModel:
    r"""The network written over independent atoms, for exact comparison.

    Atoms: the leaves x, y, w, b; per neuron S = σ(z) (its activation value)
    and, when σ' is not a function of σ, D = σ'(z); for a softmax output,
    E_j = exp(z^L_j). ``Z[s][l][j]`` is z^{s,l}_j as a polynomial in these.
    """

    def __init__(self, net):  # a network.Network (not imported: network imports this module)
        self.net = net
        self.keys: list[tuple] = []
        self.index: dict[tuple, int] = {}
        self.Z: dict = {}
        self.A: dict = {}
        self.D: dict = {}
        self.rule: dict = {}  # atom -> (kind, sample, layer, neuron) for S/E atoms
        # Exact relations of some activations (``Activation.value_of_prime``):
        # S atom -> (s, l, j) where σ(z) = f(z, σ'(z)), and the σ' atoms that are idempotent.
        self.relations: dict[int, tuple] = {}
        self.idempotent: set[int] = set()
        # The σ' atoms of a generic σ: any differentiable σ may be flat on an interval, so σ'(z) = 0 there
        self.flat: set[int] = set()
        self._expanded: dict[int, Poly] = {}
        self._constants: dict = {}  # divisor -> ``constant_where_flat``
        for s in net.samples:
            self._forward(s)

    def atom(self, key: tuple) -> Poly:
        if key not in self.index:
            self.index[key] = len(self.keys)
            self.keys.append(key)
        return Poly.gen(self.index[key])

    def leaf(self, key: tuple) -> Poly:
        return self.atom(key)

    def target(self, j: int, s: int):
        net = self.net
        n = net.n(net.L)
        if net.one_hot and j == n:
            return 1 - sum((self.atom(("y", s, i)) for i in range(1, n)), Poly())
        return self.atom(("y", s, j))

    def _forward(self, s: int) -> None:
        net = self.net
        A = {1: [self.atom(("x", s, k)) for k in range(1, net.n(1) + 1)]}
        Z, D = {}, {}
        for l in net.layers:
            Z[l] = [
                sum((self.atom(("w", l, j, k)) * A[l - 1][k - 1] for k in range(1, net.n(l - 1) + 1)), Poly())
                + self.atom(("b", l, j))
                for j in range(1, net.n(l) + 1)
            ]
            if l == net.L and net.output_softmax:
                E = []
                for j in range(1, net.n(l) + 1):
                    e = self.atom(("E", s, j))
                    self.rule[self.index[("E", s, j)]] = ("E", s, l, j)
                    E.append(e)
                total = sum(E, Poly())
                A[l] = [RatFunc(e, total) for e in E]
                D[l] = None
                continue
            A[l], D[l] = [], []
            for j in range(1, net.n(l) + 1):
                act = net.activation(l, j)
                S = self.atom(("S", s, l, j))
                self.rule[self.index[("S", s, l, j)]] = ("S", s, l, j)
                A[l].append(S)
                if act.prime_of_value is not None:
                    D[l].append(Poly.const(1) * act.prime_of_value(S))
                else:
                    D[l].append(self.atom(("D", s, l, j)))
                if act.value_of_prime is not None:
                    self.relations[self.index[("S", s, l, j)]] = (s, l, j)
                if act.prime_idempotent:
                    self.idempotent.add(self.index[("D", s, l, j)])
                if act.is_generic and act.prime_of_value is None:
                    self.flat.add(self.index[("D", s, l, j)])
        self.Z[s], self.A[s], self.D[s] = Z, A, D

    # -- exact relations: relu(z) = z·[z > 0], [z > 0]² = [z > 0]; identity(z) = z ----------

    def vanishes(self, element) -> bool:
        r"""True if ``element`` is 0 for every value of the atoms the network can take.

        First as a polynomial in independent atoms (``is_zero``). Failing that,
        if some neurons' σ is tied to z (relu, identity), their σ(z) atoms are
        replaced by z·σ'(z) (relu) or z (identity), with z written out, and
        every relu σ' atom, which stands for the indicator [z > 0] (σ'(0) = 0),
        is reduced by d² = d. Each relation holds for every real z, so a zero
        after them is still a proof; a nonzero result proves nothing either way.
        Writing z out is costly on a wide network, so the element is first
        evaluated at a few random points modulo a prime that obey the relations
        (d ∈ {0, 1}, σ = z·d): a nonzero value there settles "no" at once.

        >>> from symbp.network import network
        >>> m = network([1, 1], "relu").atoms
        >>> a, d = m.A[1][2][0], m.D[1][2][0]
        >>> m.vanishes(a - m.Z[1][2][0] * d), m.vanishes(d * d - d), m.vanishes(d - 1)
        (True, True, False)
        """
        if not isinstance(element, (Poly, RatFunc)):
            return element == 0
        if element.is_zero():
            return True
        if not (self.relations or self.idempotent):
            return False
        if self._nonzero_somewhere(element):
            return False
        if isinstance(element, RatFunc):
            return self.reduce(element.num).is_zero() and not self.reduce(element.den).is_zero()
        return self.reduce(element).is_zero()

    def _nonzero_somewhere(self, element, points: int = 6, draws: int = 30) -> bool:
        # Random values modulo p obeying every relation; nonzero at one of them = not 0 given the
        # relations. A denominator vanishes where a relu output is 0 (the cross-entropy's a(1 − a)):
        # draw again, up to ``draws`` times, for ``points`` usable values.
        rng = random.Random(len(self.keys))
        used = 0
        for _ in range(draws):
            values = self._consistent_values(rng)
            try:
                if element.evaluate_mod(values, _P):
                    return True
            except (ZeroDivisionError, KeyError):  # a vanishing denominator; an atom made after the values
                continue
            used += 1
            if used == points:
                break
        return False

    def zero_on_region(self, element) -> bool:
        r"""Is ``element`` 0 on an open set of the inputs, through relu's σ(z) = z·[z > 0] and σ'(z) = [z > 0]?

        Such a quantity is no divisor: a formula that divides by it is undefined on that whole
        set (relu's a^l_j and σ'(z^l_j) vanish for every z^l_j ≤ 0). Tried: every relu neuron
        inactive, every one active, and each neuron alone inactive (the others active) or alone
        active, each at a few random points modulo a prime; 0 at every point of one pattern counts
        as yes (a polynomial identity test: a wrong yes only makes the verdict more cautious).
        A quantity that vanishes only where z = 0 (a hyperplane: z^l_j, tanh's or the identity's
        a^l_j) is not 0 on an open set: no.

        >>> from symbp.network import network
        >>> m = network([1, 1], "relu").atoms
        >>> a, d, z = m.A[1][2][0], m.D[1][2][0], m.Z[1][2][0]
        >>> m.zero_on_region(a), m.zero_on_region(d), m.zero_on_region(z), m.zero_on_region(1 - a)
        (True, True, False, False)
        """
        if not self.idempotent or not isinstance(element, (Poly, RatFunc)):
            return False
        poly = element.num if isinstance(element, RatFunc) else element
        if poly.is_zero():
            return True
        relu = sorted(self.idempotent)
        patterns = [dict.fromkeys(relu, 0), dict.fromkeys(relu, 1)]
        for g in relu:
            patterns += [{**dict.fromkeys(relu, 1), g: 0}, {**dict.fromkeys(relu, 0), g: 1}]
        rng = random.Random(len(self.keys))
        for forced in patterns:
            if not any(poly.evaluate_mod(self._consistent_values(rng, forced), _P) for _ in range(3)):
                return True
        return False

    def zero_where_flat(self, element) -> bool:
        r"""Is ``element`` 0 wherever a generic σ is flat, that is with every σ'(z) of a generic σ at 0?

        A generic σ is any differentiable function, so one constant on an interval is among them: every neuron
        whose z falls there has σ'(z) = 0, on an open set of inputs. A divisor that is then 0 (σ'(z^l_j) itself,
        δ^l_j) makes a formula undefined on that set, as relu's σ' does (``zero_on_region``). A sigmoid's or
        tanh's σ' is never 0 and has no such atoms. Tried at a few random points modulo a prime.

        >>> from symbp.network import network
        >>> m = network([1, 1], "generic").atoms
        >>> a, d = m.A[1][2][0], m.D[1][2][0]
        >>> m.zero_where_flat(d), m.zero_where_flat(a * d), m.zero_where_flat(a), m.zero_where_flat(1 + d)
        (True, True, False, False)
        """
        if not self.flat or not isinstance(element, (Poly, RatFunc)):
            return False
        poly = element.num if isinstance(element, RatFunc) else element
        if poly.is_zero():
            return True
        rng = random.Random(len(self.keys))
        for _ in range(3):
            values = {g: 0 if g in self.flat else rng.randrange(1, _P) for g in range(len(self.keys))}
            if poly.evaluate_mod(values, _P):
                return False
        return True

    def constant_where_flat(self, element) -> "str | None":
        r"""Where a generic σ is constant on intervals, values of σ(z) that make ``element`` 0 on an open set, or None.

        A generic σ is any differentiable function, so one equal to a constant c on an interval (0 for z ≤ 0, as a
        smoothed relu; 1 for large z) is among them, and σ may take other constants on other intervals: every
        neuron whose z falls in such an interval has σ(z) = c and σ'(z) = 0, on an open set of inputs. A divisor
        that is then 0 for every value of the other atoms (σ(z^l_j) itself, 1 − σ(z^l_j), σ(z)(1 − σ(z))) makes a
        formula undefined there (review rv44 A5: ∂C/∂w^l_{jk} / a^{l-1}_k = δ^l_j held for every σ). One that
        vanishes only on a null set (σ(z) − y_j, an input x_k, a weight) does not. Every generic neuron is taken
        flat, with a constant of its own (a divisor 0 with a neuron not flat is 0 with it flat too): the numerator,
        σ' atoms at 0 and the σ atoms as unknowns c, is 0 for some real c when the coefficients of its monomials in
        the other atoms have a common real root. With a cost that takes ln a^L (cross-entropy) an output's σ(z) lies
        strictly between 0 and 1, the cost's own domain: its constant is neither 0 nor 1. Returns the values in
        words ("σ(z^3_1) = 0").

        >>> from symbp.network import network
        >>> m = network([1, 1, 1], "generic").atoms
        >>> a, d, x = m.A[1][2][0], m.D[1][2][0], m.leaf(("x", 1, 1))
        >>> m.constant_where_flat(a), m.constant_where_flat(1 - a), m.constant_where_flat(a - m.leaf(("y", 1, 1)))
        ('σ(z^2_1) = 0', 'σ(z^2_1) = 1', None)
        >>> m.constant_where_flat(x), m.constant_where_flat(1 + a * a), m.constant_where_flat(d)
        (None, None, None)
        """
        if not self.flat or not isinstance(element, (Poly, RatFunc)):
            return None
        poly = element.num if isinstance(element, RatFunc) else element
        if poly not in self._constants:  # each instance of a formula divides by the same few entries
            self._constants[poly] = self._constant_where_flat(poly)
        return self._constants[poly]

    def _constant_where_flat(self, poly: Poly) -> "str | None":
        level = {self.index[("S",) + tuple(self.keys[g][1:])]: g for g in self.flat}  # σ atom -> its σ' atom
        unknown = sorted(poly.gens() & set(level))
        if not unknown or poly.is_zero():
            return None
        bounded = set()
        if self.net.cost_entry.name == "cross-entropy":  # ln a^L and ln(1 − a^L): 0 < a^L < 1
            bounded = {g for g in unknown if self.keys[g][2] == self.net.L}
        if len(poly) > _MOST_TERMS or len(unknown) > _MOST_UNKNOWNS:
            return self._shared_constant(poly, unknown, bounded)
        c = {g: sympy.Symbol(f"c{g}") for g in unknown}
        others: dict = {}
        expr = poly.to_sympy(lambda g: 0 if g in self.flat else c[g] if g in c else
                             others.setdefault(g, sympy.Symbol(f"u{g}")))
        if expr == 0:
            return self._words({g: 0 for g in unknown})
        system = sympy.Poly(expr, *others.values()).coeffs() if others else [expr]
        t = {g: sympy.Symbol(f"t{g}") for g in bounded}
        system += [c[g] * (1 - c[g]) * t[g] - 1 for g in bounded]
        try:
            basis = sympy.groebner(system, *c.values(), *t.values(), order="lex")
            if list(basis.exprs) == [1]:
                return None  # no root at all, real or complex
            found = sympy.solve(list(basis.exprs), [*c.values(), *t.values()], dict=True)
        except (NotImplementedError, sympy.PolynomialError):
            return "some constant values of σ"  # not solved: taken as possible (a wrong yes only makes it undecided)
        names = {c[g]: sympy.Symbol(self.describe_atom(g).replace("sigma", "σ")) for g in unknown}
        for sol in found:
            if all(v.is_real is not False for v in sol.values()):  # a free unknown: any real value of it
                return self._words({g: sol[c[g]].subs(names) for g in unknown if c[g] in sol})
        return None if found else "some constant values of σ"

    def _shared_constant(self, poly: Poly, unknown: list, bounded: set) -> "str | None":
        # Too large to solve: σ constant at 0, 1 or −1 on every neuron at once, at random points modulo a prime.
        rng = random.Random(len(self.keys))
        for value in (0, 1, -1):
            shared = [g for g in unknown if not (value in (0, 1) and g in bounded)]  # an output's: any constant
            zero = bool(shared)
            for _ in range(3 if shared else 0):
                values = {g: 0 if g in self.flat else value % _P if g in shared else rng.randrange(1, _P)
                          for g in range(len(self.keys))}
                if poly.evaluate_mod(values, _P):
                    zero = False
                    break
            if zero:
                return self._words(dict.fromkeys(shared, value))
        return None

    def _words(self, values: dict) -> str:
        shown = [f"{self.describe_atom(g).replace('sigma', 'σ')} = {v}" for g, v in values.items() if v is not None]
        return ", ".join(shown) or "some constant values of σ"

    def _consistent_values(self, rng: random.Random, forced: "dict | None" = None) -> dict:
        # ``forced``: σ' atoms (relu's [z > 0]) held at 0 or 1, a pattern of active neurons.
        values = {g: rng.randrange(1, _P) for g, key in enumerate(self.keys) if key[0] not in ("S", "D")}
        net = self.net
        for s in net.samples:
            for l in net.layers:
                for j in range(1, net.n(l) + 1):
                    g_s, g_d = self.index.get(("S", s, l, j)), self.index.get(("D", s, l, j))
                    if g_s is None:  # a softmax output: its E atoms are drawn above
                        continue
                    d = 1
                    if g_d is not None:
                        d = rng.randrange(2) if g_d in self.idempotent else rng.randrange(1, _P)
                        d = forced.get(g_d, d) if forced else d
                        values[g_d] = d
                    if g_s in self.relations:
                        z = self.Z[s][l][j - 1].evaluate_mod(values, _P)
                        values[g_s] = int(self.net.activation(l, j).value_of_prime(z, d)) % _P
                    else:
                        values[g_s] = rng.randrange(1, _P)
        return values

    def reduce(self, poly: Poly) -> Poly:
        """``poly`` with the relations applied (see ``vanishes``).

        Layer by layer from the top: the tied σ atoms of the highest layer present
        are replaced through their z, written one level deep (in the layer below's
        σ atoms), and d² = d applied. A zero after any layer is final (every step
        is an identity); otherwise the next layer down, until no tied atom is left,
        where the result is the fully written-out polynomial.
        """
        poly = self._idempotent(poly)
        tied = poly.gens() & set(self.relations)
        while tied and not poly.is_zero():
            top = max(self.relations[g][1] for g in tied)
            poly = poly.evaluate(_Substitution(self, {g for g in tied if self.relations[g][1] == top}),
                                 coeff=lambda c: c)
            poly = self._idempotent(Poly.const(poly) if not isinstance(poly, Poly) else poly)
            tied = poly.gens() & set(self.relations)
        return poly

    def _expand(self, g: int) -> Poly:
        # σ(z^l_j) through z^l_j, one level deep (the σ atoms of layer l − 1 left as they are), and its σ' atom.
        if g not in self._expanded:
            s, l, j = self.relations[g]
            act = self.net.activation(l, j)
            z = self.Z[s][l][j - 1]
            self._expanded[g] = self._idempotent(Poly.const(1) * act.value_of_prime(z, self.D[s][l][j - 1]))
        return self._expanded[g]

    def _idempotent(self, poly: Poly) -> Poly:
        if not self.idempotent or not (poly.gens() & self.idempotent):
            return poly
        out: dict = {}
        for mono, c in poly.monomials():
            mono = tuple((g, 1 if g in self.idempotent else e) for g, e in mono)
            out[mono] = out.get(mono, 0) + c
        return Poly.from_exponents(out)

    def describe_atom(self, i: int) -> str:
        """A readable name (Nielsen) of atom i, e.g. 'σ(z^3_1)'."""
        kind, *rest = self.keys[i]
        net = self.net
        sample = lambda s: f"^({s})" if net.batch != 1 else ""  # noqa: E731
        if kind == "w":
            return str(net.weight(*rest))
        if kind == "b":
            return str(net.bias(*rest))
        if kind in ("x", "y"):
            s, j = rest
            return f"{kind}{sample(s)}_{j}"
        if kind == "S":
            s, l, j = rest
            return f"{net.activation(l, j).latex.strip(chr(92))}(z{sample(s)}^{l}_{j})"
        if kind == "D":
            s, l, j = rest
            return f"{net.activation(l, j).latex.strip(chr(92))}'(z{sample(s)}^{l}_{j})"
        if kind == "E":
            s, j = rest
            return f"exp(z{sample(s)}^{net.L}_{j})"
        return str(self.keys[i])

    def sympy_atom(self, i: int) -> sympy.Expr:
        """Atom i as a SymPy expression over display symbols (z^l_j plain)."""
        kind, *rest = self.keys[i]
        net = self.net
        if kind == "w":
            return net.weight(*rest)
        if kind == "b":
            return net.bias(*rest)
        if kind == "x":
            s, k = rest
            return net.x(k, s)
        if kind == "y":
            s, j = rest
            return net.y(j, s)
        if kind == "S":
            s, l, j = rest
            return net.activation(l, j).expr(net.z(l, j, s))
        if kind == "D":
            s, l, j = rest
            return net.activation(l, j).prime(net.z(l, j, s))
        if kind == "E":
            s, j = rest
            return sympy.exp(net.z(net.L, j, s))
        raise AssertionError(kind)


class _Substitution:
    """Atom values for ``Poly.evaluate``: a tied σ atom of ``layer`` is its expansion, any other atom itself."""

    def __init__(self, model: AtomModel, layer: set):
        self.model, self.layer = model, layer

    def __getitem__(self, g: int) -> Poly:
        return self.model._expand(g) if g in self.layer else Poly.gen(g)
