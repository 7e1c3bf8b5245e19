# The IMS readiness checker's form (templates/widgets/ims-readiness.html) and
# the static list of minimum releases (templates/widgets/minimum-releases.html).
# The verdict's own wording (checker-status-*, checker-finding-*) is in findings.ftl.

checker-title = Check your readiness
checker-intro = Answer what you know: the verdict updates as you type. Your answers stay in your browser.
checker-noscript = The readiness checker needs JavaScript. Without it, compare your version with the list of minimum releases on this page.
checker-unavailable = The readiness checker could not start in this browser. Compare your version with the list of minimum releases on this page.
checker-minimum-releases-link = Go to the minimum releases

checker-sign-in-legend = How do your operators sign in to the Client Console?
checker-sign-in-hint = The console’s connection settings tell you.
checker-sign-in-hint-link = How to check
checker-sign-in-adobe-id = With an Adobe ID (IMS)
checker-sign-in-password = With a Campaign login and password
checker-sign-in-unknown = I don’t know

checker-hosting-legend = Where does your Campaign server run?
checker-hosting-hosted = Hosted by Adobe
checker-hosting-on-premise = On our own servers (on-premise)
checker-hosting-hybrid = Hybrid: partly hosted by Adobe, partly on premise

checker-server-label = Campaign server version
checker-server-hint = Release, build or Gold Standard, written as you know it: for example 21.1.3, build 9330 or GS11.
checker-console-label = Client Console version
checker-console-hint = The console’s About box shows its build: for example 9330 or 9032@d030c36.

checker-windows-label = Windows version of the operators’ machines
checker-windows-hint = If machines differ, choose the oldest one.
checker-choose = Choose…
checker-windows-xp = Windows XP
checker-windows-vista = Windows Vista
checker-windows-7 = Windows 7
checker-windows-8 = Windows 8
checker-windows-8-1 = Windows 8.1
checker-windows-10 = Windows 10
checker-windows-11 = Windows 11
checker-windows-server-2008 = Windows Server 2008
checker-windows-server-2012 = Windows Server 2012
checker-windows-server-2016 = Windows Server 2016
checker-windows-server-2019 = Windows Server 2019
checker-windows-server-2022 = Windows Server 2022

checker-windows-updated-legend = Do these machines have the latest Windows updates?
checker-answer-yes = Yes
checker-answer-no = No
checker-answer-unknown = I don’t know

checker-ie-label = Internet Explorer version on these machines
checker-ie-hint = In Internet Explorer, open Help, then About Internet Explorer.
checker-ie-11 = Internet Explorer 11
checker-ie-10 = Internet Explorer 10
checker-ie-9 = Internet Explorer 9
checker-ie-8 = Internet Explorer 8 or older

checker-verdict-label = Verdict
checker-more = Read more
checker-error = The checker ran into a problem it could not handle. Compare your version with the list of minimum releases on this page.

checker-minimum-caption = Minimum release of each line for signing in with IMS
checker-minimum-line = Line
checker-minimum-release = Minimum release
checker-minimum-server-build = Server build
checker-minimum-console-build = Client Console build
