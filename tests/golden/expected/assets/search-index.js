window.QISITE_SEARCH_INDEX=
{
 "v": "the . in , by a interpreter language at screening who · : for to Wrenfield and of an team ( ) ; not A appointments centre appointment from most need outpatient Otterbury about triage before booked community patients calls clerk clinic deprived languages missed recorded three 1 eye maternity patient's was with English GP Reminder The communication evening is own people reminder when will Book Tested access fictional interpreters or programme quintile referral text texts Missed People among data diabetic every group month one reminders sent their week - 22% Adopt Patients Tuesday against bilingual booking camera could days first it only slots template that two used voices were 2024 57% Attendance Complaints Differences Eastgate General Health IMD Otterbury's Polish Reminders Saturday Women accepted attendance be books checked clinics deprivation fifth mobile out ten test tested these time why women 11% 17:00 2 2023 20:00 70% 83 9 9% Access Appointment Centre Deprivation Evening Eye Fictional Hospital Hospitals Information Interpreters Network Nine One Romanian Screening Send Six Somali Teaching Translated Two Urdu add all alone alongside are arrives birth birth-plan both call came cardiology changes common complaints date daytime did do eight ethnicity four gap golden had invitations least letter machine measure missing needed neighbourhoods numbers on patient plans points qisite's reached read referrals reported requested room so speaks teams templates them translation using waits work written → & 1.44 10 114 12 12% 13 15% 187 2.46 2025 214 23% 4 40 49% 5 63% 7 71 78% 81 84% 86% 88% 96 Abandon Adapt Adults An August Bengali Booking By Cancelled Clinics Community Days Diabetic Ethnicity Four GPs Half Halve Index Interpreter Invitation June Language Mobile Multiple Needs No Not Of PDSA Raise Reduce Run September Service Twelve Understanding When Why abandoned after aged ask asked attend attended buses cancelled cannot care clash clear closer compares complain complaint counted counts cut cycles darkened dashboard day diabetes down each ethnic experience eyesight fall fell field figures finding fine five form found funnel get graded grader grew have hear home hours images implement including instead interpreting invented invitation late left lengthen letters line little living make matters miss monthly more name narrowing needs neighbourhood next notice number off offer often other out-of-date outcome over people's person phone plot prefer provide quarter race raised ratio reach rebooked received record records recover registered relative reminding required reviewed reworded rise rose second see seems serves sessions seven-day sickness some speak split spoken staff summer survey talk tests they third though through told towns triaged twelve understand unit use usual visits vs wait weeks whose wide without worked working year your —",
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
   "s": "O9aQhNbZaXaG20T)b(HWSbLEcBa7a&2a)aF7GIaD(KaNaYL1",
   "f": [
    [
     0,
     "fFa39bZ20T)aRSbLEcB4fIbK1"
    ],
    [
     1,
     "aWg&20T)b(HWfUbLHa)a39dI2c93b4eO20dJ)b(1BaW20T)aRKbSa2LBaW20dJ)aRKbSeKLBaWa7g3fQe8GhEhVa7IWa9BWBWe&bRKaNLBb&7Bc0"
    ],
    [
     14,
     "WaZa39aQ"
    ],
    [
     9,
     "bV20a5aF7COaTaH5a*Z0R3207a040a91"
    ],
    [
     9,
     "cJ9b%COb3aD(8WbRcH3c7EcA1"
    ],
    [
     9,
     "cU85#QCOb)9b780bP#Qa%bW5a$1"
    ],
    [
     11,
     "cK9bZ20T)aR"
    ],
    [
     11,
     "fNaG+9"
    ],
    [
     11,
     "e(SgXER"
    ],
    [
     8,
     "aAaU2bU3c#GcT"
    ],
    [
     3,
     "cV5aHaT5a*Z0R2bU3c#aPcTaIbFaE0a071"
    ],
    [
     4,
     "bMaXc2aGaJh#4e6dU1"
    ],
    [
     5,
     "eCaUa(McDdQbJb*Hd81"
    ],
    [
     6,
     "bM20a1*h$SeJEeL1"
    ],
    [
     7,
     "b1Da!a07a75b$bE1"
    ],
    [
     8,
     "b3aD("
    ],
    [
     3,
     "fH5b3aD(Gh9bBbAEaGSbSaRa2Ae11"
    ],
    [
     4,
     "e+2gFaDbDaJb!bH3Gd9e0aJNg!1"
    ],
    [
     5,
     "fKb%Ma%fWDi5i01"
    ],
    [
     6,
     "eSHbDbHM0iOD5bARgM4Xa1b91"
    ],
    [
     7,
     "b13Gc$5h%gLd$d9e0hU1"
    ],
    [
     8,
     "f89b780bP#Q"
    ],
    [
     3,
     "cSbW5a$80#Q3!iD0iLg$1"
    ],
    [
     4,
     "f1H0bDaJb!bH4aGAdH+bGdI1"
    ],
    [
     5,
     "c!h*M0b7dO5g0d#0Qb8NhK1"
    ],
    [
     6,
     "cDHeIbDbH3Ga1gRb8Nb!gK1"
    ],
    [
     7,
     "eUMi8E0QX5d#Dh5iV1"
    ],
    [
     10,
     "aW2bTT)dPg*aZa39"
    ],
    [
     10,
     "cOCf5g#2a8bC"
    ],
    [
     10,
     "cOCfCf!c49g)aIg8h(gE"
    ],
    [
     10,
     "cFCe%bC2iUgQ"
    ],
    [
     10,
     "cFCc!fVE09Q"
    ],
    [
     10,
     "fJCaAaUa(EhCdQ"
    ],
    [
     17,
     "bT9Qh)bGiFM0b)iJiMg5a!hBa*1"
    ],
    [
     20,
     "a+cSQ3GgWgC1a+bMa6f(80QbC1"
    ],
    [
     2,
     "cK9f#EgP3G2iWaF7cLaY3e2DdVdGc01OhHi7He7aGAdH+9gHbFTb8NdX0dKaPb8NgJc3h8e11aBaQc1a&2hFaF*GIaD(Md1iT1O(85#QdAN3Ga6fO1"
    ]
   ],
   "i": 0
  },
  {
   "t": "Interpreters booked in time for outpatient appointments at Wrenfield General",
   "u": "projects/wrenfield-interpreter-access/index.html",
   "k": "project",
   "s": "fAI6iNfB6dOCdFeAe3eHdU3hOeDe3e5Kh2L1eXVJf*+PaX$AUI6Sb0Ec64b6068YGhX$2a)aF7KaNaYL1",
   "f": [
    [
     0,
     "fG+VPaX$AUI6Sb0Ee94eYbK1"
    ],
    [
     1,
     "b2AUI6+b0Ha)VP2c93b4cED$AdBNCaObJ!gYaPN8c%3Ga&d32a8bC1Bb2AUI6Bb2AdBNUI6BeWa7IVR8FbQcMBFBFcYcNKaNLB7dDBgS"
    ],
    [
     14,
     "FVaMJ"
    ],
    [
     9,
     "aK068YCaBY&b#06aI0aSaEbY3d+07a040a91"
    ],
    [
     9,
     "bV20a5aF7CcGa&a(4aT20a5a073Sd(b$4#aOKNdLd*c&L1"
    ],
    [
     9,
     "aA%45b5&CO&Ad%0a57%a1b9Z0R1"
    ],
    [
     11,
     "aVVP46U"
    ],
    [
     11,
     "cP!8Y"
    ],
    [
     8,
     "aK06aI0aSaEiG320d4("
    ],
    [
     3,
     "aBY&b#06Da!bYd4aSbFhT571"
    ],
    [
     4,
     "cR2b+Hc2dYaJgNI6!8Y1"
    ],
    [
     5,
     "cWiPM07a6dNSeMHcCdY1"
    ],
    [
     6,
     "eNHcCKeRLbJ!8Y3b4X5iBZ1"
    ],
    [
     7,
     "b1Da!(MfRf0EhS071"
    ],
    [
     8,
     "aAaU2bU3eZGcX"
    ],
    [
     3,
     "cV0h+aHaT20a5a07Da1*1"
    ],
    [
     4,
     "aVP2c2*aJg945hL1"
    ],
    [
     5,
     "eFaUa(M0cXbEa6h!fP0bAa*1"
    ],
    [
     6,
     "aVPgASeGEeB20a1*Mi1$fXdXa)i471"
    ],
    [
     7,
     "eViXc$5aHd2D$AhJEgObB1"
    ],
    [
     8,
     "aA%45b5&"
    ],
    [
     3,
     "Ob5&%$AfSD5d2a1b9Z0R1"
    ],
    [
     4,
     "cR2b+%aJhP0dS1"
    ],
    [
     5,
     "eT%MePdW0dSaP5hW1"
    ],
    [
     6,
     "eQdWMbG$hQ5fZgUHdN0R1"
    ],
    [
     7,
     "b13a7%20dETd!*1"
    ],
    [
     12,
     "cW$AiKaO3GbG#aO3hZa!aHe4dKZbBa6c11"
    ],
    [
     2,
     "e!aO2c3cLaY3e2DdVdGc01fM0Ji3+P46U30dFa6iRCb0b4cE1b2iEd)c4Ca+06a6!0g2Z3aPN8c%Ma+0aHd32a83d$0d8a6+1aBJc1a1d52bKKh&0fEf+L1e#0i63+PaX$AUI6bJg4EXc61"
    ],
    [
     13,
     "f4b6aE5hYgBdR0YgG"
    ],
    [
     13,
     "aAaU20iHTd!*"
    ],
    [
     13,
     "aVP46UdR0g+g1"
    ]
   ],
   "i": 0
  },
  {
   "t": "Understanding complaints about communication in Wrenfield maternity",
   "u": "projects/wrenfield-maternity-language/index.html",
   "k": "project",
   "s": "Oa4JaEgDb*c4c5Ai2g%a8f%XaCh0hA3ZbBi9d5KaNaYL1",
   "f": [
    [
     0,
     "f2d7XaCSc5AUI64f6eE1"
    ],
    [
     1,
     "bXAUI6g(Xa%f&2dEXaC3iCiAc)a%2b+H0c5!1BbXAUI6BbX!Da4fY8FbQcMBFcYcNKaNLB7BiI"
    ],
    [
     14,
     "Fa4bIa#"
    ],
    [
     9,
     "aK068YCaK06D0b6RaI0a9aSc*1"
    ],
    [
     9,
     "cZc+dTCaBd0bE20dCTd6*3a7a8c(1"
    ],
    [
     11,
     "bNXaC2a4"
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
     "O&Ad%0a57%a1b9Z0R1"
    ],
    [
     14,
     "FVaMJ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Book the interpreter at triage",
   "u": "ideas/book-interpreter-at-referral/index.html",
   "k": "change idea",
   "s": "aL4c8d&",
   "f": [
    [
     9,
     "aBY&b#06aI0aSaEbY3d+07a040a91"
    ],
    [
     9,
     "aK06D0b6RaI0a9aSc*1"
    ],
    [
     14,
     "FVaMJ3Fa4bIa#"
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
     "Ob)9b780bP#Qa%bW5a$1"
    ],
    [
     14,
     "WaZa39aQ"
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
     "Ob3aD(8WbRcH3c7EcA1"
    ],
    [
     14,
     "WaZa39aQ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Reminders in the patient's own language",
   "u": "ideas/reminders-in-own-language/index.html",
   "k": "change idea",
   "s": "aL4c8d&",
   "f": [
    [
     9,
     "OaTaH5a*Z0R3207a040a91"
    ],
    [
     9,
     "cGa&a(4aT20a5a073Sd(b$4#aOKNdLd*c&L1"
    ],
    [
     14,
     "WaZa39aQ3FVaMJ"
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
     "aBd0bE20dCTd6*3a7a8c(1"
    ],
    [
     14,
     "Fa4bIa#"
    ]
   ]
  },
  {
   "t": "Missed appointments",
   "u": "measures/missed-appointments/index.html",
   "k": "network measure",
   "s": "cQdMdZ4a2JC5gIhIf$d)",
   "f": [
    [
     11,
     "fDVP!20a$30h70hGdANfTiSh61e$Pc)gZb*Hd1f)1"
    ],
    [
     14,
     "FVaMJ"
    ]
   ],
   "i": 0
  },
  {
   "t": "Complaints about communication",
   "u": "measures/complaints-per-month/index.html",
   "k": "network measure",
   "s": "cQdMdZ4a2J",
   "f": [
    [
     11,
     "bNbFh1aC34a$hR1"
    ],
    [
     14,
     "Fa4bIa#"
    ]
   ]
  },
  {
   "t": "Language",
   "u": "areas/language/index.html",
   "k": "equity area",
   "s": "bODaGiQbA7aENa83gTgVh31",
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
   "s": "bO4h4b&Kf3Hf9cIaRL1",
   "f": [
    [
     1,
     "b&"
    ]
   ]
  },
  {
   "t": "Ethnicity and race",
   "u": "areas/ethnicity/index.html",
   "k": "equity area",
   "s": "bO2aM3g7aPhD4g6a#1",
   "f": [
    [
     1,
     "dD"
    ]
   ]
  }
 ]
};
