# Labels the Markdown renderer writes into page bodies (crates/markdown).
# Every id here is listed in technote_markdown::MESSAGE_IDS.

## Visible titles of the alert blocks (`>[!NOTE]` and the like)

alert-note = Note
alert-caution = Caution
alert-important = Important
alert-tip = Tip
alert-warning = Warning
alert-admin = Administration
alert-availability = Availability
alert-prerequisites = Prerequisites
alert-morelikethis = Related articles
alert-info = Information
alert-error = Error
alert-success = Success

## Text of the link a `[!VIDEO](url)` block becomes

video-play = Watch the video

## Read by screen readers after a link's text (hidden on screen, where an icon says it)

link-external = (external site)
link-new-tab = (opens in a new tab)

## Name of the row of tabs the site's script builds from a tab set

tabs-label = Choose your case

## Text of the link an image hosted on another site becomes (it is not loaded)

image-external = View the image on the external site
