"""symbp.testing and the pytest plugin, end to end with ``pytester``.

Each inner test file below is what a course repository would write (issue 7);
the outer test checks what pytest reports for it: passes, failures with the
counterexample in the notation of the notes, usage errors as one line.
"""

import os
from pathlib import Path

import numpy as np
import pytest

import symbp.testing as st
from symbp import mutants, network

pytest_plugins = ["pytester"]

# pytester's in-process runs drop the modules first imported inside them; a
# symbp module imported there and again later would exist twice (two classes
# of the same name), so every symbp module is imported here, once, up front.
import importlib  # noqa: E402
import pkgutil  # noqa: E402

import symbp  # noqa: E402

for _info in pkgutil.walk_packages(symbp.__path__, "symbp."):
    try:
        importlib.import_module(_info.name)
    except ImportError:  # a module of an optional extra that is not installed
        pass

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(pytester, monkeypatch):
    """Run pytest in-process on the files written by the test, with only our plugin."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # the entry point may or may not be installed

    def go(*args):
        return pytester.runpytest("-p", "symbp.testing.plugin", "-p", "no:cacheprovider", *args)

    return go


def test_passing_identities_over_a_parametrised_grid(pytester, run):
    # Issue 7's example: BP4 over sizes × activations, BP2 in the Sokolinsky profile.
    pytester.makepyfile(
        """
        import symbp.testing as st

        @st.networks(sizes=[[2, 3, 2], [3, 4, 4, 2]], activations=["sigmoid", "tanh", "generic"])
        def test_bp4(net):
            st.assert_identity("BP4", net)

        @st.networks(sizes=[[2, 2, 2]], notations=["nielsen", "sokolinsky", "dyda"])
        def test_bp2(net, notation):
            assert st.assert_identity("BP2", net, notation=notation).verdict == "proved"
        """
    )
    result = run("-v")
    result.assert_outcomes(passed=9)
    result.stdout.fnmatch_lines(["*test_bp4?3x4x4x2-tanh-quadratic? PASSED*", "*test_bp2?2x2x2-generic-quadratic-sokolinsky? PASSED*"])


def test_a_wrong_formula_fails_with_the_counterexample_in_the_notation(pytester, run):
    # BP2 without the transpose (seed 000's BP2 with (w^{l+1})^T dropped) on a
    # square network, so that the shapes fit and a numeric counterexample is needed.
    pytester.makepyfile(
        """
        import symbp.testing as st
        from symbp import mutants, network

        def test_bp2_without_transpose():
            st.assert_identity(mutants.BP2_NO_TRANSPOSE, network([2, 2, 2], "sigmoid"), notation="sokolinsky")
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "BP2 without transpose: refuted" in text
    assert "refuted (notation sokolinsky)" in text and r"fails at \delta^{(2)}_{1}" in text
    assert "Nielsen" not in text  # one notation per message
    # Nielsen's w^2_{12} (from neuron 2 to neuron 1) is Sokolinsky's w^{(2)}_{21}.
    assert r"w^{(2)}_{21} = " in text
    assert "ground truth (differentiation):" in text and "the formula gives:" in text
    assert "Symbol(" not in text and "Poly(" not in text  # no SymPy or algebra reprs


def test_unknown_names_fail_one_test_each_with_one_line(pytester, run):
    pytester.makepyfile(
        """
        import symbp.testing as st
        from symbp import network

        @st.networks(sizes=[[2, 3, 2]], activations=["sigmoid", "sigmoidd"])
        def test_activation(net):
            st.assert_identity("BP1", net)

        def test_identity():
            st.assert_identity("BP5", network([2, 3, 2]))

        def test_notation():
            st.assert_identity("BP1", network([2, 3, 2]), notation="klingon")

        def test_fixture_notation(symbp_notation):
            pass
        """
    )
    result = run("--symbp-notation", "klingon", "-rf")
    result.assert_outcomes(passed=1, failed=4)
    text = result.stdout.str()
    assert "unknown activation 'sigmoidd'" in text
    assert "unknown identity 'BP5'" in text
    assert text.count("unknown notation 'klingon'") >= 2
    assert "Traceback" not in text and "INTERNALERROR" not in text


