# The IMS readiness checker's form (templates/widgets/ims-readiness.html) and
# the static list of minimum releases (templates/widgets/minimum-releases.html).
# The verdict's own wording (check-ims-2021-status-*, check-ims-2021-finding-*) is in findings.ftl.

check-ims-2021-title = Check your readiness
check-ims-2021-intro = Answer what you know: the verdict updates as you type. Your answers stay in your browser.
check-ims-2021-noscript = The readiness checker needs JavaScript. Without it, compare your version with the list of minimum releases on this page.
check-ims-2021-unavailable = The readiness checker could not start in this browser. Compare your version with the list of minimum releases on this page.
check-ims-2021-minimum-releases-link = Go to the minimum releases

check-ims-2021-sign-in-legend = How do your operators sign in to the Client Console?
check-ims-2021-sign-in-hint = The console’s connection settings tell you.
check-ims-2021-sign-in-hint-link = How to check
check-ims-2021-sign-in-adobe-id = With an Adobe ID (IMS)
check-ims-2021-sign-in-password = With a Campaign login and password
check-ims-2021-sign-in-unknown = I don’t know

check-ims-2021-hosting-legend = Where does your Campaign server run?
check-ims-2021-hosting-hosted = Hosted by Adobe
check-ims-2021-hosting-on-premise = On our own servers (on-premise)
check-ims-2021-hosting-hybrid = Hybrid: partly hosted by Adobe, partly on premise

check-ims-2021-server-label = Campaign server version
check-ims-2021-server-hint = Release, build or Gold Standard, written as you know it: for example 21.1.3, build 9330 or GS11.
check-ims-2021-console-label = Client Console version
check-ims-2021-console-hint = The console’s About box shows its build: for example 9330 or 9032@d030c36.

check-ims-2021-windows-label = Windows version of the operators’ machines
check-ims-2021-windows-hint = If machines differ, choose the oldest one.
check-ims-2021-choose = Choose…
check-ims-2021-windows-xp = Windows XP
check-ims-2021-windows-vista = Windows Vista
check-ims-2021-windows-7 = Windows 7
check-ims-2021-windows-8 = Windows 8
check-ims-2021-windows-8-1 = Windows 8.1
check-ims-2021-windows-10 = Windows 10
check-ims-2021-windows-11 = Windows 11
check-ims-2021-windows-server-2008 = Windows Server 2008
check-ims-2021-windows-server-2012 = Windows Server 2012
check-ims-2021-windows-server-2016 = Windows Server 2016
check-ims-2021-windows-server-2019 = Windows Server 2019
check-ims-2021-windows-server-2022 = Windows Server 2022

check-ims-2021-windows-updated-legend = Do these machines have the latest Windows updates?
check-ims-2021-answer-yes = Yes
check-ims-2021-answer-no = No
check-ims-2021-answer-unknown = I don’t know

check-ims-2021-ie-label = Internet Explorer version on these machines
check-ims-2021-ie-hint = In Internet Explorer, open Help, then About Internet Explorer.
check-ims-2021-ie-11 = Internet Explorer 11
check-ims-2021-ie-10 = Internet Explorer 10
check-ims-2021-ie-9 = Internet Explorer 9
check-ims-2021-ie-8 = Internet Explorer 8 or older

check-ims-2021-verdict-label = Verdict
check-ims-2021-more = Read more
check-ims-2021-error = The checker ran into a problem it could not handle. Compare your version with the list of minimum releases on this page.

check-ims-2021-minimum-caption = Minimum release of each line for signing in with IMS
check-ims-2021-minimum-line = Line
check-ims-2021-minimum-release = Minimum release
check-ims-2021-minimum-server-build = Server build
check-ims-2021-minimum-console-build = Client Console build
