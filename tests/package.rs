//! The evidence package (`ocop_self_check::package`): a round trip read back with the `zip`
//! crate, every bad package of issue 14 refused with its typed error naming the entry, random
//! damage never panicking, and a zip bomb stopped at once.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{Read, Write};

use ocop_self_check::dossier::Files;
use ocop_self_check::draft::attachments::{self, FileProblem, Kind, MAX_IMAGE_BYTES};
use ocop_self_check::draft::{self, Attachment, Draft, ImportErrorKind, Target, MAX_IMPORT_BYTES};
use ocop_self_check::i18n::{package_error, Lang};
use ocop_self_check::package::{
    self, Described, Feature, PackageError, PackageErrorKind as K, MAX_PACKAGE_BYTES,
};
use proptest::prelude::*;

const CERTIFICATE: &[u8] = include_bytes!("fixtures/evidence/certificate.jpg");
const CONTRACT: &[u8] = include_bytes!("fixtures/evidence/contract-rotated.jpg");
const LABEL: &[u8] = include_bytes!("fixtures/evidence/label.png");
const SCAN: &[u8] = include_bytes!("fixtures/evidence/scan.pdf");
const NOT_AN_IMAGE: &[u8] = include_bytes!("fixtures/evidence/not-an-image.jpg");

/// A filled draft with the four good fixtures attached: two criteria and two paper rows.
fn sample() -> (Draft, Files) {
    let set = common::set("QD26-07");
    let mut d = common::filled_draft(&set);
    let mut files = Files::new();
    for (id, target, caption, bytes) in [
        (
            "fcert",
            Target::Criterion("1.1".into()),
            "Giấy chứng nhận",
            CERTIFICATE,
        ),
        (
            "fcontract",
            Target::Criterion("1.5".into()),
            "Hợp đồng",
            CONTRACT,
        ),
        ("flabel", Target::Paper(13), "Nhãn", LABEL),
        ("fscan", Target::Paper(1), "Đăng ký kinh doanh", SCAN),
    ] {
        let a = attachments::describe(id.into(), target, caption, bytes, 1_000).expect("fixture");
        d.attachments.push(a);
        files.insert(id.into(), bytes.to_vec());
    }
    (d, files)
}

fn good() -> Vec<u8> {
    let (d, files) = sample();
    package::write(&d, &files, common::today()).expect("a good package")
}

/// The entries of a ZIP read with the `zip` crate (CRC-checked): name, method, bytes.
fn unzip(bytes: &[u8]) -> Vec<(String, zip::CompressionMethod, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("CRC ok");
            (f.name().to_string(), f.compression(), data)
        })
        .collect()
}

#[test]
fn round_trip_read_back_with_the_zip_crate() {
    let (d, files) = sample();
    let z = package::write(&d, &files, common::today()).expect("writes");
    let p = package::read(&z).expect("reads");
    assert_eq!(p.draft, d);
    assert_eq!(p.files, files);

    let entries = unzip(&z);
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "manifest.json",
            "draft.json",
            "files/fcert.jpg",
            "files/fcontract.jpg",
            "files/flabel.png",
            "files/fscan.pdf"
        ]
    );
    // Pictures are stored as they are; the texts deflated.
    for (name, method, data) in &entries {
        if name.ends_with(".jpg") || name.ends_with(".png") {
            assert_eq!(*method, zip::CompressionMethod::Stored, "{name}");
        }
        if name.ends_with(".json") {
            assert_eq!(*method, zip::CompressionMethod::Deflated, "{name}");
        }
        if let Some(id) = name
            .strip_prefix("files/")
            .and_then(|n| n.split('.').next())
        {
            assert_eq!(Some(data), files.get(id), "{name}");
        }
    }
    assert_eq!(entries[1].2, draft::to_json(&d).as_bytes());
    let m: serde_json::Value = serde_json::from_slice(&entries[0].2).expect("JSON manifest");
    assert_eq!(m["format"], "ocop-self-check/package");
    assert_eq!(m["version"], 1);
    assert_eq!(m["draft"], "draft.json");
    let listed = m["files"].as_array().expect("files");
    assert_eq!(listed.len(), 4);
    assert_eq!(listed[0]["id"], "fcert");
    assert_eq!(listed[0]["path"], "files/fcert.jpg");
    assert_eq!(listed[0]["type"], "image/jpeg");
    assert_eq!(listed[0]["bytes"], CERTIFICATE.len());
    assert_eq!(listed[0]["sha256"], attachments::sha256_hex(CERTIFICATE));
    assert_eq!(listed[3]["type"], "application/pdf");

    // Files the draft does not describe are left out; an empty draft makes a package too.
    let mut more = files.clone();
    more.insert("other".into(), b"x".to_vec());
    assert_eq!(package::write(&d, &more, common::today()).as_ref(), Ok(&z));
    let empty = Draft::new("e", "QD26-07", 0);
    let p = package::read(&package::write(&empty, &Files::new(), None).expect("writes"))
        .expect("reads");
    assert_eq!((p.draft, p.files.len()), (empty, 0));
}

