window.QISITE_SEARCH_FRAGMENT("measure.missed-appointments", [
[11, "Of outpatient appointments booked in the month , the number the person did not attend without notice . Cancelled appointments are left out of both counts ."],
[14, "Wrenfield outpatient access team"]
]);
