"""Text in: is a formula from someone's notes right?

The pipeline, one module per stage: ``scan`` finds the math in notes (LaTeX,
Markdown, notebooks), ``extract`` cuts it into rows and ``claims`` into claims, each in a bucket;
``lexer``, ``reader``, ``constructs`` and ``nodes`` read one in its notation,
``tail`` the tags and conditions after it (``conditions`` applies them);
``context``, ``interpret``, ``values``, ``cdots``, ``sums`` and ``instances``
give it a value on a concrete network; ``family`` chooses networks of every
depth the formula needs and ``check`` compares the two sides with the ground
truth on each, depth by depth; ``confirm`` has the independent oracle
(``oracle_values``) confirm a refutation and ``recheck`` re-check a "holds";
``scalar`` checks facts about σ alone; ``describe`` and ``diagnose`` say what was read and which slip a
refuted formula makes; ``verification`` ties these together for one formula,
``notes`` for a whole file, and ``junit`` writes the course-CI report.

>>> verify(r"\\frac{\\partial C}{\\partial b^l_j} = \\delta^l_j").verdict
'proved-for-all-sizes'
"""

from .check import FAMILY, Setting, check
from .extract import Formula, extract, extract_all
from .interpret import bias_through_z
from .notes import NotesReport, notes_notation, to_markdown, verify_notes, verify_text
from .scan import Segment, scan
from .reader import ReadError, read
from .verification import STATUS_EXIT, Verification, verify

__all__ = [
    "FAMILY", "Formula", "NotesReport", "ReadError", "STATUS_EXIT", "Segment", "Setting", "Verification", "bias_through_z",
    "check",
    "extract", "extract_all", "notes_notation", "read", "scan", "to_markdown", "verify", "verify_notes", "verify_text",
]
