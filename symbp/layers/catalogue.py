r"""The layer identities by name, and the layer kinds by name.

>>> get("conv2d-input-gradient").kind
'conv2d'
>>> sorted(KINDS)[:3]
['attention', 'avgpool', 'batchnorm']
"""

from __future__ import annotations

from ..errors import IdentityError, SpecError
# The builders share their modules' names (``layers.attention(...)``), so the
# modules' contents are imported by name.
from .attention import IDENTITIES as ATTENTION
from .attention import Attention, attention
from .conv import IDENTITIES as CONV
from .conv import Conv1d, Conv2d, conv1d, conv2d
from .dropout import IDENTITIES as DROPOUT
from .dropout import Dropout, dropout
from .identity import LayerIdentity
from .normalization import IDENTITIES as NORMALIZATION
from .normalization import BatchNorm, LayerNorm, batchnorm, layernorm
from .pooling import IDENTITIES as POOLING
from .pooling import AvgPool, MaxPool, avgpool, maxpool
from .residual import IDENTITIES as RESIDUAL
from .residual import Residual, residual
from .rnn import IDENTITIES as RNN_IDENTITIES
from .rnn import RNN, rnn
from .softmax import IDENTITIES as SOFTMAX
from .softmax import Softmax, SoftmaxCE, softmax, softmax_ce
from .spec import Built, parse_shape

#: Every layer identity, in the order the documents and ``--list`` show them.
IDENTITIES: tuple = CONV + POOLING + NORMALIZATION + RESIDUAL + DROPOUT + RNN_IDENTITIES + ATTENTION + SOFTMAX
CATALOGUE: dict[str, LayerIdentity] = {i.name: i for i in IDENTITIES}

#: Every layer kind: its builder and its shape parameters.
KINDS: dict[str, Built] = {
    b.kind: b
    for b in (
        Built("conv1d", conv1d, Conv1d.PARAMS, "1-D convolution with channels, stride, padding"),
        Built("conv2d", conv2d, Conv2d.PARAMS, "2-D convolution with channels, stride, padding"),
        Built("maxpool", maxpool, MaxPool.PARAMS, "2-D max pooling"),
        Built("avgpool", avgpool, AvgPool.PARAMS, "2-D average pooling"),
        Built("batchnorm", batchnorm, BatchNorm.PARAMS, "batch normalisation, training mode"),
        Built("layernorm", layernorm, LayerNorm.PARAMS, "layer normalisation"),
        Built("residual", residual, Residual.PARAMS, "residual connection y = x + F(x)"),
        Built("dropout", dropout, Dropout.PARAMS, "dropout with a fixed mask, inverted scaling"),
        Built("rnn", rnn, RNN.PARAMS, "vanilla RNN unrolled over T steps"),
        Built("attention", attention, Attention.PARAMS, "single-head scaled dot-product attention"),
        Built("softmax", softmax, Softmax.PARAMS, "softmax (as inside attention)"),
        Built("softmax-ce", softmax_ce, SoftmaxCE.PARAMS, "softmax + cross-entropy at the output"),
    )
}


#: The concrete shapes every identity of a kind is proved on (documents, tests): the
#: default first, then non-square, stride > 1, padding > 0, T ≥ 3 where they apply.
SHAPES: dict[str, tuple] = {
    "conv1d": ("", "in_channels=1,out_channels=2,kernel=2,stride=2,padding=0,input=6",
               "in_channels=2,out_channels=1,kernel=3,stride=2,padding=2,input=7"),
    "conv2d": ("", "in_channels=1,out_channels=2,kernel=3x2,stride=2,padding=0,input=5x4",
               "in_channels=2,out_channels=1,kernel=3x3,stride=2x1,padding=1x0,input=5x4"),
    "maxpool": ("", "channels=2,kernel=2,stride=1,input=3x4", "channels=1,kernel=3,stride=2,padding=1,input=5x5"),
    "avgpool": ("", "channels=2,kernel=2,stride=1,input=3x4", "channels=1,kernel=3,stride=2,padding=1,input=5x5"),
    "batchnorm": ("", "batch=2,features=1", "batch=4,features=3"),
    "layernorm": ("", "batch=1,features=2", "batch=3,features=4"),
    "residual": ("", "features=1", "features=5"),
    "dropout": ("", "features=1", "features=6"),
    "rnn": ("", "inputs=1,hidden=2,steps=4", "inputs=3,hidden=1,steps=5,activation=tanh"),
    "attention": ("", "queries=2,keys=3,dim=4,values=1", "queries=3,keys=2,dim=3,values=2"),
    "softmax": ("", "size=2", "size=5"),
    "softmax-ce": ("", "classes=2", "classes=5"),
}


def get(name) -> LayerIdentity:
    """The layer identity called ``name`` (case-insensitive; aliases accepted)."""
    if isinstance(name, LayerIdentity):
        return name
    key = str(name).strip().lower()
    for ident in IDENTITIES:
        if key == ident.name.lower() or key in ident.aliases:
            return ident
    raise IdentityError(f"unknown layer identity {name!r}; known: {', '.join(CATALOGUE)}")


def kind(name: str) -> Built:
    """The layer kind called ``name``."""
    key = str(name).strip().lower()
    if key not in KINDS:
        raise SpecError(f"unknown layer kind {name!r}; known: {', '.join(KINDS)}")
    return KINDS[key]


def layer(kind_name: str, shape: str = ""):
    """A layer spec from a kind and ``--shape`` text, e.g. ``layer("conv2d", "kernel=3x3,stride=2")``."""
    built = kind(kind_name)
    return built.build(**parse_shape(shape, built.params))


def for_identity(ident: LayerIdentity, shape: str = ""):
    """The layer an identity is about, at its default shape or the ``--shape`` given."""
    return layer(ident.kind, shape)


def identities_of(kind_name: str) -> list:
    return [i for i in IDENTITIES if i.kind == kind(kind_name).kind]
