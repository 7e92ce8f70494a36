r"""Everyday spellings of the reader: how lecture notes, blog posts and course pages write things.

A mixin of the reader's parser, beside ``constructs``: each method starts at
its token and returns a node of ``symbp.verify.nodes``. What each spelling
*means* is fixed here, once:

* ``\partial C / \partial a`` and ``∂C/∂a``: the slash form of ∂C/∂a;
* ``\frac{\partial}{\partial w} X`` (also ``\frac \partial {\partial w} X``): ∂/∂w applied to X;
* ``\|v\|^2``, ``\lVert v \rVert^2``, ``||v||^2`` (with an optional ``_2``): the squared Euclidean norm;
* the cost with its arguments, ``J(W,b;x,y)``, ``C(w, b)``, ``\mathbf{L}(y, a^{[L]})``: the cost itself
  (the arguments name what it depends on; they are kept for printing);
* the loss written ``L``, ``J``, ``E``, ``\ell``, ``\mathcal{L}``, ``\mathcal{C}``: the cost, where only
  the cost can stand (differentiated, under ∇, or with arguments); one formula uses one spelling;
* ``\hat{y}``: the network's prediction, the output activation a^L;
* ``\tanh``, ``\log``/``\ln``, ``\operatorname{diag}``: functions (``diag`` of a vector is its diagonal matrix).
"""

from __future__ import annotations

from .lexer import ReadError, _indices
from .nodes import Apply, Derivative, Layer, Norm, Num, Partial, Pow, Quantity

#: The hyperbolic functions read by name (\tanh, \cosh, \sinh, and sech written \operatorname{sech}).
HYPERBOLIC = ("tanh", "cosh", "sinh", "sech")

#: Letters that name the loss where only the cost can stand (a profile may name its own).
LOSS_LETTERS = ("C", "L", "J", "E")
#: Fonts that only change how a letter looks: \mathcal{L} is the loss L.
_LOSS_FONTS = {"mathcal", "mathscr", "mathbf", "boldsymbol", "bm", "mathit", "mathrm"}


