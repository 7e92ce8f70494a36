r"""A subscripted name that is a name of its own (``W_1``, ``W_2``, ``\delta_2``, ``b_1``, ``h_1``), not an entry.

Notes of a two-layer net write ``h = W_1 x``, ``y = W_2 a``, ``\delta_2 = y - t``: ``W_1`` is the first layer's
matrix, not the first entry of a vector W. Graph notes also write entries (``x_1``, ``w_{12}``, ``\delta_1`` of a
δ the notes define). Which one a ``b_k`` (a letter or a Greek name, one digit below it) is, the notes' use decides:

- W itself is used *as an array* when it appears bare (``W``, ``\frac{\partial L}{\partial W}``), with other
  indices (``W_{12}``, ``w_{ij}``, ``x_i``; a matrix letter's entries in the other case, ``w_{12}`` of W), as a
  function (``h(g)``) or when the prose gives W itself a shape ("$W$ a $2 \times 3$ matrix");
- a name (``x``, ``W_1``) is used *as a whole* when the prose gives it a shape ("$W_1$ is a $4 \times 3$ matrix",
  ``W_1 \in \mathbb{R}^{4\times 3}``, "$x$ a column vector"), when the formulas transpose it (``W_2^T``), multiply
  it entrywise (⊙), take its norm or equate it to a written vector; and then so is a name beside a whole one in a
  product or a sum (``W_1 x``, ``W_1 x + b_1``), a name a definition gives a whole value (``\delta_2 = y - t``,
  ``h_1 = \tanh(W_1 x)``) and the argument of an entrywise function whose value is whole (h in ``a = \tanh(h)``).
  A name nothing makes whole proves nothing (it may be a number: ``y = w_1 x_1`` keeps w_1 an entry of w).

The subscripted names of a letter become names of their own when some of them is used as a whole and the letter
never as an array (then reading them as entries of a vector nobody uses would be a guess). When the letter is used
as an array and the formulas transpose one of its subscripted names or multiply it entrywise (``W`` a matrix and
``W_1^T``), the notes do not say which: ``ambiguous`` names it, and a claim that uses it is not judged. Otherwise
they stay entries (seed 004's ``W_{12}``, ``x_1`` of a vector x); a shape the prose gives such an entry is dropped.

A name of its own keeps its spelling: ``W_1`` is the base ``W_1`` with no subscript.

>>> from symbp.verify.graphread import read_graph as r
>>> eqs = [r("h = W_1 x"), r("y = W_2 a"), r(r"\delta_2 = y - t"), r(r"\frac{\partial L}{\partial W_1} = \delta_1 x^T")]
>>> sorted(own_names(eqs, []).renamed.values())
['W_1', 'W_2', '\\delta_1', '\\delta_2']
>>> own_names([r("g = x W"), r(r"\frac{\partial L}{\partial x_1} = W_{11} + W_1")], []).renamed
{}
>>> names = own_names([r("g = x W"), r("u = W_1^T x")], [])
>>> names.ambiguous
{('W', '1'): 'W_1 is used as a whole (transposed) and W as an array (W on its own)'}
>>> names.tainted([r("u = W_1^T x"), r("L = L(u)")])["L"]
'W_1 is used as a whole (transposed) and W as an array (W on its own); the notes compute u from it'
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from .graphmodel import LOSS_NAMES, RATES, Add, Call, Deriv, Div, Equation, Had, Mat, Mul, Neg, Norm, Pow, Sym, T
from .graphnodes import walk


@dataclass
class OwnNames:
    """(letter, digit) -> the name of its own (``("W", "1") -> "W_1"``), and the pairs the notes leave undecided."""

    renamed: dict = field(default_factory=dict)
    ambiguous: dict = field(default_factory=dict)  # (letter, digit) -> why

    def rename(self, node):
        """``node`` (an equation or any tree) with every name of its own written as one."""
        return rename(node, self.renamed) if self.renamed else node

    def rename_pieces(self, pieces: list, mentions: list, conditions: dict) -> tuple:
        """(the prose's formulas, the claims' own conditions) with every name of its own written as one; the pieces'
        equations (``graphnotes.Piece``) are renamed in place, a condition follows its equation."""
        if not self.renamed:
            return mentions, conditions
        moved = {}
        for p in pieces:
            new = [self.rename(eq) for eq in p.eqs]
            for old, eq in zip(p.eqs, new):
                if id(old) in conditions:
                    line, cond = conditions[id(old)]
                    moved[id(eq)] = (line, self.rename(cond))
            p.eqs = new
        return [self.rename(eq) for eq in mentions], moved

    def hints(self, hints: list) -> list:
        """The prose hints (``graphprose``) with a subscripted name kept only when it is a name of its own."""
        return [h for h in hints if "_" not in h[1] or h[1] in self.renamed.values()]

    def tainted(self, defs: list) -> dict:
        """The undecided pairs and every name a definition of ``defs`` (equations) computes from them, directly or
        not (u in ``u = W_1^T x``, L from u): key -> why a claim that uses it is not judged."""
        out = dict(self.ambiguous)
        for _ in range(len(defs)):
            grown = False
            for eq in defs:
                lhs = eq.sides[0]
                if isinstance(lhs, Sym) and lhs.base not in out and (why := self.mentioned(eq.sides[-1], out)):
                    out[lhs.base] = why if "; the notes compute" in why else f"{why}; the notes compute {lhs.latex()} from it"
                    grown = True
            if not grown:
                break
        return out

    @staticmethod
    def mentioned(node, tainted: dict) -> str:
        """Why ``node`` is not judged: the first name of ``tainted`` (``tainted``'s answer) it uses, else ''."""
        for n in walk(node):
            sym = n.func if isinstance(n, Call) and isinstance(n.func, Sym) else n
            if isinstance(sym, Sym):
                why = tainted.get(_candidate(sym)) or tainted.get(sym.base)
                if why:
                    return why
        return ""

    def words(self) -> str:
        if not self.renamed:
            return ""
        names = ", ".join(sorted(set(self.renamed.values())))
        return f"read as names of their own, not entries (the notes use them as whole vectors or matrices): {names}"


def split_name(name: str) -> tuple | None:
    r"""("W", "1") for the name ``W_1`` or ``W_{1}`` a hint or a symbol spells, else None.

    >>> split_name("W_{1}"), split_name(r"\delta_2"), split_name("W"), split_name("W_{12}")
    (('W', '1'), ('\\delta', '2'), None, None)
    """
    base, sep, sub = name.replace(" ", "").partition("_")
    sub = sub[1:-1] if sub.startswith("{") and sub.endswith("}") else sub
    if not sep or not base or len(sub) != 1 or not sub.isdigit():
        return None
    return base, sub


def written_letter(base: str) -> str:
    r"""The letter a name is written with: ``W`` for the name of its own ``W_1``, the name itself otherwise.

    >>> written_letter("W_1"), written_letter("x"), written_letter(r"\tilde{w}")
    ('W', 'x', '\\tilde{w}')
    """
    pair = split_name(base)
    return pair[0] if pair else base


def _candidate(sym) -> tuple | None:
    if isinstance(sym, Sym) and len(sym.sub) == 1 and len(sym.sub[0]) == 1 and sym.sub[0].isdigit():
        return sym.base, sym.sub[0]
    return None


def own_names(eqs: list, hints: list, functions: set = frozenset()) -> OwnNames:
    """Which subscripted names of ``eqs`` (and the prose ``hints`` [(line, name, orient, dims)]) are names of their
    own (see the module docstring); ``functions`` are names applied as functions (never whole)."""
    letters = {c[0] for eq in eqs for n in walk(eq) if (c := _candidate(n))}
    if not letters:
        return OwnNames()
    arrays = _array_uses(eqs, hints, letters)
    strong = _strong(eqs, functions)
    said = {split_name(name) or name for _, name, _, _ in hints}  # a shape in the prose: whole, never a conflict
    whole = _grown(eqs, set(strong) | said, functions)
    out = OwnNames()
    for letter in sorted(letters):
        pairs = {c for eq in eqs for n in walk(eq) if (c := _candidate(n)) and c[0] == letter}
        if letter not in arrays:
            if pairs & whole:
                out.renamed.update({p: f"{p[0]}_{p[1]}" for p in pairs})
            continue
        for p in sorted(pairs & set(strong)):
            out.ambiguous[p] = (f"{p[0]}_{p[1]} is used as a whole ({strong[p]}) and {p[0]} as an array "
                                f"({arrays[letter]})")
    return out


def _array_uses(eqs: list, hints: list, letters: set) -> dict:
    """letter -> how the notes use it as an array (bare, with other indices, a shape of its own in the prose)."""
    out: dict = {}
    for eq in eqs:
        for n in walk(eq):
            syms = [n] + ([n.func] if isinstance(n, Call) and isinstance(n.func, Sym) else [])
            for s in syms:
                if not isinstance(s, Sym) or _candidate(s):
                    continue
                for letter in _letters_of(s, letters):
                    out.setdefault(letter, f"{s.latex()}" + ("" if s.sub else " on its own"))
    for line, name, _, _ in hints:
        if name in letters:
            out.setdefault(name, f"the shape the prose gives {name} on line {line}")
    return out


def _letters_of(sym: Sym, letters: set) -> list:
    """The letters ``sym`` uses as arrays: its own (W, W_{12}, x_i), and a matrix letter's other case for two
    indices (w_{12} is an entry of W)."""
    out = [sym.base] if sym.base in letters else []
    two = len(sym.sub) == 2 or (len(sym.sub) == 1 and len(sym.sub[0]) == 2)
    if two and len(sym.base) == 1:
        other = sym.base.swapcase()
        if other in letters:
            out.append(other)
    return out


def _key(node, functions: set):
    """The key of a name in the sets of wholes: a bare name, or a (letter, digit) pair; None for anything else."""
    if not isinstance(node, Sym):
        return None
    if not node.sub:
        return None if node.base in functions or node.base in LOSS_NAMES or node.base in RATES else node.base
    return _candidate(node)


def _strong(eqs: list, functions: set) -> dict:
    """name or (letter, digit) -> the strong sign in the formulas that it is whole: a transpose, an entrywise product,
    a norm (of a bare name), a definition by a written vector or matrix."""
    out: dict = {}
    for eq in eqs:
        for n in walk(eq):
            if isinstance(n, T) and (k := _key(n.arg, functions)):
                out.setdefault(k, "transposed")
            if isinstance(n, Had):
                for side in (n.left, n.right):
                    if k := _key(side, functions):
                        out.setdefault(k, "in an entrywise product")
            if isinstance(n, Norm):
                for m in walk(n.arg):
                    if isinstance(m, Sym) and not m.sub and (k := _key(m, functions)):
                        out.setdefault(k, "in a norm")
        if isinstance(eq, Equation) and len(eq.sides) == 2 and isinstance(eq.sides[1], Mat):
            if (k := _key(eq.sides[0], functions)) and sum(len(r) for r in eq.sides[1].rows) > 1:
                out.setdefault(k, "a written vector or matrix")
    return out


def _grown(eqs: list, whole: set, functions: set) -> set:
    """``whole`` grown to a fixed point: a name beside a whole one in a product or a sum is whole, and so is a
    name a definition gives a whole value, or whose entrywise image (a = \\tanh(h)) is whole."""
    for _ in range(12):
        before = len(whole)
        for eq in eqs:
            for n in walk(eq):
                if isinstance(n, Mul):
                    _beside(n.factors, whole, functions, product=True)
                elif isinstance(n, Add):
                    _beside(n.terms, whole, functions, product=False)
            if not (isinstance(eq, Equation) and len(eq.sides) == 2):
                continue
            lhs, rhs = _key(eq.sides[0], functions), eq.sides[1]
            if lhs and lhs not in whole and _is_whole(rhs, whole, functions):
                whole.add(lhs)
            inner = rhs.args[0] if isinstance(rhs, Call) and not isinstance(rhs.func, Sym) and len(rhs.args) == 1 \
                else rhs
            if lhs in whole and (k := _key(inner, functions)):
                whole.add(k)
        if len(whole) == before:
            break
    return whole


def _beside(parts: tuple, whole: set, functions: set, product: bool) -> None:
    for k, part in enumerate(parts):
        key = _key(part.arg if isinstance(part, Neg) else part, functions)
        if not key or key in whole:
            continue
        near = parts[max(0, k - 1):k] + parts[k + 1:k + 2] if product else parts[:k] + parts[k + 1:]
        if any(_is_whole(o, whole, functions) for o in near):
            whole.add(key)


def _is_whole(node, whole: set, functions: set) -> bool:
    """Whether ``node`` is a whole vector or matrix by what ``whole`` holds."""
    if isinstance(node, Sym):
        return _key(node, functions) in whole
    if isinstance(node, (T, Had)):
        return True
    if isinstance(node, Mat):
        return sum(len(r) for r in node.rows) > 1
    if isinstance(node, Neg):
        return _is_whole(node.arg, whole, functions)
    if isinstance(node, Mul):
        return any(_is_whole(f, whole, functions) for f in node.factors)
    if isinstance(node, Add):
        return any(_is_whole(t, whole, functions) for t in node.terms)
    if isinstance(node, Call):
        return len(node.args) == 1 and not isinstance(node.func, Sym) and _is_whole(node.args[0], whole, functions)
    if isinstance(node, Pow):
        return _is_whole(node.base, whole, functions)
    if isinstance(node, Div):
        return _is_whole(node.num, whole, functions)
    if isinstance(node, Deriv):
        return _is_whole(node.den, whole, functions)
    return False


def rename(node, renamed: dict):
    """``node`` with every ``Sym(letter, (digit,))`` in ``renamed`` written as the name of its own."""
    if isinstance(node, Sym):
        c = _candidate(node)
        return replace(node, base=renamed[c], sub=()) if c in renamed else node
    if isinstance(node, tuple):
        return tuple(rename(x, renamed) for x in node)
    if not hasattr(node, "__dataclass_fields__"):
        return node
    return replace(node, **{f.name: rename(getattr(node, f.name), renamed) for f in fields(node)})


__all__ = ["OwnNames", "own_names", "rename", "split_name", "written_letter"]
