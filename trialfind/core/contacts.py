"""Whom to contact about a study: a person or office as ClinicalTrials.gov lists it, for the
whole study (centralContacts) or for one site (a location's contacts)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Contact:
    name: str | None
    role: str | None
    phone: str | None
    email: str | None
    phone_ext: str | None = None

    def parts(self) -> tuple[str, ...]:
        """What a family can use to reach this person: name (role), phone (ext), email."""
        who = self.name or ""
        if self.role:
            role = self.role.replace("_", " ").lower()
            who = f"{who} ({role})" if who else role
        phone = f"{self.phone} ext. {self.phone_ext}" if self.phone and self.phone_ext else self.phone
        return tuple(p for p in (who, phone, self.email) if p)


def _text(value: Any) -> str | None:
    return str(value).strip() or None if isinstance(value, (str, int)) else None


def parse_contacts(values: Any) -> tuple[Contact, ...]:
    """Contacts as ClinicalTrials.gov lists them; an entry with no name, phone or email is no contact."""
    if not isinstance(values, list):
        return ()
    return tuple(
        Contact(name=_text(c.get("name")), role=_text(c.get("role")), phone=_text(c.get("phone")),
                email=_text(c.get("email")), phone_ext=_text(c.get("phoneExt")))
        for c in values
        if isinstance(c, dict) and any(c.get(k) for k in ("name", "phone", "email"))
    )
