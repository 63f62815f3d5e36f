window.QISITE_SEARCH_INDEX=
[
 {
  "t": "Diabetic eye screening in Otterbury's most deprived neighbourhoods",
  "u": "projects/otterbury-eye-screening/index.html",
  "k": "project",
  "s": "A screening programme raised attendance among people in the most deprived fifth of Otterbury from 57% to 70% with reminders in their own language and an evening clinic (fictional data).",
  "x": "otterbury diabetic eye screening programme otterbury community health (fictional) otterbury people with diabetes aged 12 and over registered with an otterbury gp people living in the most deprived fifth of otterbury attended 57% of their eye screening invitations in 2023, against 78% in the least deprived fifth. people in the most deprived quintile (imd 1) raise eye screening attendance in the most deprived quintile from 57% to 70% by september 2024. deprivation language test reminders in the patient's own language evening screening clinics screening at a community centre eye screening attendance in the most deprived quintile why people missed screening days from invitation to appointment reminder texts in polish, urdu and romanian tuesday evening clinic mobile screening camera at the eastgate community centre"
 },
 {
  "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
  "u": "projects/wrenfield-interpreter-access/index.html",
  "k": "project",
  "s": "Needs an interpreter vs No interpreter needed: gap 13 → 4 points, ratio 2.46 → 1.44 (narrowing). An outpatient team cut missed appointments among patients who need an interpreter from 22% to 11% by booking the interpreter at triage and reminding patients in their own language (fictional data).",
  "x": "wrenfield outpatient access team wrenfield teaching hospitals (fictional) wrenfield adults with an outpatient appointment at wrenfield general hospital patients who need an interpreter missed 22% of their outpatient appointments in 2023, against 9% for patients who do not: interpreters were booked late or not at all, and reminders came in english only. patients who need an interpreter reduce missed outpatient appointments among patients who need an interpreter from 22% to 12% by august 2024. language ethnicity implement book the interpreter at triage reminders in the patient's own language reminder calls by a bilingual clerk missed outpatient appointments by interpreter need interpreters booked at triage book the interpreter when the referral is triaged, in the cardiology clinic reminder texts in polish, bengali and somali reminder calls by a bilingual clerk"
 },
 {
  "t": "Understanding complaints about communication in Wrenfield maternity",
  "u": "projects/wrenfield-maternity-language/index.html",
  "k": "project",
  "s": "A maternity team is finding out why women who speak little English complain about communication more often, before it tests changes (fictional data).",
  "x": "wrenfield maternity voices group wrenfield teaching hospitals (fictional) women booked for maternity care at wrenfield general hospital women who need an interpreter make about one complaint in four about communication, though they are one in ten of the women booked. women who need an interpreter halve complaints about communication from women who need an interpreter by june 2025. language understand book the interpreter at triage translated birth plans complaints about communication in maternity"
 },
 {
  "t": "Reminder calls by a bilingual clerk",
  "u": "ideas/bilingual-reminder-calls/index.html",
  "k": "change idea",
  "s": "Tested by 1 team",
  "x": "interpreters booked in time for outpatient appointments at wrenfield general wrenfield outpatient access team a clerk who speaks the patient's language calls three days before the appointment."
 },
 {
  "t": "Book the interpreter at triage",
  "u": "ideas/book-interpreter-at-referral/index.html",
  "k": "change idea",
  "s": "Tested by 2 teams",
  "x": "interpreters booked in time for outpatient appointments at wrenfield general understanding complaints about communication in wrenfield maternity wrenfield outpatient access team wrenfield maternity voices group the triage clerk books the interpreter when the referral is accepted, using the language recorded by the gp. book the interpreter for the booking appointment when the gp referral arrives."
 },
 {
  "t": "Screening at a community centre",
  "u": "ideas/community-venue-clinic/index.html",
  "k": "change idea",
  "s": "Tested by 1 team",
  "x": "diabetic eye screening in otterbury's most deprived neighbourhoods otterbury diabetic eye screening programme a mobile screening camera at the eastgate community centre one saturday a month."
 },
 {
  "t": "Evening screening clinics",
  "u": "ideas/evening-clinics/index.html",
  "k": "change idea",
  "s": "Tested by 1 team",
  "x": "diabetic eye screening in otterbury's most deprived neighbourhoods otterbury diabetic eye screening programme a tuesday evening clinic at otterbury health centre, 17:00 to 20:00."
 },
 {
  "t": "Reminders in the patient's own language",
  "u": "ideas/reminders-in-own-language/index.html",
  "k": "change idea",
  "s": "Tested by 2 teams",
  "x": "diabetic eye screening in otterbury's most deprived neighbourhoods interpreters booked in time for outpatient appointments at wrenfield general otterbury diabetic eye screening programme wrenfield outpatient access team a text reminder a week before the appointment, in the language recorded by the gp. appointment reminders sent by text in the patient's recorded language, from templates checked by *community interpreters* (not machine translation alone)."
 },
 {
  "t": "Translated birth plans",
  "u": "ideas/translated-birth-plans/index.html",
  "k": "change idea",
  "s": "Tested by 1 team",
  "x": "understanding complaints about communication in wrenfield maternity wrenfield maternity voices group the birth-plan template in the eight most common languages, with english alongside."
 },
 {
  "t": "Language",
  "u": "areas/language/index.html",
  "k": "equity area",
  "s": "Differences for people whose first language is not English, including interpreting needs.",
  "x": "language"
 },
 {
  "t": "Deprivation",
  "u": "areas/deprivation/index.html",
  "k": "equity area",
  "s": "Differences by neighbourhood deprivation (Index of Multiple Deprivation quintile).",
  "x": "deprivation"
 },
 {
  "t": "Ethnicity and race",
  "u": "areas/ethnicity/index.html",
  "k": "equity area",
  "s": "Differences in access, experience or outcome by ethnic group.",
  "x": "ethnicity"
 }
];
