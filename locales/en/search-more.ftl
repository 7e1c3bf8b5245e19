# Site search, beyond its first results (templates/partials/search.html, www/search.js).

# A button under the results: shows ten more.
search-more = More results
# $shown (number): the results shown, the best ones; the index has not yet been read whole, so more may match.
search-status-best = The { $shown } best results are shown; more may follow.
# $shown (number): the results shown, the best of the part of the index read so far (a query of several common words); "More results" reads the rest and ranks again.
search-status-nearest = { $shown } close matches are shown, from part of the index; “More results” searches all of it.
