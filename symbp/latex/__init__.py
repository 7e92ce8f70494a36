"""LaTeX in and out: the notation-aware formula reader (``reader``) and rendering
in a notation profile, proof documents and worked examples (``render``,
``document``, ``worked``)."""
