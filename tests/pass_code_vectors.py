"""The shared test vectors of the typed pass code: token -> pass hash -> code. The Python derivation
(tests/test_pass_code.py) and the tablet's (tests/browser/test_field_stall.py) are both checked against them."""

#: (pass token, SHA-256 hex of the token, pass code)
VECTORS = [
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "2fd67e69907bff621c0c4078b1aef595c8562a11f840dd0ec5c5d7c0a4e59331",
     "9B2VGNGF"),
    ("X", "4b68ab3847feda7d6c62c1fbcbeebfa35eab7351ed5e78f4ddadea5df64b8015", "TU3AP5D8"),
]
