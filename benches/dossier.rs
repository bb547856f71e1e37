//! Generating the draft dossier natively: `dossier::build` alone, `render_docx`, `render_html`,
//! build + .docx, and the whole path a download takes in the dossier module
//! (`dossier::from_interchange`: parse the draft and the rubric, assess, build; then .docx).
//! Run: `cargo bench --bench dossier`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ocop_self_check::assess::assess;
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier;
use ocop_self_check::draft::{self, Draft};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, Catalogue};

const TODAY: &str = "29/11/2026";

fn bench(c: &mut Criterion) {
    let catalogue = Catalogue::shared();
    let today = parse_date(TODAY).ok();
    for id in ["QD26-07", "QD26-26"] {
        let Some(Ok(set)) = embedded::load(id) else {
            panic!("{id}")
        };
        // Every criterion answered at its middle level, with a note; every detail filled.
        let mut d = Draft::new("bench", id, 0);
        for l in set.criteria() {
            let code = l.criterion.code.clone();
            d.responses
                .answers
                .insert(code.clone(), (l.criterion.levels.len() as u8).div_ceil(2));
            d.evidence.insert(
                code,
                "Hợp đồng liên kết số 12/2025/HĐLK, hóa đơn mua nguyên liệu quý I–IV năm 2025."
                    .into(),
            );
        }
        d.producer.name = "Hợp tác xã Nông nghiệp Tân Lập".into();
        d.producer.address = "Thôn 3, xã Tân Lập, tỉnh Lào Cai".into();
        d.producer.phone = "0912 345 678".into();
        d.producer.email = "htxtanlap@gmail.com".into();
        d.producer.representative_name = "Nguyễn Thị Hoa".into();
        d.product.name = "Mứt mận Bắc Hà".into();
        let a = assess(&set, &d.responses);
        let entry = catalogue.entry(id);
        let n = set.criterion_count();
        let build = || {
            dossier::build(
                black_box(&set),
                entry,
                black_box(&d),
                &a,
                Lang::Vi,
                today,
                dossier::Document::Filing,
            )
        };
        c.bench_function(&format!("dossier build {id} ({n} criteria)"), |b| {
            b.iter(build)
        });
        let doc = build();
        c.bench_function(&format!("dossier render_docx {id}"), |b| {
            b.iter(|| dossier::render_docx(black_box(&doc)))
        });
        c.bench_function(&format!("dossier render_html {id}"), |b| {
            b.iter(|| dossier::render_html(black_box(&doc)))
        });
        c.bench_function(&format!("dossier build + render_docx {id}"), |b| {
            b.iter(|| dossier::render_docx(&build()))
        });
        let draft_json = draft::to_json(&d);
        let rubric_json = embedded::SETS
            .iter()
            .find(|(s, _)| *s == id)
            .map(|(_, text)| *text)
            .unwrap_or_else(|| panic!("{id}"));
        c.bench_function(
            &format!("dossier from_interchange + render_docx {id}"),
            |b| {
                b.iter(|| {
                    let doc = dossier::from_interchange(
                        black_box(&draft_json),
                        black_box(rubric_json),
                        "vi",
                        TODAY,
                        "filing",
                    );
                    dossier::render_docx(&doc.unwrap_or_else(|e| panic!("{e}")))
                })
            },
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
