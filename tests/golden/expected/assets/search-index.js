window.QISITE_SEARCH_INDEX=
{
 "v": "the in by language a at interpreter screening to who and team for of Wrenfield appointment from an appointments centre most outpatient A about before not triage booked community languages patients 1 Otterbury calls clinic eye maternity need . English The communication evening is missed recorded reminder with GP Reminder Tested access clerk deprived fictional or own patient's people programme texts three when ( ) Book Missed among data diabetic every group interpreters month quintile referral reminders sent text their was week , 22% Tuesday against bilingual booking camera days first it one template that two voices were 2024 57% Attendance Complaints Differences Eastgate General Health Otterbury's Polish Reminders Saturday accepted attendance books checked clinics could deprivation mobile only out test tested time why women 11% 17:00 2 2023 20:00 70% 83 9 9% : Adopt Appointment Centre Deprivation Evening Eye Fictional Hospital Hospitals IMD Interpreters Network One Patients People Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside are arrives be birth birth-plan both call came cardiology changes common complaints date daytime did eight ethnicity fifth four gap golden had invitations letter machine measure missing needed neighbourhoods numbers patient plans points qisite's reached read referrals reported requested room slots so speaks teams templates ten them these translation used using waits will work written → 1.44 10 114 12 12% 13 15% 187 2.46 2025 214 23% 4 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Access Adapt Adults An August Bengali Booking By Cancelled Clinics Community Days Diabetic Ethnicity Four GPs Half Halve Index Information Interpreter Invitation June Language Mobile Multiple Needs Nine No Not Of PDSA Raise Reduce Run September Service Twelve Understanding When Why Women abandoned after aged ask asked attend attended buses cancelled cannot care clash clear closer compares complain complaint counted counts cut cycles darkened dashboard day diabetes do down each ethnic experience eyesight fall fell field figures finding fine five form found funnel get graded grader grew have hear home hours images implement including instead interpreting invented invitation late least left lengthen letters line little living make matters miss monthly more name narrowing needs neighbourhood next notice number off offer often on other out-of-date outcome over people's person phone plot prefer provide quarter race raised ratio reach rebooked received record records recover registered relative reminding required reviewed reworded rise rose second see seems serves sessions seven-day sickness some speak split spoken staff summer survey talk tests they third though through told towns triaged twelve understand unit use usual visits vs wait weeks whose wide without worked working year your",
 "l": [
  "Aim",
  "About",
  "Story",
  "PDSA plan",
  "PDSA prediction",
  "PDSA do",
  "PDSA study",
  "PDSA act",
  "PDSA cycle",
  "Change idea",
  "Cause",
  "Measure",
  "Co-production",
  "Sustain",
  "Team",
  "Available knowledge",
  "Rationale",
  "Context",
  "Ethical considerations",
  "Interpretation",
  "Limitations",
  "Conclusions",
  "Funding"
 ],
 "n": [
  "The figures are illustrative: they are not the team's own data."
 ],
 "d": "assets/search",
 "e": [
  {
   "t": "Diabetic eye screening in Otterbury's most deprived neighbourhoods",
   "u": "projects/otterbury-eye-screening/index.html",
   "k": "project",
   "s": "M7aEhJbLaMaD10Ka8d0DWGb98b&a2aV1aYaB3AH)YaIa9aNaJ$",
   "w": [
    [
     0,
     "0004073EHKN0BIcB2"
    ],
    [
     1,
     "00132232A02B040J45D5A37F4U4!B3GX3HW5JG"
    ],
    [
     14,
     "7O2N9"
    ],
    [
     9,
     "000000106321331720170F42233A120428271B"
    ],
    [
     11,
     "0050603N84F!SbPSaB"
    ],
    [
     8,
     "0031288576AN3E3)7bK"
    ],
    [
     3,
     "00100200402420227010823A0322502C1Y2215aCaHaNFa47"
    ],
    [
     4,
     "000602BG1D8R4aJA709761104$1aHLa1"
    ],
    [
     5,
     "037055YGA34G03COHE19NaACCaMM14"
    ],
    [
     6,
     "0001311010613VR09EGW#8J016a(14aCU"
    ],
    [
     7,
     "02031163L1MMJLNGP19Ta&TP8DM"
    ],
    [
     10,
     "0050A0E3936167SB4P7X0a789176C4H5BB40ESX"
    ],
    [
     17,
     "06Ba5ADAAdGa7UH32"
    ],
    [
     20,
     "0448aFJHScLGJ"
    ],
    [
     2,
     "0010010001031012204511A010873DK400H0Q850191H03aKCP15S71YL2"
    ]
   ],
   "g": "otterbury-eye-screening",
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "f1H6iJf36dAb+d2d+d$e6dFa#hKe2d$d%aIg)aJ$eNLBf!+IaMU9#H6Ga$8bZ2a)065QAhTU1aYaB3aIa9aNaJ$",
   "w": [
    [
     0,
     "23106002866MFEbYPS"
    ],
    [
     1,
     "1110201000102312614260G3231B6D948046498aMaJO5"
    ],
    [
     14,
     "B26T"
    ],
    [
     9,
     "0000000250510014621202303026200072I110MOPH131"
    ],
    [
     11,
     "220B2409SaX"
    ],
    [
     8,
     "000113M08527129AKa1GaXcV"
    ],
    [
     3,
     "00101222611202640543842724F1%G1bTb3E"
    ],
    [
     4,
     "0001006307013Wb!5814aBa0D+3"
    ],
    [
     5,
     "02082GL4G2082#L0Y331T623+b93X"
    ],
    [
     6,
     "0010024101401010U4C591XaC70Q4620a91KJ)J26"
    ],
    [
     7,
     "001030278020B0MK*N9BJ+DT)(8"
    ],
    [
     12,
     "90D31FN17A3PVWdOT"
    ],
    [
     2,
     "00020101040400126103185503721B0L0001776B91260C747X0N7M22a#727C"
    ],
    [
     13,
     "00011B152755A5KbNaI*A4SBNR"
    ]
   ],
   "g": "wrenfield-interpreter-access",
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "M!B*g7bTbXbY9h*gY%fWN(g&h5a#Ob1i5c#aIa9aNaJ$",
   "w": [
    [
     0,
     "232605D3a#a4a8X4"
    ],
    [
     1,
     "001102200253803C#BJH0B7HQaWA5a2aE15"
    ],
    [
     14,
     "ELYO"
    ],
    [
     9,
     "0030524529060D29B5aH511054F"
    ],
    [
     11,
     "1LC4aE"
    ]
   ],
   "g": "wrenfield-maternity-language"
  },
  {
   "t": "Reminder calls by a bilingual clerk",
   "u": "ideas/bilingual-reminder-calls/index.html",
   "k": "change idea",
   "s": "a52VB",
   "w": [
    [
     9,
     "0255618I43RbP"
    ],
    [
     14,
     "B26T"
    ]
   ],
   "g": "idea.bilingual-reminder-calls",
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "a52b#dQ",
   "w": [
    [
     9,
     "010252AD2123929BM1a6a3"
    ],
    [
     14,
     "B26EEJO"
    ]
   ],
   "g": "idea.book-interpreter-at-referral"
  },
  {
   "t": "Screening at a community centre",
   "u": "ideas/community-venue-clinic/index.html",
   "k": "change idea",
   "s": "a52VB",
   "w": [
    [
     9,
     "0301B25+E3A57"
    ],
    [
     14,
     "7O2N9"
    ]
   ],
   "g": "idea.community-venue-clinic",
   "i": 0
  },
  {
   "t": "Evening screening clinics",
   "u": "ideas/evening-clinics/index.html",
   "k": "change idea",
   "s": "a52VB",
   "w": [
    [
     9,
     "52D917(KK27"
    ],
    [
     14,
     "7O2N9"
    ]
   ],
   "g": "idea.evening-clinics",
   "i": 0
  },
  {
   "t": "Reminders in the patient's own language",
   "u": "ideas/reminders-in-own-language/index.html",
   "k": "change idea",
   "s": "a52b#dQ",
   "w": [
    [
     9,
     "00000A05102G018E3002VMOPJ3"
    ],
    [
     14,
     "7326A2F79"
    ]
   ],
   "g": "idea.reminders-in-own-language",
   "i": 0
  },
  {
   "t": "Translated birth plans",
   "u": "ideas/translated-birth-plans/index.html",
   "k": "change idea",
   "s": "a52VB",
   "w": [
    [
     9,
     "00I8906a0aN454"
    ],
    [
     14,
     "ELYO"
    ]
   ],
   "g": "idea.translated-birth-plans"
  },
  {
   "t": "Missed appointments",
   "u": "measures/missed-appointments/index.html",
   "k": "network measure",
   "s": "cBd8dK2VBb+4gChEfVdT",
   "w": [
    [
     11,
     "00B4231a0a0*48aULGC%F09aB"
    ],
    [
     14,
     "B26T"
    ]
   ],
   "g": "measure.missed-appointments",
   "i": 0
  },
  {
   "t": "Complaints about communication",
   "u": "measures/complaints-per-month/index.html",
   "k": "network measure",
   "s": "cBd8dK2VB",
   "w": [
    [
     11,
     "2$VK6eTQ"
    ],
    [
     14,
     "ELYO"
    ]
   ],
   "g": "measure.complaints-per-month"
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bCCaDiMb03*P%a#gNgPg*$",
   "w": [
    [
     1,
     "3"
    ]
   ],
   "g": "area.language"
  },
  {
   "t": "Deprivation",
   "u": "areas/deprivation/index.html",
   "k": "equity area",
   "s": "bC2g+bQaIe$Df0c3aTaJ$",
   "w": [
    [
     1,
     "bQ"
    ]
   ],
   "g": "area.deprivation"
  },
  {
   "t": "Ethnicity and race",
   "u": "areas/ethnicity/index.html",
   "k": "equity area",
   "s": "bC1a6a#g1aAh92g0aQ$",
   "w": [
    [
     1,
     "c+"
    ]
   ],
   "g": "area.ethnicity"
  }
 ]
};