class Forms:
    """Methods of ``reader._Parser`` for the everyday spellings (see the module)."""

    # -- the cost and its spellings ----------------------------------------------------

    def loss(self, spelling: str, tok) -> Quantity:
        """The cost, spelled ``spelling``; a formula that spells it two ways mixes notations."""
        seen = getattr(self, "_loss_spellings", None)
        if seen is None:
            seen = self._loss_spellings = set()
        seen.add(spelling)
        if len(seen) > 1:
            self.fail("the formula writes the cost in two ways (" + " and ".join(sorted(seen)) + "); "
                      "it mixes notations", tok)
        return self.quantity("C", spelling, tok)

    def in_cost_slot(self, read):
        """Run ``read()`` where only the cost (or a network quantity) can stand: ∂X/∂…, ∇ X."""
        saved = getattr(self, "_cost_slot", False)
        self._cost_slot = True
        try:
            return read()
        finally:
            self._cost_slot = saved

    def cost_letter(self, c: str) -> bool:
        """Is the letter ``c``, which the profile does not name, the loss here? Where only the cost can stand
        (differentiated, under ∇, with arguments), or as E or J opening a formula (``E = \\frac12 \\sum …``;
        not L, which opens depth conditions such as L = 4)."""
        if c not in LOSS_LETTERS:
            return False
        opening = self.i == 1 and c in ("E", "J") and self.at("=")
        return getattr(self, "_cost_slot", False) or self.at("(") or opening

    def cost_arguments(self, base: str) -> str:
        """``J(W,b;x,y)``: the argument list after the cost, kept in its spelling (it names, it does not scale)."""
        if not self.at("("):
            return base
        start = self.next()
        depth, end = 1, None
        while True:
            t = self.toks[self.i]
            if t.kind == "end":
                self.fail("the argument list of the cost is never closed", start)
            self.i += 1
            if t.kind == "char" and t.text in "([":
                depth += 1
            elif t.kind == "char" and t.text in ")]":
                depth -= 1
                if depth == 0:
                    end = t
                    break
        return base + "(" + " ".join(self.text[start.pos + 1:end.pos].split()) + ")"

    # -- derivatives ----------------------------------------------------------------------

    def slash_partial(self, tok):
        r"""``\partial C / \partial a^L_j``: the ∂ has been read; the numerator, '/', ∂, the denominator follow."""
        num = self.in_cost_slot(self.primary)
        if not self.at("/"):
            self.fail("∂ is read in ∂X/∂Y, written \\frac{\\partial X}{\\partial Y} or \\partial X / \\partial Y", tok)
        self.next()
        if not self.at("partial"):
            self.fail("the denominator of ∂X/∂… must start with \\partial")
        self.next()
        den = self.primary()
        if not isinstance(num, Quantity) or not isinstance(den, Quantity):
            self.fail("∂X/∂Y reads only network quantities X and Y", tok)
        return Partial(num, den)

    def derivative_frac(self, tok):
        r"""``\frac{\partial X}{\partial Y}``, ``\frac \partial {\partial Y} X`` or ``\frac{\partial}{\partial Y} X``."""
        braced = self.at("{")
        if braced:
            self.expect("{")
        self.expect("partial")
        num = None
        if braced and not self.at("}"):
            num = self.in_cost_slot(self.primary)
        if braced:
            self.expect("}")
        opened = self.at("{")
        if opened:
            self.expect("{")
        if not self.at("partial"):
            if opened and isinstance(num, Quantity):
                return self._partial_lost(num, tok)
            self.fail("the denominator of ∂X/∂… must start with \\partial")
        self.expect("partial")
        den = self.primary()
        if opened:
            self.expect("}")
        if not isinstance(den, Quantity):
            self.fail("∂X/∂Y reads only a network quantity Y", tok)
        if num is None:  # the operator ∂/∂Y, applied to what follows it
            operand = self.in_cost_slot(self.product)  # as rendered, ∂/∂Y acts on the rest of the product
            if isinstance(operand, Quantity):
                return Partial(operand, den)
            return Derivative(operand, den)
        if not isinstance(num, Quantity):
            self.fail("∂X/∂Y reads only network quantities X and Y", tok)
        return Partial(num, den)

    def _partial_lost(self, num, tok):
        r"""``\frac{\partial b^l_j}{z^l_j}``: ∂ over a lone quantity, its own ∂ lost, read as ∂b^l_j/∂z^l_j.

        Only a whole denominator that is one network quantity is read so (∂b/z has no other meaning
        in a derivative); anything else there keeps the formula unreadable.
        """
        start = self.i
        den = self.primary()
        if not (isinstance(den, Quantity) and self.at("}")):
            self.i = start
            self.fail("the denominator of ∂X/∂… must start with \\partial")
        self.expect("}")
        return Partial(num, den)

    def d_fraction(self, tok):
        r"""``\frac{d\sigma}{dz}``: the derivative of the activation by a bare z, σ'(z)."""
        self.expect("{")
        self.expect("d")
        act = self.next()
        self.expect("}")
        for text in ("{", "d"):
            self.expect(text)
        den = self.primary()
        self.expect("}")
        if not (isinstance(den, Quantity) and den.layer is None and not den.indices and den.role == "z"):
            self.fail("dσ/dz is read for a bare z", tok)
        return Apply("sigma", 1, den, "\\" + act.text if act.kind == "macro" else act.text)

    def d_quotient(self, tok):
        r"""``\frac{dC}{da}``: dX/dY of a quantity X by a bare scalar Y (z or a), read as ``\frac{d}{dY} X``;
        None (nothing read) when the fraction is not of that form (``\frac{d_1}{d_2}``)."""
        start = self.i
        try:
            for text in ("{", "d"):
                self.expect(text)
            num = self.in_cost_slot(self.primary)
            for text in ("}", "{", "d"):
                self.expect(text)
            den = self.primary()
            self.expect("}")
        except ReadError:
            self.i = start
            return None
        if not (isinstance(num, Quantity) and isinstance(den, Quantity)):
            self.i = start
            return None
        if not (den.layer is None and not den.indices and den.role in ("z", "a")):
            self.fail("dX/dY is read for a bare scalar Y (z or a); write ∂ for network quantities", tok)
        return Partial(num, den)  # as ∂X/∂Y is (a bare a is no function of a bare z: read only where defined)

    def d_operator(self, tok):
        r"""``\frac{d}{dz} X``: d/dz of a function of the one scalar z (a, y), applied to what follows."""
        for text in ("{", "d", "}", "{", "d"):
            self.expect(text)
        den = self.primary()
        self.expect("}")
        if not (isinstance(den, Quantity) and den.layer is None and not den.indices and den.role in ("z", "a")):
            self.fail("d/dX is read for a bare scalar X (z or a); write ∂ for network quantities", tok)
        return Derivative(self.in_cost_slot(self.product), den)

    # -- norms ------------------------------------------------------------------------------

    def at_norm_bar(self) -> bool:
        t = self.peek()
        if t.kind == "macro" and t.text in ("|", "Vert", "lVert", "rVert"):
            return True
        return t.kind == "char" and t.text == "|" and self.peek(1).kind == "char" and self.peek(1).text == "|"

    def _norm_bar(self, tok):
        t = self.next()
        if t.kind == "char":
            self.next()  # the second '|' of '||'
        elif t.text not in ("|", "Vert", "lVert", "rVert"):
            self.fail("expected the closing ‖ of the norm", tok)

    def norm(self, tok) -> Norm:
        r"""``\| v \|^2``: the squared Euclidean norm (the exponent is read here; ``_2`` names the norm)."""
        self._norm_bar(tok)
        self._norm_depth = getattr(self, "_norm_depth", 0) + 1
        try:
            inner = self.additive()
        finally:
            self._norm_depth -= 1
        if not self.at_norm_bar():
            self.fail("the norm ‖…‖ is never closed", tok)
        self._norm_bar(tok)
        if self.at("_"):
            self.next()
            if self.script() != ["2"]:
                self.fail("only the Euclidean norm ‖…‖_2 is read", tok)
        power = 1
        if self.at("^"):
            stok = self.next()
            raw = self.script()
            if len(raw) != 1 or not raw[0].isdigit():
                self.fail("a norm's exponent must be a whole number", stok)
            power = int(raw[0])
        return Norm(inner, power)

    # -- quantities in other spellings -----------------------------------------------------

    def hat(self, tok):
        r"""``\hat{y}_j``: the prediction, the output activation a^L_j. Other hats are not quantities."""
        word = "".join(self.script())
        target = self.notation.names["target"]
        if word != target:
            self.fail(f"\\hat{{{word}}} is not a quantity symbp reads (\\hat{{{target}}} is the prediction a^L)", tok)
        indices, sep = (), ""
        if self.at("_"):
            itok = self.next()
            indices, sep = _indices(self.script(), itok, self)
        brackets = tuple(self.notation.layer_brackets)
        return Quantity("a", rf"\hat{{{word}}}", Layer("L", 0, brackets), indices, sep, implicit_layer=True)

    def font_group(self, name: str, tok):
        r"""``\boldsymbol{W^L}``: a font around more than a letter or a word is read as the math inside it."""
        self.expect("{")
        inner = self.additive()
        self.expect("}")
        return inner

    def font_is_word(self) -> bool:
        """Does the group after a font macro hold one letter or one word (not an expression)?"""
        if not self.at("{"):
            return True
        j = self._ahead(1) if hasattr(self, "_ahead") else self.i + 1
        depth, k = 0, j
        while self.toks[k].kind != "end":
            u = self.toks[k]
            if u.kind == "char" and u.text == "}" and depth == 0:
                return True
            if u.kind == "char" and u.text == "{":
                depth += 1
            elif u.kind == "char" and u.text == "}":
                depth -= 1
            elif u.kind == "char" and u.text in "^_()+-=" or u.kind == "num" and k > j:
                return False
            k += 1
        return True

    def font_loss(self, name: str, word: str, tok):
        """``\\mathcal{L}``, ``\\mathcal{C}``: the loss in a font (None if the word is not a loss letter)."""
        if name in _LOSS_FONTS and word in LOSS_LETTERS and self.letters.get(word) in (None, "C"):
            return self.loss(rf"\{name}{{{word}}}", tok)
        return None

    # -- functions ----------------------------------------------------------------------------

    def named_function(self, name: str, tok):
        r"""``\tanh(z)``, ``\tanh'(z)``, ``\tanh^2(z)`` (the square of tanh z), ``\log(a)``, ``\ln(a)``,
        ``\cosh``, ``\sinh``, ``\operatorname{sech}``; ``\tanh^{-1}`` (the inverse function) is not read."""
        func = {"ln": "log"}.get(name, name)
        primes = 0
        while self.at("'"):
            self.next()
            primes += 1
        power = None
        if self.at("^"):
            stok = self.next()
            raw = self.script()
            if "".join(raw) == "-1":
                self.fail(f"\\{name}^{{-1}} is the inverse function of {name}, which is not read (a power is "
                          f"written \\{name}^2(z))", stok)
            if len(raw) != 1 or not raw[0].isdigit():
                self.fail(f"\\{name}^… must be a whole power, as in \\{name}^2(z)", stok)
            power = int(raw[0])
        while self.at("'"):
            self.next()
            primes += 1
        if primes > 1:
            self.fail("only first derivatives are read", tok)
        base = r"\operatorname{sech}" if name == "sech" else "\\" + name
        if not (self.at("(") or self.at("[")):
            if func != "log" or primes or power:
                self.fail(f"\\{name} must be applied to an argument in parentheses", self.peek())
            return Apply(func, 0, self._bare_argument(name), base)
        node = Apply(func, primes, self.primary(), base)
        return Pow(node, power) if power else node

    def relu_max(self, tok):
        r"""``\max(0, z)`` (or ``\max(z, 0)``): relu(z), the network's σ only under relu (the interpreter decides,
        as for tanh); any other maximum is not read."""
        self.expect("(")
        first = self.additive()
        self.expect(",")
        second = self.additive()
        self.expect(")")
        zero = [isinstance(x, Num) and x.value == 0 for x in (first, second)]
        if zero.count(True) != 1:
            self.fail(r"\max is read only as relu, \max(0, z)", tok)
        return Apply("relu", 0, second if zero[0] else first, r"\max")

    def _bare_argument(self, name: str):
        r"""The argument of ``\ln a^L_j`` (Nielsen writes the logarithm so): one quantity with its scripts, read as
        ``\ln(a^L_j)`` when what follows cannot multiply it (an end, +, −, a closing bracket, =); followed by
        another factor (``\ln a^L_j y_j``) whether the logarithm takes the product is not clear: unreadable."""
        t = self.peek()
        if not (t.kind == "char" and t.text.isalpha()):
            self.fail(f"\\{name} must be applied to an argument in parentheses (or to one letter, \\{name} a)", t)
        arg = self.primary()
        after = self.peek()
        if not (after.kind == "end" or (after.kind == "char" and after.text in "+-)]}=,&;|")
                or (after.kind == "macro" and after.text in _ENDS_A_FACTOR)):
            self.fail(f"\\{name} of one letter followed by another factor: whether the logarithm takes the product "
                      f"is not clear; write \\{name}(…)", after)
        return arg

    def diag(self, tok):
        r"""``\operatorname{diag}(v)``: the diagonal matrix of a vector; diag σ'(z) is Σ'(z)."""
        if not self.at("("):
            self.fail("diag must be applied to a vector in parentheses", self.peek())
        inner = self.primary()
        if isinstance(inner, Apply) and inner.func == "sigma" and inner.primes == 1:
            return Apply("Sigma", 1, inner.arg, r"\Sigma")
        return Apply("diag", 0, inner, r"\operatorname{diag}")


#: What may follow ``\ln a`` and end its argument (besides +, −, closing brackets, =, the end).
_ENDS_A_FACTOR = {"cdot", "times", "quad", "qquad", "\\", "rbrack", "rangle", "neq", "ne", "approx", "leq", "geq",
                  "text", "tag", "label", "nonumber", "notag"}

__all__ = ["HYPERBOLIC", "Forms", "LOSS_LETTERS"]
