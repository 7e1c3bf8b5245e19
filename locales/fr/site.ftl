# Textes du cadre du site : en-tête, pied de page, listes, pages d’erreur.

site-name = Notes techniques Campaign Classic
skip-to-content = Aller au contenu
language-switcher-label = Langue
footer-text = Notes techniques pour les administrateurs d’Adobe Campaign Classic v7. Les vérifications s’exécutent dans votre navigateur ; rien de ce que vous saisissez n’en sort.
sidebar-label = Dans ce guide
# unchanged: même mot en français
sidebar-open = Menu
sidebar-close = Fermer le menu
breadcrumb-label = Fil d’Ariane
pager-label = Pages précédente et suivante
pager-previous = Précédent :
pager-next = Suivant :
badges-label = S’applique à
page-role-label = Rôle
page-level-label = Niveau
page-audience-label = Public
toc-title = Sur cette page

# $percent (nombre) : part du texte relue par un traducteur humain.
translation-notice-machine-reviewed = Cette page a été traduite à l’aide d’une mémoire de traduction et de la traduction automatique ; { $percent } % du texte a été relu par un traducteur.
translation-notice-machine = Cette page a été traduite à l’aide d’une mémoire de traduction et de la traduction automatique.
translation-notice-human = Cette page a été traduite par un traducteur.

home-description = Des notes courtes et pratiques pour que votre environnement Campaign Classic v7 continue de fonctionner.
home-empty = Rien n’est encore publié dans cette langue.
home-elsewhere-title = Pas encore traduites
home-elsewhere-available = Disponible en :

all-pages-title = Toutes les pages
all-pages-description = Toutes les pages de ce site, par fonctionnalité.
all-pages-link = Toutes les pages
all-pages-unlisted-title = Hors des tables des matières des guides
all-pages-top-of-tree = À la racine de la documentation

redirect-title = Cette page a été déplacée
redirect-body = Elle se trouve désormais à l’adresse

root-title = Choisissez votre langue
not-found-title = Page introuvable
not-found-body = La page demandée n’existe pas ou a été déplacée.
not-found-home = Aller à la page d’accueil
# Page d’accueil : titre des notes techniques qui ne nomment aucune fonctionnalité.
home-group-other = Autres notes techniques
# Page d’accueil : titres des groupes, un par valeur de `feature:`.
# unchanged: même mot en français
feature-installation = Installation
feature-security = Sécurité
feature-upgrade = Mise à niveau
feature-technote = Notes techniques
