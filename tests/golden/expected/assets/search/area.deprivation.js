window.QISITE_SEARCH_FRAGMENT("area.deprivation", [
[1, "deprivation"]
]);
