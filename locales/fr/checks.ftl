# Vérifications déclarées comme données (<page>.check.toml, voir docs/checks.md).
# check-<id>-… appartiennent à une vérification ; checks-… sont communs à tous les formulaires.

## Communs à toutes les vérifications

checks-verdict-label = Votre résultat
checks-check-button = Vérifier
checks-waiting = Répondez aux questions : votre résultat s’affiche ici dès que vos réponses permettent de trancher.
checks-status-incomplete = Il manque encore des réponses
checks-missing-intro = Reste à répondre :
checks-steps-heading = Que faire ensuite, dans cet ordre
checks-no-steps = Il ne reste rien à faire.
checks-problem-not-understood = Nous ne savons pas lire cette version. Saisissez une version comme 7.3.5 ou 7.3.3.IMS, ou un numéro de build comme 9368.
checks-problem-too-long = Nous ne savons pas lire cette version : elle est trop longue. Saisissez une version comme 7.3.5, ou un numéro de build comme 9368.
checks-problem-unknown-release = Nous ne connaissons pas cette version. Consultez la fenêtre « À propos » de la console cliente, ou saisissez le numéro de build.
checks-problem-ambiguous-build = Le build 9032 est commun à plusieurs versions. Saisissez la version ou le numéro Gold Standard.
checks-problem-imprecise = Cette réponse couvre plusieurs builds qui n’obtiennent pas le même résultat. Saisissez le build exact indiqué dans la fenêtre « À propos » de la console cliente, par exemple 9032@d030c36, ou la version avec .IMS si ce correctif est appliqué.
checks-problem-not-a-choice = Choisissez l’une des réponses proposées.
checks-problem-windows-not-understood = Nous ne savons pas lire cette version de Windows. Saisissez-la comme le poste la nomme, par exemple Windows 10 ou Windows Server 2016.
checks-problem-browser-not-understood = Nous ne savons pas lire cette version d’Internet Explorer. Saisissez son numéro, par exemple 11, tel que l’affiche Aide, À propos d’Internet Explorer.
checks-decision-heading = Toutes les réponses possibles
checks-decision-intro = Repérez le cas qui correspond au vôtre : il donne le résultat et les étapes qui suivent.
checks-decision-status = Résultat
checks-decision-case = Votre cas
checks-decision-steps = Étapes suivantes (celles qui correspondent à votre hébergement)
checks-value-read = Lu comme : { $value }
checks-error = La vérification n’a pas pu s’exécuter sur cette page. Utilisez plutôt la liste des cas ci-dessous.

## ims-migration : migration de Campaign Classic v7 vers Adobe IMS

