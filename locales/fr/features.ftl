# La date git de la page, le lien « modifier cette page » et le flux Atom.

# $date (String) - le jour de la dernière modification de la source, en AAAA-MM-JJ.
page-updated = Mis à jour le { $date }
page-edit-link = Modifier cette page
# $site (String) - le nom du site.
feed-title = { $site } : nouvelles notes techniques
