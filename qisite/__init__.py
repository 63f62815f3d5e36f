"""qisite: a static site generator for healthcare quality-improvement projects."""

__version__ = "0.1.0"
