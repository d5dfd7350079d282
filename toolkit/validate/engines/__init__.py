"""The validation engines, one per schema language, and the one table that selects them.

Every engine implements the protocol of :mod:`.base` (``iter_findings(tree, name,
path)``); :data:`toolkit.validate.engines.base.KINDS` (filled here) maps a kind to its
label, suffixes, ``schematypens`` namespaces, media types and loader. Load an engine with
:func:`toolkit.validate.engines.base.load` (cached by content), never by calling a
loader directly.
"""

from toolkit.validate.engines import adapters, checks, xsd
from toolkit.validate.engines.base import Kind, register

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NAMESPACES = (
    "http://purl.oclc.org/dsdl/schematron",  # ISO Schematron
    "http://www.ascc.net/xml/schematron",  # Schematron 1.5
    "http://www.schematron.com/namespace",
)
RNC_TYPES = ("application/relax-ng-compact-syntax", "application/x-rnc")

for _kind in (
    Kind("rng", "RELAX NG", (".rng",), adapters.load_relaxng, namespaces=(RNG_NS,)),
    Kind("rnc", "RELAX NG (compact)", (".rnc",), adapters.load_relaxng, namespaces=(RNG_NS,),
         media_types=RNC_TYPES),
    Kind("xsd", "XML Schema", (".xsd",), xsd.load, namespaces=(XSD_NS,)),
    Kind("sch", "Schematron", (".sch", ".odd"), adapters.load_schematron,
         namespaces=SCH_NAMESPACES),
    Kind("checks", "reference checks", (), checks.load),
):
    register(_kind)
