//! Time of one typical verdict of the June 2021 check, as declared: an
//! on-premise IMS user whose server is ready and whose console lags behind,
//! on a supported Windows with IE 11. The check is the compact form the
//! WebAssembly module receives (`tests/checks/ims-2021.wire`).

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use technote_rules::{built_in_catalog, decode_check, evaluate_check};

const IMS_2021: &str = include_str!("../../../tests/checks/ims-2021.wire");

fn typical_answers() -> BTreeMap<String, String> {
    [
        ("sign-in", "adobe-id"),
        ("hosting", "on-premise"),
        ("server", "Campaign 21.1.3"),
        ("console", "build 9282"),
        ("windows", "Windows 10 Pro"),
        ("windows-updated", "yes"),
        ("ie", "IE 11"),
    ]
    .into_iter()
    .map(|(input, answer)| (input.to_owned(), answer.to_owned()))
    .collect()
}

fn bench_evaluate(criterion: &mut Criterion) {
    let Some(check) = decode_check(IMS_2021.trim_end()) else {
        panic!("tests/checks/ims-2021.wire does not decode");
    };
    let answers = typical_answers();
    criterion.bench_function("evaluate typical answers", |bencher| {
        bencher.iter(|| evaluate_check(built_in_catalog(), black_box(&check), black_box(&answers)));
    });
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
