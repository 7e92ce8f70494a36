r"""Render symbp's expressions in a notation profile.

Three kinds of input, one set of rules (the profile's data, never a branch per
profile):

* SymPy expressions over a network's symbols (``w^2_12``, ``b^3_1``, ``x_1``,
  ``y_2``, ``z^2_1``) and the generic activation σ, σ' — ``latex(expr, notation)``;
* quantities with symbolic indices, for statements and definitions —
  ``weight("l+1", "k", "j", notation)``, ``matrix("l+1", notation, transpose=True)``;
* the LaTeX strings of certificate steps, which the provers write in Nielsen's
  notation — ``retarget(text, notation)`` re-indexes every quantity in them and
  refuses (``NotationError``) a quantity it cannot re-index, rather than leave a
  Nielsen index order in a Sokolinsky document.

Layer numbers are shifted by the profile (Dyda counts the input as layer 0);
symbolic layer names (l, l+1, L) are bound names and keep their letters.

>>> from symbp.network import network
>>> net = network([2, 3, 2])
>>> latex(net.weight(3, 1, 2), "nielsen")
'w^{3}_{12}'
>>> latex(net.weight(3, 1, 2), "sokolinsky")
'w^{(3)}_{21}'
>>> retarget(r"\delta^{l}_{j} = \sum_k w^{l+1}_{kj} \delta^{l+1}_{k}", "sokolinsky")
'\\delta^{(l)}_{j} = \\sum_k w^{(l+1)}_{jk} \\delta^{(l+1)}_{k}'
"""

from __future__ import annotations

import re

import sympy
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from ..errors import NotationError
from ..notation import Notation, profile

# A network symbol's name, as ``Network`` makes it: head, optional sample
# "^(s)", optional layer "^l", then the neuron indices.
_SYMBOL = re.compile(r"(?P<head>[wbzaxy])(?:\^\((?P<s>\d+)\))?(?:\^(?P<l>\d+))?_(?P<idx>[\d,]+)")

#: The role each head letter of Nielsen's notation plays.
HEADS = {"w": "weight", "b": "bias", "z": "z", "a": "a", "x": "input", "y": "target", "delta": "delta"}


# -- single quantities (Nielsen indices in, profile LaTeX out) -----------------


def weight(l, j, k, notation="nielsen") -> str:
    """Nielsen's w^l_{jk} (to j, from k) in ``notation``; indices may be symbols.

    >>> weight("l+1", "k", "j", "sokolinsky")
    'w^{(l+1)}_{jk}'
    """
    return profile(notation).weight(_layer(l), j, k)


def bias(l, j, notation="nielsen") -> str:
    return profile(notation).bias(_layer(l), j)


def neuron(role: str, l, j, notation="nielsen") -> str:
    """z^l_j, a^l_j or δ^l_j (role ``"z"``, ``"a"``, ``"delta"``) in ``notation``."""
    return profile(notation).neuron(role, _layer(l), j)


def vector(role: str, l, notation="nielsen") -> str:
    r"""The whole layer z^l, a^l or δ^l; a^1 is the input x.

    >>> vector("z", 3, "dyda")
    '\\mathrm{net}^{[2]}'
    """
    p = profile(notation)
    l = _layer(l)
    if role == "a" and l == 1:
        return p.names["input"]
    return f"{p.names[role]}^{{{p.layer(l)}}}"


def bias_vector(l, notation="nielsen") -> str:
    p = profile(notation)
    l = _layer(l)
    if p.bias_column:  # the bias is column 0 of the weight matrix
        r, c = p.weight_index(r"\cdot", 0)
        return f"{p.names['weight']}^{{{p.layer(l)}}}_{{{p._indices(r, c)}}}"
    return f"{p.names['bias']}^{{{p.layer(l)}}}"


