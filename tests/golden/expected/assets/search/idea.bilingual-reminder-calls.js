window.QISITE_SEARCH_FRAGMENT("idea.bilingual-reminder-calls", [
[9, "A clerk who speaks the patient's language calls three days before the appointment ."],
[14, "Wrenfield outpatient access team"]
]);
