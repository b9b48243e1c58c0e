"""Assignment: the SIICES serial assignment of sedes (imss-cer-2026-2027, 6.2), its tie-break,
bitácora and cortes, the verifier, fixtures and the replay against a published result; the other
reading of 6.2, round by round (:mod:`.rondas`), and the audit under both (:mod:`.lecturas`)."""
