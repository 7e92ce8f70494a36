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
from fractions import Fraction

from ..notation import Notation, profile
from .constructs import Constructs
from .forms import HYPERBOLIC, Forms
from .rendered import as_rendered
from .lexer import _FONTS, _KNOWN, _SPACING, _TEXTS, MAX_CHARS, MAX_DEPTH, NO_NUMBER, ReadError, Token, _capped_exponent, check_degree, _check_limits, _indices, _layer, _tokenize
from .nodes import walk as _walk
from .nodes import Add, Apply, Cdots, Div, Equation, Hadamard, Mul, Neg, Num, Pow, Quantity, Sum, Transpose
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
    eq = Equation(eq.sides, eq.rels, tuple(conditions))
    return Claim(eq, tuple(labels), tuple(conditions))


def parse(text: str, notation: "str | Notation", tail, *, grouping: str = "loose"):
    """(equation, what ``tail(parser)`` returns): the formula, then its trailing tags and conditions."""
    if not isinstance(text, str):
        raise ReadError(f"a formula must be text, got {type(text).__name__}")
    _check_limits(text)
    parser = _Parser(text, profile(notation))
    parser.grouping, _, parser.cdot = grouping.partition("+")  # "loose+odot": \cdot read as ⊙ (``grouping``)
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


_PER_SAMPLE = ("z", "a", "delta")


