"""Review rv49, part a: C1 (a sentence of many formulas scanned once, not once per formula), A13/B11 (a cost said in
words to be the sum over the inputs is the sum), A10/B6 (δ defined in words as another quantity), A9 (words that
deny a formula at a layer, or state it at a wrong layer, never make BP1 conditional and met).

Each verdict below was decided by hand before running."""

from symbp.verify import vocabulary
from symbp.verify.notes import verify_text
from symbp.verify.unreadwords import hazard_of


def test_rv49_one_scan_per_sentence():
    # C1: 40 formulas in one sentence; the words around them are scanned once for the sentence, not once per formula
    # (the scan was n times per formula, n³ in all); each formula's hazard stays the same
    sentence = " and ".join(f"for the mean absolute error $\\delta^L_{i % 3 + 1} = 0$" for i in range(40))
    text = "We have " + sentence + "."
    vocabulary._spoken.cache_clear()
    found = [hazard_of(text, 1, f"\\delta^L_{i} = 0", model_at={"cost": "quadratic", "activation": "sigmoid"})
             for i in (1, 2, 3)]
    assert vocabulary.scans() <= 1
    assert all(h is not None for h in found)  # "the mean absolute error" is not the notes' quadratic cost


_CW = ("We use $z^{x,l} = w^l a^{x,l-1} + b^l$ and $a^{x,l} = \\sigma(z^{x,l})$. The cost of one input is "
       "$C_x = \\frac{1}{2}\\|y(x) - a^{x,L}\\|^2$. WORDS Here $\\sigma$ is the sigmoid.\n\nThen\n$$CLAIM$$\n")
_MEAN_CLAIM = "\\frac{\\partial C}{\\partial b^l} = \\frac{1}{n}\\sum_x \\delta^{x,l}"
_SUM_CLAIM = "\\frac{\\partial C}{\\partial b^l} = \\sum_x \\delta^{x,l}"


def _last_status(text: str) -> str:
    return verify_text(text).rows[-1].result.status


def test_rv49_cost_said_summed_not_the_mean():
    # A13/B11: C = Σ_x C_x said in words (en, cs, ru, pl, "adds up"): ∂C/∂b^l = Σ_x δ^{x,l}, not (1/n) Σ_x. symbp's
    # C is the mean, so both forms are left unjudged (as under C = \sum_x C_x written as a formula); never the mean
    for words in ("The cost $C$ is the sum of the $C_x$ over all $n$ training inputs.",
                  "Cena $C$ je součet $C_x$ přes všech $n$ trénovacích vstupů.",
                  "Стоимость $C$ есть сумма $C_x$ по всем $n$ обучающим входам.",
                  "Koszt $C$ to suma $C_x$ po wszystkich $n$ wejściach treningowych.",
                  "The total cost $C$ adds up the $C_x$ of all $n$ training inputs."):
        wrong = _last_status(_CW.replace("WORDS", words).replace("CLAIM", _MEAN_CLAIM))
        true = _last_status(_CW.replace("WORDS", words).replace("CLAIM", _SUM_CLAIM))
        assert (wrong, true) == ("uninterpretable", "uninterpretable"), words
    bp4 = "\\frac{\\partial C}{\\partial w^l} = \\frac{1}{n}\\sum_x \\delta^{x,l} (a^{x,l-1})^T"
    said = "The cost $C$ is the sum of the $C_x$ over all $n$ training inputs."
    assert _last_status(_CW.replace("WORDS", said).replace("CLAIM", bp4)) == "uninterpretable"


def test_rv49_cost_said_averaged_still_the_mean():
    # the mean said in words stays the mean: the 1/n form holds (BP3 of the mean), the bare sum is refuted
    words = "The cost $C$ is the average of the $C_x$ over all $n$ training inputs."
    assert _last_status(_CW.replace("WORDS", words).replace("CLAIM", _MEAN_CLAIM)) == "holds"
    assert _last_status(_CW.replace("WORDS", words).replace("CLAIM", _SUM_CLAIM)) == "refuted"


