r"""Shapes the prose of graph notes gives in words, in English, Czech, Russian and Polish.

"Let $x$ be a row vector of length 2 and $W$ a $2 \times 3$ matrix"; "Nechť $x$ je řádkový vektor délky 2, $W$ a
$V$ matice $2 \times 2$"; "Пусть $x$ — вектор-строка длины 2, $W$ — матрица $2 \times 3$"; "Niech $x$ będzie
wektorem wierszowym długości 2, a $W$ macierzą $2 \times 3$". Each gives a hint (line, name, orientation, sizes)
for ``graphshapes``: an orientation ("row", "col"; "matrix" for a matrix of open size) and whole-number sizes.
Sizes named with letters are ``graphsizes``'s. Only an adjective of a vector (řádkový, sloupcový, wierszowy,
kolumnowy, -строка, -столбец) says an orientation in Czech and Polish, never the noun (řádek, wiersz: "W has a row
for every output").

>>> hints_and_prose(r"Nechť $x$ je řádkový vektor délky 2 a $W$ je matice $2 \times 3$.")[0]
[(1, 'x', 'row', ()), (1, 'W', '', (2, 3)), (1, 'W', 'matrix', ()), (1, 'x', 'vector', ()), (1, 'x', '', (2,))]
"""

from __future__ import annotations

import re

#: A name in math: a letter, or a letter or a Greek name with one digit below it (``W_1``, ``\delta_{2}``: a name of its
#: own when the formulas use it as a whole, ``graphsubnames``) or a layer above it (``W^{(1)}``, ``W^{[2]}``: a name
#: of its own, ``graphtokens``), in bold or with an arrow.
_LAYER = r"\s*\^\s*\{\s*[(\[]\s*\d{1,2}\s*[)\]]\s*\}"
#: A Greek letter alone is a name too ("a noise vector $\\xi$"); another macro only with a digit or a layer on it.
_GREEK = (r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho"
          r"|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega)(?![A-Za-z])")
_LETTER = (r"(?:[A-Za-z]|\\[a-zA-Z]+(?=\s*_|" + _LAYER + r")|" + _GREEK + r")(?:\s*_\s*(?:\{\s*\d\s*\}|\d)|"
           + _LAYER + r")?")
_NAME = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?(" + _LETTER + r")\s*\}?\s*\$"
#: The orientation of a vector: row/column; строка/столбец (вектор-строка); wierszowy/kolumnowy; řádkový/sloupcový.
_ORIENT = (r"\b(row(?=[\s-]*vectors?\b)|column(?=[\s-]*vectors?\b)|строк\w*|столб\w*|wierszow\w*|kolumnow\w*|řádkov\w*"
           r"|sloupcov\w*)")
_ROW_VECTOR = re.compile(_NAME + r"[^$.]{0,60}?" + _ORIENT)
#: The orientation said of a name defined in the same math, after it or before it: "$x = (x_1, x_2)$ is a row
#: vector", "Let the row vector $x = (x_1, x_2)$" (English only).
_DEFINED = r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?(" + _LETTER + r")\s*\}?\s*(?:=[^$]*)?\$"
_ROW_VECTOR_DEFINED = re.compile(r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?(" + _LETTER + r")\s*\}?\s*=[^$]*\$"
                                 r"[^$.]{0,60}?" + _ORIENT)
