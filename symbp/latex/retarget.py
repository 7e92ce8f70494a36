r"""Re-indexing the LaTeX of certificate steps into a notation profile.

The provers write each step's two sides as LaTeX in the notation the
identity is stated in (Nielsen's for most; Sokolinsky's lemmas in his).
``retarget`` reads every indexed quantity of such a formula, takes it to
Nielsen's indexing through the source profile's data, and writes it in the
target profile. It never guesses: a quantity whose indices it cannot read is
a ``NotationError``, never a formula left half in one notation.

>>> retarget(r"\partial C/\partial w^{2}_{jk}", "sokolinsky")
'\\partial C/\\partial w^{(2)}_{kj}'
"""

from __future__ import annotations

import re

from ..errors import NotationError
from ..notation import PROFILES, Notation, profile
from .symbols import _layer, bias_vector, matrix, vector, weight_in

_TRANSPOSE_AFTER = re.compile(r"\s*(?:\\right\s*)?\)\s*\^\s*(?:\{\s*T\s*\}|T)")
_VERBATIM_COMMANDS = {"text", "mathrm", "operatorname", "textrm", "mathbf", "mathit", "label", "tag", "textstyle"}
_LAYER_OPENING = re.compile(r"\^\s*\{\s*(?:[A-Za-z]\s*,\s*)?([(\[])")


class NotConvertible(NotationError):
    """A formula is written in a notation whose quantities cannot be re-indexed into another.

    ``source`` names the notation it is written in, so a caller may show it as written.
    """

    def __init__(self, message: str, source: Notation):
        super().__init__(message)
        self.source = source


def source_notation(text: str) -> Notation:
    r"""The profile a formula is written in, told by its layer brackets.

    The catalogue states most identities in Nielsen's notation and a few in the
    notation of the notes they come from (Sokolinsky's lemmas: ``z^{(l)}``;
    Dyda's folded bias: ``W^{[l]}``). Profiles with the same brackets as
    another cannot be told apart; the first one listed wins.

    >>> source_notation(r"w^{(3)}_{ji}").name
    'sokolinsky'
    """
    openings = set(_LAYER_OPENING.findall(text))
    found = [p for p in PROFILES.values() if p.layer_brackets[0] and p.layer_brackets[0] in openings]
    if len({p.layer_brackets for p in found}) > 1:
        raise NotationError(f"the formula {text!r} mixes the layer brackets of {', '.join(p.name for p in found)}")
    return found[0] if found else PROFILES["nielsen"]


def retarget(text: str, notation="nielsen", source=None, *, matrices: bool = True) -> str:
    r"""Re-index a prover's LaTeX into ``notation``.

    ``source`` is the notation ``text`` is written in (default: told by its
    layer brackets, see ``source_notation``). Every w, b, z, a, δ, x, y with
    indices, every C and σ is rewritten through Nielsen's indexing from the
    two profiles' data; a quantity whose indices cannot be read raises
    ``NotationError`` rather than pass through unconverted. A formula in a
    folded-bias notation (Dyda's augmented W) cannot be written in another
    one and raises ``NotConvertible``. ``matrices=False`` reads a bare w^l as
    the weights of layer l (in words), not as a matrix. Into such a notation, Nielsen's w^l
    becomes the weight columns (j ≥ 1) of W, which the documents state.

    >>> retarget(r"\frac{\partial C}{\partial b^{3}_{1}} = \delta^{3}_{1}", "dyda")
    '\\frac{\\partial \\mathbf{L}}{\\partial w^{[2]}_{1,0}} = \\delta^{[2]}_{1}'
    >>> retarget(r"\delta^{l} = (w^{l+1})^T \delta^{l+1} \odot \sigma'(z^{l})", "sokolinsky")
    "\\delta^{(l)} = w^{(l+1)} \\delta^{(l+1)} \\odot \\sigma'(z^{(l)})"
    >>> retarget(r"w^{(3)}_{ji}\sigma'(z^{(2)}_j)", "nielsen")          # Sokolinsky's Lemma 2
    "w^{3}_{ij}\\sigma'(z^{2}_{j})"
    """
    target = profile(notation)
    src = source_notation(text) if source is None else profile(source)
    if src.name == target.name:
        return text
    if src.bias_column:
        raise NotConvertible(
            f"the formula {text!r} is written in {src.name}'s notation, whose weight matrices hold the bias as a"
            f" column; it cannot be re-indexed into {target.name}'s",
            src,
        )
    return _Retarget(text, src, target, matrices).run()


