# Le contrôle IMS de juin 2021 déclaré comme données
# (content/en/technotes/using/ims-sign-in-update.check.toml) : libellés,
# étapes et règles que les messages check-ims-2021-… de checker.ftl ne
# formulent pas déjà.

check-ims-2021-sign-in-label = Comment vos opérateurs se connectent-ils à la console cliente ?
check-ims-2021-hosting-label = Où votre serveur Campaign est-il installé ?
check-ims-2021-hosting-hint = Adobe a déjà mis à niveau les serveurs qu’il héberge.
check-ims-2021-windows-updated-label = Ces postes ont-ils les dernières mises à jour de Windows ?
check-ims-2021-windows-updated-hint = Windows Update, dans les paramètres du poste, vous le dit.
check-ims-2021-windows-updated-yes = Oui
check-ims-2021-windows-updated-no = Non
check-ims-2021-windows-updated-unknown = Je ne sais pas

check-ims-2021-step-sign-in-missing = Indiquez comment vos opérateurs se connectent : seule la connexion avec un Adobe ID est concernée.
check-ims-2021-step-sign-in-unknown = Vérifiez le mode de connexion : si l’option « Se connecter avec un Adobe ID » est cochée dans les paramètres de connexion de la console, ou si la fenêtre de connexion demande un Adobe ID, vous passez par IMS.
check-ims-2021-step-native-sign-in = Les opérateurs qui se connectent avec un identifiant et un mot de passe Campaign ne sont pas touchés : rien à faire pour ce changement.
check-ims-2021-step-ie-too-old = Cet Internet Explorer est trop ancien : IMS affiche un écran de mise à jour obligatoire et la connexion échoue. Installez Internet Explorer 11 sur chaque poste équipé de la console.
check-ims-2021-step-server-upgrade-needed = Mettez à niveau le serveur Campaign de { $server } vers { $server-minimum } ou plus récent, puis chaque console vers le build du serveur.
check-ims-2021-step-server-line-not-ready = Aucune version de la ligne de { $server } ne gère la nouvelle connexion : passez le serveur à l’une des versions minimales indiquées sur cette page.
check-ims-2021-step-hosted-server-outdated = Adobe a déjà mis à niveau les serveurs hébergés, or vous avez indiqué { $server }, antérieur à { $server-minimum }. Vérifiez la version dans la fenêtre « À propos » de la console ; si elle est exacte, contactez le support d’Adobe.
check-ims-2021-step-console-upgrade-needed = Mettez à niveau la console cliente de { $console } vers { $console-console-minimum } ou plus récent, sur le poste de chaque opérateur.
check-ims-2021-step-console-line-not-ready = Aucune version de la ligne de { $console } ne gère la nouvelle connexion : une fois le serveur passé à une version minimale, installez sur chaque poste la console du même build que le serveur.
check-ims-2021-step-console-older-than-server = La console ({ $console }) est plus ancienne que le serveur ({ $server }) : installez sur chaque poste la console du même build que le serveur.
check-ims-2021-step-console-newer-than-server = La console ({ $console }) est plus récente que le serveur ({ $server }) : mettez d’abord le serveur à niveau, puis alignez chaque console sur son build.
check-ims-2021-step-console-newer-than-hosted-server = La console ({ $console }) est plus récente que le serveur indiqué ({ $server }). C’est Adobe qui gère votre serveur, n’y touchez pas : installez sur le poste de chaque opérateur la console du même build que le serveur.
check-ims-2021-step-windows-not-supported = Cette version de Windows n’est pas prise en charge pour cette console. Une console qui se connecte par Internet Explorer fonctionne sous Windows 8, 8.1, 10, Server 2012 ou 2016 ; une console qui utilise WebView2 (v7.3 et suivantes) sous Windows 10, 11, Server 2016, 2019 ou 2022.
check-ims-2021-step-windows-not-updated = Installez les dernières mises à jour de Windows sur chaque poste équipé de la console ; d’ici là, un avertissement à la connexion demande aux opérateurs de mettre à jour Windows ou leurs applications Adobe.
check-ims-2021-step-server-missing = Indiquez la version de votre serveur Campaign (inutile si Adobe l’héberge).
check-ims-2021-step-console-missing = Indiquez la version de la console cliente : sa fenêtre « À propos » affiche le build.
check-ims-2021-step-windows-missing = Indiquez la version de Windows des postes équipés de la console.
check-ims-2021-step-windows-updates-unknown = Assurez-vous que les dernières mises à jour de Windows sont installées sur chaque poste équipé de la console.
check-ims-2021-step-ie-missing = Indiquez la version d’Internet Explorer des postes équipés de la console : cette console se connecte à IMS par Internet Explorer 11.
check-ims-2021-step-hosted-server-upgraded = Adobe a déjà mis à niveau votre serveur hébergé. Chaque console doit encore passer au build du serveur.
check-ims-2021-step-readiness-from-release-notes = La ligne 20.3 ne figure pas dans la liste de la note technique, mais ses notes de mise à jour indiquent que 20.3.1 apporte déjà le nouveau protocole de connexion : le vérificateur la considère donc comme prête.
check-ims-2021-step-ie-not-used = Cette console se connecte par Microsoft Edge WebView2 : la version d’Internet Explorer n’a plus d’importance.

check-ims-2021-rule-password = Les opérateurs se connectent avec un identifiant et un mot de passe Campaign.
check-ims-2021-rule-sign-in-not-given = Le mode de connexion n’est pas encore indiqué.
check-ims-2021-rule-sign-in-unknown = Vous ne savez pas comment les opérateurs se connectent.
check-ims-2021-rule-old-browser = Connexion avec un Adobe ID, et une console qui se connecte par un Internet Explorer antérieur à la version 11.
check-ims-2021-rule-updates-needed = Connexion avec un Adobe ID, et le serveur, une console ou Windows doit être mis à jour.
check-ims-2021-rule-answers-missing = Connexion avec un Adobe ID, rien à mettre à jour pour l’instant, mais il manque encore des réponses.
check-ims-2021-rule-all-ready = Connexion avec un Adobe ID, et chaque réponse remplit les conditions.

## États : la première ligne du verdict.

# Les opérateurs se connectent avec un identifiant et un mot de passe Campaign. Aucune variable.
check-ims-2021-status-not-affected = Non concerné : ce changement ne touche que la connexion avec un Adobe ID.

# Toutes les réponses sont conformes. Aucune variable.
check-ims-2021-status-ready = Prêt : vos opérateurs peuvent continuer à se connecter avec leur Adobe ID.

# Une mise à niveau ou une mise à jour est à faire. Aucune variable.
check-ims-2021-status-action-needed = Action requise : quelques mises à jour sont nécessaires pour continuer à se connecter avec un Adobe ID.

# Connexion impossible tant que le problème demeure (Internet Explorer antérieur à 11). Aucune variable.
check-ims-2021-status-blocked = Bloqué : vos opérateurs ne peuvent pas se connecter avec un Adobe ID tant que ce point n’est pas réglé.

# Une réponse manque ou n’a pas été comprise. Aucune variable.
check-ims-2021-status-incomplete = Pas encore assez d’informations : complétez ou corrigez vos réponses ci-dessus.
