r"""A notation-aware reader of backpropagation formulas written in LaTeX.

It reads what lecture notes write (``w^{l+1}_{jk}``, ``\delta^{(l)}_i``,
``\frac{\partial C}{\partial w^l_{jk}}``, ``\Sigma'(z^l)``, ``\cdots`` in a
product chain) into a tree of ``nodes``, built with constructors: nothing the
user typed is ever evaluated. Whether a superscript is a layer or a power is
decided by the notation profile (which letters are layered); every macro and
every letter must be known, or the reader stops with an error that names the
position. It never guesses a symbol.

>>> from symbp.verify.nodes import to_latex
>>> eq = read(r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)")
>>> to_latex(eq.sides[0])
'\\delta^l'
>>> read(r"\foo + 1")
Traceback (most recent call last):
...
symbp.verify.lexer.ReadError: unknown macro \foo at position 0 in “\foo + 1”
"""

from __future__ import annotations


import sys
from dataclasses import replace
from fractions import Fraction

from ..notation import Notation, profile
from .constructs import Constructs
from .cursor import Cursor
from .forms import HYPERBOLIC, Forms
from .gradlayout import entries_in_layout
from .letters import Letters
from .rendered import as_rendered
from .lexer import _FONTS, _KNOWN, _TEXTS, MAX_CHARS, MAX_DEPTH, NO_NUMBER, ReadError, Token, _capped_exponent, check_degree, _check_limits, _indices, _tokenize
from .nodes import walk as _walk
from .nodes import Add, Cdots, Div, Entry, Equation, Hadamard, Layer, Mul, Nabla, Neg, Num, Partial, Pow, Quantity, Sum, Transpose
from .tail import Claim, is_tail_text, read_tail

__all__ = ["read", "read_claim", "ReadError", "MAX_CHARS", "MAX_DEPTH"]

def read(text: str, notation: "str | Notation" = "nielsen", *, grouping: str = "loose") -> Equation:
    """Read one formula (an equation or chain of equations) into a tree.

    ``grouping`` says how far ⊙ reaches over juxtaposed factors: ``"loose"``
    (the usual reading: A ⊙ B C is A ⊙ (B C)), ``"level"`` ((A ⊙ B) C) or
    ``"tight"`` (A B ⊙ C D is A (B ⊙ C) D); ``verify`` tries the others when
    the usual one is ill-shaped. A suffix ``"+odot"`` or ``"+dot"`` reads each
    ``\\cdot`` and ``\\times`` as ⊙ or as the dot product (Aᵀ B) of the factors
    beside it, the readings of a dot between two vectors. Raises ``ReadError`` naming the position for
    anything it does not know.

    A trailing tag (``\\tag{BP1}``, ``\\quad (\\text{BP1})``) is a label; a
    trailing condition (``\\quad l = L``, ``\\text{for } l < L``) restricts
    the claim and is kept on the tree (``Equation.where``, applied by
    ``conditions.apply_conditions``); anything else after the formula is an
    error naming its position. ``read_claim`` also gives the labels.
    Raises ``ReadError`` naming the position for anything it does not know.
    """
    return read_claim(text, notation, grouping=grouping).equation


def read_claim(text: str, notation: "str | Notation" = "nielsen", *, grouping: str = "loose") -> Claim:
    """Read a formula with its labels and conditions (``tail.Claim``)."""
    eq, (labels, conditions) = parse(text, notation, read_tail, grouping=grouping)
    eq = entries_in_layout(Equation(eq.sides, eq.rels, tuple(conditions)))  # (∂C/∂w^l)_{jk} in the layout in force
    return Claim(eq, tuple(labels), tuple(conditions))


