//! The evidence package (issue 14) with 30 photos: `package::write` and `package::read` (the
//! strict reader: structure, CRC-32, SHA-256 and header of every file). The photos are the
//! fixture certificate (193 KB, 1600 px, as the app stores a photo), 30 copies under 30 ids.
//! Run: `cargo bench --bench package`. Measured 2026-12-01 on the shared 2-core machine (load
//! 9-10): write 61.4 ms, read 61.7 ms, package 5,796,435 bytes; with the pictures deflated
//! instead of stored, write 577 ms and 3,649,035 bytes (the fixture is noise-free).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ocop_self_check::date::Date;
use ocop_self_check::dossier::Files;
use ocop_self_check::draft::attachments;
use ocop_self_check::draft::{Draft, Target};
use ocop_self_check::package;

const PHOTO: &[u8] = include_bytes!("../tests/fixtures/evidence/certificate.jpg");

fn bench(c: &mut Criterion) {
    let mut d = Draft::new("bench", "QD26-07", 0);
    let mut files = Files::new();
    for i in 0..30u64 {
        let id = attachments::file_id(i);
        let a = attachments::describe(
            id.clone(),
            Target::Paper(u8::try_from(i % 15 + 1).unwrap_or(1)),
            "Giấy chứng nhận",
            PHOTO,
            0,
        )
        .expect("fixture");
        d.attachments.push(a);
        files.insert(id, PHOTO.to_vec());
    }
    let today = Date::new(2026, 12, 1);
    let zip = package::write(&d, &files, today).expect("writes");
    eprintln!(
        "package of 30 photos: {} bytes ({} of files)",
        zip.len(),
        30 * PHOTO.len()
    );
    let mut g = c.benchmark_group("package");
    g.sample_size(20);
    g.bench_function("write 30 photos", |b| {
        b.iter(|| package::write(black_box(&d), black_box(&files), today))
    });
    g.bench_function("read 30 photos", |b| {
        b.iter(|| package::read(black_box(&zip)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
