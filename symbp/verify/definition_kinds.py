r"""What a definition of the notes defines, read from its text: a cost, a forward pass, an activation, δ, a name.

The recognisers ``unknowns`` builds on: each looks at one formula's text (and the notation) and says which of
symbp's concepts it defines, if any — the loss letter of a cost (``loss_letter``), a weighted input, an activation
or a linear output (``forward_kind``), an activation under another name or for some layers (``layer_activation``,
``other_function``), δ (``defines_delta``), a mean over the inputs of a cost per input (``cost_per_input``), a letter of
the notes' own (``new_name``). None of them judges a definition: whether it holds is the verdict of the definition
as a claim, and what that verdict means for the other claims is ``unknowns``' concern.

>>> from symbp.notation import profile
>>> loss_letter(r"\mathcal{L} = \frac{1}{2}\|a^L - y\|^2"), loss_letter(r"L = 3"), loss_letter(r"E_x = 0")
('\\mathcal{L}', '', 'E')
>>> forward_kind(r"z^l_j = \sum_k w^l_{jk} a^{l-1}_k - b^l_j", profile("nielsen"))
'z'
>>> forward_kind(r"a^L = z^L", profile("nielsen")), forward_kind(r"a^l_j = \sigma(2 z^l_j)", profile("nielsen"))
('linear', 'a')
"""

from __future__ import annotations

import re

from ..errors import SymbpError
from ..notation import Notation
from .claims import UPDATE_RULE
from .lexer import ReadError
from .nodes import Apply, Layer, Nabla, Partial, Quantity, walk
from .reader import read
from .sumcost import summed
from .updatenames import read_new
from .updates import is_rule

#: A cost's definition as notes write it: C, E, J or a calligraphic letter (L only with arguments: L = 3 is a depth).
COST_DEFINITION = re.compile(r"^\s*(?P<letter>C|E|J|\\mathcal\{[A-Z]\}|L(?=\s*\())\s*(?:_\{[^{}]*\}|_\w)?\s*"
                             r"(?:\([^=]*\))?\s*(?::=|=|\\equiv|\\coloneqq|\\triangleq|\\doteq|\\stackrel|\\overset)")
#: The mean over the training inputs of a per-input cost (Nielsen's C = 1/2n Σ_x ‖y(x) − a‖²): the cost verify's
#: per-input claims are about, not another one.
OVER_SAMPLES = re.compile(r"\\sum_\{?x\}?|\\frac\{1\}\{2?n\}|\\frac\{1\}\{2?m\}|\(x\)")
#: A function of the input under a subscripted name, UFLDL's hypothesis h_{W,b}(x), h_\theta(x): not a sample's label.
_HYPOTHESIS = re.compile(r"(?<![A-Za-z\\])[b-xzB-Z]\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])\s*\(\s*x\s*\)")


#: A marker of the training inputs other than a count: Σ_x, (x).
_SAMPLE_MARK = re.compile(r"\\sum_\{?x\}?|\(x\)")
#: A sum over an index that is not an output neuron's (j, k): Σ_i, Σ_{t=1}^m, Σ without an index.
_SUM_NOT_OUTPUT = re.compile(r"\\sum(?!\s*_\s*\{?\s*[jk](?![A-Za-z]))")


def over_samples(text: str) -> bool:
    r"""Is ``text`` written over the training inputs (``OVER_SAMPLES``), not counting a hypothesis h_{W,b}(x)?
    A count alone (1/n, 1/m) is not enough: C = (1/n)‖a^L − y‖² and C = (1/n) Σ_j (a_j − y_j)² are means over
    the n outputs (review 25 A2); with Σ_x, (x) or a sum over another index it is.

    >>> over_samples(r"C = \frac12\|y(x) - a^L(x)\|^2"), over_samples(r"J = \|h_{W,b}(x) - y\|^2")
    (True, False)
    >>> over_samples(r"C = \frac{1}{n}\|a^L - y\|^2"), over_samples(r"C = \frac{1}{n}\sum_{j=1}^{n} (a^L_j - y_j)^2")
    (False, False)
    >>> over_samples(r"C = \frac{1}{2m}\sum_{i=1}^m \|a^{(i)} - y^{(i)}\|^2")
    True
    """
    text = _HYPOTHESIS.sub(" ", text)
    if _SAMPLE_MARK.search(text):
        return True
    return OVER_SAMPLES.search(text) is not None and _SUM_NOT_OUTPUT.search(text) is not None