class _Retarget:
    """One pass over a formula: copy everything, rewrite the quantities."""

    def __init__(self, text: str, src: Notation, target: Notation, matrices: bool = True):
        self.text, self.src, self.p, self.matrices = text, src, target, matrices
        self.heads = {src.names[r]: r for r in ("weight", "bias", "z", "a", "input", "target") if len(src.names[r]) == 1}
        self.heads.setdefault(src.names["weight_matrix"], "weight")
        self.out: list[str] = []

    def run(self) -> str:
        text, src, p, out = self.text, self.src, self.p, self.out
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c == "\\":
                name, j = _command(text, i)
                command = "\\" + name
                if name in _VERBATIM_COMMANDS:
                    group, j2 = _argument(text, j)
                    if name == "operatorname" and group.replace("\\", "") == "sigma_prime":
                        out.append(p.sigma + "'")
                    elif name == "mathbf" and command + "{" + group + "}" == src.cost:
                        out.append(p.cost)
                    else:
                        out.append(text[i:j2])
                    i = j2
                elif command == src.names["delta"] and _has_script(text, j) and not _kronecker(text, j):
                    i = self.quantity(j, "delta")
                elif command == src.sigma:
                    if text[j:].lstrip().startswith("_{prime}"):  # sympy prints sigma_prime so
                        j = text.index("_{prime}", j) + len("_{prime}")
                        out.append(p.sigma + "'")
                    else:
                        out.append(p.sigma)
                    i = j
                else:
                    out.append(text[i:j])
                    i = j
            elif c in self.heads and _standalone(text, i) and _has_script(text, i + 1):
                i = self.quantity(i + 1, self.heads[c])
            elif self.heads.get(c) in ("input", "target") and _standalone(text, i) and _word_ends(text, i + 1):
                # the whole target (or input) vector, a^L − y: the profile's letter (rv48 D5: y was printed for a
                # profile whose target is t, and verify in that profile could not read its own document)
                out.append(p.names[self.heads[c]])
                i += 1
            elif c == src.cost and _standalone(text, i) and not (i + 1 < n and text[i + 1].isalpha()):
                out.append(p.cost)
                i += 1
            else:
                out.append(c)
                i += 1
        return "".join(out)

    def layer(self, sup: str):
        """A source superscript as (prefix, Nielsen layer): ``x,2`` is sample x of layer 2."""
        prefix = ""
        if "," in sup:
            prefix, sup = sup.rsplit(",", 1)
            prefix += ","
        opening, closing = self.src.layer_brackets
        sup = sup.strip()
        if opening and sup.startswith(opening) and sup.endswith(closing):
            sup = sup[len(opening) : len(sup) - len(closing)]
        layer = _layer(sup)
        if isinstance(layer, int):
            layer -= self.src.layer_shift
        return prefix, layer

    def quantity(self, i: int, role: str) -> int:
        """Read ^{layer} and _{indices} at ``i``; append the target's LaTeX; return the new position."""
        text, src, p = self.text, self.src, self.p
        sup = sub = None
        for _ in range(2):
            k = i
            while k < len(text) and text[k] == " ":
                k += 1
            if k < len(text) and text[k] == "^" and sup is None:
                sup, i = _argument(text, k + 1)
            elif k < len(text) and text[k] == "_" and sub is None:
                sub, i = _argument(text, k + 1)
            else:
                break
        where = f"in the formula {text!r}"
        prefix, layer = self.layer(sup) if sup is not None else ("", None)
        if sub is None and "row" in (getattr(src, "vectors", "column"), getattr(p, "vectors", "column")):
            # Row vectors turn every matrix product around (seed 004: g = xW); a
            # whole-layer quantity is not re-indexed into or out of such a profile.
            raise NotationError(f"a whole-layer quantity between column and row vectors, {where}")
        if role == "weight":
            if layer is None:
                raise NotationError(f"a weight without its layer, {where}")
            if sub is None and not self.matrices:  # the weights of a layer, named in words
                self.out.append(f"{p.names['weight_matrix']}^{{{p.layer(layer)}}}")
                return i
            if sub is None:
                transposed = _open_paren(self.out) and _TRANSPOSE_AFTER.match(text, i)
                if transposed:
                    _drop_open_paren(self.out)
                    i = transposed.end()
                nielsen_t = bool(transposed) != (src.weight_order == "from,to")
                self.out.append(matrix(layer, p, transpose=nielsen_t))
                return i
            first, second = _two_indices(sub, where)
            j, k = (first, second) if src.weight_order == "to,from" else (second, first)
            self.out.append(weight_in(p, layer, j, k))
            return i
        if role in ("input", "target"):
            if sup is not None:
                raise NotationError(f"{src.names[role]} with a superscript {sup!r} cannot be re-indexed, {where}")
            self.out.append(f"{p.names[role]}_{{{sub}}}")
            return i
        if layer is None:
            raise NotationError(f"{src.names.get(role, role)} with indices {sub!r} but no layer, {where}")
        if prefix:  # a sample's quantity: keep the sample, re-index the layer
            name = p.names["weight" if role == "bias" else role]
            text_ = f"{name}^{{{prefix}{p.layer(layer)}}}" + (f"_{{{sub}}}" if sub is not None else "")
            self.out.append(text_)
        elif role == "bias":
            self.out.append(p.bias(layer, sub) if sub is not None else bias_vector(layer, p))
        else:
            self.out.append(p.neuron(role, layer, sub) if sub is not None else vector(role, layer, p))
        return i


