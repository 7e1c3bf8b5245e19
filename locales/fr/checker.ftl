# Formulaire du vérificateur de compatibilité IMS (templates/widgets/ims-readiness.html)
# et liste statique des versions minimales (templates/widgets/minimum-releases.html).
# La formulation du verdict (checker-status-*, checker-finding-*) est dans findings.ftl.

checker-title = Vérifiez où vous en êtes
checker-intro = Répondez à ce que vous savez : le verdict se met à jour au fil de la saisie. Vos réponses restent dans votre navigateur.
checker-noscript = Le vérificateur a besoin de JavaScript. Sans lui, comparez votre version à la liste des versions minimales de cette page.
checker-unavailable = Le vérificateur n’a pas pu démarrer dans ce navigateur. Comparez votre version à la liste des versions minimales de cette page.
checker-minimum-releases-link = Voir les versions minimales

checker-sign-in-legend = Comment vos opérateurs se connectent-ils à la console cliente ?
checker-sign-in-hint = Les paramètres de connexion de la console vous l’indiquent.
checker-sign-in-hint-link = Comment vérifier
checker-sign-in-adobe-id = Avec un Adobe ID (IMS)
checker-sign-in-password = Avec un identifiant et un mot de passe Campaign
checker-sign-in-unknown = Je ne sais pas

checker-hosting-legend = Où votre serveur Campaign est-il installé ?
checker-hosting-hosted = Hébergé par Adobe
checker-hosting-on-premise = Sur nos propres serveurs (on-premise)
checker-hosting-hybrid = Hybride : en partie chez Adobe, en partie chez nous

checker-server-label = Version du serveur Campaign
checker-server-hint = Version, build ou Gold Standard, écrit comme vous le connaissez : par exemple 21.1.3, build 9330 ou GS11.
checker-console-label = Version de la console cliente
checker-console-hint = La fenêtre « À propos » de la console affiche son build : par exemple 9330 ou 9032@d030c36.

checker-windows-label = Version de Windows des postes des opérateurs
checker-windows-hint = Si les postes diffèrent, choisissez le plus ancien.
checker-choose = Choisir…
# unchanged: nom de produit, identique en français
checker-windows-xp = Windows XP
# unchanged: nom de produit, identique en français
checker-windows-vista = Windows Vista
# unchanged: nom de produit, identique en français
checker-windows-7 = Windows 7
# unchanged: nom de produit, identique en français
checker-windows-8 = Windows 8
# unchanged: nom de produit, identique en français
checker-windows-8-1 = Windows 8.1
# unchanged: nom de produit, identique en français
checker-windows-10 = Windows 10
# unchanged: nom de produit, identique en français
checker-windows-11 = Windows 11
# unchanged: nom de produit, identique en français
checker-windows-server-2008 = Windows Server 2008
# unchanged: nom de produit, identique en français
checker-windows-server-2012 = Windows Server 2012
# unchanged: nom de produit, identique en français
checker-windows-server-2016 = Windows Server 2016
# unchanged: nom de produit, identique en français
checker-windows-server-2019 = Windows Server 2019
# unchanged: nom de produit, identique en français
checker-windows-server-2022 = Windows Server 2022

checker-windows-updated-legend = Ces postes ont-ils les dernières mises à jour de Windows ?
checker-answer-yes = Oui
checker-answer-no = Non
checker-answer-unknown = Je ne sais pas

checker-ie-label = Version d’Internet Explorer sur ces postes
checker-ie-hint = Dans Internet Explorer, ouvrez le menu Aide, puis « À propos d’Internet Explorer ».
# unchanged: nom de produit, identique en français
checker-ie-11 = Internet Explorer 11
# unchanged: nom de produit, identique en français
checker-ie-10 = Internet Explorer 10
# unchanged: nom de produit, identique en français
checker-ie-9 = Internet Explorer 9
checker-ie-8 = Internet Explorer 8 ou antérieur

# unchanged: même mot en français
checker-verdict-label = Verdict
checker-more = En savoir plus
checker-error = Le vérificateur a rencontré un problème qu’il ne sait pas traiter. Comparez votre version à la liste des versions minimales de cette page.

checker-minimum-caption = Version minimale de chaque ligne pour se connecter avec IMS
checker-minimum-line = Ligne
checker-minimum-release = Version minimale
# unchanged: même mot en français
checker-minimum-server-build = Build du serveur
checker-minimum-console-build = Build de la console cliente
