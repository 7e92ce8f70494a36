r"""Beyond the MLP: the backward formulas of convolution, pooling, normalisation,
residual connections, dropout, recurrent networks and attention, proved.

Each layer kind is a spec (``conv2d(...)``, ``batchnorm(...)``, ...) whose
forward pass is written once in index form; the ground truth is
∂L/∂(input or parameter) = Σ_o g_o ∂y_o/∂(·) with g = ∂L/∂y independent
symbols, by forward-mode differentiation of that definition. The catalogue
(``CATALOGUE``) holds each textbook formula; ``prove(name, spec)`` returns a
``Certificate`` (``proved`` exactly, ``probably-true`` by the polynomial
identity test, ``refuted`` with a counterexample confirmed by an independent
oracle, or ``undecided``); ``allsizes`` proves some of them for every size.

``field`` and ``dual`` are the algebra, ``spec`` and ``identity`` what a
layer and an identity are, one module per kind (``conv``, ``pooling``,
``normalization``, ``residual``, ``dropout``, ``rnn``, ``attention``,
``softmax``), ``catalogue`` the names, ``prover`` and ``refute`` the
verdicts, ``mutants`` the usual slips.

>>> from symbp import layers, prove
>>> conv = layers.conv2d(in_channels=2, out_channels=3, kernel=(2, 2), stride=1, padding=1, input=(4, 4))
>>> prove("conv2d-weight-gradient", conv).verdict
'proved'
"""

from . import allsizes, mutants
from .attention import attention
from .catalogue import CATALOGUE, IDENTITIES, KINDS, for_identity, get, identities_of, kind, layer
from .conv import conv1d, conv2d
from .dropout import dropout
from .identity import LayerIdentity
from .normalization import batchnorm, layernorm
from .pooling import avgpool, maxpool
from .prover import prove_layer
from .residual import residual
from .rnn import rnn
from .softmax import softmax, softmax_ce
from .spec import LayerSpec, ShapeError

# ``symbp.prove`` and the catalogue's lookup are in the engine, below this
# package: they learn about layers through their registries.
from ..identities.catalogue import ELSEWHERE as _ELSEWHERE  # noqa: E402
from ..prove import SPEC_PROVERS as _SPEC_PROVERS  # noqa: E402

_SPEC_PROVERS[LayerSpec] = prove_layer
for _ident in IDENTITIES:
    _ELSEWHERE[_ident.name.lower()] = (f"is about a {_ident.kind} layer: prove it on a layer from symbp.layers "
                                       f"(e.g. layers.{_ident.kind.replace('-', '_')}()), or with symbp prove --identity {_ident.name}")

__all__ = [
    "CATALOGUE", "IDENTITIES", "allsizes", "mutants", "KINDS", "LayerIdentity", "LayerSpec", "ShapeError", "attention", "avgpool", "batchnorm",
    "conv1d", "conv2d", "dropout", "for_identity", "get", "identities_of", "kind", "layer", "layernorm", "maxpool",
    "prove_layer", "residual", "rnn", "softmax", "softmax_ce",
]
