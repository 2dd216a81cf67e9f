<html><body>Fatal error</body></html>