_ROW_VECTOR_BEFORE = re.compile(r"\b(row|column)[\s-]*vector\s+" + _DEFINED)
#: Words right before a name that make it the object of another noun: "the gradient of the scalar $L$ is a row
#: vector" says nothing of L's own shape (review 20 p11).
_OF = re.compile(r"\bof\s+(?:the\s+|a\s+)?(?:scalar\s+|vector\s+|function\s+|matrix\s+)?$", re.IGNORECASE)
_ROW_WORDS = ("row", "строк", "wiersz", "řádkov")
_MATRIX_WORD = r"(?:matrix|матриц|macierz|matic)"
_SIZE = re.compile(_NAME + r"[^$.]{0,40}?\$?\s*(\d+)\s*(?:\\times|×|x)\s*(\d+)\s*\$?\s*" + _MATRIX_WORD)
# the size after the word: "$W$ — матрица $2 \times 3$", "macierzą $2 \times 3$", "a matrix of size $2 \times 3$",
# "$W$ je matice $2 \times 3$"
_SIZE_AFTER = re.compile(_NAME + r"[^$.]{0,20}?" + _MATRIX_WORD + r"\w*[^$.]{0,20}?\$\s*(\d+)\s*(?:\\times|×)\s*(\d+)\s*\$")
_MATRIX = re.compile(_NAME + r"[^$.]{0,20}?\b" + _MATRIX_WORD)  # "$W$ a matrix": a matrix of open size
# several names of one size: "$W$ and $V$ be $2 \times 2$ matrices", "$W$, $V$ — матрицы $2 \times 2$"
#: A letter in bold or with an arrow, the subscript after the brace: ``\mathbf{W}_1``.
_BOLD = re.compile(r"\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}(?=\s*_)")
_ONE = r"\$\s*" + _LETTER + r"\s*\$"
_SIZES = re.compile(r"(" + _ONE + r"(?:\s*(?:,|and|и|a|i|oraz)\s*" + _ONE + r")+)[^$.]{0,20}?\$\s*(\d+)\s*(?:\\times|×)\s*"
                    r"(\d+)\s*\$\s*(?:matrices|матриц|macierz|matic)")
_SIZES_AFTER = re.compile(r"(" + _ONE + r"(?:\s*(?:,|and|и|a|i|oraz)\s*" + _ONE + r")+)[^$.]{0,20}?"
                          r"(?:matrices|матриц\w*|macierz\w*|matic\w*)[^$.]{0,20}?\$\s*(\d+)\s*(?:\\times|×)\s*(\d+)\s*\$")
#: A vector and its number of entries: "a vector of length 2", "vektor délky 2", "vektor o 2 složkách",
#: "вектор длины 2", "вектор-строка размерности 2", "строка из 2 чисел", "wektorem wierszowym długości 2".
_VECTOR_SIZE = re.compile(
    _NAME + r"[^$.]{0,60}?\b(?:vector|vektor\w*|вектор[\w-]*|wektor\w*|строк\w*|столб\w*)(?:\s+[^\s$.,;:\d]+)?\s+"
    r"(?:of\s+(?:size|length|dimension)\s+|with\s+|délky\s+|dimenze\s+|velikosti\s+|o\s+|длины\s+|размерности\s+"
    r"|размера\s+|из\s+|długości\s+|wymiaru\s+|rozmiaru\s+)\$?\s*(\d+)")
_IN_R = re.compile(r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?(" + _LETTER + r")\s*\}?\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^"
                   r"\s*\{?\s*(\d+)\s*(?:\\times\s*(\d+))?\s*\}?")
#: A vector and its entries written out: "$u$ a column vector with entries $u_1, u_2, u_3$" (also "components",
#: "elements", "složky", "компоненты", "składowe"): u has 3 entries.
_ENTRIES = re.compile(_NAME + r"[^$.]{0,60}?\b(?:entries|components|elements|coordinates|složk\w*|prvk\w*|компонент\w*"
                      r"|координат\w*|элемент\w*|składow\w*|współrzędn\w*)\s*(?::\s*)?\$([^$]+)\$")
_ENTRY = re.compile(r"\s*([A-Za-z])\s*_\s*(?:\{\s*(\d+)\s*\}|(\d))\s*")
_ELLIPSIS = re.compile(r"\s*\\(?:dots|ldots|cdots)\s*")
#: Words between a noun and a name that make the name no part of the noun's phrase ("vector by $x$", "$x$ is a vector
#: and $W$ …"), and words that lead to a count or a size rather than to the vector's name ("vektor o $n$ složkách",
#: "of length $n$", "délky", "длины", "o długości $n$").
_LINKS = (r"(?:by|with|of|to|and|or|from|is|are|na|s|se|z|ze|do|o|przez|i|a|oraz|je|jest|и|на|с|из|в|length|size|délk\w*"
          r"|velikost\w*|rozměr\w*|длин\w*|размер\w*|długoś\w*|rozmiar\w*)\b")
#: A vector or a matrix named by the noun before the name (review 31 F3): "the input vector $x$", "the weight matrix
#: $W$", "vstupní vektor $x$", "maticí vah $W$", "входной вектор $x$", "матрицу весов $W$", "wektor wejściowy $x$",
#: "macierz wag $W$" (the noun, at most one word that is not a preposition, then the name).
_NOUN_FIRST = re.compile(r"\b(vectors?|vektor\w*|вектор\w*|wektor\w*|matrix|matrices|matic\w*|матриц\w*|macierz\w*)"
                         r"(?:[\s-]+(?!" + _LINKS + r")"
                         r"[^\s$.,;:()]+)?\s+" + _NAME, re.IGNORECASE)
