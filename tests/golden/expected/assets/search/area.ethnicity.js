window.QISITE_SEARCH_FRAGMENT("area.ethnicity", [
[1, "ethnicity"]
]);
