"""LaTeX out: symbp's results typeset in a notation profile.

``symbols`` and ``render`` write single quantities and SymPy expressions in a
profile, ``retarget`` re-indexes a certificate's steps into one, ``typeset``
keeps words and formulas apart, ``document`` builds proof documents,
``worked`` and ``worked_page`` the worked examples with numbers, ``catalogue``
the certificates a document is made of, and ``engine`` runs pdflatex.
(Reading LaTeX in is ``symbp.verify``'s job.)
"""

from ..certificate import LATEX_WRITERS
from .document import catalogue_document, certificate_latex, identity_document
from .render import latex
from .worked import worked_example
from .worked_page import worked_document

LATEX_WRITERS["certificate"] = certificate_latex

__all__ = ["catalogue_document", "certificate_latex", "identity_document", "latex", "worked_document", "worked_example"]