#: A name said to be a vector, of no size or orientation: "$x$ is a vector", "$x$ je vektor", "$x$ — вектор",
#: "$x$ jest wektorem" (review 31 F3: x was read as a number and x-for-a-vector slips held).
_VECTOR = re.compile(_NAME + r"[^$.]{0,40}?\b(?:vectors?|vektor\w*|вектор\w*|wektor\w*)", re.IGNORECASE)
#: A lowercase name said to have entries, however many ("$x$ has two entries", "$x$ má dvě složky", "$x$ имеет две
#: компоненты", "$x$ ma dwie składowe"): a vector or a matrix, never a number (review 31 F3).
_HAS_ENTRIES = re.compile(r"\$\s*(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{\s*)?([a-z])\s*\}?\s*\$([^$.]{0,40}?)"
                          r"\b(?:entries|components|coordinates|složk\w*|компонент\w*|координат\w*|składow\w*"
                          r"|współrzędn\w*)\b", re.IGNORECASE)
#: A name said to be a number ("$W$ a scalar", "$a$ is a number", "$W$ je skalár", "$W$ — скаляр", "$W$ jest
#: skalarem"): never read as a vector or a matrix by its products (review 31 F3).
_SCALAR = re.compile(_NAME + r"[^$.]{0,20}?\b(?:scalar|number|skalár\w*|číslo|скаляр\w*|числ\w*|skalar\w*|liczb\w*)\b",
                     re.IGNORECASE)
#: A name said to have rows and columns ("$W$ has two rows and three columns"): a matrix.
_ROWS_COLUMNS = re.compile(_NAME + r"[^$.]{0,40}?\b(?:rows?|řádk\w*|строк\w*|wiersz\w*)\b[^$.]{0,30}?"
                           r"\b(?:columns?|sloupc\w*|столб\w*|kolumn\w*)", re.IGNORECASE)
#: After a noun that a name is a vector or a matrix by: the noun belongs to the name right after it ("$x$ násobíme
#: maticí vah $W$": W is the matrix, not x; review 31 F3).
_NEXT_NAME = re.compile(r"[\w-]*(?:\s+(?!" + _LINKS + r")[^\s$.,;:()]+)?\s+" + _NAME, re.IGNORECASE)
_PROSE_DEF = re.compile(r"(?<![A-Za-z$\\])([A-Z])\s*(?:-|—|–)\s*(?:это|is)\s*\$([^$]+)\$")


