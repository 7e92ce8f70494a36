r"""Single quantities in a notation profile: w^l_{jk}, b^l_j, a^l, (w^{l+1})^T, σ', ∂X/∂Y.

Nielsen's indices go in, the profile's LaTeX comes out; layer numbers are
shifted by the profile (Dyda counts the input as layer 0), and symbolic layer
names (l, l+1, L) keep their letters.

>>> weight(3, 1, 2, "sokolinsky")
'w^{(3)}_{21}'
>>> matrix("l+1", "nielsen", transpose=True)
'(w^{l+1})^T'
"""

from __future__ import annotations

from ..errors import NotationError, SpecError
from ..notation import Notation, profile


def check_printable(p: Notation) -> None:
    """Refuse a profile whose weights labelled l feed layer l + 1 (Ng's Θ^{(l)}).

    The documents write every weight and bias with the label of the layer it
    feeds (Nielsen's w^l, b^l); in such a profile each of those statements
    would be false, so no document is written in it (rv45 A4).
    """
    if p.weight_layer_offset:
        raise SpecError(
            f"the notation {p.name!r} labels the weights and biases that feed layer l + {p.weight_layer_offset} with l"
            f" (weight_layer_offset = {p.weight_layer_offset}); symbp latex cannot yet re-index its statements into"
            " such a notation, and will not print theorems that are false in it. Use symbp verify --notation with"
            " this profile to check formulas, or write the document in nielsen, sokolinsky or dyda"
        )


def weight(l, j, k, notation="nielsen") -> str:
    """Nielsen's w^l_{jk} (to j, from k) in ``notation``; indices may be symbols.

    >>> weight("l+1", "k", "j", "sokolinsky")
    'w^{(l+1)}_{jk}'
    """
    return weight_in(profile(notation), _layer(l), j, k)


def weight_in(p: Notation, l, j, k) -> str:
    """``p.weight``, but never ambiguous: w^{2}_{110} could be w_{1,10} or w_{11,0}.

    A profile that writes its two indices side by side gets a comma between
    them when either has more than one character.
    """
    if not p.index_separator and (len(str(j)) > 1 or len(str(k)) > 1):
        first, second = p.weight_index(j, k)
        return f"{p.names['weight']}^{{{p.layer(l)}}}_{{{first},{second}}}"
    return p.weight(l, j, k)


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
