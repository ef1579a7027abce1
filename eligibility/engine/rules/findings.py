"""Building ``Reason`` findings from translatable templates."""

from ..determination import Reason


def finding(template: str, citation: str, **params: str) -> Reason:
    """A reason whose English text is ``template % params``; ``template`` stays translatable."""
    if not params:
        return Reason(text=template, citation=citation, template=template)
    return Reason(template % params, citation, template, tuple(params.items()))
