"""Each YAML file of a network and the record that reads it.

The records are derived from the declarations in :mod:`qisite.model`; only the
two files that are a bare list under one key are declared here.
"""

from __future__ import annotations

from qisite import model
from qisite.load.kinds import Field, ListOf, Record, record_of

SITE = record_of(model.SiteConfig)
PROJECT = record_of(model.Project)
DRIVERS = record_of(model.DriverDiagram)
FISHBONE = record_of(model.Fishbone)

MEASURES = Record("measures.yaml", [
    Field("measures", ListOf(record_of(model.Measure), unique_ids=True), True, "the measurement plan"),
])

PDSA = Record("pdsa.yaml", [
    Field("cycles", ListOf(record_of(model.PdsaCycle), unique_ids=True), True, "the PDSA log"),
])

FILES = {
    "site.yaml": SITE,
    "project.yaml": PROJECT,
    "drivers.yaml": DRIVERS,
    "measures.yaml": MEASURES,
    "pdsa.yaml": PDSA,
    "fishbone.yaml": FISHBONE,
}
