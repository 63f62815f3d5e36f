window.QISITE_SEARCH_FRAGMENT("area.language", [
[1, "language"]
]);
