"""`puente demo` and the in-process Bot API it (and the fast tests) run against."""