#: = and the signs notes define with (:=, ≡, ≜, ≐, an algorithm's ←).
_RELATION = re.compile(r":=|(?<![<>!:])=|\\equiv|\\coloneqq|\\triangleq|\\doteq|\\gets(?![A-Za-z])|\\leftarrow(?![A-Za-z])")

#: L, \\ell, \\mathbf{L} (and C, E, J with a subscript such as E_{\\text{reg}}) defined from the output and the
#: targets: a loss too (L alone, without an output and a target in it, is the depth: L = 3).
_LOSS_OF_OUTPUT = re.compile(r"^\s*(?P<letter>C|E|J|L|\\ell|\\mathbf\{L\}|\\mathcal\{[A-Z]\})\s*"
                             r"(?:_\{(?:[^{}]|\{[^{}]*\})*\}|_\w)?\s*(?:\([^=]*\))?\s*(?::=|=|\\equiv|\\coloneqq|\\triangleq|\\doteq)"
                             r"(?=.*(?<![A-Za-z\\])a(?![A-Za-z]))(?=.*(?<![A-Za-z\\])y(?![A-Za-z]))")


def loss_letter(text: str) -> str:
    """The loss letter a definition ``text`` defines (C, E, J, \\mathcal{L}, L(…), or L, \\ell, \\mathbf{L} of the
    output and the targets, or any of them as the sum of its per-input costs, ``L = \\sum_x L_x``), or ''."""
    m = COST_DEFINITION.match(text) or _LOSS_OF_OUTPUT.match(text)
    return m.group("letter") if m else summed(text)


#: An activation applied in a definition of a: σ, tanh, a named function (\\mathrm{id}, \\operatorname{…}).
_ACTIVATION_WORD = re.compile(r"\\sigma(?!\s*')(?!\s*\^\{?\\prime)|\\tanh|\\mathrm\{|\\operatorname|\\max|\\exp|e\^|"
                             r"\\(?:text|textrm|mathit|mathsf)\s*\{\s*[A-Za-z]+\s*\}\s*(?:\\left)?\s*\(|"
                             r"\\(?:phi|varphi|psi|rho|theta|vartheta)(?![A-Za-z])|(?<![A-Za-z\\])[fgh]\s*(?:\\left)?\s*\(")
_DERIVATIVE_ONLY = re.compile(r"\\sigma\s*'|\\sigma\s*\^\{?\\prime")