check-ims-migration-title = Où en est votre migration vers IMS ?
check-ims-migration-intro = Répondez à six questions sur votre environnement Campaign. Le résultat vous dit si vous pouvez commencer, ce qu’il reste à faire et qui s’en charge.
check-ims-migration-version-label = Quelle version ou quel build de Campaign utilisez-vous ?
check-ims-migration-version-hint = Indiqué dans la fenêtre « À propos » de la console cliente, par exemple 7.3.5, 7.3.3.IMS ou le build 9368.
check-ims-migration-hosting-label = Qui exploite vos instances Campaign ?
check-ims-migration-hosting-hint = Votre contrat ou votre contact chez Adobe vous le dira.
check-ims-migration-hosting-managed = Adobe, avec Managed Services
check-ims-migration-hosting-hosted = Adobe, sans Managed Services
check-ims-migration-hosting-on-premise = Nous-mêmes, sur nos serveurs
check-ims-migration-hosting-hybrid = Les deux (hybride : Adobe exploite les instances d’exécution)
check-ims-migration-api-label = Quelles API de Campaign d’autres systèmes appellent-ils ?
check-ims-migration-api-hint = Tout système qui se connecte à Campaign avec un opérateur technique pour appeler ses API SOAP ou REST.
check-ims-migration-api-none = Aucune
check-ims-migration-api-marketing = L’instance marketing
check-ims-migration-api-message-center = Message Center (messages en temps réel)
check-ims-migration-api-both = Les deux
check-ims-migration-technical-accounts-label = Ces systèmes utilisent-ils déjà des comptes techniques de l’Adobe Developer Console ?
check-ims-migration-technical-accounts-hint = Répondez oui seulement si chaque intégration est passée à ses identifiants OAuth Server-to-Server.
check-ims-migration-technical-accounts-yes = Oui, toutes
check-ims-migration-technical-accounts-no = Non, ou pas toutes
check-ims-migration-sign-in-label = Comment les utilisateurs se connectent-ils à Campaign aujourd’hui ?
check-ims-migration-sign-in-hint = Les opérateurs de la console cliente et de l’interface web.
check-ims-migration-sign-in-native = Avec un identifiant et un mot de passe Campaign
check-ims-migration-sign-in-adobe-id = Avec un Adobe ID
check-ims-migration-sign-in-both = Certains d’une façon, d’autres de l’autre
check-ims-migration-restrictions-label = L’accès natif est-il déjà bloqué ?
check-ims-migration-restrictions-hint = Les restrictions qui refusent la connexion native, les appels d’API natifs et la création d’opérateurs natifs.
check-ims-migration-restrictions-yes = Oui
check-ims-migration-restrictions-no = Non
check-ims-migration-status-upgrade-first = Mettez d’abord à niveau : votre version ne permet pas la migration vers IMS.
check-ims-migration-status-ready = Prêt à commencer : votre version permet la migration, et rien n’a encore été migré.
check-ims-migration-status-in-progress = Migration en cours : il reste une partie du travail.
check-ims-migration-status-needs-7-4-1 = Presque terminé : la dernière étape demande la version 7.4.1.
check-ims-migration-status-complete = Migration terminée.
check-ims-migration-step-upgrade-by-adobe = Demandez à Adobe de passer vos instances en 7.4.1 (recommandé) ou au moins en 7.3.5, l’environnement de test avant la production : pour les clients hébergés, c’est Adobe qui effectue la mise à niveau.
check-ims-migration-step-upgrade-yourself = Passez en 7.4.1 (recommandé) ou au moins en 7.3.5, d’abord sur l’environnement de test, puis en production.
check-ims-migration-step-ims-patch = En 7.3.2 ou 7.3.3, le correctif .IMS de votre version suffit pour commencer, à condition qu’aucun autre correctif n’ait jamais été appliqué à cet environnement.
check-ims-migration-step-technical-accounts = Créez des comptes techniques dans l’Adobe Developer Console (identifiants OAuth Server-to-Server), testez un jeton, puis faites passer chaque intégration de son opérateur technique à ces comptes.
check-ims-migration-step-message-center-profile-by-adobe = Pour les appels à Message Center, demandez à Adobe le profil de produit « campaign - <instance marketing> - messagecenter ».
check-ims-migration-step-message-center-profile-yourself = Pour les appels à Message Center, créez le profil de produit « campaign - <instance marketing> - messagecenter » dans l’Admin Console.
check-ims-migration-step-users-transition-manager = Demandez à votre Transition Manager de convertir les groupes d’opérateurs et les droits nommés en profils de produit, et prévoyez la bascule d’une heure (sans interruption de service).
check-ims-migration-step-users-customer-care = Demandez à l’Assistance clientèle de convertir les groupes d’opérateurs et les droits nommés en profils de produit, et prévoyez la bascule d’une heure (sans interruption de service).
check-ims-migration-step-users-yourself = Recréez les groupes d’opérateurs et les droits nommés sous forme de profils de produit dans l’Admin Console, puis faites passer chaque personne à un Adobe ID.
check-ims-migration-step-restrictions-upgrade-by-adobe = Bloquer l’accès natif demande la version 7.4.1 : demandez à Adobe d’y passer vos instances.
check-ims-migration-step-restrictions-upgrade-yourself = Bloquer l’accès natif demande la version 7.4.1 : prévoyez cette mise à niveau, l’environnement de test avant la production.
check-ims-migration-step-restrictions-by-adobe = Une fois tout le monde migré, demandez à Adobe d’activer les restrictions qui bloquent l’accès natif.
check-ims-migration-step-restrictions-yourself = Une fois tout le monde migré, activez dans la configuration du serveur les restrictions qui bloquent l’accès natif.
check-ims-migration-step-plan-v8 = Il ne reste rien à faire pour IMS : le passage à Campaign v8, qui n’a pas de connexion native, peut être planifié.
check-ims-migration-rule-too-old = Votre version n’est ni la 7.3.5 ou une version ultérieure, ni la 7.3.2.IMS ou la 7.3.3.IMS.
check-ims-migration-rule-not-started = Votre version permet la migration, et aucune intégration, aucune personne ni aucune restriction n’a encore été migrée.
check-ims-migration-rule-part-done = Votre version permet la migration, une partie est faite, mais il reste des intégrations ou des personnes.
check-ims-migration-rule-restrictions-left = Vous êtes en 7.4.1 ou plus, intégrations et personnes ont migré, et l’accès natif reste ouvert.
check-ims-migration-rule-restrictions-need-7-4-1 = Intégrations et personnes ont migré, en 7.3.5, 7.3.2.IMS ou 7.3.3.IMS.
check-ims-migration-rule-done = Vous êtes en 7.4.1 ou plus, tout a migré et l’accès natif est bloqué.
# Là où la liste de tous les cas, montrée avant toute réponse, nomme une version.
checks-any-version = votre version
checks-line-minimum = la version minimale de sa ligne
