"""Indonesian text rules that every stage shares: tokens, dates and time zones, datelines, insert phrases."""
