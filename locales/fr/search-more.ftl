# Recherche du site, au-delà des premiers résultats (templates/partials/search.html, www/search.js).

# Un bouton sous les résultats : en affiche dix de plus.
search-more = Plus de résultats
# $shown (nombre) : les résultats affichés, les meilleurs ; l’index n’a pas encore été lu en entier, d’autres peuvent suivre.
search-status-best = Les { $shown } meilleurs résultats sont affichés ; d’autres peuvent suivre.
# $shown (nombre) : les résultats affichés, les meilleurs de la partie de l’index lue jusqu’ici (une requête de plusieurs mots courants) ; « Plus de résultats » lit le reste et reclasse.
search-status-nearest = { $shown } résultats proches sont affichés, trouvés dans une partie de l’index ; « Plus de résultats » cherche dans tout l’index.
