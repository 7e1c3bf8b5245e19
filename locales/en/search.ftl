# Site search (templates/partials/search.html, www/search.js).

search-label = Search this site
search-hint = Results appear as you type. Press Down Arrow to browse them, Enter to open the first one, Escape to clear.
search-results-label = Search results

search-status-loading = Loading search…
search-status-error = Search is not available right now. Try again in a moment.
search-status-none = No results. Try another word or a shorter spelling.
search-status-one = One result.
# $count (number): results found, always 2 or more here.
search-status-many = { $count } results.
# $count (number): results found; $shown (number): how many are listed.
search-status-capped = { $count } results; showing the { $shown } most relevant.
