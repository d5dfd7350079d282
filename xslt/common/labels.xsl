<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every label any format adds (HTML, plain text, print), by language (parameter $lang: en, de,
  fr), in one table: -p lang=fr gives French labels in all three formats.

    ed:label($key)   the label in $lang, else in English, else the key itself (the edition
                     site's labels are in edition-labels.xsl)
    ed:ui-lang()     the label language actually used ($lang if we have it, else 'en')

  To change a wording or add a language, override $ed:label-overrides in your stylesheet
  (consulted first; same shape as $ed:labels), e.g.
    <xsl:variable name="ed:label-overrides" select="map{'en': map{'notes': 'Endnotes'}}"/>
  $ed:labels itself may be replaced as a whole. Keys are format-neutral; where two formats say
  different things for the same field they have two keys (HTML's "Sent by" is 'senders', the
  title page's "From" is 'from').
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'en': map{
      'months': 'January February March April May June July August September October November December',
      'date-from': 'from {}', 'date-to': 'until {}', 'date-before': 'before {}', 'date-after': 'after {}',
      'date-between': 'between {} and {}', 'bce': 'BCE',
      'cert-medium': 'probable', 'cert-low': 'uncertain', 'cert-unknown': 'certainty unknown',
      'legend': 'Signs', 'legend-low': 'after a name: its identification is uncertain (low certainty)',
      'legend-medium': '“probable” in a popup or a register entry: likely but not proved (medium certainty)',
      'ctx-previous': 'Previous communication', 'ctx-next': 'Next communication',
      'ctx-instruction': 'Instruction followed', 'ctx-inReplyTo': 'In reply to', 'ctx-answeredBy': 'Answered by',
      'related': 'Related documents', 'rights': 'Rights', 'source-page': 'Source page', 'record-id': 'Record ID',
      'page-url': 'Address of this page', 'downloads': 'Downloads', 'dl-tei': 'TEI-XML', 'dl-text': 'Plain text',
      'dl-pdf': 'PDF', 'cite-document': 'The document', 'cite-edition': 'This edition', 'cite-note': 'Note',
      'cite-bibliography': 'Bibliography', 'heading': 'heading', 'item': 'item', 'quantity': 'Quantity',
      'sic': 'sic', 'summary-by': 'Summary by', 'credits': 'Credits', 'how-to-cite': 'How to cite',
      'record': 'Record', 'captured': 'captured', 'and': 'and', 'ed-short': 'ed.', 'date-before-short': 'before',
      'at-least': 'at least', 'at-most': 'at most', 'note-abbr': 'note', 'opener': 'opening', 'closer': 'closing', 'online': 'Online',
      'skip': 'Skip to the text', 'contents': 'Contents', 'about': 'About this document',
      'text': 'Text', 'notes': 'Notes', 'registers': 'Registers', 'citation': 'Cite this document',
      'persons': 'Persons', 'organisations': 'Organisations and groups', 'places': 'Places',
      'events': 'Events', 'bibl': 'Communications and documents', 'objects': 'Objects', 'nyms': 'Names',
      'dates': 'Dates mentioned', 'register': 'Register',
      'mentions': 'Mentions', 'mention': 'Mention', 'not-mentioned': 'Not mentioned in the text.',
      'back': 'Back to the text', 'note': 'Note', 'editorial-note': 'Editorial note',
      'authorial-note': 'Authorial note', 'source-note': 'Source note', 'note-by': 'by',
      'toggle': 'Diplomatic reading', 'toggle-hint': 'Shows the readings of the source (sic, abbreviations, original spellings) instead of the corrected and normalised ones.',
      'original': 'Original reading', 'normalised': 'Normalised reading',
      'title': 'Title', 'senders': 'Sent by', 'recipients': 'Sent to', 'authors': 'Author',
      'date': 'Date', 'place': 'Place', 'archive': 'Archival identifier', 'source': 'Source',
      'translator': 'Translation', 'responsibility': 'Responsibility', 'funder': 'Funding',
      'publisher': 'Published by', 'licence': 'Licence', 'abstract': 'Summary', 'keywords': 'Keywords',
      'languages': 'Languages', 'encoding': 'Encoding decisions', 'changes': 'Changes',
      'ms-contents': 'Contents of the manuscript', 'ms-description': 'Physical description',
      'context': 'Related communications', 'edition': 'Edition', 'identifier': 'Identifier',
      'person': 'Person', 'organisation': 'Organisation', 'place-kind': 'Place', 'event': 'Event',
      'communication': 'Communication or document', 'entry': 'Entry',
      'born': 'born', 'died': 'died', 'uncertain': 'uncertain',
      'cite-intro': 'Chicago style:', 'download': 'Download the citation:',
      'translated-by': 'Translated by', 'edited-by': 'Edited by', 'accessed': 'Accessed',
      'gap': 'gap in the source', 'unclear': 'unclear reading', 'supplied': 'supplied by the editors',
      'added': 'addition', 'deleted': 'deletion', 'damage': 'damaged', 'surplus': 'surplus text',
      'unsafe-link': '[link removed]', 'page': 'page', 'generated': 'Generated by tei-edition from TEI-XML.',
      'status': 'status', 'untitled': 'Untitled document', 'speaker': 'Speaker', 'cast': 'Cast',
      'from': 'From', 'to': 'To', 'funded-by': 'Funded by', 'ed-abbr': 'Ed.', 'index': 'Index',
      'about-edition': 'About this edition', 'publication': 'Publication', 'source-notes': 'Notes on the source',
      'born-abbr': 'b.', 'died-abbr': 'd.', 'image': 'image', 'object': 'Object', 'nym': 'Name',
      'decl-correction': 'Correction', 'decl-normalization': 'Normalisation', 'decl-quotation': 'Quotation',
      'decl-hyphenation': 'Hyphenation', 'decl-segmentation': 'Segmentation', 'decl-interpretation': 'Interpretation',
      'decl-punctuation': 'Punctuation', 'decl-stdVals': 'Standard values'
    },
    'de': map{
      'months': 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
      'date-from': 'ab {}', 'date-to': 'bis {}', 'date-before': 'vor {}', 'date-after': 'nach {}',
      'date-between': 'zwischen {} und {}', 'bce': 'v. Chr.',
      'cert-medium': 'wahrscheinlich', 'cert-low': 'unsicher', 'cert-unknown': 'Sicherheit unbekannt',
      'legend': 'Zeichen', 'legend-low': 'nach einem Namen: die Identifizierung ist unsicher (geringe Sicherheit)',
      'legend-medium': '„wahrscheinlich“ im Popup oder Registereintrag: naheliegend, aber nicht belegt (mittlere Sicherheit)',
      'ctx-previous': 'Vorausgehende Mitteilung', 'ctx-next': 'Folgende Mitteilung',
      'ctx-instruction': 'Befolgte Weisung', 'ctx-inReplyTo': 'Antwort auf', 'ctx-answeredBy': 'Beantwortet durch',
      'related': 'Zugehörige Dokumente', 'rights': 'Rechte', 'source-page': 'Quellseite', 'record-id': 'Datensatz-Nr.',
      'page-url': 'Adresse dieser Seite', 'downloads': 'Downloads', 'dl-tei': 'TEI-XML', 'dl-text': 'Nur-Text',
      'dl-pdf': 'PDF', 'cite-document': 'Das Dokument', 'cite-edition': 'Diese Edition', 'cite-note': 'Anmerkung',
      'cite-bibliography': 'Bibliographie', 'heading': 'Überschrift', 'item': 'Eintrag', 'quantity': 'Menge',
      'sic': 'sic', 'summary-by': 'Regest von', 'credits': 'Mitwirkende', 'how-to-cite': 'Zitiervorschlag',
      'record': 'Datensatz', 'captured': 'erfasst', 'and': 'und', 'ed-short': 'Hrsg.', 'date-before-short': 'vor',
      'at-least': 'mindestens', 'at-most': 'höchstens', 'note-abbr': 'Anm.', 'opener': 'Eingang', 'closer': 'Schluss', 'online': 'Online',
      'skip': 'Zum Text springen', 'contents': 'Inhalt', 'about': 'Über dieses Dokument',
      'text': 'Text', 'notes': 'Anmerkungen', 'registers': 'Register', 'citation': 'Dieses Dokument zitieren',
      'persons': 'Personen', 'organisations': 'Organisationen und Gruppen', 'places': 'Orte',
      'events': 'Ereignisse', 'bibl': 'Mitteilungen und Dokumente', 'objects': 'Objekte', 'nyms': 'Namen',
      'dates': 'Erwähnte Daten', 'register': 'Register',
      'mentions': 'Erwähnungen', 'mention': 'Erwähnung', 'not-mentioned': 'Im Text nicht erwähnt.',
      'back': 'Zurück zum Text', 'note': 'Anmerkung', 'editorial-note': 'Anmerkung der Herausgeber',
      'authorial-note': 'Anmerkung des Verfassers', 'source-note': 'Quellenanmerkung', 'note-by': 'von',
      'toggle': 'Diplomatische Lesart', 'toggle-hint': 'Zeigt die Lesarten der Quelle (sic, Abkürzungen, Originalschreibungen) statt der korrigierten und normalisierten.',
      'original': 'Lesart der Quelle', 'normalised': 'Normalisierte Lesart',
      'title': 'Titel', 'senders': 'Absender', 'recipients': 'Empfänger', 'authors': 'Verfasser',
      'date': 'Datum', 'place': 'Ort', 'archive': 'Archivsignatur', 'source': 'Quelle',
      'translator': 'Übersetzung', 'responsibility': 'Verantwortlich', 'funder': 'Förderung',
      'publisher': 'Herausgegeben von', 'licence': 'Lizenz', 'abstract': 'Regest', 'keywords': 'Schlagwörter',
      'languages': 'Sprachen', 'encoding': 'Editionsrichtlinien', 'changes': 'Änderungen',
      'ms-contents': 'Inhalt der Handschrift', 'ms-description': 'Physische Beschreibung',
      'context': 'Zugehörige Mitteilungen', 'edition': 'Edition', 'identifier': 'Kennung',
      'person': 'Person', 'organisation': 'Organisation', 'place-kind': 'Ort', 'event': 'Ereignis',
      'communication': 'Mitteilung oder Dokument', 'entry': 'Eintrag',
      'born': 'geboren', 'died': 'gestorben', 'uncertain': 'unsicher',
      'cite-intro': 'Chicago-Stil:', 'download': 'Zitat herunterladen:',
      'translated-by': 'Übersetzt von', 'edited-by': 'Herausgegeben von', 'accessed': 'Abgerufen',
      'gap': 'Lücke in der Quelle', 'unclear': 'unsichere Lesung', 'supplied': 'von den Herausgebern ergänzt',
      'added': 'Hinzufügung', 'deleted': 'Streichung', 'damage': 'beschädigt', 'surplus': 'überflüssiger Text',
      'unsafe-link': '[Link entfernt]', 'page': 'Seite', 'generated': 'Erzeugt von tei-edition aus TEI-XML.',
      'status': 'Status', 'untitled': 'Dokument ohne Titel', 'speaker': 'Sprecher', 'cast': 'Personen',
      'from': 'Von', 'to': 'An', 'funded-by': 'Gefördert von', 'ed-abbr': 'Hrsg.', 'index': 'Register',
      'about-edition': 'Zu dieser Edition', 'publication': 'Veröffentlichung', 'source-notes': 'Anmerkungen zur Quelle',
      'born-abbr': 'geb.', 'died-abbr': 'gest.', 'image': 'Bild', 'object': 'Objekt', 'nym': 'Name',
      'decl-correction': 'Korrekturen', 'decl-normalization': 'Normalisierung', 'decl-quotation': 'Anführungszeichen',
      'decl-hyphenation': 'Worttrennung', 'decl-segmentation': 'Segmentierung', 'decl-interpretation': 'Auszeichnung',
      'decl-punctuation': 'Zeichensetzung', 'decl-stdVals': 'Standardwerte'
    },
    'fr': map{
      'months': 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
      'date-from': 'depuis {}', 'date-to': 'jusqu’en {}', 'date-before': 'avant {}', 'date-after': 'après {}',
      'date-between': 'entre {} et {}', 'bce': 'av. J.-C.',
      'cert-medium': 'probable', 'cert-low': 'incertain', 'cert-unknown': 'certitude inconnue',
      'legend': 'Signes', 'legend-low': 'après un nom : son identification est incertaine (certitude faible)',
      'legend-medium': '« probable » dans une bulle ou une entrée d’index : vraisemblable mais non prouvé (certitude moyenne)',
      'ctx-previous': 'Communication précédente', 'ctx-next': 'Communication suivante',
      'ctx-instruction': 'Instruction suivie', 'ctx-inReplyTo': 'En réponse à', 'ctx-answeredBy': 'Réponse',
      'related': 'Documents liés', 'rights': 'Droits', 'source-page': 'Page source', 'record-id': 'Notice n°',
      'page-url': 'Adresse de cette page', 'downloads': 'Téléchargements', 'dl-tei': 'TEI-XML', 'dl-text': 'Texte brut',
      'dl-pdf': 'PDF', 'cite-document': 'Le document', 'cite-edition': 'Cette édition', 'cite-note': 'Note',
      'cite-bibliography': 'Bibliographie', 'heading': 'titre', 'item': 'entrée', 'quantity': 'Quantité',
      'sic': 'sic', 'summary-by': 'Résumé de', 'credits': 'Crédits', 'how-to-cite': 'Pour citer',
      'record': 'Notice', 'captured': 'capturée', 'and': 'et', 'ed-short': 'éd.', 'date-before-short': 'avant',
      'at-least': 'au moins', 'at-most': 'au plus', 'note-abbr': 'note', 'opener': 'début', 'closer': 'fin', 'online': 'En ligne',
      'skip': 'Aller au texte', 'contents': 'Sommaire', 'about': 'À propos de ce document',
      'text': 'Texte', 'notes': 'Notes', 'registers': 'Index', 'citation': 'Citer ce document',
      'persons': 'Personnes', 'organisations': 'Organisations et groupes', 'places': 'Lieux',
      'events': 'Événements', 'bibl': 'Communications et documents', 'objects': 'Objets', 'nyms': 'Noms',
      'dates': 'Dates mentionnées', 'register': 'Index',
      'mentions': 'Mentions', 'mention': 'Mention', 'not-mentioned': 'Non mentionné dans le texte.',
      'back': 'Retour au texte', 'note': 'Note', 'editorial-note': 'Note de l’éditeur',
      'authorial-note': 'Note de l’auteur', 'source-note': 'Note sur la source', 'note-by': 'par',
      'toggle': 'Lecture diplomatique', 'toggle-hint': 'Affiche les leçons de la source (sic, abréviations, graphies originales) au lieu des leçons corrigées et normalisées.',
      'original': 'Leçon de la source', 'normalised': 'Leçon normalisée',
      'title': 'Titre', 'senders': 'Expéditeurs', 'recipients': 'Destinataires', 'authors': 'Auteur',
      'date': 'Date', 'place': 'Lieu', 'archive': 'Cote d’archives', 'source': 'Source',
      'translator': 'Traduction', 'responsibility': 'Responsabilité', 'funder': 'Financement',
      'publisher': 'Publié par', 'licence': 'Licence', 'abstract': 'Résumé', 'keywords': 'Mots-clés',
      'languages': 'Langues', 'encoding': 'Principes d’édition', 'changes': 'Modifications',
      'ms-contents': 'Contenu du manuscrit', 'ms-description': 'Description physique',
      'context': 'Communications liées', 'edition': 'Édition', 'identifier': 'Identifiant',
      'person': 'Personne', 'organisation': 'Organisation', 'place-kind': 'Lieu', 'event': 'Événement',
      'communication': 'Communication ou document', 'entry': 'Entrée',
      'born': 'né', 'died': 'mort', 'uncertain': 'incertain',
      'cite-intro': 'Style Chicago :', 'download': 'Télécharger la référence :',
      'translated-by': 'Traduit par', 'edited-by': 'Édité par', 'accessed': 'Consulté',
      'gap': 'lacune dans la source', 'unclear': 'lecture incertaine', 'supplied': 'restitué par les éditeurs',
      'added': 'ajout', 'deleted': 'suppression', 'damage': 'endommagé', 'surplus': 'texte superflu',
      'unsafe-link': '[lien supprimé]', 'page': 'page', 'generated': 'Produit par tei-edition à partir de TEI-XML.',
      'status': 'statut', 'untitled': 'Document sans titre', 'speaker': 'Locuteur', 'cast': 'Personnages',
      'from': 'De', 'to': 'À', 'funded-by': 'Financé par', 'ed-abbr': 'N.d.É.', 'index': 'Index',
      'about-edition': 'À propos de cette édition', 'publication': 'Publication', 'source-notes': 'Notes sur la source',
      'born-abbr': 'n.', 'died-abbr': 'm.', 'image': 'image', 'object': 'Objet', 'nym': 'Nom',
      'decl-correction': 'Corrections', 'decl-normalization': 'Normalisation', 'decl-quotation': 'Citations',
      'decl-hyphenation': 'Césure', 'decl-segmentation': 'Segmentation', 'decl-interpretation': 'Interprétation',
      'decl-punctuation': 'Ponctuation', 'decl-stdVals': 'Valeurs normalisées'
    }
  }"/>

  <xsl:variable name="ed:label-overrides" as="map(xs:string, map(xs:string, xs:string))" select="map{}"/>

  <xsl:function name="ed:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="lang" select="ed:ui-lang()"/>
    <xsl:sequence select="(($ed:label-overrides, $ed:labels, $ed:edition-labels) ! map:get(., $lang) ! map:get(., $key),
                           ($ed:label-overrides, $ed:labels, $ed:edition-labels) ! map:get(., 'en') ! map:get(., $key), $key)[1]"/>
  </xsl:function>

  <!-- The label language actually used: $lang if we have labels for it, else English. -->
  <xsl:function name="ed:ui-lang" as="xs:string">
    <xsl:variable name="wanted" select="lower-case(substring-before(normalize-space($lang) || '-', '-'))"/>
    <xsl:sequence select="if (map:contains($ed:labels, $wanted) or map:contains($ed:label-overrides, $wanted))
                          then $wanted else 'en'"/>
  </xsl:function>
</xsl:stylesheet>
