r"""The reader's letters: a letter, a macro letter or a word in a font, read as the quantity it names.

A mixin of the reader's parser (``reader._Parser``), beside ``constructs`` and
``forms``: the notation profile says which letters are quantities and which
of them carry a layer (``self.letters``, letter → role), and a quantity's
scripts are read here as its layer (``w^{l+1}``, ``a^{(L)}``, ``z_{j^L}``),
its sample (``z^{x,l}``), its neuron indices, a power (``a^{(L)2}``) or a
transpose (``\delta^{(l)T}``). A letter that names nothing in the notation
is an error naming it and its position.

>>> from symbp.verify.reader import read
>>> from symbp.verify.nodes import to_latex
>>> to_latex(read(r"a^{x,L}_j = \sigma(z^{x,L}_j)").sides[0])
'a^L_j'
>>> read(r"q^l = 1")
Traceback (most recent call last):
...
symbp.verify.lexer.ReadError: the letter 'q' at position 0 is not a quantity of the notation 'nielsen' (known: C, W, a, b, w, x, y, z) in “q^l = 1”
"""

from __future__ import annotations

from .lexer import ReadError, Token, _capped_exponent, _indices, _layer
from .nodes import Apply, Pow, Quantity, Transpose

#: The quantities of one sample: Nielsen's z^{x,l}, a^{x,l}, δ^{x,l} (weights and biases have none).
_PER_SAMPLE = ("z", "a", "delta")


class Letters:
    """Methods of ``reader._Parser`` for the letters of the notation and their scripts."""

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
                raw = self.script()
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
                raw = self.script()
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
