"""``tei-edition site``: an edition's documents as one static website.

The data flow (each step a module)::

    sources --plan--> site documents (URL of each, clashes refused)
            --documents.summarize (workers)--> one summary per document (xslt/site/summary.xsl)
            --index--> the edition index (one XML: metadata, dates, mentions), the order
            --documents.publish (workers)--> each document's page, TEI, text and PDF
            --pages--> index, registers, chronology, search, CMIF, sitemap (xslt/site/*.xsl)
            --search--> the Pagefind index under pagefind/

:func:`toolkit.site.build.build_site` runs them; :mod:`toolkit.site.state` keeps what was
made from what, so a second run redoes only what changed.
"""
