"""What a user sees around the results: install hints, progress, formulas as MathML.

* ``extras``: install hints that work from a checkout, and the checkout symbp
  was installed from;
* ``progress``: a progress bar with rate and time left on a terminal, a plain
  line every 10 s in a log;
* ``mathml``: LaTeX formulas as MathML for the HTML report and notebooks;
* ``bignum``: numbers too long to print whole, abbreviated (``≈ 1.23e4301``).

Nothing here imports the rest of symbp.
"""
