"""The words of the proof documents, per language: data, not code.

``PHRASES[lang]`` holds the document's own sentences (templates filled with
``str.format``); ``JUSTIFICATIONS[lang]`` maps a prover's English justification
to its translation (English is the identity map). A language is one more key
in each; a key it lacks falls back to English.
"""

#: The document's own words, per language. A key missing from a language
#: falls back to English.
PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "title_catalogue": "Backpropagation identities, derived and checked by machine",
        "title_identity": "{name}, checked by machine",
        "notation": "Notation",
        "notation_intro": "Notation profile \\texttt{{{name}}} ({source}).",
        "weight_meaning": "{w} is the weight from neuron {k} of layer {lm1} to neuron {j} of layer {l}.",
        "bias_column": (
            "The bias is column 0 of the weight matrix, with the constant input {x0}. In a product with a layer's"
            " $\\delta$ or activations, {W} stands for its weight columns $j \\geq 1$ (the bias column, which meets"
            " {x0}, is dropped, as Dyda does)."
        ),
        "layer_shift": "Layers are numbered from {first} (the input); symbolic layer names such as $l$ and $L$ keep their letters.",
        "definitions": "Definitions",
        "cost_label": "cost {name}",
        "hadamard": "{u} is the elementwise (Hadamard) product and {S} the diagonal matrix of the {sp}.",
        "statement": "Statement",
        "remark_when": "This holds when {m}.",
        "remark_with": "Here {m}.",
        "remark_rows": "Both sides are taken on their rows {m}.",
        "remark_paren": "({m})",
        "source": "Source",
        "network": "Checked on",
        "network_line": "sizes {sizes}, activation {act}, cost {cost}{extra}; method {method}, {instances} instances.",
        "function_line": "the function {name} itself; method {method}.",
        "one_hot": ", one-hot targets ($\\sum_k {y}_k = 1$)",
        "free_targets": ", targets ${y}$ unconstrained",
        "batch": ", mini-batch of m = {m} samples",
        "shown_as_written": (
            "This identity is stated in the notation of {name} ({source}), which cannot be re-indexed into this"
            " document's notation; it is shown as written."
        ),
        "checked_on": "On the network {label}",
        "not_reindexed": (
            "The formulas of this identity could not be re-indexed into this document's notation ({reason});"
            " they are shown as the prover wrote them."
        ),
        "proof": "Proof",
        "checked_note": "Each line is a step the prover checked (method {method}); how, line by line, is in the table at the end.",
        "checks": "How the machine checked each line",
        "checks_intro": (
            "For every proof above, line by line: the justification in full and the check the prover ran"
            " (the instances, the index ranges, the reduction used)."
        ),
        "no_steps": "The certificate records the verdict {verdict} but no steps, so no derivation is typeset.",
        "evidence": "Evidence, not a proof",
        "probably_true": (
            "Verdict: probably true. A polynomial identity test at {points} random exact points found no"
            " difference (error bound {bound}); this is strong evidence, not a proof."
        ),
        "refuted": "Verdict: refuted. The identity fails; it is not typeset as a proof.",
        "counterexample": "Counterexample",
        "cx_instance": "Instance {instance}{activation}, at the exact point",
        "cx_values": "where the two sides take different values:",
        "cx_same": (
            "The certificate records the same value for both sides at this point ({value}), so it does not show"
            " the failure by itself; the refutation rests on the reason below."
        ),
        "undecided": "Verdict: undecided. The identity was neither proved nor refuted; it is not typeset as a proof.",
        "reason": "Reason",
        "attempt": "Attempt, not a proof",
        "remaining": "What remained of the difference of the two sides:",
        "contents": "This document collects {n} certificates of {k} identities, one section per identity.",
        "activation_note": " (the activation stood in by {act})",
    }
}

#: A prover's justification (in English, as the certificate stores it) in
#: another language. English is the identity map; add a language here.
JUSTIFICATIONS: dict[str, dict[str, str]] = {"en": {}}

#: Cost definitions, as templates over the profile's names.
COST_DEFINITIONS = {
    "quadratic": r"{C} = \tfrac{{1}}{{2}} \sum_{{j}} ({aL}_{{j}} - {y}_{{j}})^2",
    "mean-quadratic": r"{C} = \frac{{1}}{{2m}} \sum_{{x}} \sum_{{j}} ({aL}_{{j}} - {y}_{{j}})^2",
    "cross-entropy": r"{C} = -\sum_{{j}} \left[{y}_{{j}} \ln {aL}_{{j}} + (1 - {y}_{{j}}) \ln (1 - {aL}_{{j}})\right]",
    "softmax-cross-entropy": (
        r"{aL}_{{j}} = \frac{{e^{{{zL}_{{j}}}}}}{{\sum_{{k}} e^{{{zL}_{{k}}}}}}, \qquad"
        r" {C} = -\sum_{{j}} {y}_{{j}} \ln {aL}_{{j}}"
    ),
}