def _command(text: str, i: int) -> tuple[str, int]:
    j = i + 1
    while j < len(text) and text[j].isalpha():
        j += 1
    if j == i + 1 and j < len(text):  # a one-symbol command like \, or \{
        j += 1
    return text[i + 1 : j], j


def _argument(text: str, i: int) -> tuple[str, int]:
    """The argument at ``i`` (after spaces): a brace group's content, a command or one char."""
    while i < len(text) and text[i] == " ":
        i += 1
    if i >= len(text):
        return "", i
    if text[i] == "{":
        depth, j = 0, i
        while j < len(text):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    return text[i + 1 : j], j + 1
            j += 1
        raise NotationError(f"unbalanced braces in the LaTeX {text!r}")
    if text[i] == "\\":
        name, j = _command(text, i)
        return text[i:j], j
    return text[i], i + 1


def _standalone(text: str, i: int) -> bool:
    # A head letter is a quantity only when it is not part of a word or a command.
    return not (i > 0 and (text[i - 1].isalpha() or text[i - 1] == "\\"))


def _word_ends(text: str, i: int) -> bool:
    # A head letter followed by another letter is part of a word (\text{...} aside), not a quantity.
    return not (i < len(text) and text[i].isalpha())


def _has_script(text: str, i: int) -> bool:
    return text[i:].lstrip(" ")[:1] in ("^", "_")


def _kronecker(text: str, i: int) -> bool:
    # \delta_{jk} with no layer superscript is Kronecker's delta, not an error term.
    return text[i:].lstrip(" ").startswith("_") and not re.match(r"\s*_\s*(\{[^{}]*\}|\S)\s*\^", text[i:])


def _two_indices(sub: str, where: str) -> tuple[str, str]:
    parts = [s.strip() for s in sub.split(",")] if "," in sub else list(sub.replace(" ", ""))
    if len(parts) != 2 or not all(parts):
        raise NotationError(f"cannot read the two indices of the weight subscript {sub!r}, {where}")
    return parts[0], parts[1]


def _open_paren(out: list[str]) -> bool:
    return "".join(out[-3:]).rstrip().endswith("(")


def _drop_open_paren(out: list[str]) -> None:
    tail = "".join(out).rstrip()[:-1]
    if tail.rstrip().endswith(r"\left"):
        tail = tail.rstrip()[: -len(r"\left")]
    out[:] = [tail]
