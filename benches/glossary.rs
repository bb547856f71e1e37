//! The glossary's term finder as the questionnaire would run it when a set opens: over every
//! criterion's title, notes and levels. Run: `cargo bench --bench glossary`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ocop_self_check::lang::Lang;
use ocop_self_check::rubric::embedded;
use ocop_self_check::rubric::glossary::{Glossary, GLOSSARY_JSON};

fn bench(c: &mut Criterion) {
    c.bench_function("glossary: parse + validate + index the file", |b| {
        b.iter(|| Glossary::from_json(black_box(GLOSSARY_JSON)).is_ok())
    });
    let g = Glossary::builtin();
    let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
    let levels: Vec<&str> = sets
        .iter()
        .flat_map(|s| s.criteria())
        .flat_map(|l| l.criterion.levels.iter().map(|x| x.text.vi.as_str()))
        .collect();
    assert_eq!(levels.len(), 2579);
    c.bench_function("glossary: find_in over all 2,579 level texts", |b| {
        b.iter(|| {
            levels
                .iter()
                .map(|t| g.find_in(black_box(t)).len())
                .sum::<usize>()
        })
    });
    for id in ["QD26-09", "QD26-26"] {
        let Some(set) = sets.iter().find(|s| s.id == id) else {
            panic!("{id}")
        };
        c.bench_function(
            &format!("glossary: open {id}, link each criterion once (both languages)"),
            |b| {
                b.iter(|| {
                    let mut n = 0;
                    for l in set.criteria() {
                        let cr = l.criterion;
                        for lang in [Lang::Vi, Lang::En] {
                            let mut texts = vec![cr.text.get(lang)];
                            texts.extend(cr.notes.iter().map(|t| t.get(lang)));
                            texts.extend(cr.levels.iter().map(|x| x.text.get(lang)));
                            n += g.find_first_across(black_box(&texts)).len();
                        }
                    }
                    n
                })
            },
        );
    }
    for q in ["h", "htx", "tieu chuan co so", "barcode"] {
        c.bench_function(&format!("glossary: search {q:?}"), |b| {
            b.iter(|| g.search(black_box(q), Lang::Vi).len())
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
