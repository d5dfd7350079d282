"""The build pipeline: parse -> (validate) -> XSLT per format -> PDF -> atomic writes, for
one document and for many (:mod:`.pipeline`), incrementally (:mod:`.manifest`)."""
