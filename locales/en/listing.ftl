# Long lists of pages (templates/feature-list.html, partials/feature-groups.html).
# A home shows the first pages of each feature, then links to the feature's own list.

# $count (number): the pages of the feature, always more than the home shows (at least 2);
# $feature: its name.
feature-list-more = All { $count } pages about { $feature }
# $count (number, at least 2); $feature: the feature's name.
feature-list-lead = { $count } pages about { $feature }.
# $page, $pages (numbers): this page of the list, and how many it has.
feature-list-position = Page { $page } of { $pages }.
feature-list-pager-label = Pages of this list
feature-list-previous = Previous page of the list
feature-list-next = Next page of the list
