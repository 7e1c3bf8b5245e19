# Site search, beyond its first results (templates/partials/search.html, www/search.js).

# A button under the results: shows ten more.
search-more = More results
# $shown (number): the results shown, the best ones; the index has not yet been read whole, so more may match.
search-status-best = The { $shown } best results are shown; more may follow.
