# Wording of the IMS readiness checker's verdict (crates/rules): one status
# line, then the findings, most important first. The codes are stable; see
# technote_rules::FindingCode.
#
# Variables are plain text filled in by the checker. Versions read like
# "21.1.3 (build 9330)" or "Gold Standard 11 (build 9032@d030c36)"; product
# names (Windows, Internet Explorer) are never translated.
# Do not use selectors: the page substitutes the values into preformatted text.

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

## Findings: one line each, linked to the section that explains it.

# The sign-in method was not answered.
# No variables.
check-ims-2021-finding-sign-in-missing = Tell us how your operators sign in: only sign-in with an Adobe ID is concerned.

# The user does not know the sign-in method.
# No variables.
check-ims-2021-finding-sign-in-unknown = Find out how your operators sign in: if the console’s connection settings have “Connect with an Adobe ID” selected, or if the sign-in window asks for an Adobe ID, you use IMS.

# Operators sign in with a Campaign login and password.
# No variables.
check-ims-2021-finding-native-sign-in = Operators who sign in with a Campaign login and password are not affected: there is nothing to do for this change.

# Internet Explorer is older than 11: sign-in is impossible.
# $ie: the Internet Explorer major version, e.g. “10”.
check-ims-2021-finding-ie-too-old = Internet Explorer { $ie } is too old: IMS shows an “update required” screen and sign-in fails. Install Internet Explorer 11 on every console machine.

# The server is below the minimum release of its line.
# $server: the server version, e.g. “20.2.4 (build 9187)”.
# $minimum: the minimum release with its build, e.g. “20.2.5 (build 9188)”.
check-ims-2021-finding-server-upgrade-needed = Upgrade the Campaign server from { $server } to { $minimum } or later, then upgrade every console to the server’s build.

# No release of the server’s line is IMS-ready (18.10, 19.1).
# $server: the server version, e.g. “20.2.4 (build 9187)”.
check-ims-2021-finding-server-line-not-ready = No release of the line of { $server } supports the new sign-in: move the server to one of the minimum releases listed on this page.

# A hosted customer typed a server version below the minimum.
# $server: the server version, e.g. “20.2.4 (build 9187)”.
# $minimum: the minimum release with its build, e.g. “20.2.5 (build 9188)”.
check-ims-2021-finding-hosted-server-outdated = Adobe has already upgraded hosted servers, yet you entered { $server }, which is below { $minimum }. Check the version in the console’s About box; if it is right, contact Adobe Customer Care.

# The console is below the minimum release of its line.
# $console: the client console version, e.g. “20.2.4 (build 9187)”.
# $minimum: the minimum release with its build, e.g. “20.2.5 (build 9188)”.
check-ims-2021-finding-console-upgrade-needed = Upgrade the client console from { $console } to { $minimum } or later on every operator’s machine.

# No release of the console’s line is IMS-ready.
# $console: the client console version, e.g. “20.2.4 (build 9187)”.
check-ims-2021-finding-console-line-not-ready = No release of the line of { $console } supports the new sign-in: once the server runs a minimum release, install the console of the server’s build on every machine.

# The console runs an older build than the server.
# $console: the client console version, e.g. “20.2.4 (build 9187)”.
# $server: the server version, e.g. “20.2.4 (build 9187)”.
check-ims-2021-finding-console-older-than-server = The console ({ $console }) is older than the server ({ $server }): install the console of the server’s build on every operator’s machine.

# The console runs a newer build than the server.
# $console: the client console version, e.g. “20.2.4 (build 9187)”.
# $server: the server version, e.g. “20.2.4 (build 9187)”.
check-ims-2021-finding-console-newer-than-server = The console ({ $console }) is newer than the server ({ $server }): upgrade the server first, then bring every console to the server’s build.

# The console does not support this Windows version.
# $windows: a Windows version, e.g. “Windows 11”.
# $supported: supported Windows versions, comma-separated.
check-ims-2021-finding-windows-not-supported = { $windows } is not supported for this console. Supported versions: { $supported }.

# The console machines lack the latest Windows updates.
# No variables.
check-ims-2021-finding-windows-not-updated = Install the latest Windows updates on every console machine; until then, operators get a warning at sign-in asking them to update Windows and/or their Adobe apps.

