r"""Notation profiles: how each set of notes names and indexes the same network.

symbp builds every network in Nielsen's indexing (layer 1 is the input,
w^l_{jk} goes from neuron k of layer l−1 to neuron j of layer l, neurons are
numbered from 1). A profile is data that renames and reindexes those roles; it
holds no code paths of its own.

>>> nielsen = profile("nielsen")
>>> nielsen.weight(3, 1, 2)
'w^{3}_{12}'
>>> profile("sokolinsky").weight(3, 1, 2)       # from 2 to 1: indices swap
'w^{(3)}_{21}'
>>> profile("dyda").bias(3, 1)                  # bias is column 0, layers from 0
'w^{[2]}_{1,0}'
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Mapping

from .errors import InputFileError, NotationError
from .files import MAX_PROFILE_BYTES, read_text

#: The roles a profile must name (LaTeX base symbols).
ROLES = ("weight", "weight_matrix", "bias", "z", "a", "input", "delta", "target", "cost", "activation")


#: Roles that may share one letter: the entries w^l_{jk} and the matrix w^l are the same quantity.
_SHARED = {"weight_matrix": "weight"}
#: Letters the reader gives a fixed meaning whatever the profile: Euler's e and the layer sizes n_l.
_RESERVED = {"e": "Euler's number in e^{…}", "n": "a layer size n_l"}
#: Macros the formula reader gives a fixed meaning (functions, operators, Σ' = diag σ'): a profile naming a role by
#: one of them would have its formulas read as that meaning, e.g. \exp'(z) checked as the real exp' while
#: reported "for σ = sigmoid" (review rv42a A4, B3). Greek letters stay free (\delta, \sigma, \Theta, …).
_RESERVED_MACROS = {
    **dict.fromkeys(("exp", "log", "ln", "tanh", "cosh", "sinh", "sech", "max", "min"), "a function"),
    **dict.fromkeys(("sum", "prod", "nabla", "partial", "frac", "dfrac", "tfrac", "odot", "cdot", "times", "circ",
                     "top", "hat", "widehat", "diag", "left", "right", "quad", "qquad", "text", "mathrm",
                     "operatorname", "mathbf", "vec", "tag", "label", "begin", "end", "cdots", "dots", "ldots",
                     "in", "le", "leq", "ge", "geq", "lt", "gt", "forall", "equiv", "Sigma"),
                    "an operator or macro of the formula reader"),
}


def _check_distinct_names(names: Mapping[str, str], where: str) -> None:
    """One letter, one role: a letter naming two roles would be read as whichever comes first."""
    seen: dict[str, str] = {}
    for role in ROLES:
        letter = " ".join(str(names.get(role, "")).split())
        if letter in _RESERVED:
            raise NotationError(f"{where}: the role {role} is named {letter!r}, which always means "
                                f"{_RESERVED[letter]}; choose another letter")
        if letter.startswith("\\") and letter[1:] in _RESERVED_MACROS:
            raise NotationError(f"{where}: the role {role} is named {letter!r}, which the formula reader always reads "
                                f"as {_RESERVED_MACROS[letter[1:]]} ({letter} in the notes); choose another letter "
                                "or a Greek-letter macro such as \\phi")
        key = (letter, _SHARED.get(role, role))
        other = seen.get(letter)
        if other is not None and _SHARED.get(other, other) != key[1]:
            raise NotationError(f"{where}: the letter {letter!r} names two roles, {other} and {role}; "
                                "each letter may name one role (set both in [names] to tell them apart)")
        seen.setdefault(letter, role)


@dataclass(frozen=True)
class Notation:
    r"""A notation profile.

    ``layer_shift`` is added to Nielsen's layer number (Dyda counts the input
    as layer 0, so −1). ``weight_order`` is ``"to,from"`` when the first weight
    index is the receiving neuron (Nielsen, Dyda) and ``"from,to"`` when it is
    the sending one (Sokolinsky). ``bias_column`` folds b^l_j into the weight
    matrix as column 0 with the constant input x_0 = 1 (Dyda). ``vectors`` is
    ``"column"`` (z = W a + b) or ``"row"`` (g = x W + b, seed 004): it changes
    how a layer and its matrices are written, never the numbers.
    ``weight_layer_offset`` is 1 when the weights and biases labelled l feed
    layer l + 1 (Ng: Θ^{(l)} maps layer l to layer l + 1), 0 when they feed
    layer l. ``unit_zero`` (with ``bias_column``): the notes write the constant input as the activation
    a^{l-1}_0 = 1 (Nielsen's letters, the bias as weight w^l_{j0}), so a^l_0 below the output is that 1.
    """

    name: str
    names: Mapping[str, str]
    layer_shift: int = 0
    layer_brackets: tuple[str, str] = ("", "")
    weight_order: str = "to,from"
    index_separator: str = ""
    bias_column: bool = False
    vectors: str = "column"
    weight_layer_offset: int = 0
    unit_zero: bool = False
    description: str = ""
    source: str = ""

    def __post_init__(self):
        missing = [r for r in ROLES if r not in self.names]
        if missing:
            raise NotationError(f"notation {self.name!r} does not name the roles {', '.join(missing)}")
        if self.weight_order not in ("to,from", "from,to"):
            raise NotationError(
                f"notation {self.name!r}: weight_order must be 'to,from' or 'from,to', got {self.weight_order!r}"
            )
        if self.vectors not in ("column", "row"):
            raise NotationError(f"notation {self.name!r}: vectors must be 'column' or 'row', got {self.vectors!r}")
        if len(self.layer_brackets) != 2:
            raise NotationError(f"notation {self.name!r}: layer_brackets must be a pair of strings")
        _check_distinct_names(self.names, f"notation {self.name!r}")

    # -- index maps (Nielsen -> profile) -------------------------------------

    def layer(self, l: int | str) -> str:
        """The layer label as printed: ``l`` may be a number or a LaTeX string."""
        if isinstance(l, int):
            l = str(l + self.layer_shift)
        opening, closing = self.layer_brackets
        return f"{opening}{l}{closing}"

    def weight_index(self, j: int, k: int) -> tuple[int, int]:
        """Profile indices of Nielsen's w_{jk} (to j, from k)."""
        return (j, k) if self.weight_order == "to,from" else (k, j)

    def _indices(self, *idx) -> str:
        return self.index_separator.join(str(i) for i in idx)

    # -- rendering of single quantities -------------------------------------

    def weight(self, l: int, j: int, k: int) -> str:
        """LaTeX for Nielsen's w^l_{jk} in this profile."""
        p, q = self.weight_index(j, k)
        return f"{self.names['weight']}^{{{self.layer(l)}}}_{{{self._indices(p, q)}}}"

    def bias(self, l: int, j: int) -> str:
        """LaTeX for Nielsen's b^l_j (Dyda: w^{[l-1]}_{j,0}, the bias column)."""
        if self.bias_column:
            p, q = self.weight_index(j, 0)
            return f"{self.names['weight']}^{{{self.layer(l)}}}_{{{self._indices(p, q)}}}"
        return f"{self.names['bias']}^{{{self.layer(l)}}}_{{{j}}}"

    def neuron(self, role: str, l: int, j: int) -> str:
        """LaTeX for z^l_j, a^l_j or δ^l_j; a^1 (the input) prints as the input."""
        if role == "a" and l == 1:
            return f"{self.names['input']}_{{{j}}}"
        return f"{self.names[role]}^{{{self.layer(l)}}}_{{{j}}}"

    def target(self, j: int) -> str:
        return f"{self.names['target']}_{{{j}}}"

    @property
    def cost(self) -> str:
        return self.names["cost"]

    @property
    def sigma(self) -> str:
        return self.names["activation"]

    def quantity(self, name: str) -> str:
        """Render a Nielsen display name (``w^3_12``, ``b^2_1``, ``x_1``, ``y_2``) in this profile.

        >>> profile("sokolinsky").quantity("w^3_12")
        'w^{(3)}_{21}'
        """
        import re

        m = re.fullmatch(r"([wb])\^(\d+)_([\d,]+)", name)
        if m:
            kind, l, idx = m.group(1), int(m.group(2)), m.group(3)
            parts = [int(p) for p in idx.split(",")] if "," in idx else [int(c) for c in idx]
            if kind == "w" and len(parts) == 2:
                return self.weight(l, *parts)
            if kind == "b" and len(parts) == 1:
                return self.bias(l, parts[0])
        m = re.fullmatch(r"([xy])(\^\(\d+\))?_(\d+)", name)
        if m:
            role = "input" if m.group(1) == "x" else "target"
            return f"{self.names[role]}{m.group(2) or ''}_{{{m.group(3)}}}"
        return name

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["names"] = dict(self.names)
        out["layer_brackets"] = list(self.layer_brackets)
        return out


_NIELSEN_NAMES = {
    "weight": "w",
    "weight_matrix": "w",
    "bias": "b",
    "z": "z",
    "a": "a",
    "input": "x",
    "delta": r"\delta",
    "target": "y",
    "cost": "C",
    "activation": r"\sigma",
}

PROFILES: dict[str, Notation] = {
    "nielsen": Notation(
        name="nielsen",
        names=_NIELSEN_NAMES,
        description="w^l_{jk}: from neuron k of layer l-1 to neuron j of layer l; layer 1 is the input",
        source="Nielsen, ch. 2; the formula sheet",
    ),
    "sokolinsky": Notation(
        name="sokolinsky",
        names=_NIELSEN_NAMES,
        layer_brackets=("(", ")"),
        weight_order="from,to",
        description="w^{(l)}_{ji}: from neuron j of layer l-1 to neuron i of layer l",
        source="Sokolinsky",
    ),
    "dyda": Notation(
        name="dyda",
        names={
            **_NIELSEN_NAMES,
            "weight_matrix": "W",
            "z": r"\mathrm{net}",
            "a": "a",
            "input": "x",
            "cost": r"\mathbf{L}",
            "activation": r"\varphi",
        },
        layer_shift=-1,
        layer_brackets=("[", "]"),
        index_separator=",",
        bias_column=True,
        description="W^{[l]} = [w_{k,j}]: to k from j, column j = 0 is the bias (x_0 = 1); layer 0 is the input",
        source="Dyda",
    ),
    # Seed 004 writes a layer as a row vector times a matrix, g = x W, with W of
    # shape inputs × outputs: Nielsen's w^l_{jk} (to j, from k) is W_{kj}.
    "rowvector": Notation(
        name="rowvector",
        names={
            **_NIELSEN_NAMES,
            "weight_matrix": "W",
            "z": "g",
            "cost": "L",
            "activation": "h",
        },
        weight_order="from,to",
        vectors="row",
        description="g = x W (+ b) with row vectors; W has shape inputs × outputs, w_{kj} from k to j",
        source="the computational-graph notes",
    ),
}


def profile(name: "str | Notation") -> Notation:
    """Return the profile called ``name`` (or ``name`` itself if it is one).

    >>> profile("dyda").layer_shift
    -1
    """
    if isinstance(name, Notation):
        return name
    key = str(name).strip().lower()
    if key in PROFILES:
        return PROFILES[key]
    raise NotationError(f"unknown notation {name!r}; known: {', '.join(PROFILES)} (or load one from a TOML file)")


# The type of each profile key, as TOML writes it; checked before the profile is built.
_TYPES = {"name": str, "layer_shift": int, "weight_order": str, "index_separator": str, "bias_column": bool,
          "unit_zero": bool,
          "vectors": str, "weight_layer_offset": int, "description": str, "source": str}


def _check_values(data: Mapping, where: str) -> None:
    for key, want in _TYPES.items():
        if key in data and (not isinstance(data[key], want) or (want is int and isinstance(data[key], bool))):
            raise NotationError(f"{where}: {key} must be {_TYPE_WORDS[want]}, got {data[key]!r}")
    if "name" in data and not data["name"].strip():
        raise NotationError(f"{where}: the name is empty")
    if "layer_shift" in data and not -10 <= data["layer_shift"] <= 10:
        raise NotationError(f"{where}: layer_shift must be between -10 and 10 (the shift of the input layer's "
                            f"number from Nielsen's 1), got {data['layer_shift']}")
    if "weight_layer_offset" in data and data["weight_layer_offset"] not in (0, 1):
        raise NotationError(f"{where}: weight_layer_offset must be 0 (w^l feeds layer l) or 1 (w^l feeds layer l + 1), "
                            f"got {data['weight_layer_offset']}")
    if "index_separator" in data and data["index_separator"] not in ("", ",", ";"):
        raise NotationError(f"{where}: index_separator must be \"\", \",\" or \";\", got {data['index_separator']!r}")
    if "layer_brackets" in data:
        b = data["layer_brackets"]
        pairs = {("", ""), ("(", ")"), ("[", "]"), ("{", "}")}
        if not isinstance(b, (list, tuple)) or tuple(b) not in pairs:
            raise NotationError(f"{where}: layer_brackets must be one of [\"\", \"\"], [\"(\", \")\"], "
                                f"[\"[\", \"]\"] or [\"{{\", \"}}\"], got {b!r}")
    names = data.get("names", {})
    if not isinstance(names, Mapping):
        raise NotationError(f"{where}: [names] must be a table of role = \"letter\", got {names!r}")
    for role, letter in names.items():
        if not isinstance(letter, str) or not letter.strip():
            raise NotationError(f"{where}: names.{role} must be a non-empty string (a LaTeX symbol), got {letter!r}")
        if len(letter) > 40 or any(c in letter for c in "{}$%#&^_ ") and not letter.startswith("\\"):
            raise NotationError(f"{where}: names.{role} = {letter!r} is not a symbol (a letter, a few letters "
                                "or one macro such as \\delta)")


_TYPE_WORDS = {str: "a string", int: "an integer", bool: "true or false"}


def from_mapping(data: Mapping, *, where: str = "profile") -> Notation:
    """Build a profile from plain data (e.g. a parsed TOML file).

    Names not given fall back to Nielsen's. Unknown keys, values of the wrong
    kind and a letter that names two roles are errors naming the key:

    >>> from_mapping({"name": "mine", "names": {"a": "z"}})
    Traceback (most recent call last):
    ...
    symbp.errors.NotationError: profile: the letter 'z' names two roles, z and a; ...
    """
    allowed = {f.name for f in fields(Notation)}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise NotationError(f"{where}: unknown keys {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    if "name" not in data:
        raise NotationError(f"{where}: a profile needs a 'name'")
    _check_values(data, where)
    names = dict(_NIELSEN_NAMES)
    extra = set(data.get("names", {})) - set(ROLES)
    if extra:
        raise NotationError(f"{where}: unknown roles in [names]: {', '.join(sorted(extra))}; roles: {', '.join(ROLES)}")
    names.update(data.get("names", {}))
    _check_distinct_names(names, where)
    kwargs = dict(data)
    kwargs["names"] = names
    if "layer_brackets" in kwargs:
        kwargs["layer_brackets"] = tuple(kwargs["layer_brackets"])
    try:
        return Notation(**kwargs)
    except TypeError as exc:
        raise NotationError(f"{where}: {exc}") from None


def load(path: "str | Path") -> Notation:
    """Load a profile from a TOML file (see ``from_mapping`` for the keys), at most ``MAX_PROFILE_BYTES``."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    path = Path(path)
    try:
        text = read_text(path, what="the notation file", limit=MAX_PROFILE_BYTES)
    except InputFileError as exc:
        raise NotationError(str(exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise NotationError(f"notation file {str(path)!r} is not valid TOML: {exc}") from None
    return from_mapping(data, where=str(path))