def parse(text: str, notation: "str | Notation", tail, *, grouping: str = "loose"):
    """(equation, what ``tail(parser)`` returns): the formula, then its trailing tags and conditions."""
    if not isinstance(text, str):
        raise ReadError(f"a formula must be text, got {type(text).__name__}")
    _check_limits(text)
    parser = _Parser(text, profile(notation))
    parser.grouping, _, parser.cdot = grouping.partition("+")  # "loose+odot": \cdot read as ⊙ (``grouping``)
    parser.set_dot_modes()
    # Nesting is capped at MAX_DEPTH levels, each a handful of Python frames: make room for them.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20 * MAX_DEPTH + 1000))
    try:
        eq = _resolve_sums(parser.equation())
        if len(parser.samples) > 1 or (parser.samples and parser.plain_layered):
            raise ReadError("the formula mixes quantities of different samples (" + ", ".join(
                sorted(parser.samples) + ["none"] * bool(parser.plain_layered)) + f") in {text!r}")
        if parser.samples and any(isinstance(n, Sum) and (n.var is None or n.var in parser.samples)
                                  for n in _walk(eq)):
            raise ReadError("a sum over the samples is not read (verify reads the cost of one sample) "
                            f"in {text!r}")
        check_degree(eq, text)  # nested powers: refused before any algebra (lexer.MAX_DEGREE)
        return eq, tail(parser)
    except RecursionError:
        raise ReadError(f"the formula nests too deeply to read (limit {MAX_DEPTH} levels)") from None
    finally:
        sys.setrecursionlimit(limit)


def _resolve_sums(eq: Equation) -> Equation:
    r"""Give ``\sum^{n_{l+1}}`` without an index the one index that occurs only inside it."""
    from .nodes import rebuild, walk

    def names(node) -> set:
        return {i.name for n in walk(node) if isinstance(n, Quantity) for i in n.indices if i.name}

    def fix(node):
        if not (isinstance(node, Sum) and node.var is None):
            return None
        inside = names(node.body)
        outside = set()
        for side in eq.sides:
            outside |= names(rebuild(side, lambda n: Num(Fraction(0)) if n == node else None))
        only = sorted(inside - outside)
        return Sum(only[0], node.lower, node.upper, node.body) if len(only) == 1 else None

    if not any(isinstance(n, Sum) and n.var is None for n in walk(eq)):
        return eq
    return rebuild(eq, fix)




