window.QISITE_SEARCH_INDEX=
{
 "v": "the . in , by a interpreter language at screening who · : for to and an of ( ) ; Wrenfield A centre not appointment from most need team Otterbury triage about appointments before community outpatient patients booked calls clerk clinic deprived languages missed recorded three eye patient's was with English GP Reminder The evening is maternity own people reminder when will 1 Book Tested fictional interpreters or programme quintile referral text texts People access among communication data diabetic every one reminders sent their week - 22% Adopt Missed Patients Tuesday against bilingual booking camera could days first group it only slots template two used were 2024 57% Attendance Differences Eastgate General Health IMD Otterbury's Polish Reminders Saturday Women accepted attendance be books checked clinics deprivation fifth mobile month ten test tested that these time voices why women 11% 17:00 2 2023 20:00 70% 83 9 9% Access Appointment Centre Deprivation Evening Eye Fictional Hospital Hospitals Information Interpreters Nine One Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside arrives birth birth-plan call came cardiology changes common complaints date daytime do eight ethnicity four gap golden had invitations least letter machine missing needed neighbourhoods numbers on out patient plans points qisite's reached read referrals requested room so speaks teams templates translation using waits work written → & 1.44 10 114 12 12% 13 15% 187 2.46 2025 214 23% 4 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Adapt Adults An August Bengali Booking By Clinics Community Complaints Days Diabetic Ethnicity Four GPs Half Halve Index Interpreter Invitation June Language Mobile Multiple Needs No Not PDSA Raise Reduce Run September Service Twelve Understanding When Why abandoned after aged are ask asked attended both buses cancelled cannot care clash clear closer complain complaint counted cut cycles darkened dashboard day diabetes did down each ethnic experience eyesight fall fell field figures finding fine five form found get graded grader grew have hear home hours images implement including instead interpreting invented invitation late lengthen letters line little living make matters miss monthly more narrowing needs neighbourhood next off offer often other out-of-date outcome over people's phone prefer provide quarter race raised ratio reach rebooked record records recover registered relative reminding required reviewed reworded rise rose second see seems serves sessions seven-day sickness some speak split spoken staff summer survey talk tests them they third though through told towns triaged twelve understand unit use usual visits vs wait weeks whose wide worked working year your —",
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
 "e": [
  {
   "t": "Diabetic eye screening in Otterbury's most deprived neighbourhoods",
   "u": "projects/otterbury-eye-screening/index.html",
   "k": "project",
   "s": "M9aOh7bVaVaE20R)b#HUQbIEc9a5a#2a%aD7FGaA(IaLaXJ1",
   "f": [
    [
     0,
     "f6a29bV20R)aPQbIEc94f9bH1"
    ],
    [
     1,
     "aTgT20R)b#HUfLbIHa%a29dC2c73b2eG20dD)b#1BaT20R)aPIbOaIJBaT20dD)aPIbOeCJBaTa5f$fHe0Fh0hEa5GUa7BUBUeVbNIaLJBb!7Bb("
    ],
    [
     14,
     "UaYa29aO"
    ],
    [
     9,
     "bR20a3aD7CMaRaF5a&Y0P3207a040a71"
    ],
    [
     9,
     "cH9bZCMb1aA(8UbNcF3c5Ec81"
    ],
    [
     9,
     "cR85ZNCMb$9b580bLZNa!bS5b%1"
    ],
    [
     11,
     "cI9bV20R)aP"
    ],
    [
     11,
     "fEaE+9"
    ],
    [
     11,
     "eXQgNEP"
    ],
    [
     8,
     "a8aS2bQ3cYFcQ"
    ],
    [
     3,
     "cS5aFaR5a&Y0P2bQ3cYaNcQaGb*aB0a071"
    ],
    [
     4,
     "bJaVb+aEaHhK4d*dO1"
    ],
    [
     5,
     "e4aSa$KcBdJbGdLHd31"
    ],
    [
     6,
     "bJ20a1*hLQeBEeD1"
    ],
    [
     7,
     "a*DaZa07a55bYbD1"
    ],
    [
     8,
     "b1aA("
    ],
    [
     3,
     "f85b1aA(Fg&bAb8EaEQbOaPaIAd$1"
    ],
    [
     4,
     "e!2g6aAbCaHbWbF3Fd4d#aHOgP1"
    ],
    [
     5,
     "fBbZKa!fODhXhS1"
    ],
    [
     6,
     "eKHbCbFK0i8D5b8PgC4Wa1b71"
    ],
    [
     7,
     "a*3FcZ5hMgBdVd4d#hD1"
    ],
    [
     8,
     "f09b580bLZN"
    ],
    [
     3,
     "cPbS5b%80ZN3$h)0i5gR1"
    ],
    [
     4,
     "e$H0bCaHbWbF4aEAdB+bEdC1"
    ],
    [
     5,
     "cXhQK0b5dH5fZdU0Nb6Oh41"
    ],
    [
     6,
     "cBHeAbCbF3Fa1gHb6ObWgA1"
    ],
    [
     7,
     "eMKh!E0NW5dUDg$iE1"
    ],
    [
     10,
     "aT2bPR)dIgWaYa29"
    ],
    [
     10,
     "cMCe)gQ2a6bB"
    ],
    [
     10,
     "cMCf4fSc29gVaGf+hOg5"
    ],
    [
     10,
     "cDCeUbB2iDgG"
    ],
    [
     10,
     "cDCcXfNE09N"
    ],
    [
     10,
     "fACa8aSa$Eg*dJ"
    ],
    [
     17,
     "bP9NhPbEh+K0b$i3i6f(aZg)a&1"
    ],
    [
     20,
     "a(cPN3FgMg31a(bJa4fW80NbB1"
    ],
    [
     2,
     "cI9fTEgF3F2iFaD7cJaX3d%DdPdAb(1Mh2hZHd+aEAdB+9g8b*Rb6OdR0dEaNb6Og9c0g%d$1a9aOb)a#2h1aD*FGaA(KfMiC1M(85ZNf%O3Fa4fF1"
    ]
   ],
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "f2G6i7f36dHCd9e2d&e9dO3h8e5d&d)IgZJ1eP!TfX+XaV#ASG6Qa)Ec44b4068VFhG#2a%aD7IaLaXJ1",
   "f": [
    [
     0,
     "f7+!XaV#ASG6Qa)Ee14eQbH1"
    ],
    [
     1,
     "b0ASG6+a)Ha%!X2c73b2cCD#Ad5OCaMbG$gOaNO8c!3Fa#c*2a6bB1Bb0ASG6Bb0Ad5OSG6BeOa5G!P8LbMcKBLBLcVcLIaLJB7d7BgI"
    ],
    [
     14,
     "L!aUT"
    ],
    [
     9,
     "aJ068VCa9V&bX06aG0aQaBbU3d!07a040a71"
    ],
    [
     9,
     "bR20a3aD7CcEa#a$4aR20a3a073QdYbY4ZaMIOdFdZc#J1"
    ],
    [
     9,
     "a8%45b3&CM&AdW0a37%a1b7Y0P1"
    ],
    [
     11,
     "a+!X46S"
    ],
    [
     11,
     "cN$8V"
    ],
    [
     8,
     "aJ06aG0aQaBi0320c+("
    ],
    [
     3,
     "a9V&bX06DaZbUc+aQb*hC571"
    ],
    [
     4,
     "cO2b&Hb+dSaHgDG6$8V1"
    ],
    [
     5,
     "cTi9K07a4dGQeEHcAdS1"
    ],
    [
     6,
     "eFHcAIeJJbG$8V3b2W5h&Y1"
    ],
    [
     7,
     "a*DaZ(KfJe#EhB071"
    ],
    [
     8,
     "a8aS2bQ3eRFcU"
    ],
    [
     3,
     "cS0hRaFaR20a3a07Da1*1"
    ],
    [
     4,
     "a+X2b+*aHg045h51"
    ],
    [
     5,
     "e7aSa$K0cUbDa4hJfG0b8a&1"
    ],
    [
     6,
     "a+Xg1Qe8Ee320a1*KhT#fPdRa%hW71"
    ],
    [
     7,
     "eNiGcZ5aFc)D#Ah3EgEbA1"
    ],
    [
     8,
     "a8%45b3&"
    ],
    [
     3,
     "Mb3&%#AfKD5c)a1b7Y0P1"
    ],
    [
     4,
     "cO2b&%aHh90dM1"
    ],
    [
     5,
     "eL%KeHdQ0dMaN5hF1"
    ],
    [
     6,
     "eIdQKbE#hA5fRgKHdG0P1"
    ],
    [
     7,
     "a*3a5%20d8RdT*1"
    ],
    [
     12,
     "cT#Ai4aM3FbEZaM3hIaZaFd(dEYbAa4b)1"
    ],
    [
     2,
     "eSaM2c0cJaX3d%DdPdAb(1fD0ThV+X46S30d9a4iBCa)b2cC1b0h*h$c2Ca(06a4$0f#Y3aNO8c!Ka(0aFc*2a63dV0d3a4+1a9Tb)a1d02bHIhN0f5fYJ1eT0hY3+XaV#ASG6bGf&EWc41"
    ],
    [
     13,
     "e(b4aB5hHg2dK0Vg7"
    ],
    [
     13,
     "a8aS20i1RdT*"
    ],
    [
     13,
     "a+X46SdK0gXf!"
    ]
   ],
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "MaCTaBg4dLc2c3AhUgSa6fUWaWgYg(3YbAh#d0IaLaXJ1",
   "f": [
    [
     0,
     "e%d2WaWQc3ASG64e*e61"
    ],
    [
     1,
     "bTASG6gUWa!fV2d8WaW3h(h%fIa!2b&H0c3$1BbTASG6BbT$DaCfQ8LbMcKBLcVcLIaLJB7Bi2"
    ],
    [
     14,
     "LaCc1b9"
    ],
    [
     9,
     "aJ068VCaJ06D0b4PaG0a7aQc%1"
    ],
    [
     9,
     "cWc&dNCa9c(bD20d6Rd1*3a5a6c$1"
    ],
    [
     11,
     "eWWaW2aC"
    ]
   ]
  },
  {
   "t": "Reminder calls by a bilingual clerk",
   "u": "ideas/bilingual-reminder-calls/index.html",
   "k": "change idea",
   "s": "aK4aIT",
   "f": [
    [
     9,
     "M&AdW0a37%a1b7Y0P1"
    ],
    [
     14,
     "L!aUT"
    ]
   ],
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "aK4c6dX",
   "f": [
    [
     9,
     "a9V&bX06aG0aQaBbU3d!07a040a71"
    ],
    [
     9,
     "aJ06D0b4PaG0a7aQc%1"
    ],
    [
     14,
     "L!aUT3LaCc1b9"
    ]
   ]
  },
  {
   "t": "Screening at a community centre",
   "u": "ideas/community-venue-clinic/index.html",
   "k": "change idea",
   "s": "aK4aIT",
   "f": [
    [
     9,
     "Mb$9b580bLZNa!bS5b%1"
    ],
    [
     14,
     "UaYa29aO"
    ]
   ],
   "i": 0
  },
  {
   "t": "Evening screening clinics",
   "u": "ideas/evening-clinics/index.html",
   "k": "change idea",
   "s": "aK4aIT",
   "f": [
    [
     9,
     "Mb1aA(8UbNcF3c5Ec81"
    ],
    [
     14,
     "UaYa29aO"
    ]
   ],
   "i": 0
  },
  {
   "t": "Reminders in the patient's own language",
   "u": "ideas/reminders-in-own-language/index.html",
   "k": "change idea",
   "s": "aK4c6dX",
   "f": [
    [
     9,
     "MaRaF5a&Y0P3207a040a71"
    ],
    [
     9,
     "cEa#a$4aR20a3a073QdYbY4ZaMIOdFdZc#J1"
    ],
    [
     14,
     "UaYa29aO3L!aUT"
    ]
   ],
   "i": 0
  },
  {
   "t": "Translated birth plans",
   "u": "ideas/translated-birth-plans/index.html",
   "k": "change idea",
   "s": "aK4aIT",
   "f": [
    [
     9,
     "a9c(bD20d6Rd1*3a5a6c$1"
    ],
    [
     14,
     "LaCc1b9"
    ]
   ]
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bKDaEiAb87aBOa63gJgLg!1",
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
   "s": "bK4g#b!Ie&Hf1cGaPJ1",
   "f": [
    [
     1,
     "b!"
    ]
   ]
  },
  {
   "t": "Ethnicity and race",
   "u": "areas/ethnicity/index.html",
   "k": "equity area",
   "s": "bK2aU3f*aNg+4f)b91",
   "f": [
    [
     1,
     "d7"
    ]
   ]
  }
 ]
};
