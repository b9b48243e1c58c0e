"""Processes: every convocatoria as a lifecycle. A person's history of events is replayed against
the ``proceso:`` block of the convocatoria to give where they stand, what they must do next, by
when, and what happens if they do not."""
