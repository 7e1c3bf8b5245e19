# Labels and hints of the June 2021 check's form (generated from
# content/en/technotes/using/ims-sign-in-update.check.toml; its other
# messages are in check-ims-2021.ftl and findings.ftl), and the static list of
# minimum releases (templates/widgets/minimum-releases.html).

check-ims-2021-title = Check your readiness
check-ims-2021-intro = Answer what you know: your result appears as soon as an answer is chosen or a field is left, and Check gives it again. Your answers stay in your browser.

check-ims-2021-sign-in-hint = The console’s connection settings tell you.
check-ims-2021-sign-in-adobe-id = With an Adobe ID (IMS)
check-ims-2021-sign-in-password = With a Campaign login and password
check-ims-2021-sign-in-unknown = I don’t know

check-ims-2021-hosting-hosted = Hosted by Adobe
check-ims-2021-hosting-on-premise = On our own servers (on-premise)
check-ims-2021-hosting-hybrid = Hybrid: partly hosted by Adobe, partly on premise

check-ims-2021-server-label = Campaign server version
check-ims-2021-server-hint = Release, build or Gold Standard, written as you know it: for example 21.1.3, build 9330 or GS11.
check-ims-2021-console-label = Client Console version
check-ims-2021-console-hint = The console’s About box shows its build: for example 9330 or 9032@d030c36.

check-ims-2021-windows-label = Windows version of the operators’ machines
check-ims-2021-windows-hint = As the machine names it, for example Windows 10 or Windows Server 2016; if machines differ, the oldest one.

check-ims-2021-ie-label = Internet Explorer version on these machines
check-ims-2021-ie-hint = In Internet Explorer, open Help, then About Internet Explorer.

check-ims-2021-minimum-caption = Minimum release of each line for signing in with IMS
check-ims-2021-minimum-line = Line
check-ims-2021-minimum-release = Minimum release
check-ims-2021-minimum-server-build = Server build
check-ims-2021-minimum-console-build = Client Console build
