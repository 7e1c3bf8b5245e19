# Longues listes de pages (templates/feature-list.html, partials/feature-groups.html).
# L’accueil montre les premières pages de chaque thème, puis renvoie à la liste du thème.

# $count (nombre) : les pages du thème, toujours plus que l’accueil n’en montre (au moins 2) ;
# $feature : son nom.
feature-list-more = Les { $count } pages sur le thème « { $feature } »
# $count (nombre, au moins 2) ; $feature : le nom du thème.
feature-list-lead = { $count } pages sur le thème « { $feature } ».
# $page, $pages (nombres) : cette page de la liste, et leur nombre.
feature-list-position = Page { $page } sur { $pages }.
feature-list-pager-label = Pages de cette liste
feature-list-previous = Page précédente de la liste
feature-list-next = Page suivante de la liste
