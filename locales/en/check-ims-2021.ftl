# The June 2021 IMS check declared as data
# (content/en/technotes/using/ims-sign-in-update.check.toml): the labels,
# steps and rules that check-ims-2021-… messages of checker.ftl do not
# already word. A step may name { $server } and
# { $console } as read, and the minimum release of their line:
# { $server-minimum } (server build), { $console-console-minimum }.

check-ims-2021-sign-in-label = How do your operators sign in to the Client Console?
check-ims-2021-hosting-label = Where does your Campaign server run?
check-ims-2021-hosting-hint = Adobe has already upgraded the servers it hosts.
check-ims-2021-windows-updated-label = Do these machines have the latest Windows updates?
check-ims-2021-windows-updated-hint = Windows Update, in the machine’s settings, tells you.
check-ims-2021-windows-updated-yes = Yes
check-ims-2021-windows-updated-no = No
check-ims-2021-windows-updated-unknown = I don’t know

check-ims-2021-step-sign-in-missing = Tell us how your operators sign in: only sign-in with an Adobe ID is concerned.
check-ims-2021-step-sign-in-unknown = Find out how your operators sign in: if the console’s connection settings have “Connect with an Adobe ID” selected, or if the sign-in window asks for an Adobe ID, you use IMS.
check-ims-2021-step-native-sign-in = Operators who sign in with a Campaign login and password are not affected: there is nothing to do for this change.
check-ims-2021-step-ie-too-old = This Internet Explorer is too old: IMS shows an “update required” screen and sign-in fails. Install Internet Explorer 11 on every console machine.
check-ims-2021-step-server-upgrade-needed = Upgrade the Campaign server from { $server } to { $server-minimum } or later, then upgrade every console to the server’s build.
check-ims-2021-step-server-line-not-ready = No release of the line of { $server } supports the new sign-in: move the server to one of the minimum releases listed on this page.
check-ims-2021-step-hosted-server-outdated = Adobe has already upgraded hosted servers, yet you entered { $server }, which is below { $server-minimum }. Check the version in the console’s About box; if it is right, contact Adobe Customer Care.
check-ims-2021-step-console-upgrade-needed = Upgrade the client console from { $console } to { $console-console-minimum } or later on every operator’s machine.
check-ims-2021-step-console-line-not-ready = No release of the line of { $console } supports the new sign-in: once the server runs a minimum release, install the console of the server’s build on every machine.
check-ims-2021-step-console-older-than-server = The console ({ $console }) is older than the server ({ $server }): install the console of the server’s build on every operator’s machine.
check-ims-2021-step-console-newer-than-server = The console ({ $console }) is newer than the server ({ $server }): upgrade the server first, then bring every console to the server’s build.
check-ims-2021-step-console-newer-than-hosted-server = The console ({ $console }) is newer than the server you entered ({ $server }). Adobe runs your server, so leave it as it is: install the console of the server’s build on every operator’s machine.
check-ims-2021-step-windows-not-supported = This Windows version is not supported for this console. A console that signs in through Internet Explorer runs on Windows 8, 8.1, 10, Server 2012 or 2016; one that uses WebView2 (v7.3 and later) on Windows 10, 11, Server 2016, 2019 or 2022.
check-ims-2021-step-windows-not-updated = Install the latest Windows updates on every console machine; until then, operators get a warning at sign-in asking them to update Windows and/or their Adobe apps.
check-ims-2021-step-server-missing = Enter the version of your Campaign server (not needed if Adobe hosts it).
check-ims-2021-step-console-missing = Enter the version of the client console: its About box shows the build.
check-ims-2021-step-windows-missing = Enter the Windows version of the console machines.
check-ims-2021-step-windows-updates-unknown = Make sure the latest Windows updates are installed on every console machine.
check-ims-2021-step-ie-missing = Enter the Internet Explorer version of the console machines: this console signs in to IMS through Internet Explorer 11.
check-ims-2021-step-hosted-server-upgraded = Adobe has already upgraded your hosted server. Every console still has to move to the server’s build.
check-ims-2021-step-readiness-from-release-notes = The 20.3 line is not in the technote’s list, but its release notes say that 20.3.1 already carries the new connection protocol: the checker treats it as ready.
check-ims-2021-step-ie-not-used = This console signs in through Microsoft Edge WebView2: the Internet Explorer version no longer matters.

check-ims-2021-rule-password = Operators sign in with a Campaign login and password.
check-ims-2021-rule-sign-in-not-given = The sign-in method is not given yet.
check-ims-2021-rule-sign-in-unknown = You do not know how operators sign in.
check-ims-2021-rule-old-browser = Adobe ID sign-in, and a console that signs in through an Internet Explorer older than 11.
check-ims-2021-rule-updates-needed = Adobe ID sign-in, and the server, a console or Windows needs an update.
check-ims-2021-rule-answers-missing = Adobe ID sign-in, nothing found to update, but some answers are still missing.
check-ims-2021-rule-all-ready = Adobe ID sign-in, and every answer meets the requirements.

## Statuses: the verdict's first line.

# Operators sign in with a Campaign login and password. No variables.
check-ims-2021-status-not-affected = Not affected: this change only concerns signing in with an Adobe ID.

# Every answer checks out. No variables.
check-ims-2021-status-ready = Ready: your operators can keep signing in with their Adobe ID.

# Something must be upgraded or updated. No variables.
check-ims-2021-status-action-needed = Action needed: a few updates are required to keep signing in with an Adobe ID.

# Sign-in is impossible until fixed (Internet Explorer older than 11). No variables.
check-ims-2021-status-blocked = Blocked: your operators cannot sign in with an Adobe ID until this is fixed.

# An answer is missing or was not understood. No variables.
check-ims-2021-status-incomplete = Not enough to go on yet: complete or correct your answers above.
