"""Review rv49, part a: C1 (a sentence of many formulas scanned once, not once per formula), A13/B11 (a cost said in
words to be the sum over the inputs is the sum), A10/B6 (δ defined in words as another quantity), A9 (words that
deny a formula at a layer, or state it at a wrong layer, never make BP1 conditional and met).

Each verdict below was decided by hand before running."""

from symbp.verify import vocabulary
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
