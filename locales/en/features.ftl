# The page's git date, the "edit this page" link and the Atom feed.

# $date (String) - the day the page's source last changed, as YYYY-MM-DD.
page-updated = Updated on { $date }
page-edit-link = Edit this page
# $site (String) - the site's name.
feed-title = { $site }: new technotes
