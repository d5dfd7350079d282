"""The validation pipeline: parse -> plan (:mod:`.plan`: which schemas apply) -> the
engines of the plan and the reference checks (:mod:`.engines`, one protocol) -> findings
(:mod:`.run`) -> reports (:mod:`.reporters`)."""
