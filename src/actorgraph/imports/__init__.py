"""Reading other tools' formats into the store (STIX 2.1)."""
