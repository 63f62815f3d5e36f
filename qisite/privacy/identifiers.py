"""Patient identifiers in text a site would publish (pure: no I/O).

Each finder returns :class:`Finding` objects naming what was found and how to
fix it; loading turns them into located errors. What counts as an identifier:

- an **NHS number**: ten digits, written together or as 3-3-4 with spaces or
  dashes, whose tenth digit is the modulus-11 check digit of the first nine
  (NHS Data Dictionary, "NHS number"); ten digits that fail the check are
  not NHS numbers and are left alone;
- a **full UK postcode** (outward and inward code, "E1 4DG"): it can point at
  a household. The outward code alone ("E1") or a sector ("E1 4") is fine;
- a **date of birth**: a column named like one, or a full date (day, month and
  year) used as a group or category;
- a **column named like a patient identifier**: a name, NHS number, hospital
  number or medical record number.

And what must never be published as a way to reach a team (:func:`looks_like_phone`):
a **telephone number** — a ``tel:`` link, or text that is mostly seven or more
digits with only the spacing, ``+``, dashes, dots and brackets numbers are
written with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NHS_NUMBER = "NHS number"
POSTCODE = "full postcode"
DATE_OF_BIRTH = "date of birth"
IDENTIFIER_COLUMN = "patient identifier column"

_ISBN = re.compile(r"ISBN(-10)?:?\s*$", re.IGNORECASE)
_NHS_CANDIDATE = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")
# Outward code: area letters, district digit(s) and optional letter; inward: sector digit and unit letters
# (the unit never uses C, I, K, M, O or V). GIR 0AA is the one historic exception.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE)
_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
           "august|september|october|november|december")
_FULL_DATE = re.compile(
    r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
    rf"\d{{1,2}}(st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+\d{{4}}|({_MONTHS})\.?\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}})\s*$",
    re.IGNORECASE)

_IDENTIFIER_COLUMNS = {
    "name", "patient", "patient_name", "patients_name", "pt_name", "client_name", "service_user_name",
    "forename", "forenames", "first_name", "firstname", "given_name", "given_names", "middle_name",
    "surname", "last_name", "lastname", "family_name", "full_name", "fullname",
    "nhs", "nhs_number", "nhs_no", "nhsno", "nhsnumber", "nhs_num", "chi_number",
    "hospital_number", "hospital_no", "hosp_no", "hospital_id", "mrn", "medical_record_number",
    "case_note_number", "casenote_number", "unit_number", "rio_number", "rio_id", "patient_id",
    "dob", "d_o_b", "date_of_birth", "birth_date", "birthdate", "birthday", "born",
    "address", "home_address", "patient_address",
}
_IDENTIFIER_PARTS = ("forename", "surname", "nhs_number", "nhs_no", "date_of_birth", "birth_date",
                     "hospital_number", "medical_record")


@dataclass(frozen=True)
class Finding:
    """An identifier in a piece of text: its kind, the text found, and the fix."""

    kind: str
    text: str
    hint: str

    def message(self, where: str) -> str:
        shown = f" '{self.text}'" if self.kind != IDENTIFIER_COLUMN else ""
        article = "an" if self.kind.startswith(("NHS", "a", "e", "i", "o", "u")) else "a"
        return f"{where} holds what looks like {article} {self.kind}{shown}: patient identifiers are never published"


def nhs_check_digit(nine_digits: str) -> int | None:
    """The modulus-11 check digit of the first nine digits (None: no valid number has them)."""
    total = sum(int(d) * w for d, w in zip(nine_digits, range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def is_nhs_number(text: str) -> bool:
    """Ten digits (3-3-4 spacing or dashes allowed) that pass the modulus-11 check."""
    match = _NHS_CANDIDATE.fullmatch(text.strip())
    return match is not None and _valid_nhs(match)


def _valid_nhs(match: re.Match) -> bool:
    digits = match.group(1) + match.group(3) + match.group(4)
    return nhs_check_digit(digits[:9]) == int(digits[9])


def nhs_numbers(text: str) -> list[Finding]:
    """NHS numbers in text. An ISBN-10 has the same check digit, so one labelled ISBN is left alone."""
    return [Finding(NHS_NUMBER, m.group(0), "remove the NHS number: the site must not identify a patient")
            for m in _NHS_CANDIDATE.finditer(text) if _valid_nhs(m) and not _ISBN.search(text[:m.start()])]


def postcodes(text: str) -> list[Finding]:
    found = []
    for m in _POSTCODE.finditer(text):
        outward = m.group(0)[:-3].strip()
        found.append(Finding(POSTCODE, m.group(0),
                             f"write only the district ('{outward.upper()}'): a full postcode can point at a household"))
    return found


def is_full_date(text: str) -> bool:
    """A day, month and year ('1984-03-12', '12/03/1984', '12 March 1984')."""
    return bool(_FULL_DATE.match(text))


def in_free_text(text: str) -> list[Finding]:
    """NHS numbers and full postcodes in prose (dates are common in prose and are left alone)."""
    return nhs_numbers(text) + postcodes(text)


def in_category(text: str) -> list[Finding]:
    """Identifiers in a group name or a Pareto category: those of prose, and full dates."""
    found = in_free_text(text)
    if not found and is_full_date(text):
        found.append(Finding(DATE_OF_BIRTH, text.strip(),
                             "groups and categories are never single days: use age bands (e.g. '18-25') instead of dates of birth"))
    return found


def normalised_column(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def identifier_column(name: str) -> Finding | None:
    """A finding when a CSV column's name says it holds names or identifiers of patients."""
    key = normalised_column(name)
    squashed = key.replace("_", "")
    if (key in _IDENTIFIER_COLUMNS or squashed in {c.replace("_", "") for c in _IDENTIFIER_COLUMNS}
            or any(part in key for part in _IDENTIFIER_PARTS)):
        kind = DATE_OF_BIRTH if "birth" in key or squashed in ("dob", "born", "birthday") else IDENTIFIER_COLUMN
        return Finding(kind, name, f"delete the column '{name}' from the file: a project's data holds counts, never "
                                   "names, dates of birth or patient numbers")
    return None


_PHONE = re.compile(r"^(?:tel:|callto:|sms:)|^[+(]?\d[\d\s().\-/]{5,}\d$", re.IGNORECASE)


def looks_like_phone(text: str) -> bool:
    """True for a telephone number or a link that dials one ("tel:+44 20 7946 0000",
    "020 7946 0000", "+44 (0)20-7946-0000"): qisite never publishes one."""
    text = text.strip()
    if text.lower().startswith(("tel:", "callto:", "sms:")):
        return True
    return bool(_PHONE.match(text)) and sum(ch.isdigit() for ch in text) >= 7
