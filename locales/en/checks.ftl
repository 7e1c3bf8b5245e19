# Live checks declared as data (<page>.check.toml, see docs/checks.md).
# check-<id>-… belong to one check; checks-… are shared by every check's form.

## Shared by every check

checks-verdict-label = Your result
checks-check-button = Check
checks-waiting = Answer the questions: your result appears here as soon as your answers decide it.
checks-status-incomplete = Not enough answers yet
checks-missing-intro = Still to answer:
checks-steps-heading = What to do next, in this order
checks-no-steps = Nothing is left to do.
checks-problem-not-understood = We cannot read this version. Type a release such as 7.3.5 or 7.3.3.IMS, or a build number such as 9368.
checks-problem-too-long = We cannot read this version: it is too long. Type a release such as 7.3.5, or a build number such as 9368.
checks-problem-unknown-release = We do not know this release. Check the About box of the Client Console, or type the build number.
checks-problem-ambiguous-build = Build 9032 is shared by several releases. Type the release or the Gold Standard number.
checks-problem-imprecise = This covers several builds that get different answers here. Type the exact build from the About box of the Client Console, such as 9032@d030c36, or the release with .IMS if that patch is applied.
checks-problem-not-a-choice = Choose one of the answers offered.
checks-problem-windows-not-understood = We cannot read this Windows version. Type it as the machine names it, such as Windows 10 or Windows Server 2016.
checks-problem-browser-not-understood = We cannot read this Internet Explorer version. Type its number, such as 11, as Help, About Internet Explorer shows it.
checks-decision-heading = Every answer this check gives
checks-decision-intro = Find the case that matches yours: it gives the result and the steps that follow.
checks-decision-status = Result
checks-decision-case = Your case
checks-decision-steps = Next steps (those that fit your hosting)
checks-value-read = Read as: { $value }
checks-error = The check could not run on this page. Use the list of cases below instead.

## ims-migration: moving Campaign Classic v7 to Adobe IMS

check-ims-migration-title = Check where your migration to IMS stands
check-ims-migration-intro = Answer six questions about your Campaign environment. The result tells you whether you can start, what is left, and who does each step.
check-ims-migration-version-label = Which Campaign version or build do you run?
check-ims-migration-version-hint = Shown in the About box of the Client Console, for example 7.3.5, 7.3.3.IMS or build 9368.
check-ims-migration-hosting-label = Who runs your Campaign instances?
check-ims-migration-hosting-hint = Your contract or your Adobe contact can tell you.
check-ims-migration-hosting-managed = Adobe, with Managed Services
check-ims-migration-hosting-hosted = Adobe, without Managed Services
check-ims-migration-hosting-on-premise = We do, on our own servers
check-ims-migration-hosting-hybrid = Both (hybrid: Adobe runs the execution instances)
check-ims-migration-api-label = Which Campaign APIs do other systems call?
check-ims-migration-api-hint = Any system that signs in to Campaign with a technical operator to call its SOAP or REST APIs.
check-ims-migration-api-none = None
check-ims-migration-api-marketing = The marketing instance
check-ims-migration-api-message-center = Message Center (real-time messages)
check-ims-migration-api-both = Both
check-ims-migration-technical-accounts-label = Do those systems already use technical accounts from the Adobe Developer Console?
check-ims-migration-technical-accounts-hint = Answer yes only when every integration has moved to its OAuth Server-to-Server credential.
check-ims-migration-technical-accounts-yes = Yes, all of them
check-ims-migration-technical-accounts-no = No, or not all
check-ims-migration-sign-in-label = How do people sign in to Campaign today?
check-ims-migration-sign-in-hint = Operators of the Client Console and the web interface.
check-ims-migration-sign-in-native = With a Campaign login and password
check-ims-migration-sign-in-adobe-id = With an Adobe ID
check-ims-migration-sign-in-both = Some one way, some the other
check-ims-migration-restrictions-label = Is native access already blocked?
check-ims-migration-restrictions-hint = The restrictions that refuse native sign-in, native API calls and new native operators.
check-ims-migration-restrictions-yes = Yes
check-ims-migration-restrictions-no = No
check-ims-migration-status-upgrade-first = Upgrade first: your version cannot migrate to IMS.
check-ims-migration-status-ready = Ready to start: your version can migrate, and nothing has moved yet.
check-ims-migration-status-in-progress = Migration in progress: some of it is left.
check-ims-migration-status-needs-7-4-1 = Almost done: the last step needs 7.4.1.
check-ims-migration-status-complete = Migration complete.
check-ims-migration-step-upgrade-by-adobe = Ask Adobe to upgrade your instances to 7.4.1 (recommended) or at least 7.3.5, stage before production: Adobe carries out the upgrade for hosted customers.
check-ims-migration-step-upgrade-yourself = Upgrade to 7.4.1 (recommended) or at least 7.3.5, on your stage environment first, then production.
check-ims-migration-step-ims-patch = On 7.3.2 or 7.3.3, the .IMS patch of your release is enough to start, provided no other patch was ever applied to that environment.
check-ims-migration-step-technical-accounts = Create technical accounts in the Adobe Developer Console (OAuth Server-to-Server credential), test a token, then switch each integration from its technical operator to them.
check-ims-migration-step-message-center-profile-by-adobe = For Message Center calls, ask Adobe for the product profile "campaign - <marketing instance> - messagecenter".
check-ims-migration-step-message-center-profile-yourself = For Message Center calls, create the product profile "campaign - <marketing instance> - messagecenter" in the Admin Console.
check-ims-migration-step-users-transition-manager = Ask your Transition Manager to move operator groups and named rights to product profiles, and plan the one-hour switch (no downtime).
check-ims-migration-step-users-customer-care = Ask Customer Care to move operator groups and named rights to product profiles, and plan the one-hour switch (no downtime).
check-ims-migration-step-users-yourself = Recreate operator groups and named rights as product profiles in the Admin Console, then move every person to an Adobe ID.
check-ims-migration-step-restrictions-upgrade-by-adobe = Blocking native access needs 7.4.1: ask Adobe to upgrade your instances to it.
check-ims-migration-step-restrictions-upgrade-yourself = Blocking native access needs 7.4.1: plan that upgrade, stage before production.
check-ims-migration-step-restrictions-by-adobe = Once everyone has moved, ask Adobe to switch on the restrictions that block native access.
check-ims-migration-step-restrictions-yourself = Once everyone has moved, switch on the restrictions that block native access in the server configuration.
check-ims-migration-step-plan-v8 = Nothing is left for IMS: the move to Campaign v8, which has no native sign-in, can be planned.
check-ims-migration-rule-too-old = Your version is not 7.3.5 or later, nor 7.3.2.IMS or 7.3.3.IMS.
check-ims-migration-rule-not-started = Your version can migrate, and no integration, person or restriction has moved yet.
check-ims-migration-rule-part-done = Your version can migrate, something has moved, but integrations or people are left.
check-ims-migration-rule-restrictions-left = You run 7.4.1 or later, integrations and people have moved, and native access is still open.
check-ims-migration-rule-restrictions-need-7-4-1 = Integrations and people have moved on 7.3.5, 7.3.2.IMS or 7.3.3.IMS.
check-ims-migration-rule-done = You run 7.4.1 or later, everything has moved and native access is blocked.
# Where the list of every case, shown before any answer, names a version.
checks-any-version = your version
checks-line-minimum = the minimum release of its line