#[test]
fn write_refuses_files_that_are_missing_or_do_not_match() {
    let (d, files) = sample();
    let mut fewer = files.clone();
    fewer.remove("flabel");
    assert_eq!(
        package::write(&d, &fewer, None),
        Err(PackageError::new("files/flabel.png", K::NoBytes))
    );
    let mut changed = files.clone();
    changed.insert("fscan".into(), [SCAN, b" "].concat());
    assert_eq!(
        package::write(&d, &changed, None),
        Err(PackageError::new(
            "files/fscan.pdf",
            K::SizeMismatch {
                expected: SCAN.len() as u64,
                found: SCAN.len() as u64 + 1,
                by: Described::Draft
            }
        ))
    );
    let mut flipped = files.clone();
    let mut scan = SCAN.to_vec();
    scan[100] ^= 1;
    flipped.insert("fscan".into(), scan);
    assert_eq!(
        package::write(&d, &flipped, None),
        Err(PackageError::new(
            "files/fscan.pdf",
            K::ChecksumMismatch {
                by: Described::Draft
            }
        ))
    );
}

// ---- a raw ZIP writer, to make packages our writer never would -----------------------------

/// One entry as written: everything a bad package may need to get wrong.
#[derive(Clone)]
struct Raw {
    name: Vec<u8>,
    /// Uncompressed bytes.
    data: Vec<u8>,
    method: u16,
    flags: u16,
    /// The compressed bytes, when not `data` deflated (or stored).
    body: Option<Vec<u8>>,
    crc: Option<u32>,
    /// Declared uncompressed size, when not `data`'s.
    size: Option<u32>,
    local_name: Option<Vec<u8>>,
    local_crc: Option<u32>,
    extra: Vec<u8>,
    external: u32,
    /// Bytes written before the local header (hidden data).
    gap: Vec<u8>,
}

fn raw(name: &str, data: &[u8]) -> Raw {
    Raw {
        name: name.as_bytes().to_vec(),
        data: data.to_vec(),
        method: if name.ends_with(".json") { 8 } else { 0 },
        flags: 0,
        body: None,
        crc: None,
        size: None,
        local_name: None,
        local_crc: None,
        extra: Vec::new(),
        external: 0o100_644 << 16,
        gap: Vec::new(),
    }
}

fn crc(data: &[u8]) -> u32 {
    let mut c = flate2::Crc::new();
    c.update(data);
    c.sum()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).expect("deflate");
    e.finish().expect("deflate")
}

fn zip_of(entries: &[Raw]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut cd = Vec::new();
    let p16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let p32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for e in entries {
        let body = e.body.clone().unwrap_or_else(|| {
            if e.method == 8 {
                deflate(&e.data)
            } else {
                e.data.clone()
            }
        });
        let c = e.crc.unwrap_or_else(|| crc(&e.data));
        let size = e.size.unwrap_or(e.data.len() as u32);
        out.extend_from_slice(&e.gap);
        let offset = out.len() as u32;
        let local_name = e.local_name.clone().unwrap_or_else(|| e.name.clone());
        p32(&mut out, 0x0403_4b50);
        p16(&mut out, 20);
        p16(&mut out, e.flags);
        p16(&mut out, e.method);
        p16(&mut out, 0);
        p16(&mut out, 33);
        p32(&mut out, e.local_crc.unwrap_or(c));
        p32(&mut out, body.len() as u32);
        p32(&mut out, size);
        p16(&mut out, local_name.len() as u16);
        p16(&mut out, e.extra.len() as u16);
        out.extend_from_slice(&local_name);
        out.extend_from_slice(&e.extra);
        out.extend_from_slice(&body);
        p32(&mut cd, 0x0201_4b50);
        p16(&mut cd, 0x0314);
        p16(&mut cd, 20);
        p16(&mut cd, e.flags);
        p16(&mut cd, e.method);
        p16(&mut cd, 0);
        p16(&mut cd, 33);
        p32(&mut cd, c);
        p32(&mut cd, body.len() as u32);
        p32(&mut cd, size);
        p16(&mut cd, e.name.len() as u16);
        p16(&mut cd, e.extra.len() as u16);
        p16(&mut cd, 0);
        p16(&mut cd, 0);
        p16(&mut cd, 0);
        p32(&mut cd, e.external);
        p32(&mut cd, offset);
        cd.extend_from_slice(&e.name);
        cd.extend_from_slice(&e.extra);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&cd);
    p32(&mut out, 0x0605_4b50);
    p16(&mut out, 0);
    p16(&mut out, 0);
    p16(&mut out, entries.len() as u16);
    p16(&mut out, entries.len() as u16);
    p32(&mut out, cd.len() as u32);
    p32(&mut out, cd_offset);
    p16(&mut out, 0);
    out
}

