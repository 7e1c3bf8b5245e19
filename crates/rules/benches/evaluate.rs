//! Time of one typical verdict: an on-premise IMS user whose server is ready
//! and whose console lags behind, on a supported Windows with IE 11.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use technote_rules::{Answers, Hosting, SignIn, Tristate, evaluate};

fn typical_answers() -> Answers {
    Answers {
        sign_in: Some(SignIn::AdobeId),
        hosting: Some(Hosting::OnPremise),
        server: Some("Campaign 21.1.3".to_owned()),
        console: Some("build 9282".to_owned()),
        windows: Some("Windows 10 Pro".to_owned()),
        windows_updated: Some(Tristate::Yes),
        ie: Some("IE 11".to_owned()),
    }
}

fn bench_evaluate(criterion: &mut Criterion) {
    let answers = typical_answers();
    criterion.bench_function("evaluate typical answers", |bencher| {
        bencher.iter(|| evaluate(black_box(&answers)));
    });
}

criterion_group!(benches, bench_evaluate);
criterion_main!(benches);
