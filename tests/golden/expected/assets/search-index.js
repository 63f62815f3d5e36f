window.QISITE_SEARCH_INDEX=
{
 "v": "the . in , by a interpreter language at screening who · : for to Wrenfield of an and team ( ) not ; A appointments appointment from most need outpatient Otterbury about triage before booked centre community patients calls clerk clinic deprived languages missed recorded three 1 eye maternity patient's with English GP Reminder The communication evening is own people reminder was when will Book Tested access fictional interpreters or programme quintile referral text texts Missed People among data diabetic group month one reminders sent their 22% Adopt Patients Tuesday against bilingual booking camera could days every first it slots template that used voices week were 2024 57% Complaints Differences Eastgate General Health IMD Polish Reminders Saturday Women accepted attendance be books checked clinics deprivation fifth only out ten test tested these time two why women - 11% 17:00 2 2023 20:00 70% 83 9 9% Access Appointment Attendance Centre Deprivation Evening Eye Fictional Hospital Hospitals Information Interpreters Network Nine Otterbury's Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside are arrives birth birth-plan both call came cardiology changes common complaints date daytime did do eight ethnicity four gap golden had invitations least letter machine measure missing mobile needed neighbourhoods numbers on patient plans points qisite's reached read referrals reported requested room so speaks teams templates them translation using waits work written → & 1.44 10 114 12 12% 13 15% 187 2.46 2025 214 23% 4 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Adapt Adults An August Bengali Booking By Cancelled Clinics Community Days Diabetic Ethnicity Four GPs Half Halve Index Interpreter Invitation June Language Mobile Multiple Needs No Not Of One PDSA Raise Reduce Run September Service Twelve Understanding When Why abandoned after aged ask asked attend attended buses cancelled cannot care clash clear closer compares complain complaint counts cut cycles darkened dashboard day diabetes down ethnic experience eyesight fall fell field finding fine five form found funnel get graded grader grew have hear home hours images implement including instead interpreting invitation late left lengthen letters line little living make matters miss monthly more name narrowing needs neighbourhood next notice number off offer often out-of-date outcome over people's person phone plot prefer provide quarter race raised ratio reach rebooked received record records recover registered relative reminding required reviewed reworded rise rose second see seems sessions seven-day sickness some speak split spoken staff summer survey talk tests they third though through told triaged twelve understand use usual vs wait weeks whose wide without worked working year your —",
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
   "s": "O9aQhIbUaXaF20S)b!GVRbIEc8a6a%2a(aE7IHaC(KaNaYL1",
   "f": [
    [
     0,
     "fFa39bU20S)aRRbIEc84fIbH1"
    ],
    [
     1,
     "aWg!20S)b!GVfUbIGa(a39dG2c63b1eN20dH)b!1BaW20S)aRKbOa2LBaW20dH)aRKbOeJLBaWa6g2fQe7Ih9hQa6HVa8BVBVe%bNKaNLBbZ7Bb&"
    ],
    [
     14,
     "VaZa39aQ"
    ],
    [
     9,
     "bQ20a5aE7COaTaG5bFY0Q3207a040a81"
    ],
    [
     9,
     "cH9bYCOb0aC(8VbNcF3c4Ec71"
    ],
    [
     9,
     "cS85#!COdM9b480bL#!a$bR5a#1"
    ],
    [
     11,
     "cI9bU20S)aR"
    ],
    [
     11,
     "fNaF+9"
    ],
    [
     11,
     "e&RgTEQ"
    ],
    [
     8,
     "a9aU2bP3cZIcR"
    ],
    [
     3,
     "cT5aGaT5bFY0Q2bP3cZaPcRaIbCaD0a071"
    ],
    [
     4,
     "cEaXb)aFaJhW4e5dT1"
    ],
    [
     5,
     "eBaUa&NcAdPbGb$Gd61"
    ],
    [
     6,
     "cE20a1*hXReIEeK1"
    ],
    [
     7,
     "a*Db7a07a65bXbB1"
    ],
    [
     8,
     "b0aC("
    ],
    [
     3,
     "fH5b0aC(Ih5b9b8EaFRbOaRa2Ae01"
    ],
    [
     4,
     "e*2gCaCbAaJbVbD3Id7d+aJMgW1"
    ],
    [
     5,
     "fKbYNa$fWDh+h%1"
    ],
    [
     6,
     "eRGbAbDN0iFD5b8QgJ4Wa1b61"
    ],
    [
     7,
     "a*3Ic!5hYgId#d7d+hP1"
    ],
    [
     8,
     "f79b480bL#!"
    ],
    [
     3,
     "fDbR5a#80#!3Zi70iDgY1"
    ],
    [
     4,
     "f0G0bAaJbVbD4aFAdF+b+dG1"
    ],
    [
     5,
     "cYh#N0b4dN5f+d!0!b5MhF1"
    ],
    [
     6,
     "cAGeHbAbD3Ia1gOb5MbVgH1"
    ],
    [
     7,
     "eTNi2E0!W5d!Dh1iM1"
    ],
    [
     10,
     "aW2cQS)dOg%aZa39"
    ],
    [
     10,
     "cMCf4gX2a7b#"
    ],
    [
     10,
     "cMCfBf!c09g$aIg6h!gB"
    ],
    [
     10,
     "cCCe$b#2iLgN"
    ],
    [
     10,
     "cCCcYfVE09!"
    ],
    [
     10,
     "fJCa9aUa&Eh7dP"
    ],
    [
     2,
     "cI9f#EgM3I2iNaE7cJaY3e1DdUdEb&1OhCi1Ge6aFAdF+9gEbCSb5MdW0dIaPb5MgGb*h4e01aAaQb(a%2hAaE*IHaC(Nc+iK1O(85#!d8M3IaHfO1"
    ]
   ],
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "f9H6iEfA6dNCdDe9e2eGdT3hJeCe2e4Kg*L1eWUJf)+PaX$ATH6Ra)Ec34b3068XIhS$2a(aE7KaNaYL1",
   "f": [
    [
     0,
     "fG+UPaX$ATH6Ra)Ee84eXbH1"
    ],
    [
     1,
     "a+ATH6+a)Ga(UP2c63b1cBD$Ad9MCaObGZgUaPM8c#3Ia%d12a7b#1Ba+ATH6Ba+Ad9MTH6BeVa6HUQ8FbMcKBFBFcWcLKaNLB7dBBgP"
    ],
    [
     14,
     "FUaMJ"
    ],
    [
     9,
     "aK068XCaAX&bW06aI0aSaDbT3d*07a040a81"
    ],
    [
     9,
     "bQ20a5aE7CcDa%a&4aT20a5a073Rd&bX4#aOKMdJd)c$L1"
    ],
    [
     9,
     "a9%45b2&CO&Ad$0a57%a1b6Y0Q1"
    ],
    [
     11,
     "aVUP46T"
    ],
    [
     11,
     "cNZ8X"
    ],
    [
     8,
     "aK06aI0aSaDi9320d2("
    ],
    [
     3,
     "aAX&bW06Db7bTd2aSbChO571"
    ],
    [
     4,
     "cP2b%Gb)dXaJgKH6Z8X1"
    ],
    [
     5,
     "cUiGN07aHdLReLGc9dX1"
    ],
    [
     6,
     "eMGc9KeQLbGZ8X3b1W5i5Y1"
    ],
    [
     7,
     "a*Db7(NfRe+EhN071"
    ],
    [
     8,
     "a9aU2bP3eYIcV"
    ],
    [
     3,
     "cT0h$aGaT20a5a07Da1*1"
    ],
    [
     4,
     "aVP2b)*aJg745hG1"
    ],
    [
     5,
     "eEaUa&N0cVbBaHhVfP0b8bF1"
    ],
    [
     6,
     "aVPg8ReFEeA20a1*Nh&$fXdWa(h*71"
    ],
    [
     7,
     "eUiOc!5aGd0D$AhEEgLb91"
    ],
    [
     8,
     "a9%45b2&"
    ],
    [
     3,
     "Ob2&%$AfSD5d0a1b6Y0Q1"
    ],
    [
     4,
     "cP2b%%aJhK0dR1"
    ],
    [
     5,
     "eS%NeOdV0dRaP5hR1"
    ],
    [
     6,
     "ePdVNb+$hL5fZgRGdL0Q1"
    ],
    [
     7,
     "a*3a6%20dCSdZ*1"
    ],
    [
     12,
     "cU$AiCaO3Ib+#aO3hUb7aGe3dIYb9aHb(1"
    ],
    [
     2,
     "eZaO2b*cJaY3e1DdUdEb&1fM0Jh)+P46T30dDaHiICa)b1cB1a+i8d(c0Cc206aHZ0g1Y3aPM8c#Nc20aGd12a73d#0d6aH+1aAJb(a1d32bHKhZ0fEf*L1e!0i03+PaX$ATH6bGg3EWc31"
    ],
    [
     13,
     "f3b3aD5hTg9dQ0XgD"
    ],
    [
     13,
     "a9aU20iASdZ*"
    ],
    [
     13,
     "aVP46TdQ0g&g0"
    ]
   ],
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "Oa4JaDgAb$c0c1Ah(gZa7f%WaBg(h63Yb9i3d3KaNaYL1",
   "f": [
    [
     0,
     "f1d5WaBRc1ATH64f5eD1"
    ],
    [
     1,
     "bSATH6g#Wa$f&2dCWaB3i6i4c&a$2b%G0c1Z1BbSATH6BbSZDa4fY8FbMcKBFcWcLKaNLB7BiB"
    ],
    [
     14,
     "Fa4bEa!"
    ],
    [
     9,
     "aK068XCaK06D0b3QaI0a8aSc(1"
    ],
    [
     9,
     "cXc)dSCaAc*bB20dASd4*3a6a7c%1"
    ],
    [
     11,
     "bJWaB2a4"
    ]
   ]
  },
  {
   "t": "Reminder calls by a bilingual clerk",
   "u": "ideas/bilingual-reminder-calls/index.html",
   "k": "change idea",
   "s": "aL4a2J",
   "f": [
    [
     9,
     "O&Ad$0a57%a1b6Y0Q1"
    ],
    [
     14,
     "FUaMJ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "aL4c5d%",
   "f": [
    [
     9,
     "aAX&bW06aI0aSaDbT3d*07a040a81"
    ],
    [
     9,
     "aK06D0b3QaI0a8aSc(1"
    ],
    [
     14,
     "FUaMJ3Fa4bEa!"
    ]
   ]
  },
  {
   "t": "Screening at a community centre",
   "u": "ideas/community-venue-clinic/index.html",
   "k": "change idea",
   "s": "aL4a2J",
   "f": [
    [
     9,
     "OdM9b480bL#!a$bR5a#1"
    ],
    [
     14,
     "VaZa39aQ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Evening screening clinics",
   "u": "ideas/evening-clinics/index.html",
   "k": "change idea",
   "s": "aL4a2J",
   "f": [
    [
     9,
     "Ob0aC(8VbNcF3c4Ec71"
    ],
    [
     14,
     "VaZa39aQ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Reminders in the patient's own language",
   "u": "ideas/reminders-in-own-language/index.html",
   "k": "change idea",
   "s": "aL4c5d%",
   "f": [
    [
     9,
     "OaTaG5bFY0Q3207a040a81"
    ],
    [
     9,
     "cDa%a&4aT20a5a073Rd&bX4#aOKMdJd)c$L1"
    ],
    [
     14,
     "VaZa39aQ3FUaMJ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Translated birth plans",
   "u": "ideas/translated-birth-plans/index.html",
   "k": "change idea",
   "s": "aL4a2J",
   "f": [
    [
     9,
     "aAc*bB20dASd4*3a6a7c%1"
    ],
    [
     14,
     "Fa4bEa!"
    ]
   ]
  },
  {
   "t": "Missed appointments",
   "u": "measures/missed-appointments/index.html",
   "k": "network measure",
   "s": "cOdKdY4a2JC5gFhDf$d(",
   "f": [
    [
     11,
     "fCUPZ20a#30h30hBd8MfTiJh21e#Pc&gVb$Gc+f(1"
    ],
    [
     14,
     "FUaMJ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Complaints about communication",
   "u": "measures/complaints-per-month/index.html",
   "k": "network measure",
   "s": "cOdKdY4a2J",
   "f": [
    [
     11,
     "bJbCg)aB34a#hM1"
    ],
    [
     14,
     "Fa4bEa!"
    ]
   ]
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bKDaFiHb87aDMa73gQgSg+1",
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
   "s": "bK4h0bZKf2Gf8cGaRL1",
   "f": [
    [
     1,
     "bZ"
    ]
   ]
  },
  {
   "t": "Ethnicity and race",
   "u": "areas/ethnicity/index.html",
   "k": "equity area",
   "s": "bK2aM3g5aPh84g4a!1",
   "f": [
    [
     1,
     "dB"
    ]
   ]
  }
 ]
};
