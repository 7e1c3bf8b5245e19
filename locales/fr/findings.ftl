# Formulation du verdict du vérificateur de compatibilité IMS (crates/rules) :
# une ligne d’état, puis les constats, du plus important au moins important.
# Les codes sont stables ; voir technote_rules::FindingCode.
#
# Les variables sont du texte brut rempli par le vérificateur. Les versions
# s’écrivent « 21.1.3 (build 9330) » ou « Gold Standard 11 (build 9032@d030c36) » ;
# les noms de produits (Windows, Internet Explorer) ne se traduisent pas.
# Pas de sélecteurs : la page insère les valeurs dans un texte déjà mis en forme.

## États : la première ligne du verdict.

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

## Constats : une ligne chacun, avec un lien vers la section qui l’explique.

# Le mode de connexion n’a pas été indiqué.
# Aucune variable.
check-ims-2021-finding-sign-in-missing = Indiquez comment vos opérateurs se connectent : seule la connexion avec un Adobe ID est concernée.

# L’utilisateur ne connaît pas le mode de connexion.
# Aucune variable.
check-ims-2021-finding-sign-in-unknown = Vérifiez le mode de connexion : si l’option « Se connecter avec un Adobe ID » est cochée dans les paramètres de connexion de la console, ou si la fenêtre de connexion demande un Adobe ID, vous passez par IMS.

# Les opérateurs se connectent avec un identifiant et un mot de passe Campaign.
# Aucune variable.
check-ims-2021-finding-native-sign-in = Les opérateurs qui se connectent avec un identifiant et un mot de passe Campaign ne sont pas touchés : rien à faire pour ce changement.

# Internet Explorer est antérieur à 11 : la connexion est impossible.
# $ie : version principale d’Internet Explorer, par ex. « 10 ».
check-ims-2021-finding-ie-too-old = Internet Explorer { $ie } est trop ancien : IMS affiche un écran de mise à jour obligatoire et la connexion échoue. Installez Internet Explorer 11 sur chaque poste équipé de la console.

# Le serveur est en dessous de la version minimale de sa ligne.
# $server : version du serveur, par ex. « 20.2.4 (build 9187) ».
# $minimum : version minimale avec son build, par ex. « 20.2.5 (build 9188) ».
check-ims-2021-finding-server-upgrade-needed = Mettez à niveau le serveur Campaign de { $server } vers { $minimum } ou plus récent, puis chaque console vers le build du serveur.

# Aucune version de la ligne du serveur n’est compatible IMS (18.10, 19.1).
# $server : version du serveur, par ex. « 20.2.4 (build 9187) ».
check-ims-2021-finding-server-line-not-ready = Aucune version de la ligne de { $server } ne gère la nouvelle connexion : passez le serveur à l’une des versions minimales indiquées sur cette page.

# Un client hébergé a saisi une version de serveur inférieure au minimum.
# $server : version du serveur, par ex. « 20.2.4 (build 9187) ».
# $minimum : version minimale avec son build, par ex. « 20.2.5 (build 9188) ».
check-ims-2021-finding-hosted-server-outdated = Adobe a déjà mis à niveau les serveurs hébergés, or vous avez indiqué { $server }, antérieur à { $minimum }. Vérifiez la version dans la fenêtre « À propos » de la console ; si elle est exacte, contactez le support d’Adobe.

# La console est en dessous de la version minimale de sa ligne.
# $console : version de la console cliente, par ex. « 20.2.4 (build 9187) ».
# $minimum : version minimale avec son build, par ex. « 20.2.5 (build 9188) ».
check-ims-2021-finding-console-upgrade-needed = Mettez à niveau la console cliente de { $console } vers { $minimum } ou plus récent, sur le poste de chaque opérateur.

# Aucune version de la ligne de la console n’est compatible IMS.
# $console : version de la console cliente, par ex. « 20.2.4 (build 9187) ».
check-ims-2021-finding-console-line-not-ready = Aucune version de la ligne de { $console } ne gère la nouvelle connexion : une fois le serveur passé à une version minimale, installez sur chaque poste la console du même build que le serveur.

# La console a un build plus ancien que le serveur.
# $console : version de la console cliente, par ex. « 20.2.4 (build 9187) ».
# $server : version du serveur, par ex. « 20.2.4 (build 9187) ».
check-ims-2021-finding-console-older-than-server = La console ({ $console }) est plus ancienne que le serveur ({ $server }) : installez sur chaque poste la console du même build que le serveur.

# La console a un build plus récent que le serveur.
# $console : version de la console cliente, par ex. « 20.2.4 (build 9187) ».
# $server : version du serveur, par ex. « 20.2.4 (build 9187) ».
check-ims-2021-finding-console-newer-than-server = La console ({ $console }) est plus récente que le serveur ({ $server }) : mettez d’abord le serveur à niveau, puis alignez chaque console sur son build.

# La console ne prend pas en charge cette version de Windows.
# $windows : version de Windows, par ex. « Windows 11 ».
# $supported : versions de Windows prises en charge, séparées par des virgules.
check-ims-2021-finding-windows-not-supported = { $windows } n’est pas pris en charge pour cette console. Versions prises en charge : { $supported }.

# Les postes n’ont pas les dernières mises à jour de Windows.
# Aucune variable.
check-ims-2021-finding-windows-not-updated = Installez les dernières mises à jour de Windows sur chaque poste équipé de la console ; d’ici là, un avertissement à la connexion demande aux opérateurs de mettre à jour Windows ou leurs applications Adobe.

