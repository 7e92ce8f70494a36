"""LaTeX in and out: rendering in a notation profile, proof documents, worked
examples (``render``, ``document``, ``worked``) and the notes reader."""
