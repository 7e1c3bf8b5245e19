# Strings of the site's frame: header, footer, listings, error pages.

site-name = Campaign Classic technotes
skip-to-content = Skip to content
language-switcher-label = Language
footer-text = Technical notes for Adobe Campaign Classic v7 administrators. Checks run in your browser; nothing you type leaves it.
sidebar-label = In this guide
sidebar-open = Menu
sidebar-close = Close the menu
breadcrumb-label = Breadcrumb
pager-label = Previous and next pages
pager-previous = Previous:
pager-next = Next:
badges-label = Applies to
page-role-label = Role
page-level-label = Level
page-audience-label = Audience
toc-title = On this page

# $percent (number) is the share of the text reviewed by a human translator.
translation-notice-machine-reviewed = This page was translated with translation memory and machine translation; { $percent }% of it was reviewed by a human translator.
translation-notice-machine = This page was translated with translation memory and machine translation.
translation-notice-human = This page was translated by a human translator.

home-description = Short, practical notes to keep your Campaign Classic v7 environment working.
home-empty = Nothing is published in this language yet.
home-elsewhere-title = Not yet translated
home-elsewhere-available = Available in:

all-pages-title = All pages
all-pages-description = Every page of this site, by feature.
all-pages-link = All pages
all-pages-unlisted-title = Outside the guides' tables of contents
all-pages-top-of-tree = At the top of the documentation

redirect-title = This page has moved
redirect-body = It is now at

root-title = Choose your language
not-found-title = Page not found
not-found-body = The page you asked for does not exist or has moved.
not-found-home = Go to the home page
# Home page: the heading of the technotes that name no feature.
home-group-other = Other technotes
# Home page group headings, one per `feature:` value of the technotes
# (feature-<value in lowercase, other characters as ->).
feature-installation = Installation
feature-security = Security
feature-upgrade = Upgrade
feature-technote = Technotes