# La version du serveur n’a pas été indiquée.
# Aucune variable.
check-ims-2021-finding-server-missing = Indiquez la version de votre serveur Campaign (inutile si Adobe l’héberge).

# La version du serveur saisie n’a pas été comprise.
# $input : ce que l’utilisateur a saisi, raccourci.
# $examples : écritures acceptées, séparées par des virgules.
check-ims-2021-finding-server-not-understood = « { $input } » ne ressemble pas à une version de Campaign. Exemples : { $examples }.

# La version du serveur saisie ne figure pas au catalogue.
# $input : ce que l’utilisateur a saisi, raccourci.
check-ims-2021-finding-server-release-unknown = « { $input } » ne fait pas partie des versions connues. Indiquez plutôt le numéro de build du serveur, par exemple 9330.

# Build 9032 du serveur saisi sans suffixe.
# $input : ce que l’utilisateur a saisi, raccourci.
check-ims-2021-finding-server-build-ambiguous = « { $input } » peut désigner la version 19.1.4 comme n’importe quelle livraison Gold Standard, qui utilisent toutes le build 9032. Indiquez le build complet avec son suffixe (par exemple 9032@d030c36) ou le numéro du Gold Standard.

# La version de la console n’a pas été indiquée.
# Aucune variable.
check-ims-2021-finding-console-missing = Indiquez la version de la console cliente : sa fenêtre « À propos » affiche le build.

# La version de la console saisie n’a pas été comprise.
# $input : ce que l’utilisateur a saisi, raccourci.
# $examples : écritures acceptées, séparées par des virgules.
check-ims-2021-finding-console-not-understood = « { $input } » ne ressemble pas à une version de la console. Exemples : { $examples }.

# La version de la console saisie ne figure pas au catalogue.
# $input : ce que l’utilisateur a saisi, raccourci.
check-ims-2021-finding-console-release-unknown = « { $input } » ne fait pas partie des versions connues. Indiquez plutôt le build affiché dans la fenêtre « À propos » de la console.

# Build 9032 de la console saisi sans suffixe.
# $input : ce que l’utilisateur a saisi, raccourci.
check-ims-2021-finding-console-build-ambiguous = « { $input } » peut désigner la version 19.1.4 comme n’importe quelle livraison Gold Standard, qui utilisent toutes le build 9032. Recopiez le build complet affiché dans la fenêtre « À propos » de la console, par exemple 9032@d030c36.

# La version couvre des builds de part et d’autre du minimum (une ligne entière, ou Gold Standard 11 pour une console).
# $version : version du serveur ou de la console, par ex. « 20.2 » ou « build 9125 ».
# $minimum : version minimale avec son build, par ex. « 20.2.5 (build 9188) ».
check-ims-2021-finding-build-needed = Impossible de savoir si { $version } atteint { $minimum } : indiquez le build exact affiché dans la fenêtre « À propos » de la console.

# La version de Windows n’a pas été indiquée.
# Aucune variable.
check-ims-2021-finding-windows-missing = Indiquez la version de Windows des postes équipés de la console.

# La version de Windows saisie n’a pas été comprise.
# $input : ce que l’utilisateur a saisi, raccourci.
# $examples : écritures acceptées, séparées par des virgules.
check-ims-2021-finding-windows-not-understood = « { $input } » ne ressemble pas à une version de Windows. Exemples : { $examples }.

# On ignore si Windows est à jour, ou la question est sans réponse.
# Aucune variable.
check-ims-2021-finding-windows-updates-unknown = Assurez-vous que les dernières mises à jour de Windows sont installées sur chaque poste équipé de la console.

# La version d’Internet Explorer n’a pas été indiquée.
# Aucune variable.
check-ims-2021-finding-ie-missing = Indiquez la version d’Internet Explorer des postes équipés de la console : cette console se connecte à IMS par Internet Explorer 11.

# La version d’Internet Explorer saisie n’a pas été comprise.
# $input : ce que l’utilisateur a saisi, raccourci.
# $examples : écritures acceptées, séparées par des virgules.
check-ims-2021-finding-ie-not-understood = « { $input } » ne ressemble pas à une version d’Internet Explorer. Exemples : { $examples }.

# Client hébergé : Adobe a mis le serveur à niveau.
# Aucune variable.
check-ims-2021-finding-hosted-server-upgraded = Adobe a déjà mis à niveau votre serveur hébergé. Chaque console doit encore passer au build du serveur.

# Version absente du catalogue, située d’après son numéro.
# $version : version du serveur ou de la console, par ex. « 20.2 » ou « build 9125 ».
check-ims-2021-finding-version-not-in-catalog = { $version } ne figure pas dans notre liste : le verdict la situe d’après son numéro parmi les versions connues.

# Ligne absente de la liste de la note technique (20.3), jugée prête d’après ses notes de mise à jour.
# $line : ligne de versions, par ex. « 20.3 ».
# $minimum : version minimale avec son build, par ex. « 20.2.5 (build 9188) ».
check-ims-2021-finding-readiness-from-release-notes = La ligne { $line } ne figure pas dans la liste de la note technique, mais ses notes de mise à jour indiquent que { $minimum } apporte déjà le nouveau protocole de connexion : le vérificateur la considère donc comme prête.

# La console se connecte par Microsoft Edge WebView2 (v7.3 et suivantes).
# Aucune variable.
check-ims-2021-finding-ie-not-used = Cette console se connecte par Microsoft Edge WebView2 : la version d’Internet Explorer n’a plus d’importance.
