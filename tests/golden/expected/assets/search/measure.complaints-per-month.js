window.QISITE_SEARCH_FRAGMENT("measure.complaints-per-month", [
[11, "Complaints that name communication , by month received ."],
[14, "Wrenfield maternity voices group"]
]);
