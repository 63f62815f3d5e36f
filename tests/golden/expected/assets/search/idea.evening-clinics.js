window.QISITE_SEARCH_FRAGMENT("idea.evening-clinics", [
[9, "A Tuesday evening clinic at Otterbury Health Centre , 17:00 to 20:00 ."],
[14, "Otterbury diabetic eye screening programme"]
]);
