"""tei-edition: validate TEI-XML and publish it as HTML, plain-text and PDF editions.

The data flow reads top-down, one module per stage:
``parse`` -> ``validation`` -> ``transform`` -> ``write``; ``build`` and ``cli`` join them.
"""

__version__ = "0.1.0"
