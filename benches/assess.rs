//! `assess` on full product sets. Run: `cargo bench --bench assess`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ocop_self_check::assess::{assess, Responses};
use ocop_self_check::draft;
use ocop_self_check::rubric::embedded;

fn bench(c: &mut Criterion) {
    for id in ["QD26-07", "QD26-13", "QD26-26"] {
        let Some(Ok(set)) = embedded::load(id) else {
            panic!("{id}")
        };
        // Every criterion answered at its middle level.
        let mut r = Responses::default();
        for l in set.criteria() {
            r.answers.insert(
                l.criterion.code.clone(),
                (l.criterion.levels.len() as u8).div_ceil(2),
            );
        }
        c.bench_function(
            &format!("assess {id} ({} criteria)", set.criterion_count()),
            |b| b.iter(|| assess(black_box(&set), black_box(&r))),
        );
    }
    let Some((_, text)) = embedded::SETS.iter().find(|(i, _)| *i == "QD26-07") else {
        panic!("set")
    };
    c.bench_function("parse + validate one rubric file (QD26-07)", |b| {
        b.iter(|| ocop_self_check::rubric::ProductSet::from_json(black_box(text)))
    });
    let d = r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07","answers":{"1.1":2,"1.5":3,"2.1":1,"6.1":2}}"#;
    c.bench_function("import draft JSON", |b| {
        b.iter(|| draft::from_json(black_box(d)))
    });
}

/// The product search, as the chooser runs it on every keystroke (the lexicon is built once, on
/// the first query; its build is measured on its own).
fn search(c: &mut Criterion) {
    use ocop_self_check::rubric::search::Lexicon;
    use ocop_self_check::rubric::Catalogue;
    let catalogue = Catalogue::builtin();
    let tsv = ocop_self_check::rubric::search::PRODUCTS_TSV;
    c.bench_function("search: build the lexicon (1,455 names)", |b| {
        b.iter(|| Lexicon::new(black_box(tsv), black_box(&catalogue)))
    });
    let lexicon = Lexicon::new(tsv, &catalogue);
    for q in [
        "m",
        "mang kho",
        "nuoc mam ca com",
        "thit trau gac bep",
        "banh pai",
        "fish sauce",
    ] {
        c.bench_function(&format!("search: one keystroke {q:?}"), |b| {
            b.iter(|| lexicon.find(black_box(q)).len())
        });
    }
}

criterion_group!(benches, bench, search);
criterion_main!(benches);
