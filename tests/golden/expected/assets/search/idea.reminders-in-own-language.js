window.QISITE_SEARCH_FRAGMENT("idea.reminders-in-own-language", [
[9, "A text reminder a week before the appointment , in the language recorded by the GP ."],
[9, "Appointment reminders sent by text in the patient's recorded language , from templates checked by community interpreters ( not machine translation alone ) ."],
[14, "Otterbury diabetic eye screening programme , Wrenfield outpatient access team"]
]);
