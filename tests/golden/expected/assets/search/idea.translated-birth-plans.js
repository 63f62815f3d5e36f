window.QISITE_SEARCH_FRAGMENT("idea.translated-birth-plans", [
[9, "The birth-plan template in the eight most common languages , with English alongside ."],
[14, "Wrenfield maternity voices group"]
]);