UNDECIDED_FILE = """
import symbp.testing as st
from symbp import network

def test_budget_runs_out():
    # A 0-second budget: the exact check stops at its first step.
    st.assert_identity("BP2", network([3, 4, 4, 3]), method="exact", budget=1e-9)
"""


def test_undecided_fails_by_default_with_its_reason(pytester, run):
    pytester.makepyfile(UNDECIDED_FILE)
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*undecided: exact check stopped: the time budget*"])


def test_undecided_skips_with_the_option(pytester, run):
    pytester.makepyfile(UNDECIDED_FILE)
    result = run("--symbp-undecided=skip", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*undecided: exact check stopped*"])


def test_fixtures_follow_markers(pytester, run):
    pytester.makepyfile(
        """
        import pytest
        import symbp.testing as st

        @pytest.mark.symbp_network([2, 2, 2], activation="tanh", cost="cross-entropy")
        @pytest.mark.symbp_notation("dyda")
        def test_marked(symbp_network, symbp_notation):
            assert symbp_network.sizes == (2, 2, 2) and symbp_network.cost == "cross-entropy"
            assert symbp_notation.name == "dyda"

        def test_default(symbp_network, symbp_notation):
            assert symbp_network.label() == "[2,3,2] generic quadratic"
            assert symbp_notation.name == "nielsen"

        @pytest.mark.symbp_network([2, 2], cost="hinge")
        def test_bad_cost(symbp_network):
            pass
        """
    )
    result = run("-rf")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*symbp usage error: unknown cost 'hinge'*"])


def test_plugin_works_under_xdist(pytester):
    # Two workers, each configures the plugin itself: the skip policy must reach both.
    pytester.makepyfile(
        test_a="""
        import symbp.testing as st
        @st.networks(sizes=[[2, 3, 2], [2, 2, 2, 2]], activations=["sigmoid", "generic"])
        def test_bp3(net):
            st.assert_identity("BP3", net)
        """,
        test_b=UNDECIDED_FILE,
    )
    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    for key, value in env.items():
        os.environ[key], env[key] = value, os.environ.get(key)
    try:
        result = pytester.runpytest_subprocess(
            "-p", "xdist.plugin", "-p", "symbp.testing.plugin", "-p", "no:cacheprovider", "-n", "2", "--symbp-undecided=skip"
        )
    finally:
        for key, value in env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    result.assert_outcomes(passed=4, skipped=1)
    result.stdout.fnmatch_lines(["*2 workers*"])


# -- the helpers directly ------------------------------------------------------------


def _nielsen_backprop(weights, biases, x, y, *, sigma, sigma_prime, drop_sigma_prime=False):
    """Nielsen's network.py backprop for the quadratic cost, one sample (x, y columns)."""
    activation, activations, zs = x, [x], []
    for b, w in zip(biases, weights):
        z = w @ activation + b
        zs.append(z)
        activation = sigma(z)
        activations.append(activation)
    delta = (activations[-1] - y) * sigma_prime(zs[-1])
    nabla_b, nabla_w = [None] * len(biases), [None] * len(weights)
    nabla_b[-1], nabla_w[-1] = delta, delta @ activations[-2].T
    for l in range(2, len(weights) + 1):
        sp = 1.0 if drop_sigma_prime else sigma_prime(zs[-l])
        delta = (weights[-l + 1].T @ delta) * sp
        nabla_b[-l], nabla_w[-l] = delta, delta @ activations[-l - 1].T
    return nabla_b, nabla_w


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_assert_gradient_accepts_nielsens_backprop():
    # Nielsen, network.py: backprop(x, y) for the quadratic cost, checked against
    # forward-mode ground truth (not backprop) at 3 random points, tolerance 1e-9 relative.
    net = network([3, 4, 2], "sigmoid")
    fn = lambda w, b, x, y: _nielsen_backprop(w, b, x, y, sigma=_sigmoid, sigma_prime=lambda z: _sigmoid(z) * (1 - _sigmoid(z)))
    st.assert_gradient(fn, net, rtol=1e-9, atol=1e-12)


def test_assert_gradient_rejects_backprop_without_sigma_prime():
    net = network([3, 4, 2], "sigmoid")
    fn = lambda w, b, x, y: _nielsen_backprop(
        w, b, x, y, sigma=_sigmoid, sigma_prime=lambda z: _sigmoid(z) * (1 - _sigmoid(z)), drop_sigma_prime=True
    )
    with pytest.raises(st.SymbpAssertionError, match=r"∂C/∂w\^2_\{11\}: got"):
        st.assert_gradient(fn, net)


def test_assert_gradient_rejects_a_transposed_weight_gradient_with_one_output():
    # Review 24 A1: on [2, 3, 1] the last weight gradient is 1×3; returned as 3×1 (a^T δ) it has the right entries,
    # and Nielsen's update w − η·nw then broadcasts to 3×3. The shape is part of the answer.
    net = network([2, 3, 1], "sigmoid")
    prime = lambda z: _sigmoid(z) * (1 - _sigmoid(z))  # noqa: E731
    right = lambda w, b, x, y: _nielsen_backprop(w, b, x, y, sigma=_sigmoid, sigma_prime=prime)  # noqa: E731

    def transposed(w, b, x, y):
        nabla_b, nabla_w = right(w, b, x, y)
        return nabla_b, nabla_w[:-1] + [nabla_w[-1].T]

    st.assert_gradient(right, net, rtol=1e-9, atol=1e-12)
    assert (np.zeros((1, 3)) - 0.1 * np.ones((3, 1))).shape == (3, 3)  # why the shape matters
    with pytest.raises(st.SymbpAssertionError, match=r"∂C/∂w\^3 has shape \(3, 1\) \(transposed\?\), expected \(1, 3\)"):
        st.assert_gradient(transposed, net)

    def flat_bias(w, b, x, y):  # review 25 C1: b (3×1) − η·(3,) broadcasts to 3×3 too
        nabla_b, nabla_w = right(w, b, x, y)
        return [g.ravel() for g in nabla_b], nabla_w

    assert (np.zeros((3, 1)) - 0.1 * np.ones(3)).shape == (3, 3)
    with pytest.raises(st.SymbpAssertionError, match=r"∂C/∂b\^2 has shape \(3,\) \(flat"):
        st.assert_gradient(flat_bias, net)


def test_assert_gradient_oracle_agrees_with_finite_differences():
    # The oracle itself against central differences of the composed cost (numpy twin), tolerance 1e-6.
    net = network([2, 3, 2], "tanh")
    seen = {}

    def central_differences(weights, biases, x, y):
        def cost(ws, bs):
            a = x
            for w, b in zip(ws, bs):
                a = np.tanh(w @ a + b)
            return 0.5 * float(np.sum((a - y) ** 2))

        h = 1e-6
        nabla_w = []
        for i, w in enumerate(weights):
            g = np.zeros_like(w)
            for idx in np.ndindex(w.shape):
                up = [m.copy() for m in weights]
                dn = [m.copy() for m in weights]
                up[i][idx] += h
                dn[i][idx] -= h
                g[idx] = (cost(up, biases) - cost(dn, biases)) / (2 * h)
            nabla_w.append(g)
        nabla_b = []
        for i, b in enumerate(biases):
            g = np.zeros_like(b)
            for idx in np.ndindex(b.shape):
                up = [m.copy() for m in biases]
                dn = [m.copy() for m in biases]
                up[i][idx] += h
                dn[i][idx] -= h
                g[idx] = (cost(weights, up) - cost(weights, dn)) / (2 * h)
            nabla_b.append(g)
        seen["called"] = True
        return nabla_b, nabla_w

    st.assert_gradient(central_differences, net, rtol=1e-6, atol=1e-8)
    assert seen["called"]


def test_assert_gradient_refuses_a_generic_activation_as_a_usage_error():
    with pytest.raises(pytest.fail.Exception, match="needs a concrete activation"):
        st.assert_gradient(lambda *a: None, network([2, 2]))


def test_explain_renders_a_refutation_without_sympy_reprs():
    from symbp.prove import prove

    cert = prove(mutants.BP4_SWAPPED, network([2, 2, 2], "sigmoid"))
    text = st.explain(cert, "dyda")
    # Nielsen's ∂C/∂w^2_{12} is Dyda's ∂L/∂w^{[1]}_{1,2} (layers counted from 0).
    assert r"\partial \mathbf{L}/\partial w^{[1]}_{1,2}" in text
    assert cert.counterexample.lhs in text and cert.counterexample.rhs in text


def test_assert_formula_end_to_end(pytester, run):
    # Seed 000's BP3 and BP2 hold; seed 001's factor 2 against the ½ of the cost is refuted with its
    # diagnosis and a point written in Sokolinsky's notation; a broken formula fails with the reader's reason.
    pytester.makepyfile(
        r'''
        import symbp.testing as st

        def test_bp2_holds():
            st.assert_formula(r"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)", notation="nielsen")

        def test_bp3_sokolinsky_holds():
            st.assert_formula(r"\frac{\partial C}{\partial b^{(l)}_i} = \delta^{(l)}_i", notation="sokolinsky")

        def test_factor_two():
            st.assert_formula(r"\frac{\partial C}{\partial b^{(l)}_i} = 2\delta^{(l)}_i", notation="sokolinsky")

        def test_broken():
            st.assert_formula(r"\delta^l = \frac{", notation="nielsen")
        '''
    )
    result = run("-rf")
    result.assert_outcomes(passed=2, failed=2)
    text = result.stdout.str()
    assert "refuted (notation sokolinsky)" in text
    assert "diagnosis: a factor 2" in text
    assert r"w^{(2)}_{21} = " in text  # Nielsen's w^2_{12}, written from-to
    assert "unreadable" in text and "position" in text


def test_a_failing_assert_formula_shows_verdict_and_counterexample_not_symbps_source(pytester, run):
    # A course's test with the factor 2 of examples/lecture.tex (C = ½‖a − y‖² gives ∇_a C = a − y).
    pytester.makepyfile(
        r'''
        import symbp.testing as st

        def test_gradient_of_the_cost():
            st.assert_formula(r"\nabla_a C = 2 (a^L - y)", notation="nielsen")
        '''
    )
    result = run()
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "refuted" in text and "at the point" in text and "left side:" in text and "right side:" in text
    assert "corrected: \\nabla_{a} C = a^L - y" in text
    assert "st.assert_formula(" in text  # the course's own line is shown...
    assert "def assert_formula" not in text and "__tracebackhide__" not in text  # ...but not symbp's source
    assert "raise SymbpAssertionError" not in text and "assertions.py" not in text


def test_bad_input_inside_a_test_body_is_one_line_at_the_tests_line(pytester, run):
    pytester.makepyfile(
        """
        from symbp import network

        def test_typo():
            net = network([2, 3, 2], activation="sigmod")
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "symbp usage error at test_bad_input_inside_a_test_body_is_one_line_at_the_tests_line.py:4:" in text
    assert "unknown activation 'sigmod'" in text
    assert "Traceback" not in text and "network.py" not in text


def test_an_inner_session_does_not_change_the_outer_policy(pytester, run):
    before = st.settings.undecided
    pytester.makepyfile("def test_nothing():\n    pass\n")
    run("--symbp-undecided=skip").assert_outcomes(passed=1)
    assert st.settings.undecided == before


def test_require_proof_option_fails_a_probably_true_certificate(pytester, run):
    # Issue 12, item 9: probably-true (random points) is visibly not a proof.
    pytester.makepyfile("""
        from symbp import network
        from symbp.testing import assert_identity

        def test_pit():
            assert_identity("BP3", network([2, 3, 2]), method="pit")
    """)
    run().assert_outcomes(passed=1)
    result = run("--symbp-require-proof")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*not a proof*"])



def test_an_ambiguous_formula_is_called_ambiguous_and_skips_as_undecided():
    """Review 21 F2: (a^L)^2 = (a^L)^T a^L is ambiguous (verdict undecided, exit 3), not refuted."""
    with pytest.raises(st.SymbpAssertionError) as failed:
        st.assert_formula(r"(a^L)^2 = (a^L)^T a^L", notation="nielsen")
    assert "ambiguous (undecided)" in str(failed.value) and "refuted" not in str(failed.value).split("\n")[0]
    with pytest.raises(pytest.skip.Exception):
        st.assert_formula(r"(a^L)^2 = (a^L)^T a^L", notation="nielsen", undecided="skip")
    with pytest.raises(st.SymbpAssertionError) as failed:  # a refuted one still fails as refuted
        st.assert_formula(r"\delta^L = (a^L-y) \odot \sigma(z^L)", notation="nielsen", undecided="skip")
    assert "refuted" in str(failed.value).split("\n")[0]