class _Parser(Constructs, Forms):
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

    # -- token helpers ----------------------------------------------------------

    def peek(self, k: int = 0) -> Token:
        return self.toks[self._ahead(k)]

    def _ahead(self, k: int) -> int:
        """The index of the token k tokens ahead, spacing skipped."""
        self._skip_spacing()
        j = self.i
        while k > 0 and self.toks[j].kind != "end":
            j += 1
            while self.toks[j].kind == "macro" and self.toks[j].text in _SPACING:
                j += 1
            k -= 1
        return j

    def _skip_spacing(self):
        while self.toks[self.i].kind == "macro" and self.toks[self.i].text in _SPACING:
            t = self.toks[self.i]
            self.i += 1
            if t.text in ("left", "right", "bigl", "bigr", "Bigl", "Bigr"):
                # \left and \right size a delimiter: one must follow (\left. is the empty one).
                u = self.toks[self.i]
                if u.kind == "char" and u.text == ".":
                    self.i += 1
                elif not (u.text in ("(", ")", "[", "]", "|", "{", "}") and u.kind in ("char", "macro")):
                    raise ReadError(f"\\{t.text} at position {t.pos} must be followed by a delimiter such as "
                                    f"( or ] in “{self.text}”")

    def next(self) -> Token:
        self._skip_spacing()
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def at(self, text: str) -> bool:
        t = self.peek()
        return t.kind in ("char", "macro") and t.text == text

    def expect(self, text: str) -> Token:
        t = self.next()
        if t.text != text or t.kind == "end":
            self.fail(f"expected '{text}'", t)
        return t

    def fail(self, what: str, tok: Token | None = None):
        tok = tok or self.peek()
        found = "the end" if tok.kind == "end" else "“" + ("\\" if tok.kind == "macro" else "") + tok.text + "”"
        raise ReadError(f"{what} at position {tok.pos} (found {found}) in “{self.text}”")

    def _enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"the formula nests deeper than {MAX_DEPTH}")

    def _leave(self):
        self.depth -= 1

    def text_at(self, k: int = 0) -> str | None:
        """The words of a ``\\text{…}`` (or ``\\mathrm``, ``\\textrm``) group starting k tokens ahead, else None."""
        j = self._ahead(k)
        t = self.toks[j]
        if not (t.kind == "macro" and t.text in ("text", "textrm", "mathrm", "textnormal")):
            return None
        opening = self.toks[j + 1]
        if not (opening.kind == "char" and opening.text == "{"):
            return None
        depth, m = 0, j + 1
        while self.toks[m].kind != "end":
            u = self.toks[m]
            if u.kind == "char" and u.text in "{}":
                depth += 1 if u.text == "{" else -1
                if depth == 0:
                    return self.text[opening.pos + 1:u.pos]
            m += 1
        return None

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
        while self.peek().kind == "macro" and self.peek().text in ("odot", "circ", "dotstar", "bullet"):
            t = self.next()
            op = ".*" if t.text == "dotstar" else "\\" + t.text
            left = Hadamard(left, self.product(), op)
        return left

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
            if self._ends_term(t) or (t.kind == "macro" and t.text in ("odot", "circ", "dotstar", "bullet")):
                break
            if t.kind == "macro" and t.text in ("cdot", "times"):  # a product, as juxtaposition
                self.next()
                after = self.peek()
                if not factors or self._ends_term(after) or (after.kind == "macro" and after.text in (
                        "odot", "circ", "dotstar", "bullet")):
                    self.fail(f"\\{t.text} has nothing to multiply on its {'left' if not factors else 'right'}", t)
                if self.cdot == "odot":  # the other readings of \cdot between two vectors (``grouping``)
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
            arg = self._script_tokens()
            if arg in (["T"], ["\\top"]):
                node = Transpose(node, "T" if arg == ["T"] else r"\top")
            elif len(arg) == 1 and arg[0].isdigit():
                node = Pow(node, _capped_exponent(int(arg[0]), tok, self))
            else:
                self.fail("a superscript here must be T, \\top or a whole number", tok)
        return node

    def _sample(self, raw: list[str], role: str, tok: Token) -> list[str]:
        """``^{x,l}``: the quantity of the sample x at layer l; the layer part is returned.

        Verify reads the cost of one sample (C_x is C, Nielsen's own
        convention for the backpropagation equations), so every quantity is
        that sample's and the sample is dropped, provided the formula names
        one sample and writes it on every activation, z and δ it gives a layer
        (checked in ``read``). Weights and biases carry no sample.
        """
        if len(raw) > 2 and raw[1] == "," and len(raw[0]) == 1 and raw[0].isalpha() and raw[0] not in "lL":
            if role not in _PER_SAMPLE:
                self.fail(f"a sample {raw[0]} on {role}: weights and biases are the same for every sample", tok)
            self.samples.add(raw[0])
            self.sampled_here = True
            return raw[2:]
        return raw

    def _script_tokens(self) -> list[str]:
        """The raw tokens of a sub/superscript (one token or a braced group)."""
        t = self.next()
        if t.kind == "char" and t.text == "{":
            out, depth = [], 1
            while True:
                u = self.next()
                if u.kind == "end":
                    self.fail("a script group is never closed", u)
                if u.kind == "char" and u.text == "{":
                    depth += 1
                elif u.kind == "char" and u.text == "}":
                    depth -= 1
                    if depth == 0:
                        break
                out.append(("\\" + u.text) if u.kind == "macro" else u.text)
            return out
        if t.kind == "end" or (t.kind == "char" and t.text == "}"):
            self.fail("a script is empty", t)
        if t.kind == "num":  # ^12 means ^1 followed by 2 in TeX
            first, rest = t.text[0], t.text[1:]
            if rest:
                self.toks.insert(self.i, Token("num", rest, t.pos + 1))
            return [first]
        return [("\\" + t.text) if t.kind == "macro" else t.text]

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
            return inner
        if self.at_norm_bar():
            return self.norm(t)
        if t.kind == "char" and t.text.isalpha():
            return self.letter()
        if t.kind == "macro":
            return self.macro()
        self.fail("expected a quantity, a number or '('", t)

    def macro(self):
        t = self.next()
        name = t.text
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            return self.frac(t)
        if name in _FONTS and not self.font_is_word():
            return self.font_group(name, t)
        if name in _FONTS or name in _TEXTS:
            word = "".join(self._script_tokens())
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

    def _quantity_from_word(self, word: str, t: Token, font: str = "mathrm"):
        role = self.letters.get(word)
        if word in ("\\delta",):
            return self.quantity("delta", r"\delta", t)
        if role in (None, "C"):
            loss = self.font_loss(font, word, t)
            if loss is not None:
                return loss
        if role is None:
            raise ReadError(
                f"{word!r} at position {t.pos} is not a quantity of the notation {self.notation.name!r} "
                f"(known: {', '.join(sorted(self.letters))}) in “{self.text}”"
            )
        # Keep the user's spelling (\mathbf{L}, \text{net}) for printing a corrected formula.
        return self.quantity(role, rf"\{font}{{{word}}}", t)

    def letter(self):
        t = self.next()
        c = t.text
        if c == "e" and self.at("^"):
            self.next()
            arg = self._group_expression()
            return Apply("exp", 0, arg, r"\exp")
        word = self._longer_name(t)
        if word is not None:
            return self.quantity(self.letters[word], word, t)
        if c in self.activation_names and (self.at("'") or self.at("(")):
            return self.function("sigma", c, t)  # the profile's activation letter, e.g. Ng's g
        if c in "fg" and c not in self.letters and (self.at("'") or self.at("(")):
            return self.function(c, c, t)  # a named generic function f'(x); the interpreter decides
        role = self.letters.get(c)
        if role == "C" or role is None and self.cost_letter(c):
            return self.loss(c, t)
        if role is None:
            raise ReadError(
                f"the letter {c!r} at position {t.pos} is not a quantity of the notation "
                f"{self.notation.name!r} (known: {', '.join(sorted(self.letters))}) in “{self.text}”"
            )
        return self.quantity(role, c, t)

    def _longer_name(self, first: Token) -> str | None:
        """A multi-letter name of the profile spelled by adjacent letters (Ng's dZ), longest first."""
        longest = max((len(k) for k in self.letters), default=1)
        if longest < 2:
            return None
        letters, j = [first], self.i
        while len(letters) < longest:
            u = self.toks[j]
            if u.kind != "char" or not u.text.isalpha() or u.pos != letters[-1].pos + 1:
                break
            letters.append(u)
            j += 1
        for n in range(len(letters), 1, -1):
            word = "".join(u.text for u in letters[:n])
            if word in self.letters:
                self.i += n - 1
                return word
        return None

    def _group_expression(self):
        t = self.next()
        if t.text != "{":
            self.i -= 1
            return self.primary()
        inner = self.additive()
        self.expect("}")
        return inner

    def quantity(self, role: str, base: str, tok: Token) -> Quantity:
        layer, indices, sep, power = None, (), "", None
        layered = role in ("w", "W", "b", "z", "a", "delta") or (role == "x" and self.notation.layer_shift != 0)
        transpose = None
        for _ in range(2):
            if self.at("^") and layer is None and transpose is None:
                stok = self.next()
                raw = self._script_tokens()
                if raw in (["T"], ["\\top"]):
                    transpose = "T" if raw == ["T"] else r"\top"
                elif layered and len(raw) > 1 and raw[-1] in ("T", "\\top") and raw[-2] in (")", "]"):
                    layer = _layer(raw[:-1], stok, self)  # \delta^{(l)T}: a layer, then a transpose
                    transpose = "T" if raw[-1] == "T" else r"\top"
                elif layered and len(raw) > 2 and raw[-1].isdigit() and (raw[-2] in (")", "]") or (
                        raw[-2] == "^" and raw[-3] in (")", "]"))):
                    # a^{(L)2}, a^{(L)^2}: the layer in its brackets, then a power (as it renders)
                    end = len(raw) - (1 if raw[-2] in (")", "]") else 2)
                    power = _capped_exponent(int(raw[-1]), stok, self)
                    layer = _layer(raw[:end], stok, self)
                elif layered:
                    layer = _layer(self._sample(raw, role, stok), stok, self)
                elif len(raw) == 1 and raw[0].isdigit():
                    q = Quantity(role, base, None, indices, sep)
                    return Pow(q, _capped_exponent(int(raw[0]), stok, self))
                else:
                    self.fail(f"{base} has no layer in the notation {self.notation.name!r}; a superscript on it "
                              "must be a power", stok)
            elif self.at("_") and not indices:
                itok = self.next()
                raw = self._script_tokens()
                if role == "C":
                    # C_x, C_{i_j}, C_{(x,y)}: the cost of one sample, which is C itself for one sample
                    base = f"{base}_{{{''.join(raw)}}}"
                    indices = ("sample",)
                    continue
                if layered and layer is None and "^" in raw and not self.at("^"):
                    # z_{j^L}: the layer typed inside the subscript, on the neuron index; it renders as
                    # z with j^L below it and is read as z^L_j (the quantity has no superscript of its own)
                    cut = raw.index("^")
                    layer = _layer(_unbraced(raw[cut + 1:]), itok, self)
                    raw = raw[:cut]
                indices, sep = _indices(raw, itok, self)
        if role == "x" and layer is not None and not self.notation.bias_column:
            self.fail("x with a layer is the augmented vector (x_0 = 1) of a notation with a bias column", tok)
        if role == "C":
            if layer is not None:
                self.fail("the cost C takes no layer", tok)
            indices = ()
            base = self.cost_arguments(base)
        if layer is not None and role in _PER_SAMPLE and not self.sampled_here:
            self.plain_layered += 1
        self.sampled_here = False
        q = Quantity(role, base, layer, indices, sep)
        if power is not None:
            return Pow(q, power)
        return Transpose(q, transpose) if transpose else q


def _unbraced(raw: list[str]) -> list[str]:
    """A script's tokens without the braces of one group around them (``{L-1}`` → ``L-1``)."""
    return raw[1:-1] if len(raw) > 1 and raw[0] == "{" and raw[-1] == "}" else raw
