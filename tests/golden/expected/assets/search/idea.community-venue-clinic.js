window.QISITE_SEARCH_FRAGMENT("idea.community-venue-clinic", [
[9, "A mobile screening camera at the Eastgate community centre one Saturday a month ."],
[14, "Otterbury diabetic eye screening programme"]
]);