_DZ = ("We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ and the quadratic cost $C = \\frac{1}{2}\\|y - a^L\\|^2$. "
       "Here $\\sigma$ is the sigmoid.\n\nWORDS\n\nThen\n$$CLAIM$$\n")
_DA = "$\\frac{\\partial C}{\\partial a^l}$"


def test_rv49_delta_defined_in_words_as_another_quantity():
    # A10/B6: δ^l defined in words as ∂C/∂a^l: ∂C/∂b^l = δ^l ⊙ σ'(z^l) (true for this δ) holds, ∂C/∂b^l = δ^l (BP3 of
    # the standard δ, false for this one) is refuted; never judged with δ ≡ ∂C/∂z
    for words in (f"Define $\\delta^l$ as {_DA}.", f"Let $\\delta^l$ be {_DA}.", f"By $\\delta^l$ we mean {_DA}.",
                  f"In these notes, $\\delta^l$ means {_DA}.", f"Definujme $\\delta^l$ jako {_DA}.",
                  f"Pod $\\delta^l$ rozumíme {_DA}.", f"Определим $\\delta^l$ как {_DA}.",
                  f"Под $\\delta^l$ будем понимать {_DA}.", f"Zdefiniujmy $\\delta^l$ jako {_DA}.",
                  f"Przez $\\delta^l$ rozumiemy {_DA}."):
        text = _DZ.replace("WORDS", words)
        assert _last_status(text.replace("CLAIM", "\\frac{\\partial C}{\\partial b^l} = \\delta^l")) == "refuted", words
        assert _last_status(text.replace("CLAIM", "\\frac{\\partial C}{\\partial b^l} = \\delta^l \\odot \\sigma'(z^l)")) \
            == "holds", words


def test_rv49_delta_named_the_error_stays_symbps():
    # δ called only the error in the same phrasings is symbp's δ ≡ ∂C/∂z: BP3 holds, the ⊙ σ' variant is refuted
    for words in ("Let $\\delta^l$ be the error of layer $l$.", "Define $\\delta^l$ as the error of layer $l$."):
        text = _DZ.replace("WORDS", words)
        assert _last_status(text.replace("CLAIM", "\\frac{\\partial C}{\\partial b^l} = \\delta^l")) == "holds", words
        assert _last_status(text.replace("CLAIM", "\\frac{\\partial C}{\\partial b^l} = \\delta^l \\odot \\sigma'(z^l)")) \
            == "refuted", words


_BP1L = "\\delta^l = (a^l - y) \\odot \\sigma'(z^l)"


def test_rv49_layer_denied_in_words_not_met():
    # A9: BP1 written at layer l holds exactly at l = L; with --sizes 3,2 its conditional verdict "l must be L" was met
    # (exit 0) though the words say it fails at l = L, at every layer, or state it at l = L - 1 (false there): each
    # must not be "conditional, met"; unjudged, naming the words
    head = ("We use $z^l = w^l a^{l-1} + b^l$ and $a^l = \\sigma(z^l)$ and the quadratic cost "
            "$C = \\frac{1}{2}\\|y - a^L\\|^2$. Here $\\sigma$ is the sigmoid.\n\n")
    for said in (f"Dla $l = L$ nie zachodzi $${_BP1L}$$", f"$${_BP1L}$$ holds for no $l$.",
                 f"We have $${_BP1L}$$ in no layer.", f"Never $${_BP1L}$$", f"The formula $${_BP1L}$$ is true for $l = L - 1$."):
        row = verify_text(head + said + "\n", sizes=(3, 2)).rows[-1]
        assert row.result.status == "uninterpretable" and not row.result.condition_met, said
    # the plain statement keeps its conditional verdict, met on the network given
    row = verify_text(head + f"We have $${_BP1L}$$\n", sizes=(3, 2)).rows[-1]
    assert (row.result.status, row.result.condition_met) == ("conditional", True)
