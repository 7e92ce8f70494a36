"""The catalogue of identities: each a named claim about a network, citing its notes.

``identity`` says what an entry is, ``mlp`` holds the fully connected network's
identities (BP1–BP4 and the rest), ``rowvector`` seed 004's local statements,
and ``catalogue`` looks any of them up by name.
"""

from .catalogue import CATALOGUE, applicable, get
from .identity import Comparison, Identity
from .mlp import (
    BP1, BP1_MATRIX, BP1_QUADRATIC, BP2, BP2_MATRIX, BP3, BP4, CE_SIGMOID, CORE, DYDA_INPUT, DYDA_WEIGHT, LEMMA_2,
    LEMMA_3, LEMMA_4, MINIBATCH, PRODUCT_FORMULA, SIGMOID_PRIME, SOFTMAX_CE, SOFTMAX_CE_ONE_HOT, TANH_PRIME,
)

__all__ = [
    "BP1", "BP1_MATRIX", "BP1_QUADRATIC", "BP2", "BP2_MATRIX", "BP3", "BP4", "CATALOGUE", "CE_SIGMOID", "CORE",
    "Comparison", "DYDA_INPUT", "DYDA_WEIGHT", "Identity", "LEMMA_2", "LEMMA_3", "LEMMA_4", "MINIBATCH",
    "PRODUCT_FORMULA", "SIGMOID_PRIME", "SOFTMAX_CE", "SOFTMAX_CE_ONE_HOT", "TANH_PRIME", "applicable", "get",
]
