"""The index templates, one JSON file per kind; a package only so the wheel ships them (see pantau.resources)."""
