from django.dispatch import Signal

# Sent once a partner's submission and its draft page are stored and the transaction has committed, with
# `submission_pk` and `notice_recipient` (the Public Health team's address, or "" for the configured fallback).
submission_received = Signal()
