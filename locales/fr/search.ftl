# Recherche du site (templates/partials/search.html, www/search.js).

search-label = Rechercher dans ce site
search-hint = Les résultats s’affichent pendant la saisie. Flèche bas pour les parcourir, Entrée pour ouvrir le premier, Échap pour effacer.
search-results-label = Résultats de la recherche

search-status-loading = Chargement de la recherche…
search-status-error = La recherche n’est pas disponible pour le moment. Réessayez dans un instant.
search-status-none = Aucun résultat. Essayez un autre mot ou une orthographe plus courte.
search-status-one = Un résultat.
# $count (nombre) : résultats trouvés, toujours au moins 2 ici.
search-status-many = { $count } résultats.
# $count (nombre) : résultats trouvés ; $shown (nombre) : ceux qui sont affichés.
search-status-capped = { $count } résultats, les { $shown } plus pertinents sont affichés.
