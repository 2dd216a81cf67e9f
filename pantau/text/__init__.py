"""Indonesian text rules that every stage shares: tokens, dates and time zones, datelines, insert phrases and the
Pilkada vocabulary that several stages list."""
