broken-ok = Bien
broken-bad = { $count ->
    [one] un
}
