# Formulaire du vérificateur de compatibilité IMS (templates/widgets/ims-readiness.html)
# et liste statique des versions minimales (templates/widgets/minimum-releases.html).
# La formulation du verdict (check-ims-2021-status-*, check-ims-2021-finding-*) est dans findings.ftl.

check-ims-2021-title = Vérifiez où vous en êtes
check-ims-2021-intro = Répondez à ce que vous savez : le verdict se met à jour au fil de la saisie. Vos réponses restent dans votre navigateur.
check-ims-2021-noscript = Le vérificateur a besoin de JavaScript. Sans lui, comparez votre version à la liste des versions minimales de cette page.
check-ims-2021-unavailable = Le vérificateur n’a pas pu démarrer dans ce navigateur. Comparez votre version à la liste des versions minimales de cette page.
check-ims-2021-minimum-releases-link = Voir les versions minimales

check-ims-2021-sign-in-legend = Comment vos opérateurs se connectent-ils à la console cliente ?
check-ims-2021-sign-in-hint = Les paramètres de connexion de la console vous l’indiquent.
check-ims-2021-sign-in-hint-link = Comment vérifier
check-ims-2021-sign-in-adobe-id = Avec un Adobe ID (IMS)
check-ims-2021-sign-in-password = Avec un identifiant et un mot de passe Campaign
check-ims-2021-sign-in-unknown = Je ne sais pas

check-ims-2021-hosting-legend = Où votre serveur Campaign est-il installé ?
check-ims-2021-hosting-hosted = Hébergé par Adobe
check-ims-2021-hosting-on-premise = Sur nos propres serveurs (on-premise)
check-ims-2021-hosting-hybrid = Hybride : en partie chez Adobe, en partie chez nous

check-ims-2021-server-label = Version du serveur Campaign
check-ims-2021-server-hint = Version, build ou Gold Standard, écrit comme vous le connaissez : par exemple 21.1.3, build 9330 ou GS11.
check-ims-2021-console-label = Version de la console cliente
check-ims-2021-console-hint = La fenêtre « À propos » de la console affiche son build : par exemple 9330 ou 9032@d030c36.

check-ims-2021-windows-label = Version de Windows des postes des opérateurs
check-ims-2021-windows-hint = Si les postes diffèrent, choisissez le plus ancien.
check-ims-2021-choose = Choisir…
# unchanged: nom de produit, identique en français
check-ims-2021-windows-xp = Windows XP
# unchanged: nom de produit, identique en français
check-ims-2021-windows-vista = Windows Vista
# unchanged: nom de produit, identique en français
check-ims-2021-windows-7 = Windows 7
# unchanged: nom de produit, identique en français
check-ims-2021-windows-8 = Windows 8
# unchanged: nom de produit, identique en français
check-ims-2021-windows-8-1 = Windows 8.1
# unchanged: nom de produit, identique en français
check-ims-2021-windows-10 = Windows 10
# unchanged: nom de produit, identique en français
check-ims-2021-windows-11 = Windows 11
# unchanged: nom de produit, identique en français
check-ims-2021-windows-server-2008 = Windows Server 2008
# unchanged: nom de produit, identique en français
check-ims-2021-windows-server-2012 = Windows Server 2012
# unchanged: nom de produit, identique en français
check-ims-2021-windows-server-2016 = Windows Server 2016
# unchanged: nom de produit, identique en français
check-ims-2021-windows-server-2019 = Windows Server 2019
# unchanged: nom de produit, identique en français
check-ims-2021-windows-server-2022 = Windows Server 2022

check-ims-2021-windows-updated-legend = Ces postes ont-ils les dernières mises à jour de Windows ?
check-ims-2021-answer-yes = Oui
check-ims-2021-answer-no = Non
check-ims-2021-answer-unknown = Je ne sais pas

check-ims-2021-ie-label = Version d’Internet Explorer sur ces postes
check-ims-2021-ie-hint = Dans Internet Explorer, ouvrez le menu Aide, puis « À propos d’Internet Explorer ».
# unchanged: nom de produit, identique en français
check-ims-2021-ie-11 = Internet Explorer 11
# unchanged: nom de produit, identique en français
check-ims-2021-ie-10 = Internet Explorer 10
# unchanged: nom de produit, identique en français
check-ims-2021-ie-9 = Internet Explorer 9
check-ims-2021-ie-8 = Internet Explorer 8 ou antérieur

# unchanged: même mot en français
check-ims-2021-verdict-label = Verdict
check-ims-2021-more = En savoir plus
check-ims-2021-error = Le vérificateur a rencontré un problème qu’il ne sait pas traiter. Comparez votre version à la liste des versions minimales de cette page.

check-ims-2021-minimum-caption = Version minimale de chaque ligne pour se connecter avec IMS
check-ims-2021-minimum-line = Ligne
check-ims-2021-minimum-release = Version minimale
# unchanged: même mot en français
check-ims-2021-minimum-server-build = Build du serveur
check-ims-2021-minimum-console-build = Build de la console cliente
