<?xml version="1.0" encoding="UTF-8"?>
<!--
  The labels of the edition site (tei-edition site: the index, register pages, chronology,
  search, a document page's navigation), in en, de, fr. ed:label (labels.xsl) reads this
  table after $ed:labels; override a wording with $ed:label-overrides as for any label.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:edition-labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'en': map{
      'documents': 'Documents', 'front-matter': 'About the edition', 'chronology': 'Chronology',
      'search': 'Search', 'search-label': 'Search the edition', 'search-button': 'Search',
      'search-needs-js': 'The search runs in your browser and needs JavaScript.',
      'results': 'result(s)', 'no-results': 'Nothing found.', 'previous': 'Previous', 'next': 'Next',
      'site-nav': 'Edition', 'filter': 'Filter the list', 'all': 'all',
      'year': 'Year', 'type': 'Type', 'sender': 'From', 'recipient': 'To', 'count': 'Shown:',
      'sort-hint': 'Select a column heading to sort by it.', 'mentioned-in': 'Mentioned in',
      'no-mentions': 'Not mentioned in the documents.', 'entries-of': 'Entries of',
      'event-entry': 'Event', 'document-entry': 'Document', 'chronology-entry': 'Chronology',
      'registers-page': 'Registers', 'undated': 'undated', 'in-document': 'in',
      'also-called': 'Also', 'other-registers': 'Registers of single documents',
      'sort-ascending': 'ascending', 'sort-descending': 'descending'
    },
    'de': map{
      'documents': 'Dokumente', 'front-matter': 'Über die Edition', 'chronology': 'Chronologie',
      'search': 'Suche', 'search-label': 'Die Edition durchsuchen', 'search-button': 'Suchen',
      'search-needs-js': 'Die Suche läuft im Browser und braucht JavaScript.',
      'results': 'Treffer', 'no-results': 'Nichts gefunden.', 'previous': 'Vorheriges', 'next': 'Nächstes',
      'site-nav': 'Edition', 'filter': 'Liste filtern', 'all': 'alle',
      'year': 'Jahr', 'type': 'Art', 'sender': 'Von', 'recipient': 'An', 'count': 'Angezeigt:',
      'sort-hint': 'Eine Spaltenüberschrift wählen, um danach zu sortieren.', 'mentioned-in': 'Erwähnt in',
      'no-mentions': 'In den Dokumenten nicht erwähnt.', 'entries-of': 'Einträge von',
      'event-entry': 'Ereignis', 'document-entry': 'Dokument', 'chronology-entry': 'Chronologie',
      'registers-page': 'Register', 'undated': 'undatiert', 'in-document': 'in',
      'also-called': 'Auch', 'other-registers': 'Register einzelner Dokumente',
      'sort-ascending': 'aufsteigend', 'sort-descending': 'absteigend'
    },
    'fr': map{
      'documents': 'Documents', 'front-matter': 'À propos de l’édition', 'chronology': 'Chronologie',
      'search': 'Recherche', 'search-label': 'Chercher dans l’édition', 'search-button': 'Chercher',
      'search-needs-js': 'La recherche se fait dans le navigateur et demande JavaScript.',
      'results': 'résultat(s)', 'no-results': 'Aucun résultat.', 'previous': 'Précédent', 'next': 'Suivant',
      'site-nav': 'Édition', 'filter': 'Filtrer la liste', 'all': 'tous',
      'year': 'Année', 'type': 'Type', 'sender': 'De', 'recipient': 'À', 'count': 'Affichés :',
      'sort-hint': 'Choisir un titre de colonne pour trier.', 'mentioned-in': 'Mentionné dans',
      'no-mentions': 'Pas mentionné dans les documents.', 'entries-of': 'Entrées de',
      'event-entry': 'Événement', 'document-entry': 'Document', 'chronology-entry': 'Chronologie',
      'registers-page': 'Index', 'undated': 'sans date', 'in-document': 'dans',
      'also-called': 'Aussi', 'other-registers': 'Index de documents particuliers',
      'sort-ascending': 'croissant', 'sort-descending': 'décroissant'
    }
  }"/>
</xsl:stylesheet>
