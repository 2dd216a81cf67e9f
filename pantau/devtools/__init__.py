"""Development and demo helpers: the offline demo, the sample-site server and local SMTP/webhook receivers."""
