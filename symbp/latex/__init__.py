"""LaTeX in and out: the notation-aware formula reader (``reader``) and rendering."""
