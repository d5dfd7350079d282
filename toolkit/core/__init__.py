"""What both pipelines share: sources, the one safe parser and XInclude with origins,
findings and located errors, configuration, the Saxon processor, workers, hashes and
atomic writes."""
