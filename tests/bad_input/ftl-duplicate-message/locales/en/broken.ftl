site-name = Another site name