def hints_and_prose(text: str) -> tuple[list, list]:
    """Shapes said in words [(line, name, orient, dims)] and definitions in words [(line, equation text)]."""
    text = _BOLD.sub(r"\1", text)  # $\mathbf{W}_1$ is W_1 (the formulas' reader drops the bold too)
    hints, defs = [], []
    for m in _ROW_VECTOR.finditer(text):
        if _OF.search(text, max(0, m.start() - 40), m.start()):
            continue
        word = m.group(2)
        orient = "row" if word.startswith(_ROW_WORDS) else "col"
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), orient, ()))
    for m in _ROW_VECTOR_DEFINED.finditer(text):
        if not _NEXT_NAME.match(text, m.end()) and not _OF.search(text, max(0, m.start() - 40), m.start()):
            orient = "row" if m.group(2).startswith(_ROW_WORDS) else "col"
            hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), orient, ()))
    for m in _ROW_VECTOR_BEFORE.finditer(text):
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(2), "row" if m.group(1) == "row" else "col", ()))
    for m in [*_SIZE.finditer(text), *_SIZE_AFTER.finditer(text)]:
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "", (int(m.group(2)), int(m.group(3)))))
    for m in [*_SIZES.finditer(text), *_SIZES_AFTER.finditer(text)]:
        for name in re.findall(r"\$\s*(" + _LETTER + r")\s*\$", m.group(1)):
            hints.append((text.count("\n", 0, m.start()) + 1, name, "", (int(m.group(2)), int(m.group(3)))))
    for m in _MATRIX.finditer(text):
        if not _NEXT_NAME.match(text, m.end()):
            hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "matrix", ()))
    for m in _VECTOR.finditer(text):
        if not _NEXT_NAME.match(text, m.end()) and not _OF.search(text, max(0, m.start() - 40), m.start()):
            hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "vector", ()))
    for m in _SCALAR.finditer(text):
        if not _NEXT_NAME.match(text, m.end()) and not _OF.search(text, max(0, m.start() - 40), m.start()):
            hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "scalar", ()))
    for m in _HAS_ENTRIES.finditer(text):  # a vector or a matrix ("$w$ with entries $w_{jk}$"), never a number
        if not re.search(r"\w", m.group(2)):
            continue  # "of $n$ entries", "o $n$ složkách": n counts the entries of another name
        if re.search(r"\b(?:number|count|počet|числ\w*|количеств\w*|liczb\w*)\b", m.group(2), re.I):
            continue  # "$n$ is the number of entries of $y$": n counts them (review rv33 O2)
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "entries", ()))
    for m in _ROWS_COLUMNS.finditer(text):
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "matrix", ()))
    for m in _NOUN_FIRST.finditer(text):
        if _across(text, m.start(), m.end()):
            continue  # "# Notes on matrices⏎⏎Let $x$ …": a heading's noun is no name's (review 39 C1)
        kind = "vector" if m.group(1).lower().startswith(("vec", "vek", "век", "wek")) else "matrix"
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(2), kind, ()))
    for m in _VECTOR_SIZE.finditer(text):
        hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "", (int(m.group(2)),)))
    for m in _IN_R.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if m.group(3):  # R^{1×n} is a row, R^{n×1} a column, else a matrix
            r, c = int(m.group(2)), int(m.group(3))
            if r == 1 or c == 1:
                hints.append((line, m.group(1), "row" if r == 1 else "col", (max(r, c),)))
            else:
                hints.append((line, m.group(1), "", (r, c)))
        else:
            hints.append((line, m.group(1), "", (int(m.group(2)),)))
    for m in _ENTRIES.finditer(text):
        count = _listed_count(m.group(2), m.group(1))
        if count:
            hints.append((text.count("\n", 0, m.start()) + 1, m.group(1), "", (count,)))
    for m in _PROSE_DEF.finditer(text):
        defs.append((text.count("\n", 0, m.start()) + 1, f"{m.group(1)} = {m.group(2)}"))
    return [(line, _spelled(name), orient, dims) for line, name, orient, dims in hints], defs


def _across(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` run over a paragraph break, or from a heading's line into the next one?"""
    span = text[start:end]
    heading = text[text.rfind("\n", 0, start) + 1:start].lstrip().startswith("#")
    return bool(re.search(r"\n[ \t]*\n", span)) or heading and "\n" in span


def _spelled(name: str) -> str:
    r"""A name as the formulas' reader spells it: ``W_{1}`` is W_1, ``W^{ (1) }`` is W^{(1)} (``graphtokens``)."""
    name = re.sub(r"[\s{}]", "", name)
    return re.sub(r"\^([(\[]\d+[)\]])", r"^{\1}", name)



def _listed_count(math: str, name: str) -> int:
    r"""The number of entries of ``name`` a list ``u_1, u_2, u_3`` (or ``u_1, \dots, u_5``) writes out: its entries
    numbered 1, 2, … in turn (an ellipsis only before the last); 0 for any other list.

    >>> _listed_count("u_1, u_2, u_3", "u"), _listed_count(r"x_1, \dots, x_{5}", "x"), _listed_count("u_1, u_3", "u")
    (3, 5, 0)
    """
    parts = math.split(",")
    numbers, skipped = [], False
    for k, part in enumerate(parts):
        if _ELLIPSIS.fullmatch(part) and 0 < k < len(parts) - 1 and not skipped:
            skipped = True
            continue
        m = _ENTRY.fullmatch(part)
        if m is None or m.group(1) != name:
            return 0
        numbers.append(int(m.group(2) or m.group(3)))
    if len(numbers) < 2 or numbers[0] != 1:
        return 0
    run = numbers[:-1] if skipped else numbers
    if run != list(range(1, len(run) + 1)) or (skipped and numbers[-1] <= len(run)):
        return 0
    return numbers[-1]


__all__ = ["hints_and_prose"]
