"""JSON-lines log records that keep what visitors submit out of the logs.

Only the method and path of a request are logged, never its query string, body, cookies or headers, and
anything that looks like an email address or a phone number is masked, because exception messages can
quote submitted values back (a database error naming a duplicate email address, for example).
"""

import json
import logging
import re

REDACTED = "[redacted]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/.-])(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?![\w/-])")
# Extra fields whose names suggest they may hold what somebody typed, or a secret.
SENSITIVE_NAME = re.compile(r"pass|secret|token|key|cookie|session|email|phone|name|address|body|post|data", re.I)
# Attributes every LogRecord has; anything else was passed with `extra=`.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def redact(text):
    return PHONE.sub(REDACTED, EMAIL.sub(REDACTED, text))


class JSONFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = redact(request.path)
        for name, value in vars(record).items():
            if name in STANDARD_ATTRIBUTES or name == "request" or name.startswith("_"):
                continue
            if name == "status_code" or not SENSITIVE_NAME.search(name):
                entry[name] = value if isinstance(value, int | float | bool | type(None)) else redact(str(value))
        if record.exc_info:
            entry["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["traceback"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)
