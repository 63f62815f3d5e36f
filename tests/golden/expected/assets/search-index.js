window.QISITE_SEARCH_INDEX=
{
 "v": "the . in , by a language interpreter at screening who · for to : and of Wrenfield an ( ) ; A not appointment from most need team Otterbury triage about appointments before centre community outpatient patients booked calls clerk clinic deprived languages missed recorded three eye patient's with English GP Reminder The evening is maternity own people reminder was when will 1 Book Tested fictional interpreters or programme quintile referral text texts People access among communication data diabetic one reminders sent their 22% Adopt Missed Patients Tuesday against bilingual booking camera could days every first group it slots template used week were 2024 57% Differences Eastgate General Health IMD Polish Reminders Saturday Women accepted attendance be books checked clinics deprivation fifth month only ten test tested that these time two voices why women - 11% 17:00 2 2023 20:00 70% 83 9 9% Access Appointment Attendance Centre Deprivation Evening Eye Fictional Hospital Hospitals Information Interpreters Nine Otterbury's Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside arrives birth birth-plan call came cardiology changes common complaints date daytime do eight ethnicity four golden had invitations least letter machine missing mobile neighbourhoods numbers on out patient plans qisite's reached read referrals requested room so speaks teams templates translation using waits work written & 10 114 12 12% 15% 187 2025 214 23% 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Adapt Adults An August Bengali Booking By Clinics Community Complaints Days Diabetic Ethnicity Four GPs Half Halve Index Interpreter Invitation June Language Mobile Multiple Not One PDSA Raise Reduce Run September Service Twelve Understanding When Why abandoned after aged are ask asked attended both buses cancelled cannot care clash clear closer complain complaint cut cycles darkened dashboard day diabetes did down ethnic experience eyesight fall fell field finding fine five form found gap get graded grader grew have hear home hours images implement including instead interpreting invitation late lengthen letters line little living make matters miss monthly more needed needs neighbourhood next off offer often out-of-date outcome over people's phone points prefer provide quarter race raised reach rebooked record records recover registered relative reminding required reviewed reworded rise rose second see seems sessions seven-day sickness some speak split spoken staff summer survey talk tests them they third though through told triaged twelve understand use usual wait weeks whose wide worked working year your —",
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
   "s": "M9aOg%bQaVaD20Q)bWGTPbFDc6a4a!2a$aC6FIa9(JaLaXK1",
   "f": [
    [
     0,
     "e(a29bQ20Q)aPPbFDc64e+bE1"
    ],
    [
     1,
     "aTgG20Q)bWGTfBbFGa$a29d92c43a+e720dA)bW1BaT20Q)aPJbKaIKBaT20dA)aPJbKe3KBaTa4fRf7d%FgVh0a4ITa6BTBTeMbJJaLKBbV6Bb!"
    ],
    [
     14,
     "TaYa29aO"
    ],
    [
     9,
     "bM20a3aC6EMaRaE5bCX0O3206a040a61"
    ],
    [
     9,
     "cF9bUEMa*a9(8TbJcD3c2Dc51"
    ],
    [
     9,
     "cP85ZYEMdE9b280bHZYaZbN5bX1"
    ],
    [
     11,
     "cG9bQ20Q)aP"
    ],
    [
     11,
     "f4aD+9"
    ],
    [
     11,
     "eOPgADO"
    ],
    [
     8,
     "a7aS2bL3cWFcO"
    ],
    [
     3,
     "cQ5aEaR5bCX0O2bL3cWaNcOaGb$aA0a061"
    ],
    [
     4,
     "cCaVb%aDaHh64d#gY1"
    ],
    [
     5,
     "d)aSa#Lc8dGbDdIGd11"
    ],
    [
     6,
     "cC20a1*h7Pe2De41"
    ],
    [
     7,
     "a&Cb5a06a45bTbA1"
    ],
    [
     8,
     "a*a9("
    ],
    [
     3,
     "e*5a*a9(FgRb8b6DaDPbKaPaIAdY1"
    ],
    [
     4,
     "eR2f$a9b9aHbRbB3Fd2dXaHNgC1"
    ],
    [
     5,
     "f1bULaZfEChIhD1"
    ],
    [
     6,
     "eBGb9bBL0hYC5b6Og04Va1b41"
    ],
    [
     7,
     "a&3FcX5h8f+dRd2dXg+1"
    ],
    [
     8,
     "e!9b280bHZY"
    ],
    [
     3,
     "e%bN5bX80ZY3$hR0hXgE1"
    ],
    [
     4,
     "eTG0b9aHbRbB4aDAd8+b(d91"
    ],
    [
     5,
     "cVhBL0b2gM5fOdQ0Yb3Ng!1"
    ],
    [
     6,
     "c8Ge1b9bB3Fa1g5b3NbRf*1"
    ],
    [
     7,
     "eDLhLD0YV5dQCgPh&1"
    ],
    [
     10,
     "aT2cNQ)dFgJaYa29"
    ],
    [
     10,
     "cKEeXgD2a5bY"
    ],
    [
     10,
     "cKEe$fIb*9gIaGfWhAf#"
    ],
    [
     10,
     "cAEeLbY2h%g4"
    ],
    [
     10,
     "cAEcVfDD09Y"
    ],
    [
     10,
     "f0Ea7aSa#DgTdG"
    ],
    [
     2,
     "cG9fJDg33F2h(aC6cHaX3dZCdLd7b!1MgXhKGd$aDAd8+9f&b$Qb3NdN0dBaNb3Nf)b&gQdY1a8aOb#a!2gWaC*FIa9(LfCh$1M(85ZYfSN3FaFf51"
    ]
   ],
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "eG!SfM+WaV#ARI7Pa%Dc14b1078UFh2#2a$aC6JaLaXK1",
   "f": [
    [
     0,
     "e)+!WaV#ARI7Pa%Dd&4eHbE1"
    ],
    [
     1,
     "a)ARI7+a%Ga$!W2c43a+c9C#Ad3NEaMbD$gBaNN8cY3Fa!c(2a5bY1Ba)ARI7Ba)Ad3NRI7BeFa4I!O8HbIcIBHBHcTcJJaLKB6d5Bg6"
    ],
    [
     14,
     "H!aUS"
    ],
    [
     9,
     "aJ078UEa8U&bS07aG0aQaAbP3dW06a040a61"
    ],
    [
     9,
     "bM20a3aC6EcBa!a#4aR20a3a063PdUbT4ZaMJNdCdVcZK1"
    ],
    [
     9,
     "a7%45b0&EM&AdS0a36%a1b4X0O1"
    ],
    [
     11,
     "a(!W47R"
    ],
    [
     11,
     "cL$8U"
    ],
    [
     8,
     "aJ07aG0aQaAhT320c)("
    ],
    [
     3,
     "a8U&bS07Cb5bPc)aQb$g*561"
    ],
    [
     4,
     "cM2bZGb%dOaHg1I7$8U1"
    ],
    [
     5,
     "cRhZL06aFdDPe5Gc7dO1"
    ],
    [
     6,
     "e6Gc7JeAKbD$8U3a+V5hPX1"
    ],
    [
     7,
     "a&Cb5(Lf9eSDg)061"
    ],
    [
     8,
     "a7aS2bL3eIFcS"
    ],
    [
     3,
     "cQ0hCaEaR20a3a06Ca1*1"
    ],
    [
     4,
     "a(W2b%*aHfX45g#1"
    ],
    [
     5,
     "d+aSa#L0cSbAaFh5f60b6bC1"
    ],
    [
     6,
     "a(WfYPe0Dd(20a1*LhE#fFdNa$hH61"
    ],
    [
     7,
     "eEh)cX5aEc&C#AgZDg2b81"
    ],
    [
     8,
     "a7%45b0&"
    ],
    [
     3,
     "Mb0&%#AfAC5c&a1b4X0O1"
    ],
    [
     4,
     "cM2bZ%aHg&0dJ1"
    ],
    [
     5,
     "eC%Le8dM0dJaN5h11"
    ],
    [
     6,
     "e9dMLb(#g(5fHg8GdD0O1"
    ],
    [
     7,
     "a&3a4%20d6QdP*1"
    ],
    [
     12,
     "cR#AhWaM3Fb(ZaM3h4b5aEd!dBXb8aFb#1"
    ],
    [
     2,
     "eJaM2b&cHaX3dZCdLd7b!1f30ShG+W47R30f(aFh#Ea%a+c91a)hShNb*Ec007aF$0fQX3aNN8cYLc00aEc(2a53dR0d1aF+1a8Sb#a1c*2bEJh90e&fNK1eK0hJ3+WaV#ARI7bDfTDVc11"
    ],
    [
     13,
     "eWb1aA5h3fZdH0Uf%"
    ],
    [
     13,
     "a7aS20hUQdP*"
    ],
    [
     13,
     "a(W47RdH0gKfP"
    ]
   ],
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "MaBSaAf!dIb*b+AhFgFa5fKVaWgLgS3Xb8hMc*JaLaXK1",
   "f": [
    [
     0,
     "eUd0VaWPb+ARI74eYd*1"
    ],
    [
     1,
     "bOARI7gHVaZfL2d6VaW3hQhOf8aZ2bZG0b+$1BbOARI7BbO$CaBfG8HbIcIBHcTcJJaLKB6BhV"
    ],
    [
     14,
     "HaBb)b7"
    ],
    [
     9,
     "aJ078UEaJ07C0b1OaG0a6aQc#1"
    ],
    [
     9,
     "cUc$dKEa8c%bA20d4Qc+*3a4a5c!1"
    ],
    [
     11,
     "eNVaW2aB"
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
     "M&AdS0a36%a1b4X0O1"
    ],
    [
     14,
     "H!aUS"
    ]
   ],
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "aK4c3dT",
   "f": [
    [
     9,
     "a8U&bS07aG0aQaAbP3dW06a040a61"
    ],
    [
     9,
     "aJ07C0b1OaG0a6aQc#1"
    ],
    [
     14,
     "H!aUS3HaBb)b7"
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
     "MdE9b280bHZYaZbN5bX1"
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
     "Ma*a9(8TbJcD3c2Dc51"
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
   "s": "aK4c3dT",
   "f": [
    [
     9,
     "MaRaE5bCX0O3206a040a61"
    ],
    [
     9,
     "cBa!a#4aR20a3a063PdUbT4ZaMJNdCdVcZK1"
    ],
    [
     14,
     "TaYa29aO3H!aUS"
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
     "HaBb)b7"
    ]
   ]
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bGCaDh!b66aANa53g7g9gN1",
   "f": [
    [
     1,
     "6"
    ]
   ]
  },
  {
   "t": "Deprivation",
   "u": "areas/deprivation/index.html",
   "k": "equity area",
   "s": "bG4gObVJeVGe#cEaPK1",
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
   "s": "bG2aU3fVaNgU4fUb71",
   "f": [
    [
     1,
     "d5"
    ]
   ]
  }
 ]
};
