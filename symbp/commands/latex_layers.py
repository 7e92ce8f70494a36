"""``symbp latex`` for the layers beyond the MLP.

    symbp latex --identity rnn-bptt --pdf                 # one identity's derivation, each line checked
    symbp latex --layer conv2d --out conv2d.tex           # every identity of a layer kind
    symbp latex --layer batchnorm --worked-example        # a worked example with numbers (conv2d, batchnorm)
    symbp latex --identity conv2d-input-gradient --shape stride=2,input=5x5
"""

from __future__ import annotations

from ..errors import IdentityError, SpecError

#: The layer kinds with a worked example, and the function that writes it.
WORKED = ("conv2d", "batchnorm")


def wanted(args) -> bool:
    """Whether ``symbp latex`` is asked about layers (a layer identity, ``--layer`` or ``--shape``)."""
    from .. import layers

    names = args.identity or []
    about = []
    for n in names:
        try:
            layers.get(n)
            about.append(n)
        except IdentityError:
            pass
    if about and len(about) < len(names):
        raise SpecError("--identity names both layer identities and network identities: write them in two documents")
    if (args.layer or args.shape) and names and not about:
        raise SpecError(f"--layer and --shape are for the layer identities; {names[0]} is about a fully connected network")
    return bool(about or args.layer or args.shape)


def build(args) -> tuple:
    """(document, file stem, certificates) for the layer arguments."""
    from .. import layers
    from ..latex import layer_worked
    from ..latex import layers as documents
    from ..prove import prove

    for option in ("sizes", "activation", "cost"):
        if getattr(args, option, None):
            raise SpecError(f"--{option} describes a fully connected network; a layer's shape is --shape key=value,...")
    if args.worked_example:
        kind = layers.kind(args.layer).kind if args.layer else None
        if kind not in WORKED or args.identity or args.shape:
            raise SpecError(f"a layer's worked example is --layer {' or --layer '.join(WORKED)} --worked-example (at its own shape)")
        write = layer_worked.conv2d_example if kind == "conv2d" else layer_worked.batchnorm_example
        return write(), f"worked-{kind}", []
    if args.identity:
        idents = [layers.get(n) for n in args.identity]
    elif args.layer:
        idents = layers.identities_of(args.layer)
    else:
        raise SpecError("--shape needs --layer KIND or --identity NAME (a layer identity)")
    kinds = {i.kind for i in idents}
    if len(kinds) > 1:
        raise SpecError("one document is about one layer kind; the identities named are about " + ", ".join(sorted(kinds)))
    (kind,) = kinds
    if args.layer and layers.kind(args.layer).kind != kind:
        raise SpecError(f"--layer {args.layer} does not match --identity {idents[0].name} (a {kind} identity)")
    if args.shape:
        spec = layers.layer(kind, args.shape)
        by_identity = {i.name: [prove(i, spec, method="exact", budget=args.budget)] for i in idents}
    else:
        by_identity = documents.certificates([i.name for i in idents], budget=args.budget)
    certs = [c for cs in by_identity.values() for c in cs]
    if len(idents) == 1:
        return documents.identity_document(idents[0].name, by_identity[idents[0].name]), idents[0].name, certs
    return documents.kind_document(kind, by_identity), kind, certs
