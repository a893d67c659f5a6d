"""The office catalogue: employers, postings, notices and events, as plain-argument services.

Office forms and the CSV import both go through these functions, so a posting typed into a form and a
posting read from a spreadsheet pass exactly the same checks. Services flush; the caller commits.
"""
