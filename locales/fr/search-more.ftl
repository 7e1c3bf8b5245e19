# Recherche du site, au-delà des premiers résultats (templates/partials/search.html, www/search.js).

# Un bouton sous les résultats : en affiche dix de plus.
search-more = Plus de résultats
# $shown (nombre) : les résultats affichés, les meilleurs ; l’index n’a pas encore été lu en entier, d’autres peuvent suivre.
search-status-best = Les { $shown } meilleurs résultats sont affichés ; d’autres peuvent suivre.
