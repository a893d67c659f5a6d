"""The server side of field sync: validating, applying and answering pushes, and serving pulls.

validate   one validator per record type, typed reasons
rows       records to rows, and the content that tells duplicates from conflicts
pending    held, conflicting and rejected records
ingest     applying a batch
known      which parents and stored records a batch's ids find (for ingest)
receipt    the tablet's delivery receipt
outbox     importing the file of unsent records a tablet exported
pull       the change feed, scoped to a tablet's area
reasons    reasons as sentences in the user's language
enroll     one-time enrollment codes
"""
