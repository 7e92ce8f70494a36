"""The HTML report of `symbp verify --notes … --report report.html`: self-contained, every formula rendered.

The page is opened in a real browser (headless Chromium, Debian's `chromium`;
.ci/run installs it): a script added to a copy of the page checks that every
<math> element is parsed as MathML, has a size on the page, holds only MathML
elements, no <merror> and no raw LaTeX command (a backslash in its text).
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from symbp.cli import main
from symbp.verify.html import math_html, to_html
from symbp.verify.notes import verify_notes, verify_text

ROOT = Path(__file__).resolve().parents[1]
LECTURE = ROOT / "examples" / "lecture.tex"

# Formulas of the kinds the notes use (matrices, sums, fractions, primes, the three notations' layers).
MORE = r"""
$$\delta^L = \begin{pmatrix} \frac{\partial C}{\partial a^L_1} \sigma'(z^L_1) \\ \vdots \end{pmatrix}$$

$$z^{l+1}_k = \sum_{j=1}^{n_l} w^{l+1}_{kj} a^l_j + b^{l+1}_k$$

$$\frac{\partial C}{\partial b^l_j} = 2 \delta^l_j$$

$$\delta^l = \Sigma'(z^l) (w^{l+1})^T \Sigma'(z^{l+1}) \cdots (w^L)^T \Sigma'(z^L) \nabla_a C$$
"""

CHECK = """
<script>
const out = [];
for (const m of document.querySelectorAll("math")) {
  const r = m.getBoundingClientRect();
  const foreign = [...m.querySelectorAll("*")].filter(e => e.namespaceURI !== "http://www.w3.org/1998/Math/MathML");
  out.push({
    mathml: (typeof MathMLElement !== "undefined") && (m instanceof MathMLElement),
    width: r.width, height: r.height,
    merror: m.querySelectorAll("merror").length,
    foreign: foreign.length,
    backslash: m.textContent.includes("\\\\"),
  });
}
const pre = document.createElement("pre");
pre.id = "symbp-check";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        # Skipped, with this reason in the summary (-rs), only when no browser is here: .ci/run installs
        # Debian's chromium with apt-get and says so when it cannot.
        pytest.skip("NOT RENDERED IN A BROWSER: chromium is not installed and could not be installed "
                    "(Debian: apt-get install chromium; .ci/run installs it)")
    return found


def _render(page: str, tmp_path: Path) -> list[dict]:
    browser = _chromium()
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", CHECK + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    m = re.search(r'<pre id="symbp-check">(.*?)</pre>', done.stdout, re.S)
    assert m, f"the browser did not run the check (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_every_formula_of_the_example_lecture_renders_in_chromium(tmp_path):
    report = verify_notes(LECTURE)
    page = to_html(report)
    assert '<code class="latex">' not in page  # every formula of the lecture was typeset, none left as source
    results = _render(page, tmp_path)
    # one <math> per checked formula at least, plus the readings, points and corrections
    assert len(results) >= len(report.rows) + len(report.skipped)
    for n, r in enumerate(results):
        assert r["mathml"], f"formula {n} is not a MathML element in the browser"
        assert r["width"] > 0 and r["height"] > 0, f"formula {n} has no size on the page: {r}"
        assert r["merror"] == 0 and r["foreign"] == 0 and not r["backslash"], f"formula {n} has a math error: {r}"


def test_matrices_sums_and_counterexamples_render_in_chromium(tmp_path):
    report = verify_text(MORE, path="more.md")
    results = _render(to_html(report), tmp_path)
    assert results and all(r["mathml"] and r["width"] > 0 and not r["merror"] and not r["foreign"]
                           and not r["backslash"] for r in results), results


def test_the_page_is_self_contained_with_the_account_at_the_top_and_an_anchor_per_line():
    report = verify_notes(LECTURE)
    page = to_html(report)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from a network
    assert "<script" not in page
    account = report.account_line()
    assert page.index(account[1:]) < page.index('<section class="row')
    for row in report.rows:
        assert f'id="line-{row.formula.line}' in page
    # the slips of the lecture are shown with their counterexample and the corrected formula typeset
    refuted = [r for r in report.rows if r.result.status == "refuted"]
    assert len(refuted) == 2
    assert page.count('class="row refuted"') == 2
    assert page.count("corrected</p>") == 2
    assert "counterexample</p>" in page


def test_a_command_the_converter_does_not_know_is_shown_as_written_not_garbled():
    assert math_html(r"\frac{a}{b}").startswith("<math")
    assert math_html(r"\weird{x}") == r'<code class="latex">\weird{x}</code>'
    assert math_html("a < b & c") == math_html("a < b & c")  # escaping is stable
    assert "&lt;" in math_html(r"\notknown a < b")


def test_the_command_line_writes_html_or_markdown_by_the_suffix(tmp_path, capsys):
    html_out, md_out = tmp_path / "report.html", tmp_path / "report.md"
    assert main(["verify", "--notes", str(LECTURE), "--report", str(html_out)]) == 1  # two slips: refuted
    assert main(["verify", "--notes", str(LECTURE), "--report", str(md_out)]) == 1
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md_out.read_text(encoding="utf-8").startswith("## ")
    assert main(["verify", "--notes", str(LECTURE), "--report", str(tmp_path / "report.pdf")]) == 2
    assert ".pdf is not one" in capsys.readouterr().err