def forward_kind(text: str, nt: Notation) -> str:
    """'z' (a weighted input from the weights, under any letter), 'a' (a = σ(…) or another activation of the notes'),
    'linear' (an output layer without σ: a^L = z^L, tanh(z^L), w^L a^{L-1} + b^L) for a forward-pass definition,
    else ''."""
    parts = _RELATION.split(text, maxsplit=1)
    if len(parts) < 2 or "\\partial" in text or "\\nabla" in text or read_new(text) is not None or is_rule(text):
        return ""  # w^{l}_{(t+1)} = w^{l}_{(t)} - η δ^l (a^{l-1})^T, w^l_{t+1} = w^l_t - …: an update rule (rv46 C2)
    rest = parts[1]
    try:
        lhs = read(f"{parts[0].strip()} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        # g^l = a^{l-1} W^l - b^l: a weighted input under a letter the notation lacks is a forward pass too
        # (a bare letter the notation lacks, o = σ(w^L a^{L−1} + b^L), is a name of the notes' own: ``new_name``)
        unknown_letter = re.fullmatch(r"\s*[A-Za-z](?:\s*[\^_]\s*(?:\{[^{}]*\}|\w))+\s*", parts[0]) is not None
        weights = re.search(r"(?<![A-Za-z\\])[wW](?![A-Za-z])|\\Theta", rest) is not None
        return "z" if unknown_letter and weights and re.search(r"(?<![A-Za-z\\])[ax](?![A-Za-z])", rest) else ""
    if not isinstance(lhs, Quantity) or lhs.role not in ("z", "a") or lhs.layer is None:
        return ""
    core = re.split(r"\\q?quad|\\text|,|;", rest.split("=")[0])[0]  # a^L = z^L \quad \text{(linear output)}
    try:
        rhs = read(f"{core.strip()} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        rhs = None
    if lhs.role == "a" and is_output(lhs) and isinstance(rhs, Quantity) and rhs.role == "z" and (
            rhs.layer == lhs.layer and rhs.indices == lhs.indices):
        return "linear"
    if lhs.role == "a" and rhs is None and re.search(r"(?<![A-Za-z\\])z(?![A-Za-z])", core):
        # a^L = \Phi(z^L), a^l = \varsigma(z^l): a function of z symbp cannot read is an activation of the notes'
        # own all the same, never σ (rv53 F10: the unread definition left σ at the output, and BP1 held)
        return "linear" if is_output(lhs) and lhs.layer.var == "L" else "a"
    weights = re.search(r"(?<![A-Za-z\\])[wW](?![A-Za-z])|\\Theta|\\theta", rest) is not None
    if lhs.role == "z" and weights:
        return "z"
    if lhs.role == "a" and isinstance(rhs, Apply) and rhs.func == "sigma" and rhs.primes == 0:
        return "a"  # a = σ(…): a claim such as a = z ⊙ σ'(z) defines nothing
    if (lhs.role == "a" and is_output(lhs) and lhs.layer.var == "L" and rhs is not None
            and _of_output_z_alone(rhs, lhs)):
        return "linear"  # a^L = 2z^L: an output layer without σ, as a^L = z^L
    if lhs.role == "a" and (weights or _ACTIVATION_WORD.search(rest)) and not _DERIVATIVE_ONLY.search(rest):
        # a = 2σ(z), σ(z/τ), σ(z) + b, tanh(z^L) at the output, w a + b at the output: an activation of the notes'
        # own (a = z ⊙ σ'(z), with σ' alone, is a claim about σ, not a definition)
        return "linear" if is_output(lhs) and lhs.layer is not None and lhs.layer.var == "L" else "a"
    return ""


def _of_output_z_alone(rhs, lhs: Quantity) -> bool:
    """Is ``rhs`` built from the output's z (same layer and indices) and numbers alone, with no function applied?"""
    nodes = list(walk(rhs))
    zs = [n for n in nodes if isinstance(n, Quantity)]
    return (bool(zs) and all(n.role == "z" and n.layer == lhs.layer and n.indices == lhs.indices for n in zs)
            and not any(isinstance(n, Apply) for n in nodes))


def other_function(text: str, nt: Notation) -> bool:
    r"""Does the definition of a ``text`` apply another function than the notation's σ to z alone (``a^l =
    \tanh(z^l)``, ``a^l = \ln(1 + e^{z^l})``)? Such a definition is a change of activation, never a slip of σ;
    ``a^l = \sigma(2z^l)`` (σ itself, another argument) or ``a^l = w^l a^{l-1} + b^l`` (the weights) may be one.

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> other_function(r"a^l = \tanh(z^l)", nt), other_function(r"a^l = \ln(1+e^{z^l})", nt)
    (True, True)
    >>> other_function(r"a^l = \sigma(2z^l)", nt), other_function(r"a^l = w^l a^{l-1} + b^l", nt)
    (False, False)
    """
    parts = _RELATION.split(text, maxsplit=1)
    if len(parts) < 2:
        return False
    rest = parts[1]
    if re.search(r"(?<![A-Za-z\\])[wW](?![A-Za-z])|\\Theta|\\theta", rest):
        return False
    own = re.escape(nt.names["activation"])
    if re.search(own + r"(?![A-Za-z])", rest) or re.search(r"\\sigma(?![A-Za-z])", rest):
        return False
    return re.search(r"(?<![A-Za-z\\])z(?![A-Za-z])", rest) is not None


#: An activation defined under another name or for some layers: f(z) = tanh(z), g^{[L]}(z) = z, \phi^{(l)}(z) := …
_LAYER_ACTIVATION = re.compile(
    r"^\s*(?P<f>[fgh]|\\(?:sigma|phi|varphi|psi|rho|theta|vartheta)(?![A-Za-z])|"
    r"\\(?:mathrm|operatorname|text|textrm|mathit)\s*\{\s*[A-Za-z]+\s*\})\s*"
    r"(?P<layer>\^\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))?\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*"
    r"(?:\\left)?\s*\(\s*z\s*(?:[\^_]\s*(?:\{[^{}]*\}|\w)\s*)*(?:\\right)?\s*\)\s*"
    r"(?::=|(?<![<>!:])=|\\equiv|\\coloneqq|\\triangleq|\\doteq)")


def layer_activation(text: str, nt: Notation) -> bool:
    r"""Does ``text`` define an activation symbp's model does not take in: a function of z under a name other than the
    notation's σ (``f(z) = \tanh(z)``), or σ for some layers only (``g^{[L]}(z) = z``, ``\sigma^{(l)}(z) = …``)?

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> layer_activation(r"g^{[L]}(z) = z", nt), layer_activation(r"f(z) = \tanh(z)", nt)
    (True, True)
    >>> layer_activation(r"\sigma(z) = \tanh(z)", nt), layer_activation(r"f(x) = x^2", nt)
    (False, False)
    """
    m = _LAYER_ACTIVATION.match(text)
    if m is None:
        return False
    return m.group("layer") is not None or " ".join(m.group("f").split()) != nt.names["activation"]


#: A condition on the layer after a definition (a^l = … \quad l < L, for l = 2, …, L − 1, \text{hidden}).
_LAYER_CONDITION = re.compile(r"(?:\\q?quad|\\text\s*\{|,)\s*.*(?:(?<![A-Za-z\\])l\s*(?:<|>|\\le|\\ge|\\leq|\\geq|=|\\in|\\neq|\\ne)|"
                              r"hidden|output|last|final)", re.S)


def covers(held_text: str, text: str, nt: Notation) -> bool:
    r"""Does the definition of a ``held_text`` that holds speak of every layer the definition ``text`` speaks of, so
    that ``text`` contradicting it is a slip? a^L = σ(z^L) says nothing of the hidden layers: a^l = max(0, z^l)
    beside it is the notes' activation there, not a slip; nor is a definition restricted to some layers.

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> covers(r"a^l = \sigma(z^l)", r"a^l = \tanh(z^l)", nt), covers(r"a^L = \sigma(z^L)", r"a^l = \max(0, z^l)", nt)
    (True, False)
    """
    if _LAYER_CONDITION.search(_RELATION.split(text, maxsplit=1)[-1]):
        return False
    held, mine = _lhs_layer(held_text, nt), _lhs_layer(text, nt)
    if held is None or mine is None:
        return False
    return held.var not in (None, "L") and held.offset == 0 or (held.var, held.offset) == (mine.var, mine.offset)


def _lhs_layer(text: str, nt: Notation):
    """The layer of the quantity a definition ``text`` defines (None: unread, or written without one)."""
    try:
        lhs = read(f"{_RELATION.split(text, maxsplit=1)[0].strip()} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        return None
    if not isinstance(lhs, Quantity):
        return None
    return Layer("L", 0) if lhs.layer is None and lhs.implicit_layer else lhs.layer


#: A bare letter alone on the left of a definition (o = …, h := …, s ≡ …), and what it is defined as.
_NAMED = re.compile(r"^\s*(?P<name>[A-Za-z])\s*(?P<layer>\^\s*(?:\{\s*[(\[]?\s*[lL]\s*(?:[+-]\s*\d\s*)?[)\]]?\s*\}|[lL])\s*)?(?::=|(?<![<>!:])=|\\equiv|\\coloneqq|\\triangleq|\\doteq)(?P<rest>.+)$", re.S)
#: Letters that are indices, sizes, depths or constants, never a quantity's new name (j = 1, n = 3, e = 2.71…).
_NOT_A_NAME = set("ijklmnpqrstLNTed")
#: The network's own quantities in a right side (a new name defined from them is a quantity of the network's).
_NETWORK_TERMS = re.compile(r"(?<![A-Za-z\\])[wWabzxy](?![A-Za-z])|\\sigma(?![A-Za-z])")


def new_name(text: str, nt: Notation) -> str:
    r"""The letter ``text`` defines when it is a name the notation lacks, alone on the left and defined from the
    network's quantities (``o = \sigma(w^L a^{L-1} + b^L)``), else ''.

    Such a definition is of that name, not of the forward pass: the claims that use the name cannot be checked (symbp
    has no role for it), the others are unaffected. The name may carry a layer (``g^l = z^l W^l`` beside the weighted
    input z: a quantity of the notes' own, defined from z); one defined as a weighted input (``g^l = a^{l-1} W^l +
    b^l``: from the weights and the activations) is the forward pass under another letter (``forward_kind``).

    >>> from symbp.notation import profile
    >>> new_name(r"o = \sigma(w^L a^{L-1} + b^L)", profile("nielsen")), new_name("n = 3", profile("nielsen"))
    ('o', '')
    >>> new_name(r"z = w a + b", profile("nielsen")), new_name(r"C = \frac{1}{2}\|a^L - y\|^2", profile("nielsen"))
    ('', '')
    >>> new_name(r"g^l = w^l z^l", profile("nielsen")), new_name(r"g^l = w^l a^{l-1} + b^l", profile("nielsen"))
    ('g', '')
    """
    m = _NAMED.match(text)
    if m is not None and UPDATE_RULE.match(text):
        return ""  # v := x - \eta (p - y) h: a step of an update rule (from the wrong name), not v's definition
    if m is None or m.group("name") in _NOT_A_NAME or not _NETWORK_TERMS.search(m.group("rest")) or loss_letter(text):
        return ""
    if m.group("layer") and forward_kind(text, nt):
        return ""  # g^l = a^{l-1} W^l + b^l: a weighted input under another letter
    if m.group("name").upper() == nt.names["cost"]:
        return ""  # c = ½‖a − y‖²: the cost in lower case, read as the cost only with the notes' evidence (``names``)
    try:
        read(f"{m.group('name')} = 0", nt)
    except ReadError as e:
        return m.group("name") if "is not a quantity" in str(e) else ""
    except (SymbpError, ValueError):
        return ""
    return ""


def uses_name(text: str, name: str) -> bool:
    r"""Does the formula ``text`` write the letter ``name`` as a symbol of its own (not inside a word or a macro)?

    >>> uses_name(r"o - y", "o"), uses_name(r"\cos(z)", "o")
    (True, False)
    """
    return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", text) is not None


def candidate(text: str, nt: Notation) -> bool:
    r"""Might ``text`` be a definition whose verdict decides what the claims mean (checked ahead of them)?

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> candidate(r"C = \frac{1}{2}\|a^L - y\|^2", nt), candidate(r"\delta^L = (a^L - y) \odot \sigma'(z^L)", nt)
    (True, False)
    """
    return (bool(loss_letter(text)) or bool(forward_kind(text, nt)) or defines_delta(text, nt)
            or bool(new_name(text, nt)) or layer_activation(text, nt))


#: A sum or mean over the inputs, and verify's own C = (1/n) Σ_x C_x, its count written m, n or N (the mean over
#: the set of inputs summed over, a mini-batch of m or the n training inputs).
OVER_INPUTS = re.compile(r"\\sum_\{?x\}?|\\sum_\{x\s*\\in")
MEAN_OF_PER_INPUT = re.compile(r"^\s*C\s*(?:\([^=]*\))?\s*(?::=|=|\\equiv)\s*\\frac\s*\{?\s*1\s*\}?\s*\{?\s*(?P<count>[mnN])\s*\}?"
                               r"\s*\\sum_\{?x\}?\s*C_\{?x\}?\s*[.,;]?\s*$")
#: δ defined: δ ≡ …, δ := …, δ \\triangleq …, δ \\stackrel{def}{=} … (of the cost).
DELTA_DEFINITION = re.compile(r":=|\\equiv|\\triangleq|\\coloneqq|\\stackrel|\\overset|\\doteq")


def delta_claim(text: str) -> str:
    r"""The definition of δ ``text`` as a claim δ = …: its operator (``::=``, ``\equiv``) an equals sign, a comment
    after ``//`` off (Sokolinsky: ``\delta_i^{(l)} ::= \frac{\partial C}{\partial z_i^{(l)}} \text{ // для …}``).

    >>> print(delta_claim(r"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}"))
    \delta^l_j = \frac{\partial C}{\partial z^l_j}
    """
    m = DELTA_DEFINITION.search(text)
    if m is None:  # δ = ∂C/∂z …: already a claim
        return text
    lhs = text[:m.start()].rstrip(" :")
    rhs = re.split(r"\\text\s*\{\s*//|//", text[m.end():])[0]
    return f"{lhs} = {rhs.strip()}"


#: δ = one derivative of the cost, alone (a remark after it in \\text): the shape of a definition of δ.
_DELTA_AS_DERIVATIVE = re.compile(r"=\s*-?\s*(?:\\frac\s*\{\s*\\partial\s*C\s*\}\s*\{[^{}]*\}|\\nabla_\{[^{}]*\}\s*C|"
                                  r"\\nabla_\S+\s*C)\s*(?:[,;.]?\s*(?:\\quad|\\qquad|\\,|\\;)?\s*\\text\s*\{.*)?$")


def output_gradient_slip(text: str, nt: Notation) -> bool:
    r"""Is ``text`` the claim δ^L = ∇_a C (``\nabla_{a^L} C``, ``\frac{\partial C}{\partial a^L_j}``): δ of the
    output layer alone, written with = (no sign of a definition), equal to the gradient of C by the output a^L?

    That is BP1 with its factor σ'(z^L) missing, the most common slip in notes, not the notes' own meaning of δ:
    a definition of δ speaks of every layer (δ^l ≡ ∂C/∂a^l) or is written as one (δ^L :≡ ∇_a C). It is a claim,
    refuted with that diagnosis, and the claims about δ around it are judged under δ ≡ ∂C/∂z.

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> [output_gradient_slip(t, nt) for t in (r"\delta^L = \nabla_a C", r"\delta^L_j = \frac{\partial C}{\partial a^L_j}",
    ...  r"\delta^L \equiv \nabla_a C", r"\delta^l = \nabla_{a^l} C", r"\delta^L = -\nabla_a C")]
    [True, True, False, False, False]
    """
    if DELTA_DEFINITION.search(text) or text.count("=") != 1:
        return False
    try:
        lhs, rhs = read(text, nt).sides
    except (ReadError, SymbpError, ValueError):
        return False
    if not (isinstance(lhs, Quantity) and lhs.role == "delta" and lhs.layer is not None and lhs.layer.var == "L"
            and lhs.layer.offset == 0):
        return False
    parts = derivative_parts(rhs)
    if parts is None:
        return False
    num, den = parts
    return (isinstance(num, Quantity) and num.role == "C" and isinstance(den, Quantity) and den.role == "a"
            and (den.layer is None or den.layer == lhs.layer) and den.indices == lhs.indices)


def derivative_parts(node) -> "tuple | None":
    """(what is differentiated, by what) of ``∂X/∂Y`` or ``∇_Y X``; None for anything else."""
    if isinstance(node, Partial):
        return node.num, node.den
    if isinstance(node, Nabla):
        return node.of, node.wrt
    return None


def defines_delta(text: str, nt: Notation) -> bool:
    r"""Is ``text`` a definition of δ (δ ≡ ∂C/∂z, δ := −∇_z C, δ = ∂C/∂z with a remark, …)?

    >>> from symbp.notation import profile
    >>> nt = profile("nielsen")
    >>> defines_delta(r"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}", nt)
    True
    >>> defines_delta(r"\delta^L = (a^L - y) \odot \sigma'(z^L)", nt)
    False
    """
    m = DELTA_DEFINITION.search(text)
    if m is None:
        m = _DELTA_AS_DERIVATIVE.search(text)
        if m is None or output_gradient_slip(text, nt):  # δ^L = ∇_a C: BP1 without σ', a claim
            return False
    # δ^L_j ≡ 2(a^L_j − y_j)σ'(z^L_j), without a derivative of C: a definition of δ all the same, checked as the
    # claim δ = … (symbp's δ is ∂C/∂z; a definition that is not would otherwise leave it in force silently)
    try:
        lhs = read(f"{text[:m.start()].strip()} = 0", nt).sides[0]
    except (ReadError, SymbpError, ValueError):
        return False
    return isinstance(lhs, Quantity) and lhs.role == "delta"


#: Nielsen's C = 1/(2n) Σ_x ‖y(x) − a^L(x)‖²: the letter, the ½ if any, and the cost of one input after the sum.
_MEAN_OVER_INPUTS = re.compile(r"^\s*(?P<letter>C|E|J|\\mathcal\{[A-Z]\})\s*(?:\([^=]*\))?\s*(?::=|=|\\equiv|\\coloneqq)\s*"
                               r"\\frac\{1\}\{(?P<two>2)?\s*[nm]\}\s*\\sum_\{?x\}?\s*(?P<body>.+?)\s*[.,;]?\s*$")


def cost_per_input(text: str) -> "str | None":
    r"""The cost of one input a mean ``C = \frac{1}{2n}\sum_x …`` averages, as a claim about C (or None).

    >>> print(cost_per_input(r"C(w, b) \equiv \frac{1}{2n} \sum_{x} ||y(x) - a||^2"))
    C = \frac{1}{2} ||y - a^L||^2
    >>> print(cost_per_input(r"C = \frac{1}{n}\sum_x \|y(x) - a^L(x)\|^2"))
    C = \|y - a^L\|^2
    """
    m = _MEAN_OVER_INPUTS.match(text)
    if m is None:
        return None
    # Nielsen: "a is the vector of outputs from the network when x is input": a bare a in the cost is a^L
    body = re.sub(r"(?<![A-Za-z\\])a(?![A-Za-z^_])", "a^L", m.group("body").replace("(x)", ""))
    if re.search(r"(?<![A-Za-z\\])x(?![A-Za-z])", body):
        return None  # the input itself still named: not a cost of one input written by its quantities
    return f"{m.group('letter')} = " + (r"\frac{1}{2} " if m.group("two") else "") + body


def names_a_cost(text: str) -> bool:
    r"""C = C_x, E = C: a name for a cost, not its definition.

    >>> names_a_cost("C = C_x"), names_a_cost(r"C = \frac{1}{2}\|a^L - y\|^2")
    (True, False)
    """
    parts = _RELATION.split(text)
    return len(parts) == 2 and re.fullmatch(r"\s*(C|E|J|\\mathcal\{[A-Z]\})\s*(_\{[^{}]*\}|_\w)?\s*", parts[1]) is not None


def is_output(q: Quantity) -> bool:
    r"""Is the quantity ``q`` of the output layer (a^L, or written without a layer)?

    >>> from symbp.notation import profile
    >>> from symbp.verify.reader import read
    >>> nt = profile("nielsen")
    >>> is_output(read("a^L = 0", nt).sides[0]), is_output(read("a^l = 0", nt).sides[0])
    (True, False)
    """
    return q.implicit_layer or q.layer is None or (q.layer.var == "L" and q.layer.offset == 0)


