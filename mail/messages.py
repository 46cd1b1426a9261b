"""Email messages as JSON-safe dictionaries, so a task queue can store them and send them later.

The dictionary holds everything Django's EmailMessage and EmailMultiAlternatives carry: subject, body, sender,
to, cc, bcc, reply-to, extra headers, the body's content subtype, HTML (or other) alternatives and attached
files. Binary content is stored as base64 text.
"""

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMultiAlternatives


def _content_to_json(content):
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": content}


def _content_from_json(stored):
    if "base64" in stored:
        return base64.b64decode(stored["base64"])
    return stored["text"]


def message_to_dict(message):
    """The message as a dictionary of strings and lists, ready for JSON.

    Builds the MIME message once first, so a header holding a line break raises BadHeaderError here, in the
    code that sent it, rather than later in the queue. Raises ValueError for an attachment given as a ready-made
    MIME part, which cannot be stored: attach a file by name, content and type instead.
    """
    message.message()
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise ValueError(
                f"The email {message.subject!r} has an attachment given as a MIME part, which the email queue "
                "cannot store. Attach it with attach(filename, content, mimetype)."
            )
        filename, content, mimetype = attachment
        attachments.append({"filename": filename, "content": _content_to_json(content), "mimetype": mimetype})
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: str(value) for name, value in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "encoding": message.encoding,
        "alternatives": [
            {"content": _content_to_json(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_dict(stored, connection=None):
    """An EmailMultiAlternatives rebuilt from message_to_dict's dictionary, to be sent through `connection`."""
    message = EmailMultiAlternatives(
        subject=stored["subject"],
        body=stored["body"],
        from_email=stored["from_email"],
        to=stored["to"],
        cc=stored["cc"],
        bcc=stored["bcc"],
        reply_to=stored["reply_to"],
        headers=stored["headers"],
        connection=connection,
    )
    message.content_subtype = stored["content_subtype"]
    message.encoding = stored["encoding"]
    for alternative in stored["alternatives"]:
        message.attach_alternative(_content_from_json(alternative["content"]), alternative["mimetype"])
    for attachment in stored["attachments"]:
        message.attach(attachment["filename"], _content_from_json(attachment["content"]), attachment["mimetype"])
    return message


def describe(stored):
    """A short description for logs and the operator: the subject and how many people it is for."""
    count = len(stored["to"]) + len(stored["cc"]) + len(stored["bcc"])
    return f"{stored['subject']!r} to {count} recipient{'s' if count != 1 else ''}"
