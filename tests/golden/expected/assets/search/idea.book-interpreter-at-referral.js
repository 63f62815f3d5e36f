window.QISITE_SEARCH_FRAGMENT("idea.book-interpreter-at-referral", [
[9, "The triage clerk books the interpreter when the referral is accepted , using the language recorded by the GP ."],
[9, "Book the interpreter for the booking appointment when the GP referral arrives ."],
[14, "Wrenfield outpatient access team , Wrenfield maternity voices group"]
]);
