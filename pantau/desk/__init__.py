"""The clarification desk (`pantau desk`): a server-rendered web app on the same engine and indices.

Duty officers triage flagged reports (queue, report page, review actions through `pantau.ops.review`), write the
hak jawab letter and the public clarification (drafts from the flag and the fact base), record the outlet's answer,
and keep the watchlists. Accounts and roles: `users`; sessions, CSRF and the login rate limit: `sessions`, `csrf`,
`ratelimit`; every change goes to the `pantau-audit` index: `audit`. Pages work without JavaScript.
"""
