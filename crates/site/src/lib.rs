//! Builds the static site: pages, listings, sitemap, assets, written atomically.
