(copied unchanged from the theme's static/site.js)
