//! Generating the draft dossier natively: `dossier::build` alone, `render_docx`, `render_html`,
//! build + .docx, and the whole path a download takes in the dossier module
//! (`dossier::from_interchange`: parse the draft and the rubric, assess, build; then .docx);
//! and the filing copy with 30 photos in its annex (issue 14: `certificate.jpg`, 193 kB, under
//! 30 ids over the first criteria), built and written as .docx and as the printable page, its
//! sizes printed once. Run: `cargo bench --bench dossier`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ocop_self_check::assess::assess;
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier;
use ocop_self_check::draft::attachments::{describe, Target};
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

/// The filing copy of a filled QD26-07 draft with 30 photos (the certificate fixture under 30
/// ids, two per criterion over the first 15 criteria).
fn photos(c: &mut Criterion) {
    const PHOTO: &[u8] = include_bytes!("../tests/fixtures/evidence/certificate.jpg");
    let today = parse_date(TODAY).ok();
    let Some(Ok(set)) = embedded::load("QD26-07") else {
        panic!("QD26-07")
    };
    let mut d = Draft::new("bench", "QD26-07", 0);
    d.product.name = "Mứt mận Bắc Hà".into();
    let mut files = dossier::Files::new();
    let codes: Vec<String> = set.criteria().map(|l| l.criterion.code.clone()).collect();
    for i in 0..30 {
        let id = format!("photo{i:02}");
        let target = Target::Criterion(codes[(i / 2) % codes.len()].clone());
        let a = describe(id.clone(), target, "Giấy chứng nhận", PHOTO, 0)
            .unwrap_or_else(|e| panic!("{e:?}"));
        d.attachments.push(a);
        files.insert(id, PHOTO.to_vec());
    }
    let build = || {
        dossier::from_draft_with_files(
            black_box(&set),
            black_box(&d),
            Lang::Vi,
            today,
            dossier::Document::Filing,
            black_box(&files),
        )
    };
    let doc = build();
    assert_eq!(doc.images.len(), 30);
    let docx = dossier::render_docx(&doc);
    let html = dossier::render_html(&doc);
    let photos: usize = files.values().map(Vec::len).sum();
    eprintln!(
        "30 photos ({photos} bytes): .docx {} bytes, printable page {} bytes",
        docx.len(),
        html.len()
    );
    c.bench_function("dossier 30 photos: build QD26-07", |b| b.iter(build));
    c.bench_function("dossier 30 photos: render_docx", |b| {
        b.iter(|| dossier::render_docx(black_box(&doc)))
    });
    c.bench_function("dossier 30 photos: build + render_docx", |b| {
        b.iter(|| dossier::render_docx(&build()))
    });
    c.bench_function("dossier 30 photos: render_html", |b| {
        b.iter(|| dossier::render_html(black_box(&doc)))
    });
}

criterion_group!(benches, bench, photos);
criterion_main!(benches);
