# Libellés que le moteur Markdown écrit dans les pages (crates/markdown).
# Chaque identifiant figure dans technote_markdown::MESSAGE_IDS.

## Titres visibles des encadrés (`>[!NOTE]` et les autres)

alert-note = Remarque
alert-caution = Attention
# unchanged: même mot en français
alert-important = Important
alert-tip = Conseil
alert-warning = Avertissement
# unchanged: même mot en français
alert-admin = Administration
alert-availability = Disponibilité
alert-prerequisites = Conditions préalables
alert-morelikethis = Articles connexes
# unchanged: même mot en français
alert-info = Information
alert-error = Erreur
alert-success = Réussite

## Texte du lien que devient un bloc `[!VIDEO](url)`

video-play = Regarder la vidéo

## Lu par les lecteurs d’écran après le texte d’un lien (masqué à l’écran, où une icône le signale)

link-external = (site externe)
link-new-tab = (s’ouvre dans un nouvel onglet)

## Nom de la rangée d’onglets que le script du site construit à partir d’un jeu d’onglets

tabs-label = Choisissez votre cas

## Texte du lien qui remplace une image hébergée sur un autre site (elle n’est pas chargée)

image-external = Voir l’image sur le site externe
