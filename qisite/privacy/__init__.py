"""Patient confidentiality (pure computation, no I/O).

- :mod:`qisite.privacy.identifiers` finds NHS numbers, full postcodes, dates of
  birth and identifying column names in text a site would publish;
- :mod:`qisite.privacy.small_numbers` is the disclosure control applied to
  counts of people before anything is rendered (docs/privacy.md).
"""
