window.QISITE_SEARCH_INDEX=
{
 "v": "the . in , by a interpreter language at screening who · : for to an and of ( ) Wrenfield ; A not appointment from most need team Otterbury triage about appointments before centre community outpatient patients booked calls clerk clinic deprived languages missed recorded three eye patient's with English GP Reminder The evening is maternity own people reminder was when will 1 Book Tested fictional interpreters or programme quintile referral text texts People access among communication data diabetic one reminders sent their 22% Adopt Missed Patients Tuesday against bilingual booking camera could days every first group it slots template used week were 2024 57% Differences Eastgate General Health IMD Polish Reminders Saturday Women accepted attendance be books checked clinics deprivation fifth month only ten test tested that these time two voices why women - 11% 17:00 2 2023 20:00 70% 83 9 9% Access Appointment Attendance Centre Deprivation Evening Eye Fictional Hospital Hospitals Information Interpreters Nine Otterbury's Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside arrives birth birth-plan call came cardiology changes common complaints date daytime do eight ethnicity four gap golden had invitations least letter machine missing mobile needed neighbourhoods numbers on out patient plans points qisite's reached read referrals requested room so speaks teams templates translation using waits work written → & 1.44 10 114 12 12% 13 15% 187 2.46 2025 214 23% 4 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Adapt Adults An August Bengali Booking By Clinics Community Complaints Days Diabetic Ethnicity Four GPs Half Halve Index Interpreter Invitation June Language Mobile Multiple Needs No Not One PDSA Raise Reduce Run September Service Twelve Understanding When Why abandoned after aged are ask asked attended both buses cancelled cannot care clash clear closer complain complaint cut cycles darkened dashboard day diabetes did down ethnic experience eyesight fall fell field finding fine five form found get graded grader grew have hear home hours images implement including instead interpreting invitation late lengthen letters line little living make matters miss monthly more narrowing needs neighbourhood next off offer often out-of-date outcome over people's phone prefer provide quarter race raised ratio reach rebooked record records recover registered relative reminding required reviewed reworded rise rose second see seems sessions seven-day sickness some speak split spoken staff summer survey talk tests them they third though through told triaged twelve understand use usual vs wait weeks whose wide worked working year your —",
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
  "Team"
 ],
 "n": [
  "The figures are illustrative: they are not the team's own data."
 ],
 "e": [
  {
   "t": "Diabetic eye screening in Otterbury's most deprived neighbourhoods",
   "u": "projects/otterbury-eye-screening/index.html",
   "k": "project",
   "s": "M9aOh2bQaVaD20Q)bWHTPbFEc6a4a!2a$aC7GFa9(IaLaXJ1",
   "f": [
    [
     0,
     "f6a29bQ20Q)aPPbFEc64f9bE1"
    ],
    [
     1,
     "aTgP20Q)bWHTfLbFHa$a29dA2c43a+eF20dB)bW1BaT20Q)aPIbKaIJBaT20dB)aPIbKeBJBaTa4f#fHd+Gg&h9a4FTa6BTBTeUbJIaLJBbV7Bb!"
    ],
    [
     14,
     "TaYa29aO"
    ],
    [
     9,
     "bM20a3aC7CMaRaE5bCX0O3207a040a61"
    ],
    [
     9,
     "cF9bUCMa*a9(8TbJcD3c2Ec51"
    ],
    [
     9,
     "cP85ZYCMdF9b280bHZYaZbN5bX1"
    ],
    [
     11,
     "cG9bQ20Q)aP"
    ],
    [
     11,
     "fEaD+9"
    ],
    [
     11,
     "eWPgJEO"
    ],
    [
     8,
     "a7aS2bL3cWGcO"
    ],
    [
     3,
     "cQ5aEaR5bCX0O2bL3cWaNcOaGb$aA0a071"
    ],
    [
     4,
     "cCaVb%aDaHhF4d)dN1"
    ],
    [
     5,
     "e3aSa#Lc8dIbDdKHd11"
    ],
    [
     6,
     "cC20a1*hGPeAEeC1"
    ],
    [
     7,
     "a&Db5a07a45bTbA1"
    ],
    [
     8,
     "a*a9("
    ],
    [
     3,
     "f85a*a9(Gg!b8b6EaDPbKaPaIAd#1"
    ],
    [
     4,
     "eZ2g3a9b9aHbRbB3Gd2d!aHNgL1"
    ],
    [
     5,
     "fBbULaZfODhRhM1"
    ],
    [
     6,
     "eJHb9bBL0h+D5b6Og94Va1b41"
    ],
    [
     7,
     "a&3GcX5hHg8dUd2d!h81"
    ],
    [
     8,
     "e+9b280bHZY"
    ],
    [
     3,
     "f4bN5bX80ZY3$h!0h)gN1"
    ],
    [
     4,
     "e#H0b9aHbRbB4aDAd9+b(dA1"
    ],
    [
     5,
     "cVhKL0b2dG5fYdT0Yb3Ng+1"
    ],
    [
     6,
     "c8He9b9bB3Ga1gEb3NbRg71"
    ],
    [
     7,
     "eLLhUE0YV5dTDgYi51"
    ],
    [
     10,
     "aT2cNQ)dHgSaYa29"
    ],
    [
     10,
     "cKCe(gM2a5bY"
    ],
    [
     10,
     "cKCf3fSb*9gRaGf)hJg2"
    ],
    [
     10,
     "cACeTbY2i4gD"
    ],
    [
     10,
     "cACcVfNE09Y"
    ],
    [
     10,
     "fACa7aSa#Eg$dI"
    ],
    [
     2,
     "cG9fTEgC3G2i6aC7cHaX3d$DdOd8b!1Mg)hTHd*aDAd9+9g5b$Qb3NdQ0dCaNb3Ng6b&gZd#1a8aOb#a!2g(aC*GFa9(LfMi31M(85ZYf$N3GaFfF1"
    ]
   ],
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "f1F6h*f26dGCd7e1d%e8dN3h3e4d%d(IgVJ1eO!SfW+WaV#ARF6Pa%Ec14b1068UGhB#2a$aC7IaLaXJ1",
   "f": [
    [
     0,
     "f7+!WaV#ARF6Pa%Ee04ePbE1"
    ],
    [
     1,
     "a)ARF6+a%Ha$!W2c43a+c9D#Ad3NCaMbD$gKaNN8cY3Ga!c(2a5bY1Ba)ARF6Ba)Ad3NRF6BeNa4F!O8KbIcIBKBKcTcJIaLJB7d5BgF"
    ],
    [
     14,
     "K!aUS"
    ],
    [
     9,
     "aJ068UCa8U&bS06aG0aQaAbP3dZ07a040a61"
    ],
    [
     9,
     "bM20a3aC7CcBa!a#4aR20a3a073PdXbT4ZaMINdDdYcZJ1"
    ],
    [
     9,
     "a7%45b0&CM&AdV0a37%a1b4X0O1"
    ],
    [
     11,
     "a(!W46R"
    ],
    [
     11,
     "cL$8U"
    ],
    [
     8,
     "aJ06aG0aQaAh$320c)("
    ],
    [
     3,
     "a8U&bS06Db5bPc)aQb$h7571"
    ],
    [
     4,
     "cM2bZHb%dRaHgAF6$8U1"
    ],
    [
     5,
     "cRi0L07aFdEPeDHc7dR1"
    ],
    [
     6,
     "eEHc7IeIJbD$8U3a+V5hYX1"
    ],
    [
     7,
     "a&Db5(LfJe!Eh6071"
    ],
    [
     8,
     "a7aS2bL3eQGcS"
    ],
    [
     3,
     "cQ0hLaEaR20a3a07Da1*1"
    ],
    [
     4,
     "a(W2b%*aHf*45h01"
    ],
    [
     5,
     "e6aSa#L0cSbAaFhEfG0b6bC1"
    ],
    [
     6,
     "a(Wf+Pe7Ee220a1*LhN#fPdQa$hQ71"
    ],
    [
     7,
     "eMi7cX5aEc&D#Ag*EgBb81"
    ],
    [
     8,
     "a7%45b0&"
    ],
    [
     3,
     "Mb0&%#AfKD5c&a1b4X0O1"
    ],
    [
     4,
     "cM2bZ%aHh40dL1"
    ],
    [
     5,
     "eK%LeGdP0dLaN5hA1"
    ],
    [
     6,
     "eHdPLb(#h55fRgHHdE0O1"
    ],
    [
     7,
     "a&3a4%20d6QdS*1"
    ],
    [
     12,
     "cR#Ah(aM3Gb(ZaM3hDb5aEd&dCXb8aFb#1"
    ],
    [
     2,
     "eRaM2b&cHaX3d$DdOd8b!1fD0ShP+W46R30d7aFi2Ca%a+c91a)h#hWb*Cc006aF$0f!X3aNN8cYLc00aEc(2a53dU0d1aF+1a8Sb#a1c*2bEIhI0f5fXJ1eS0hS3+WaV#ARF6bDf%EVc11"
    ],
    [
     13,
     "e&b1aA5hCg0dJ0Ug4"
    ],
    [
     13,
     "a7aS20h%QdS*"
    ],
    [
     13,
     "a(W46RdJ0gTfZ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "MaBSaAg1dKb*b+AhOgOa5fUVaWgUg#3Xb8hVc*IaLaXJ1",
   "f": [
    [
     0,
     "e$d0VaWPb+ARF64e)e51"
    ],
    [
     1,
     "bOARF6gQVaZfV2d6VaW3hZhXfIaZ2bZH0b+$1BbOARF6BbO$DaBfQ8KbIcIBKcTcJIaLJB7Bh&"
    ],
    [
     14,
     "KaBb)b7"
    ],
    [
     9,
     "aJ068UCaJ06D0b1OaG0a6aQc#1"
    ],
    [
     9,
     "cUc$dMCa8c%bA20d4Qc+*3a4a5c!1"
    ],
    [
     11,
     "eVVaW2aB"
    ]
   ]
  },
  {
   "t": "Reminder calls by a bilingual clerk",
   "u": "ideas/bilingual-reminder-calls/index.html",
   "k": "change idea",
   "s": "aK4aIS",
   "f": [
    [
     9,
     "M&AdV0a37%a1b4X0O1"
    ],
    [
     14,
     "K!aUS"
    ]
   ],
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "aK4c3dW",
   "f": [
    [
     9,
     "a8U&bS06aG0aQaAbP3dZ07a040a61"
    ],
    [
     9,
     "aJ06D0b1OaG0a6aQc#1"
    ],
    [
     14,
     "K!aUS3KaBb)b7"
    ]
   ]
  },
  {
   "t": "Screening at a community centre",
   "u": "ideas/community-venue-clinic/index.html",
   "k": "change idea",
   "s": "aK4aIS",
   "f": [
    [
     9,
     "MdF9b280bHZYaZbN5bX1"
    ],
    [
     14,
     "TaYa29aO"
    ]
   ],
   "i": 0
  },
  {
   "t": "Evening screening clinics",
   "u": "ideas/evening-clinics/index.html",
   "k": "change idea",
   "s": "aK4aIS",
   "f": [
    [
     9,
     "Ma*a9(8TbJcD3c2Ec51"
    ],
    [
     14,
     "TaYa29aO"
    ]
   ],
   "i": 0
  },
  {
   "t": "Reminders in the patient's own language",
   "u": "ideas/reminders-in-own-language/index.html",
   "k": "change idea",
   "s": "aK4c3dW",
   "f": [
    [
     9,
     "MaRaE5bCX0O3207a040a61"
    ],
    [
     9,
     "cBa!a#4aR20a3a073PdXbT4ZaMINdDdYcZJ1"
    ],
    [
     14,
     "TaYa29aO3K!aUS"
    ]
   ],
   "i": 0
  },
  {
   "t": "Translated birth plans",
   "u": "ideas/translated-birth-plans/index.html",
   "k": "change idea",
   "s": "aK4aIS",
   "f": [
    [
     9,
     "a8c%bA20d4Qc+*3a4a5c!1"
    ],
    [
     14,
     "KaBb)b7"
    ]
   ]
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bGDaDi1b67aANa53gGgIgW1",
   "f": [
    [
     1,
     "7"
    ]
   ]
  },
  {
   "t": "Deprivation",
   "u": "areas/deprivation/index.html",
   "k": "equity area",
   "s": "bG4gXbVIe%Hf0cEaPJ1",
   "f": [
    [
     1,
     "bV"
    ]
   ]
  },
  {
   "t": "Ethnicity and race",
   "u": "areas/ethnicity/index.html",
   "k": "equity area",
   "s": "bG2aU3f(aNg%4f&b71",
   "f": [
    [
     1,
     "d5"
    ]
   ]
  }
 ]
};