/// The good package's entries, to be changed and written again with [`zip_of`].
fn good_entries() -> Vec<Raw> {
    unzip(&good())
        .into_iter()
        .map(|(n, _, d)| raw(&n, &d))
        .collect()
}

fn read_err(bytes: &[u8]) -> PackageError {
    match package::read(bytes) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

/// `read` refuses `entries` with `kind`, naming `entry`; the message in both languages names it.
fn refused(entries: &[Raw], entry: &str, kind: K) {
    let e = read_err(&zip_of(entries));
    assert_eq!(e, PackageError::new(entry, kind), "{e:?}");
    for lang in [Lang::Vi, Lang::En] {
        let m = package_error(lang, &e);
        assert!(entry.is_empty() || m.contains(entry), "{m}");
    }
}

#[test]
fn our_raw_writer_makes_a_good_package_from_good_entries() {
    let p = package::read(&zip_of(&good_entries())).expect("the same entries read");
    assert_eq!(p.files, sample().1);
}

#[test]
fn missing_extra_and_renamed_entries() {
    let e = good_entries();
    let without = |name: &str| -> Vec<Raw> {
        e.iter()
            .filter(|x| x.name != name.as_bytes())
            .cloned()
            .collect()
    };
    refused(&without("files/flabel.png"), "files/flabel.png", K::Missing);
    refused(&without("draft.json"), "draft.json", K::Missing);
    refused(&without("manifest.json"), "manifest.json", K::Missing);
    let mut moved = e.clone();
    moved.swap(0, 1);
    refused(&moved, "manifest.json", K::ManifestNotFirst);
    let mut extra = e.clone();
    extra.push(raw("notes.txt", b"hello"));
    refused(&extra, "notes.txt", K::Unlisted { missing: None });
    let mut renamed = e.clone();
    renamed[4].name = b"files/flabel2.png".to_vec();
    refused(
        &renamed,
        "files/flabel2.png",
        K::Unlisted {
            missing: Some("files/flabel.png".into()),
        },
    );
    let mut folder = e.clone();
    folder.push(raw("files/", b""));
    refused(&folder, "files/", K::NotAFile);
    let mut link = e.clone();
    link[2].external = 0o120_777 << 16;
    refused(&link, "files/fcert.jpg", K::NotAFile);
}

#[test]
fn duplicate_names_also_by_case_and_dot_segments() {
    let e = good_entries();
    for twin in [
        "files/fscan.pdf",
        "FILES/FScan.PDF",
        "files/./fscan.pdf",
        "files//fscan.pdf",
    ] {
        let mut dup = e.clone();
        let mut copy = e[5].clone();
        copy.name = twin.as_bytes().to_vec();
        dup.push(copy);
        refused(
            &dup,
            twin,
            K::Duplicate {
                first: "files/fscan.pdf".into(),
            },
        );
    }
}

#[test]
fn unsafe_names() {
    for name in [
        "../evil.txt",
        "files/../../evil.txt",
        "/etc/passwd",
        "\\evil.txt",
        "files\\fscan.pdf",
        "C:evil.txt",
        "c:/evil.txt",
        "files/fscan.pdf:x",
        "bell\u{7}.txt",
        "line\nbreak.txt",
    ] {
        let mut e = good_entries();
        e.push(raw(name, b"x"));
        refused(&e, name, K::UnsafeName);
    }
    let mut e = good_entries();
    let mut bad = raw("x", b"x");
    bad.name = b"caf\xe9.txt".to_vec();
    e.push(bad);
    refused(&e, "caf\u{fffd}.txt", K::UnsafeName);
}

#[test]
fn zip_features_packages_do_not_use() {
    let e = good_entries();
    let with = |f: &dyn Fn(&mut Raw)| -> Vec<Raw> {
        let mut x = e.clone();
        f(&mut x[2]);
        x
    };
    let cert = "files/fcert.jpg";
    refused(
        &with(&|r| r.flags = 1),
        cert,
        K::Unsupported(Feature::Encryption),
    );
    refused(
        &with(&|r| r.method = 99),
        cert,
        K::Unsupported(Feature::Encryption),
    );
    refused(
        &with(&|r| r.flags = 1 << 3),
        cert,
        K::Unsupported(Feature::DataDescriptor),
    );
    refused(
        &with(&|r| r.method = 12),
        cert,
        K::Unsupported(Feature::Method(12)),
    );
    refused(
        &with(&|r| r.method = 14),
        cert,
        K::Unsupported(Feature::Method(14)),
    );
    refused(
        &with(&|r| r.extra = vec![1, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        cert,
        K::Unsupported(Feature::Zip64),
    );
    // The end record: ZIP64 sizes, another disk.
    let good = zip_of(&e);
    let end = good.len() - 22;
    let mut z64 = good.clone();
    z64[end + 8..end + 12].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert_eq!(
        read_err(&z64),
        PackageError::new("", K::Unsupported(Feature::Zip64))
    );
    let mut disk = good.clone();
    disk[end + 4] = 1;
    assert_eq!(
        read_err(&disk),
        PackageError::new("", K::Unsupported(Feature::MultiDisk))
    );
    let mut split = good.clone();
    split.splice(0..0, [0x50, 0x4b, 0x07, 0x08]);
    assert_eq!(
        read_err(&split),
        PackageError::new("", K::Unsupported(Feature::MultiDisk))
    );
}

#[test]
fn local_and_central_headers_must_agree_and_lie_end_to_end() {
    let e = good_entries();
    let mut name = e.clone();
    name[3].local_name = Some(b"files/fcontrac.jpg".to_vec());
    let e3 = "files/fcontract.jpg";
    // A shorter local name shifts the next entries: the header check comes first.
    refused(&name, e3, K::HeaderMismatch);
    let mut c = e.clone();
    c[3].local_crc = Some(7);
    refused(&c, e3, K::HeaderMismatch);
    // Bytes hidden between two entries, or before the first.
    let mut hidden = e.clone();
    hidden[3].gap = b"hidden".to_vec();
    refused(&hidden, e3, K::Damaged);
    let mut before = e.clone();
    before[0].gap = b"MZ".to_vec();
    refused(&before, "manifest.json", K::Damaged);
    let good = zip_of(&e);
    assert!(matches!(
        read_err(&good[..good.len() - 1]),
        PackageError {
            kind: K::NotAZip,
            ..
        }
    ));
    assert_eq!(
        read_err(b"not a zip at all"),
        PackageError::new("", K::NotAZip)
    );
    assert!(package::read(&good[..good.len() / 2]).is_err());
}

#[test]
fn declared_sizes_over_the_limits() {
    let e = good_entries();
    let sized = |i: usize, size: u32| -> Vec<Raw> {
        let mut x = e.clone();
        x[i].size = Some(size);
        x
    };
    refused(
        &sized(1, MAX_IMPORT_BYTES as u32 + 1),
        "draft.json",
        K::TooLarge {
            bytes: MAX_IMPORT_BYTES as u64 + 1,
            limit: MAX_IMPORT_BYTES as u64,
        },
    );
    refused(
        &sized(2, MAX_IMAGE_BYTES as u32 + 1),
        "files/fcert.jpg",
        K::TooLarge {
            bytes: MAX_IMAGE_BYTES + 1,
            limit: MAX_IMAGE_BYTES,
        },
    );
    refused(
        &sized(0, 300_000),
        "manifest.json",
        K::TooLarge {
            bytes: 300_000,
            limit: package::MAX_MANIFEST_BYTES,
        },
    );
    refused(
        &sized(5, 10_000_001),
        "files/fscan.pdf",
        K::TooLarge {
            bytes: 10_000_001,
            limit: 10_000_000,
        },
    );
    // A stored entry's sizes must be equal.
    refused(&sized(2, 5), "files/fcert.jpg", K::Damaged);
    // A declared size DEFLATE could never reach from these few bytes (over 1032:1).
    let mut bomb = e.clone();
    bomb[2].method = 8;
    bomb[2].body = Some(deflate(b"x"));
    bomb[2].size = Some(1_000_000);
    refused(
        &bomb,
        "files/fcert.jpg",
        K::Bomb {
            compressed: deflate(b"x").len() as u64,
            declared: 1_000_000,
        },
    );
    // Each file within its limit, all of them together over the draft's (200 MB): 21 PDFs
    // declaring 10 MB each from 9.7 KB (a ratio DEFLATE can reach).
    let mut all = e.clone();
    for i in 0..21 {
        let mut x = raw(&format!("files/x{i}.pdf"), b"");
        x.method = 8;
        x.body = Some(vec![0; 9_700]);
        x.size = Some(10_000_000);
        all.push(x);
    }
    let err = read_err(&zip_of(&all));
    let total_limit =
        attachments::MAX_DRAFT_FILE_BYTES + MAX_IMPORT_BYTES as u64 + package::MAX_MANIFEST_BYTES;
    assert!(
        matches!(&err.kind, K::TooLarge { bytes, limit } if *limit == total_limit && *bytes > total_limit),
        "{err:?}"
    );
    assert_eq!(err.entry, "files/x20.pdf");
    let huge = vec![0u8; MAX_PACKAGE_BYTES as usize + 1];
    assert_eq!(
        read_err(&huge),
        PackageError::new(
            "",
            K::TooLarge {
                bytes: MAX_PACKAGE_BYTES + 1,
                limit: MAX_PACKAGE_BYTES
            }
        )
    );
    let mut many = e.clone();
    for i in 0..400 {
        many.push(raw(&format!("x{i}"), b""));
    }
    refused(
        &many,
        "",
        K::TooManyEntries {
            count: 406,
            limit: package::MAX_ENTRIES,
        },
    );
}

#[test]
fn a_zip_bomb_is_stopped_at_its_declared_size_without_inflating_it() {
    // 1 GiB of zeros deflates to about 1 MB; the entry says it is 1,000 bytes.
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..1024 {
        enc.write_all(&chunk).expect("deflate");
    }
    let bomb = enc.finish().expect("deflate");
    let mut e = good_entries();
    e[1].body = Some(bomb);
    e[1].size = Some(1_000);
    let z = zip_of(&e);
    let t = std::time::Instant::now();
    let err = read_err(&z);
    let took = t.elapsed();
    assert_eq!(
        err,
        PackageError::new("draft.json", K::InflatesPastSize { declared: 1_000 })
    );
    assert!(took.as_millis() < 500, "took {took:?}");
}

#[test]
fn corrupt_data_and_checksums() {
    let e = good_entries();
    let mut c = e.clone();
    c[1].crc = Some(crc(&c[1].data) ^ 1);
    refused(&c, "draft.json", K::CrcMismatch);
    let mut c = e.clone();
    c[2].crc = Some(crc(&c[2].data) ^ 1);
    refused(&c, "files/fcert.jpg", K::CrcMismatch);
    let mut d = e.clone();
    let mut body = deflate(&d[1].data);
    let n = body.len();
    body.truncate(n / 2);
    d[1].body = Some(body);
    refused(&d, "draft.json", K::CorruptData);
    // Bytes after the end of the DEFLATE stream (data smuggled inside the entry).
    let mut trailing = e.clone();
    trailing[1].body = Some([deflate(&trailing[1].data), b"smuggled".to_vec()].concat());
    refused(&trailing, "draft.json", K::CorruptData);
    let mut junk = e.clone();
    junk[0].body = Some(vec![0xFF; 40]);
    refused(&junk, "manifest.json", K::CorruptData);
}

/// The good package's manifest and draft as JSON values, to be changed.
fn manifest_and_draft() -> (serde_json::Value, serde_json::Value) {
    let e = good_entries();
    (
        serde_json::from_slice(&e[0].data).expect("manifest"),
        serde_json::from_slice(&e[1].data).expect("draft"),
    )
}

fn with_texts(manifest: &serde_json::Value, draft: &serde_json::Value) -> Vec<Raw> {
    let mut e = good_entries();
    e[0] = raw("manifest.json", manifest.to_string().as_bytes());
    e[1] = raw("draft.json", draft.to_string().as_bytes());
    e
}

#[test]
fn manifest_draft_and_bytes_must_agree() {
    let (m, d) = manifest_and_draft();
    // The manifest says another size than the draft.
    let mut m2 = m.clone();
    m2["files"][1]["bytes"] = 5.into();
    refused(
        &with_texts(&m2, &d),
        "draft.json",
        K::Disagree {
            id: "fcontract".into(),
            what: "bytes",
        },
    );
    let mut m2 = m.clone();
    m2["files"][1]["sha256"] = "0".repeat(64).into();
    refused(
        &with_texts(&m2, &d),
        "draft.json",
        K::Disagree {
            id: "fcontract".into(),
            what: "sha256",
        },
    );
    // Both say the same wrong checksum: the bytes disagree.
    let mut d2 = d.clone();
    m2["files"][1]["sha256"] = "a".repeat(64).into();
    d2["attachments"][1]["sha256"] = "a".repeat(64).into();
    refused(
        &with_texts(&m2, &d2),
        "files/fcontract.jpg",
        K::ChecksumMismatch {
            by: Described::Manifest,
        },
    );
    // Both say one byte more than the file has.
    let (mut m3, mut d3) = (m.clone(), d.clone());
    let n = CONTRACT.len() as u64;
    m3["files"][1]["bytes"] = (n + 1).into();
    d3["attachments"][1]["bytes"] = (n + 1).into();
    refused(
        &with_texts(&m3, &d3),
        "files/fcontract.jpg",
        K::SizeMismatch {
            expected: n + 1,
            found: n,
            by: Described::Manifest,
        },
    );
    // A file the draft does not describe, a description with no file.
    let mut d4 = d.clone();
    d4["attachments"].as_array_mut().expect("list").remove(2);
    refused(
        &with_texts(&m, &d4),
        "files/flabel.png",
        K::NotDescribed {
            id: "flabel".into(),
            in_draft: false,
        },
    );
    let mut m4 = m.clone();
    m4["files"].as_array_mut().expect("list").remove(2);
    let mut e = with_texts(&m4, &d);
    e.remove(4);
    refused(
        &e,
        "draft.json",
        K::NotDescribed {
            id: "flabel".into(),
            in_draft: true,
        },
    );
}

#[test]
fn a_file_is_what_its_first_bytes_say() {
    let (m, d) = manifest_and_draft();
    // A PNG's bytes under a JPEG's description (path, type, size and checksum all "right").
    let (mut m2, mut d2) = (m.clone(), d.clone());
    for (k, v) in [
        ("bytes", serde_json::Value::from(LABEL.len())),
        ("sha256", attachments::sha256_hex(LABEL).into()),
    ] {
        m2["files"][0][k] = v.clone();
        d2["attachments"][0][k] = v;
    }
    let mut e = with_texts(&m2, &d2);
    e[2] = raw("files/fcert.jpg", LABEL);
    refused(
        &e,
        "files/fcert.jpg",
        K::TypeMismatch {
            declared: Kind::Jpeg,
            found: Some(Kind::Png),
        },
    );
    // Text named .jpg.
    for (k, v) in [
        ("bytes", serde_json::Value::from(NOT_AN_IMAGE.len())),
        ("sha256", attachments::sha256_hex(NOT_AN_IMAGE).into()),
    ] {
        m2["files"][0][k] = v.clone();
        d2["attachments"][0][k] = v;
    }
    let mut e = with_texts(&m2, &d2);
    e[2] = raw("files/fcert.jpg", NOT_AN_IMAGE);
    refused(
        &e,
        "files/fcert.jpg",
        K::TypeMismatch {
            declared: Kind::Jpeg,
            found: None,
        },
    );
    // A JPEG whose header claims 10000 × 10000 pixels.
    let mut big = CERTIFICATE.to_vec();
    let sof = big
        .windows(2)
        .position(|w| w == [0xFF, 0xC0] || w == [0xFF, 0xC2])
        .expect("a frame header");
    big[sof + 5..sof + 9].copy_from_slice(&[0x27, 0x10, 0x27, 0x10]);
    for (k, v) in [
        ("bytes", serde_json::Value::from(big.len())),
        ("sha256", attachments::sha256_hex(&big).into()),
    ] {
        m2["files"][0][k] = v.clone();
        d2["attachments"][0][k] = v;
    }
    let mut e = with_texts(&m2, &d2);
    e[2] = raw("files/fcert.jpg", &big);
    refused(
        &e,
        "files/fcert.jpg",
        K::File(FileProblem::TooManyPixels {
            width: 10_000,
            height: 10_000,
        }),
    );
}

#[test]
fn a_bad_manifest_or_draft() {
    let (m, d) = manifest_and_draft();
    let manifest_err = |m: &serde_json::Value| read_err(&zip_of(&with_texts(m, &d)));
    let mut m2 = m.clone();
    m2["format"] = "ocop-self-check/draft".into();
    assert_eq!(
        manifest_err(&m2),
        PackageError::new(
            "manifest.json",
            K::NotAPackage {
                found: "ocop-self-check/draft".into()
            }
        )
    );
    let mut m2 = m.clone();
    m2["version"] = 2.into();
    assert_eq!(
        manifest_err(&m2),
        PackageError::new("manifest.json", K::UnsupportedVersion { found: "2".into() })
    );
    let mut m2 = m.clone();
    m2["files"][0]["path"] = "files/../fcert.jpg".into();
    match manifest_err(&m2) {
        PackageError {
            entry,
            kind: K::Manifest(ie),
        } => {
            assert_eq!(entry, "manifest.json");
            assert_eq!(ie.field, "files.0.path");
        }
        other => panic!("{other:?}"),
    }
    let mut m2 = m.clone();
    m2["files"][0]
        .as_object_mut()
        .expect("object")
        .remove("sha256");
    assert!(matches!(
        manifest_err(&m2),
        PackageError { kind: K::Manifest(ie), .. } if ie.field == "files.0.sha256" && ie.kind == ImportErrorKind::Missing
    ));
    let mut e = good_entries();
    e[0] = raw("manifest.json", b"{\"format\":1,\"format\":2}");
    assert!(matches!(
        read_err(&zip_of(&e)),
        PackageError { kind: K::Manifest(ie), .. } if matches!(ie.kind, ImportErrorKind::DuplicateKey { .. })
    ));
    let mut e = good_entries();
    e[1] = raw("draft.json", b"{not json");
    let err = read_err(&zip_of(&e));
    assert!(matches!(
        &err,
        PackageError { entry, kind: K::Draft(ie) } if entry == "draft.json" && matches!(ie.kind, ImportErrorKind::NotJson { .. })
    ));
    // The ImportError inside is worded as for a draft file.
    assert!(package_error(Lang::Vi, &err).contains("không phải JSON"));
    let mut d2 = d.clone();
    d2["attachments"][0]["id"] = "../x".into();
    assert!(matches!(
        read_err(&zip_of(&with_texts(&m, &d2))),
        PackageError { kind: K::Draft(ie), .. } if ie.field == "attachments.0.id"
    ));
}

#[test]
fn every_message_names_its_entry_in_both_languages() {
    let e = PackageError::new("files/fcert.jpg", K::CrcMismatch);
    let vi = package_error(Lang::Vi, &e);
    let en = package_error(Lang::En, &e);
    assert!(
        vi.contains("“files/fcert.jpg”") && vi.contains("Hãy"),
        "{vi}"
    );
    assert!(
        en.contains("“files/fcert.jpg”") && en.contains("again"),
        "{en}"
    );
    assert_ne!(vi, en);
}

// ---- random damage --------------------------------------------------------------------------

/// A small good package (one PNG, one PDF) for the property tests.
fn small() -> (Vec<u8>, package::Package) {
    let mut d = Draft::new("p", "QD26-07", 0);
    let mut files = Files::new();
    for (id, target, bytes) in [
        ("fa", Target::Criterion("1.1".into()), LABEL),
        ("fb", Target::Paper(2), SCAN),
    ] {
        let a: Attachment =
            attachments::describe(id.into(), target, "x", bytes, 0).expect("fixture");
        d.attachments.push(a);
        files.insert(id.into(), bytes.to_vec());
    }
    let z = package::write(&d, &files, None).expect("writes");
    (z, package::Package { draft: d, files })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn damage_is_refused_or_changes_nothing(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        cut in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let (z, original) = small();
        let mut bad = z.clone();
        for (at, x) in &flips {
            let i = at.index(bad.len());
            bad[i] ^= x;
        }
        if let Some(c) = cut {
            bad.truncate(c.index(bad.len()));
        }
        if let Ok(p) = package::read(&bad) {
            prop_assert_eq!(p, original.clone());
        }
    }
}