class _Parser(Cursor, Letters, Constructs, Forms):
    # Token movement is ``cursor``'s, letters and their scripts ``letters``'s, the constructs with
    # arguments ``constructs``'s and the everyday spellings ``forms``'s; the grammar is here.
    def __init__(self, text: str, notation: Notation):
        self.text = text
        self.notation = notation
        self.toks = as_rendered(_tokenize(text))
        self.i = 0
        self.depth = 0
        self.grouping = "loose"
        self.cdot = ""  # "odot" or "dot": \cdot and \times read as ⊙ or as the dot product aᵀb
        self.samples: set[str] = set()  # the x of z^{x,l} (Nielsen's per-sample superscript)
        self.plain_layered = 0  # a, z, δ written with a layer and no sample
        self.sampled_here = False
        names = notation.names
        # Letter -> role, from the profile (a profile may rename roles).
        self.letters: dict[str, str] = {}
        short = {"weight": "w", "weight_matrix": "W", "bias": "b", "input": "x", "target": "y", "cost": "C"}
        for role in ("weight", "bias", "z", "a", "input", "target", "cost", "weight_matrix", "delta"):
            key = names[role]
            for font in ("\\mathrm", "\\mathbf", "\\text", "\\mathcal", "\\mathit"):
                key = key.replace(font, "")
            key = key.strip("{}")
            if role == "delta" and key == "\\delta":
                continue  # \delta is read as a macro (a profile may name another: \Delta)
            self.letters.setdefault(key.lstrip("\\"), short.get(role, role))
        self.letters.setdefault("W", "W")  # the weight matrix, rows by the first weight index
        self.activation_names = {names["activation"].lstrip("\\"), "sigma"}

    def starts_tail(self) -> bool:
        """True at a tag or a condition after the formula: ``\\tag``, ``\\text{for …}``, ``(\\text{BP1})``, ``\\forall``."""
        t = self.peek()
        if t.kind == "macro" and t.text in ("tag", "forall", "label", *NO_NUMBER):
            return True
        if t.kind == "macro" and t.text == "in" and self.peek(1).kind in ("macro", "char") and (
                self.peek(1).text == "R" or self.peek(1).text in ("mathbf", "mathbb", "mathrm", "Bbb", "mathcal")):
            return True  # "… \in \mathbb{R}^{n_l}": the space of the formula's value
        words = self.text_at()
        if words is not None and is_tail_text(words):
            return True
        if t.kind == "char" and t.text == "(":
            inner = self.text_at(1)
            return inner is not None and self.letters.get(inner.strip()) is None
        return False

    # -- grammar ----------------------------------------------------------------

    def equation(self) -> Equation:
        sides, rels = [self.side()], []
        while True:
            t = self.peek()
            if t.kind == "char" and t.text == "=":
                self.next()
                rels.append("=")
            elif t.kind == "char" and t.text == ":" and self.peek(1).text == "=":
                self.next(), self.next()
                rels.append(":=")
            elif t.kind == "macro" and t.text in ("coloneqq", "coloneq"):  # := as mathtools writes it
                self.next()
                rels.append(":=")
            elif t.kind == "macro" and t.text == "equiv":
                self.next()
                rels.append(r"\equiv")
            else:
                break
            sides.append(self.side())
        # What follows (punctuation, tags, conditions) is read by ``claim``'s strict tail grammar.
        return Equation(tuple(sides), tuple(rels))

    def side(self):
        t = self.peek()
        if t.kind == "end" or (t.kind == "char" and t.text in "=,") or (t.kind == "macro" and t.text == "equiv"):
            self.fail("a side of the equation is empty", t)
        if t.kind == "macro" and t.text in ("cdots", "dots", "ldots") and self.peek(1).text in ("=", "end", ""):
            self.next()
            return Cdots()
        return self.additive()

    def additive(self):
        terms = []
        sign = 1
        t = self.peek()
        if t.kind == "char" and t.text in "+-":
            self.next()
            sign = -1 if t.text == "-" else 1
        terms.append(self.term() if sign > 0 else Neg(self.term()))
        while self.peek().kind == "char" and self.peek().text in "+-":
            op = self.next().text
            term = self.term()
            terms.append(Neg(term) if op == "-" else term)
        return terms[0] if len(terms) == 1 else Add(tuple(terms))

    def _ends_term(self, t: Token) -> bool:
        if t.kind == "end" or self.starts_tail():
            return True
        if self.at_norm_bar() and t.text != "rVert":
            return getattr(self, "_norm_depth", 0) > 0  # a bar closes the norm it is in, or opens one
        if t.kind == "char" and t.text in "+-=),]}|&.":
            return True
        if t.kind == "char" and t.text == "," :
            return True
        if t.kind == "char" and t.text == ":" and self.peek(1).text == "=":
            return True
        return t.kind == "macro" and t.text in ("equiv", "right", "|", "quad", "qquad", "\\", "end")

    def term(self):
        # Juxtaposition, \cdot and \times bind tighter than \odot / \circ.
        left = self.product()
        while (self.peek().kind == "macro" and self.peek().text in ("odot", "circ", "dotstar", "bullet")) \
                or self._term_dot(self.peek()):
            t = self.next()
            op = ".*" if t.text == "dotstar" else "\\odot" if t.text in ("cdot", "times") else "\\" + t.text
            left = Hadamard(left, self.product(), op)
        return left

    def set_dot_modes(self) -> None:
        """A reading "mask:omt" reads the k-th ``\\cdot``/``\\times`` of the text by its k-th letter (``grouping``):
        m a product as juxtaposition, o ⊙ of the factors beside it, t ⊙ at its own level after the products beside it."""
        self.dot_modes = {}
        if self.cdot.startswith("mask:"):
            dots = [t.pos for t in self.toks if t.kind == "macro" and t.text in ("cdot", "times")]
            self.dot_modes = dict(zip(dots, self.cdot[len("mask:"):]))

    def _dot_mode(self, t: Token) -> str:
        if not (t.kind == "macro" and t.text in ("cdot", "times")):
            return ""
        if self.cdot == "termodot":
            return "t"
        return self.dot_modes.get(t.pos, "o" if self.cdot == "odot" else "m")

    def _term_dot(self, t: Token) -> bool:
        """``\\cdot`` or ``\\times`` that a reading takes for ⊙ at its own level (``(A B) \\cdot C``)."""
        return self._dot_mode(t) == "t"

    def product(self):
        factors = []
        while True:
            t = self.peek()
            if t.kind == "macro" and t.text in ("odot", "circ", "dotstar", "bullet") and factors and self.grouping != "loose":
                # Other readings of "A ⊙ B C" (see ``grouping``): ⊙ on a par with juxtaposition, left to right
                # ((A ⊙ B) C), or binding tightest (its operands are the single factors beside it).
                self.next()
                op = ".*" if t.text == "dotstar" else "\\" + t.text
                if self.grouping == "level":
                    left = factors[0] if len(factors) == 1 else Mul(tuple(factors))
                    factors = [Hadamard(left, self.unary(), op)]
                else:
                    factors[-1] = Hadamard(factors[-1], self.unary(), op)
                continue
            if self._ends_term(t) or (t.kind == "macro" and t.text in ("odot", "circ", "dotstar", "bullet")) \
                    or self._term_dot(t):
                break
            if factors and self._equation_number_next(t):
                break  # "\\;\\;(2)": an equation number after a spacing command, read after the formula
            if t.kind == "macro" and t.text in ("cdot", "times"):  # a product, as juxtaposition
                self.next()
                after = self.peek()
                if not factors or self._ends_term(after) or (after.kind == "macro" and after.text in (
                        "odot", "circ", "dotstar", "bullet")):
                    self.fail(f"\\{t.text} has nothing to multiply on its {'left' if not factors else 'right'}", t)
                if self._dot_mode(t) == "o":  # the other readings of \cdot between two vectors (``grouping``)
                    factors[-1] = Hadamard(factors[-1], self.unary(), r"\odot")
                elif self.cdot == "dot":
                    factors[-1] = Mul((Transpose(factors[-1]), self.unary()))
                continue
            if t.kind == "macro" and t.text in ("cdots", "dots", "ldots", "vdots", "ddots"):
                self.next()
                factors.append(Cdots(t.text if t.text in ("vdots", "ddots") else "cdots"))
                continue
            if t.kind == "char" and t.text == "/":
                self.next()
                if not factors:
                    self.fail("'/' has nothing to divide", t)
                factors[-1] = Div(factors[-1], self.unary())
                continue
            if t.kind == "macro" and t.text == "sum":
                factors.append(self.sum_())
                break  # the summand runs to the end of the term
            factors.append(self.unary())
        if not factors:
            self.fail("expected a factor")
        return factors[0] if len(factors) == 1 else Mul(tuple(factors))

    def unary(self):
        signs = 0
        while self.peek().kind == "char" and self.peek().text == "-":  # a loop: "- - - x" must not recurse
            self.next()
            signs += 1
        node = self.postfix(self.primary())
        return Neg(node) if signs % 2 else node

    def postfix(self, node):
        while self.at("^"):
            tok = self.next()
            arg = self.script()
            if arg in (["T"], ["\\top"]):
                node = Transpose(node, "T" if arg == ["T"] else r"\top")
            elif len(arg) == 1 and arg[0].isdigit():
                node = Pow(node, _capped_exponent(int(arg[0]), tok, self))
            else:
                self.fail("a superscript here must be T, \\top or a whole number", tok)
        return node

    # -- primaries --------------------------------------------------------------

    def primary(self):
        t = self.peek()
        self._enter()
        try:
            return self._primary(t)
        finally:
            self._leave()

    def _primary(self, t: Token):
        if t.kind == "num":
            self.next()
            return Num(Fraction(t.text))  # exact: 0.5 is 1/2
        if t.kind == "char" and t.text in "({[":
            close = {"(": ")", "{": "}", "[": "]"}[t.text]
            self.next()
            inner = self.additive()
            end = self.next()
            if end.text != close:
                self.fail(f"expected '{close}' to close the '{t.text}' at position {t.pos}", end)
            if t.text == "[" and self.at("_"):
                return self._comprehension(inner, self.next())
            if t.text == "(" and self.at("_"):
                return self._gradient_entry(inner, self.next())
            return inner
        if self.at_norm_bar():
            return self.norm(t)
        if t.kind == "char" and t.text.isalpha():
            return self.letter()
        if t.kind == "macro":
            return self.macro()
        self.fail("expected a quantity, a number or '('", t)

    def _gradient_entry(self, inner, itok: Token):
        r"""``(\frac{\partial C}{\partial w^l})_{jk}``, ``(\nabla_{a^l} C)_j``: one entry of a gradient, read as the
        derivative by that entry (in the layout in force: ``gradlayout.entries_in_layout``). Any other bracket,
        ``(a^L - y)_j``, ``(\delta^l (a^{l-1})^T)_{jk}``, is an ``Entry`` of the value it has in the notes' own
        orientation (no layout turns it): its shape is decided on the network (``entries``)."""
        raw = self.script()
        indices, sep = _indices(raw, itok, self)
        if isinstance(inner, Nabla):
            wrt = inner.wrt  # ∇_a C is ∇_{a^L} C (interpret._nabla), so is its entry (∇_a C)_j (review rv35 C1)
            if isinstance(wrt, Quantity) and wrt.role == "a" and wrt.layer is None and not wrt.indices:
                wrt = replace(wrt, layer=Layer("L", 0))
            inner, kind = Partial(inner.of, wrt), "nabla"
        else:
            kind = "partial"
        if isinstance(inner, Partial) and not inner.den.indices and not inner.num.indices and not inner.entry_of:
            return Partial(inner.num, replace(inner.den, indices=indices, sep=sep), entry_of=kind)
        return Entry(inner, indices, sep)

    def macro(self):
        t = self.next()
        name = t.text
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            return self.frac(t)
        if name in _FONTS and not self.font_is_word():
            return self.font_group(name, t)
        if name in _FONTS or name in _TEXTS:
            word = "".join(self.script())
            if word == "diag" and name in _TEXTS:
                return self.diag(t)
            if word in HYPERBOLIC and name in _TEXTS:
                return self.named_function(word, t)
            return self._quantity_from_word(word, t, font=name)
        if name in self.letters:  # a profile's macro letter: \Theta, \theta
            return self.quantity(self.letters[name], "\\" + name, t)
        if name in ("hat", "widehat"):
            return self.hat(t)
        if name in HYPERBOLIC or name in ("log", "ln"):
            return self.named_function(name, t)
        if name == "ell" and getattr(self, "_cost_slot", False) or name == "ell" and self.at("("):
            return self.loss(r"\ell", t)
        if name == "delta":
            return self.quantity("delta", r"\delta", t)
        if name in ("sigma", "varphi", "phi") and name in self.activation_names:
            return self.function("sigma", "\\" + name, t)
        if name == "Sigma":
            if not self.at("'"):
                self.fail(r"\Sigma is read as Σ'(z) = diag σ'(z) and needs its prime", t)
            return self.function("Sigma", r"\Sigma", t)
        if name == "exp":
            return self.function("exp", r"\exp", t)
        if name == "max":
            return self.relu_max(t)
        if name == "nabla":
            return self.nabla(t)
        if name == "sum":
            self.i -= 1
            return self.sum_()
        if name == "begin":
            return self.matrix(t)
        if name == "partial":
            return self.slash_partial(t)
        if name in _KNOWN:
            self.fail(f"\\{name} cannot stand here", t)
        raise ReadError(f"unknown macro \\{name} at position {t.pos} in “{self.text}”")
