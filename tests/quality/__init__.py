"""The labelled set and the pinned floors of the processing quality gate (see README.md)."""
