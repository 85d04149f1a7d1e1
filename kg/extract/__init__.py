"""Stage 2: documents → organizations, activities, metrics, slogans, materials,
each with the sentence that supports it (SCHEMA §2–§6)."""
from .pipeline import DEFAULT_EXTRACTORS, Pipeline, extract, extract_document

__all__ = ["DEFAULT_EXTRACTORS", "Pipeline", "extract", "extract_document"]