def matrix(l, notation="nielsen", *, transpose: bool = False) -> str:
    r"""Nielsen's weight matrix w^l (row j = receiving neuron), or its transpose.

    A profile that indexes weights "from,to" writes its matrix the other way
    round, so Nielsen's (w^{l})^T is that profile's plain matrix.

    >>> matrix("l+1", "nielsen", transpose=True)
    '(w^{l+1})^T'
    >>> matrix("l+1", "sokolinsky", transpose=True)
    'w^{(l+1)}'
    """
    p = profile(notation)
    base = f"{p.names['weight_matrix']}^{{{p.layer(_layer(l))}}}"
    if p.weight_order == "from,to":
        transpose = not transpose
    return f"({base})^T" if transpose else base


def sigma(notation="nielsen", *, prime: bool = False) -> str:
    p = profile(notation)
    return p.sigma + ("'" if prime else "")


def sigma_prime_matrix(l, notation="nielsen") -> str:
    r"""Σ'(z^l), the diagonal matrix of σ'(z^l_j)."""
    return rf"\Sigma'({vector('z', l, notation)})"


def hadamard(left: str, right: str) -> str:
    return rf"{left} \odot {right}"


def partial(of: str, by: str) -> str:
    r"""``\frac{\partial of}{\partial by}``."""
    return rf"\frac{{\partial {of}}}{{\partial {by}}}"


def cost(notation="nielsen") -> str:
    return profile(notation).cost


def nabla_a_cost(notation="nielsen") -> str:
    return rf"\nabla_{{{profile(notation).names['a']}}} {cost(notation)}"


def _layer(l):
    # Ints are concrete layers (shifted by the profile); anything else is a
    # symbolic name printed as given.
    if isinstance(l, bool):
        raise NotationError(f"a layer must be a number or a name, got {l!r}")
    if isinstance(l, int):
        return l
    text = str(l).strip()
    return int(text) if text.isdigit() else text


# -- SymPy expressions -----------------------------------------------------------


class ProfilePrinter(LatexPrinter):
    """SymPy's LaTeX printer, with a network's symbols and σ in a profile."""

    def __init__(self, notation="nielsen", **settings):
        super().__init__(settings)
        self.notation = profile(notation)

    def _print_Symbol(self, expr, style="plain"):
        text = symbol_latex(expr.name, self.notation)
        return text if text is not None else super()._print_Symbol(expr, style)

    def _print_Function(self, expr, exp=None):
        if isinstance(expr, AppliedUndef) or _is_generic(expr):
            name = type(expr).__name__
            head = _function_head(name, self.notation)
            args = ", ".join(self._print(a) for a in expr.args)
            text = rf"{head}\left({args}\right)"
            return f"{text}^{{{exp}}}" if exp is not None else text
        return super()._print_Function(expr, exp)


def _is_generic(expr) -> bool:
    # functions.generic_function makes σ a Function subclass (for its
    # derivative rule), so it is not an AppliedUndef; its class is cached there.
    from ..functions import _GENERIC_CACHE

    return any(type(expr) is pair[0] for pair in _GENERIC_CACHE.values())


def _function_head(name: str, notation: Notation) -> str:
    # The generic activation is sigma / sigma_prime; another generic f is f / f_prime.
    prime = name.endswith("_prime")
    base = name[: -len("_prime")] if prime else name
    head = notation.sigma if base == "sigma" else (base if len(base) == 1 else rf"\operatorname{{{base}}}")
    return head + ("'" if prime else "")


def symbol_latex(name: str, notation="nielsen") -> str | None:
    """LaTeX of the network symbol called ``name`` (None if it is not one)."""
    m = _SYMBOL.fullmatch(name)
    if not m:
        return None
    p = profile(notation)
    head, idx = m.group("head"), m.group("idx")
    layer = int(m.group("l")) if m.group("l") else None
    parts = idx.split(",") if "," in idx else list(idx)
    sample = m.group("s")
    if head == "w" and layer is not None and len(parts) == 2:
        text = p.weight(layer, *parts)
    elif head == "b" and layer is not None and len(parts) == 1:
        text = p.bias(layer, parts[0])
    elif head in ("z", "a") and layer is not None and len(parts) == 1:
        text = p.neuron(head, layer, parts[0])
    elif head == "x" and layer is None and len(parts) == 1:
        text = f"{p.names['input']}_{{{parts[0]}}}"
    elif head == "y" and layer is None and len(parts) == 1:
        text = p.target(parts[0])
    else:
        return None
    if sample is not None:
        text = rf"{text}^{{\langle {sample}\rangle}}" if layer is None else rf"{{{text}}}^{{\langle {sample}\rangle}}"
    return text


