"""What the host gives WeasyPrint. Imported through this package so that its logging setup (in
`__init__`) comes before WeasyPrint's first import."""

from weasyprint.text import ffi


def harfbuzz_subset_loaded() -> bool:
    """Whether HarfBuzz's font subsetter is loaded (without it WeasyPrint falls back to fontTools,
    which makes every render about 1.8 times as long)."""
    return ffi.harfbuzz_subset is not None
