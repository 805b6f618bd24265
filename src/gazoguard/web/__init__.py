"""The web app: the pre-send checker page and the REST API (``gazoguard serve``)."""