def latex(expr, notation="nielsen") -> str:
    r"""LaTeX of a SymPy expression over a network's symbols, in ``notation``.

    >>> from symbp.functions import generic_function
    >>> from symbp.network import network
    >>> net = network([1, 1])
    >>> sigma, sigma_prime = generic_function("sigma")
    >>> latex(net.x(1) * sigma_prime(net.z(2, 1)), "dyda")
    "x_{1} \\varphi'\\left(\\mathrm{net}^{[1]}_{1}\\right)"
    """
    return ProfilePrinter(notation).doprint(sympy.sympify(expr) if not isinstance(expr, sympy.Basic) else expr)


def element_latex(net, element, notation="nielsen") -> str:
    """LaTeX of an exact algebra element of ``net`` (e.g. a ``GroundTruth`` result).

    Its activation atoms print as σ(z^l_j) and σ'(z^l_j) whatever the activation,
    as the notes write them.
    """
    model = net.atoms

    def atom(i):
        kind, *rest = model.keys[i]
        if kind in ("S", "D"):
            s, l, j = rest
            name = _generic_name(net.activation(l, j))
            f = sympy.Function(name + ("_prime" if kind == "D" else ""))
            return f(net.z(l, j, s))
        return model.sympy_atom(i)

    return latex(element.to_sympy(atom), notation)


def _generic_name(act) -> str:
    return act.name.split(":", 1)[1] if act.name.startswith("generic:") else "sigma"


# -- re-indexing the LaTeX of certificate steps ------------------------------------

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
    from ..notation import PROFILES

    openings = set(_LAYER_OPENING.findall(text))
    found = [p for p in PROFILES.values() if p.layer_brackets[0] and p.layer_brackets[0] in openings]
    if len({p.layer_brackets for p in found}) > 1:
        raise NotationError(f"the formula {text!r} mixes the layer brackets of {', '.join(p.name for p in found)}")
    return found[0] if found else PROFILES["nielsen"]


def retarget(text: str, notation="nielsen", source=None) -> str:
    r"""Re-index a prover's LaTeX into ``notation``.

    ``source`` is the notation ``text`` is written in (default: told by its
    layer brackets, see ``source_notation``). Every w, b, z, a, δ, x, y with
    indices, every C and σ is rewritten through Nielsen's indexing from the
    two profiles' data; a quantity whose indices cannot be read raises
    ``NotationError`` rather than pass through unconverted. A formula in a
    folded-bias notation (Dyda's augmented W) cannot be written in another
    one and raises ``NotConvertible``. Into such a notation, Nielsen's w^l
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
    return _Retarget(text, src, target).run()


class _Retarget:
    """One pass over a formula: copy everything, rewrite the quantities."""

    def __init__(self, text: str, src: Notation, target: Notation):
        self.text, self.src, self.p = text, src, target
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
                elif command == src.names["delta"] and _has_script(text, j):
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
        if role == "weight":
            if layer is None:
                raise NotationError(f"a weight without its layer, {where}")
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
            self.out.append(p.weight(layer, j, k))
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


def _has_script(text: str, i: int) -> bool:
    return text[i:].lstrip(" ")[:1] in ("^", "_")


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


# -- certificates ------------------------------------------------------------------


def certificate_latex(cert, notation="nielsen") -> str:
    """LaTeX of a certificate: its steps as an ``align*`` when it holds, else its verdict.

    This is what ``Certificate.to_latex(notation=...)`` and ``_repr_latex_`` return.
    """
    from .document import certificate_body

    return certificate_body(cert, notation, standalone=True)
