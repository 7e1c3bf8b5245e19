# Libellés et aides du formulaire du contrôle de juin 2021 (généré depuis
# content/en/technotes/using/ims-sign-in-update.check.toml ; ses autres
# messages sont dans check-ims-2021.ftl et findings.ftl), et la liste statique
# des versions minimales (templates/widgets/minimum-releases.html).

check-ims-2021-title = Vérifiez où vous en êtes
check-ims-2021-intro = Répondez à ce que vous savez : le résultat s’affiche dès qu’une réponse est choisie ou qu’un champ est quitté, et Vérifier le redonne. Vos réponses restent dans votre navigateur.

check-ims-2021-sign-in-hint = Les paramètres de connexion de la console vous l’indiquent.
check-ims-2021-sign-in-adobe-id = Avec un Adobe ID (IMS)
check-ims-2021-sign-in-password = Avec un identifiant et un mot de passe Campaign
check-ims-2021-sign-in-unknown = Je ne sais pas

check-ims-2021-hosting-hosted = Hébergé par Adobe
check-ims-2021-hosting-on-premise = Sur nos propres serveurs (on-premise)
check-ims-2021-hosting-hybrid = Hybride : en partie chez Adobe, en partie chez nous

check-ims-2021-server-label = Version du serveur Campaign
check-ims-2021-server-hint = Version, build ou Gold Standard, écrit comme vous le connaissez : par exemple 21.1.3, build 9330 ou GS11.
check-ims-2021-console-label = Version de la console cliente
check-ims-2021-console-hint = La fenêtre « À propos » de la console affiche son build : par exemple 9330 ou 9032@d030c36.

check-ims-2021-windows-label = Version de Windows des postes des opérateurs
check-ims-2021-windows-hint = Telle que le poste la nomme, par exemple Windows 10 ou Windows Server 2016 ; si les postes diffèrent, la plus ancienne.

check-ims-2021-ie-label = Version d’Internet Explorer sur ces postes
check-ims-2021-ie-hint = Dans Internet Explorer, ouvrez le menu Aide, puis « À propos d’Internet Explorer ».

check-ims-2021-minimum-caption = Version minimale de chaque ligne pour se connecter avec IMS
check-ims-2021-minimum-line = Ligne
check-ims-2021-minimum-release = Version minimale
# unchanged: même mot en français
check-ims-2021-minimum-server-build = Build du serveur
check-ims-2021-minimum-console-build = Build de la console cliente
