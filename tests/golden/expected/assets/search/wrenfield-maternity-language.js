window.QISITE_SEARCH_FRAGMENT("wrenfield-maternity-language", [
[0, "Halve complaints about communication from women who need an interpreter by June 2025 ."],
[1, "Women who need an interpreter make about one complaint in four about communication , though they are one in ten of the women booked . · Women who need an interpreter · Women booked for maternity care at Wrenfield General Hospital · Wrenfield Teaching Hospitals ( fictional ) · language · understand"],
[14, "Wrenfield maternity voices group"],
[9, "Book the interpreter at triage : Book the interpreter for the booking appointment when the GP referral arrives ."],
[9, "Translated birth plans : The birth-plan template in the eight most common languages , with English alongside ."],
[11, "Complaints about communication in maternity"]
]);
