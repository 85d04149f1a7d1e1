"""Unit names (SCHEMA §2): the mentions in a sentence, the units of a document, the reporting unit.

The modules follow the data: ``rules`` (the lexicons), ``names`` (masks,
spellings, name shapes), ``mentions`` (one sentence), ``document`` (one
document's units, registered as the ``organizations`` extractor) and
``reporting`` (the unit that speaks, registered as ``reporting_org``).
"""
from .document import extract_organizations, mentions_in_context, resolve_organizations
from .mentions import OrgMention, find_org_mentions
from .names import canonical_name, strip_mask
from .reporting import extract_reporting_org, find_title_unit
from .rules import OrgRules, load_org_rules

__all__ = [
    "OrgMention", "OrgRules", "canonical_name", "extract_organizations", "extract_reporting_org", "find_org_mentions",
    "find_title_unit", "load_org_rules", "mentions_in_context", "resolve_organizations", "strip_mask",
]