# The server version was not answered.
# No variables.
check-ims-2021-finding-server-missing = Enter the version of your Campaign server (not needed if Adobe hosts it).

# The server version typed was not understood.
# $input: what the user typed, shortened.
# $examples: accepted spellings, comma-separated.
check-ims-2021-finding-server-not-understood = “{ $input }” does not look like a Campaign version. Examples: { $examples }.

# The server release typed is not in the catalog.
# $input: what the user typed, shortened.
check-ims-2021-finding-server-release-unknown = “{ $input }” is not a release we know. Enter the server’s build number instead, for example 9330.

# Server build 9032 typed without its suffix.
# $input: what the user typed, shortened.
check-ims-2021-finding-server-build-ambiguous = “{ $input }” could be release 19.1.4 or any Gold Standard drop, since they all use build 9032. Enter the full build with its suffix (for example 9032@d030c36) or the Gold Standard number.

# The console version was not answered.
# No variables.
check-ims-2021-finding-console-missing = Enter the version of the client console: its About box shows the build.

# The console version typed was not understood.
# $input: what the user typed, shortened.
# $examples: accepted spellings, comma-separated.
check-ims-2021-finding-console-not-understood = “{ $input }” does not look like a console version. Examples: { $examples }.

# The console release typed is not in the catalog.
# $input: what the user typed, shortened.
check-ims-2021-finding-console-release-unknown = “{ $input }” is not a release we know. Enter the build shown in the console’s About box instead.

# Console build 9032 typed without its suffix.
# $input: what the user typed, shortened.
check-ims-2021-finding-console-build-ambiguous = “{ $input }” could be release 19.1.4 or any Gold Standard drop, since they all use build 9032. Copy the full build from the console’s About box, for example 9032@d030c36.

# A version covers builds on both sides of the minimum (a whole line, or Gold Standard 11 for a console).
# $version: a server or console version, e.g. “20.2” or “build 9125”.
# $minimum: the minimum release with its build, e.g. “20.2.5 (build 9188)”.
check-ims-2021-finding-build-needed = We cannot tell whether { $version } reaches { $minimum }: enter the exact build shown in the console’s About box.

# The Windows version was not answered.
# No variables.
check-ims-2021-finding-windows-missing = Enter the Windows version of the console machines.

# The Windows version typed was not understood.
# $input: what the user typed, shortened.
# $examples: accepted spellings, comma-separated.
check-ims-2021-finding-windows-not-understood = “{ $input }” does not look like a Windows version. Examples: { $examples }.

# Whether Windows is up to date is unknown or not answered.
# No variables.
check-ims-2021-finding-windows-updates-unknown = Make sure the latest Windows updates are installed on every console machine.

# The Internet Explorer version was not answered.
# No variables.
check-ims-2021-finding-ie-missing = Enter the Internet Explorer version of the console machines: this console signs in to IMS through Internet Explorer 11.

# The Internet Explorer version typed was not understood.
# $input: what the user typed, shortened.
# $examples: accepted spellings, comma-separated.
check-ims-2021-finding-ie-not-understood = “{ $input }” does not look like an Internet Explorer version. Examples: { $examples }.

# Hosted customer: Adobe upgraded the server.
# No variables.
check-ims-2021-finding-hosted-server-upgraded = Adobe has already upgraded your hosted server. Every console still has to move to the server’s build.

# A version the catalog does not list, placed by its number.
# $version: a server or console version, e.g. “20.2” or “build 9125”.
check-ims-2021-finding-version-not-in-catalog = { $version } is not in our list of releases: the verdict places it by its number among the known ones.

# A line missing from the technote’s list (20.3), judged ready from its release notes.
# $line: a line of releases, e.g. “20.3”.
# $minimum: the minimum release with its build, e.g. “20.2.5 (build 9188)”.
check-ims-2021-finding-readiness-from-release-notes = The { $line } line is not in the technote’s list, but its release notes say { $minimum } already carries the new connection protocol, so the checker treats it as ready.

# The console signs in through Microsoft Edge WebView2 (v7.3 and later).
# No variables.
check-ims-2021-finding-ie-not-used = This console signs in through Microsoft Edge WebView2: the Internet Explorer version no longer matters.
