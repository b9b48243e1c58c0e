"""Plain JSON-ready data from domain objects, for ``--json`` output and other programs.

Dates, times of day and date-times become ISO 8601 text (with their UTC offset), decimals become
text (so no digit is lost), enumerations their value, tuples lists.

>>> from datetime import datetime, time, timedelta, timezone
>>> from decimal import Decimal
>>> to_data({"t": datetime(2026, 3, 9, 18, tzinfo=timezone(timedelta(hours=-6))), "p": Decimal("87.50")})
{'t': '2026-03-09T18:00:00-06:00', 'p': '87.50'}
>>> to_data((time(9, 0), time(14, 30)))
['09:00:00', '14:30:00']
"""

from __future__ import annotations

import enum
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["dumps", "to_data"]


def to_data(value: Any) -> Any:
    """Turn attrs objects, enums, decimals, dates, times and containers into JSON-ready values."""
    if attrs.has(type(value)):
        return {f.name: to_data(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Stable, readable JSON (UTF-8 characters kept, two-space indent)."""
    return json.dumps(to_data(value), ensure_ascii=False, indent=2)
