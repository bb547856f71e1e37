//! A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; no
//! ZIP64, no encryption, UTF-8 names) with DEFLATE from `miniz_oxide`. Enough for an OOXML
//! package, at about a third of the `zip` crate's WebAssembly size (measurements in
//! [`super::docx`]). Integration tests read the output back with the `zip` crate.

use crate::date::Date;

/// An entry to store.
pub struct Entry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
}

/// CRC-32 (IEEE 802.3, reflected 0xEDB88320), as ZIP uses it.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    let mut crc = !0u32;
    for b in data {
        crc = TABLE[((crc ^ u32::from(*b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// MS-DOS date and time of `date` at noon (the package has no clock); 1980-01-01 without one.
fn dos_datetime(date: Option<Date>) -> (u16, u16) {
    match date {
        Some(d) if d.year >= 1980 && d.year <= 2107 => (
            ((d.year - 1980) << 9) | (u16::from(d.month) << 5) | u16::from(d.day),
            12 << 11,
        ),
        _ => ((1 << 5) | 1, 0),
    }
}

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// Why a package could not be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// An entry or the whole archive needs ZIP64 (over 4 GiB or 65,535 entries).
    TooLarge,
}

/// Whether a name ends in .jpg, .jpeg or .png (any case): stored without trying DEFLATE.
fn is_compressed_image(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|x| n.ends_with(x))
}

/// The entries as a ZIP archive, each compressed with DEFLATE (or stored when that is not
/// smaller, and always for a .jpg, .jpeg or .png name), in the given order.
pub fn write(entries: &[Entry<'_>], date: Option<Date>) -> Result<Vec<u8>, ZipError> {
    let (dos_date, dos_time) = dos_datetime(date);
    let mut out = Vec::new();
    let mut central = Vec::new();
    let count = u16::try_from(entries.len()).map_err(|_| ZipError::TooLarge)?;
    for e in entries {
        let crc = crc32(e.data);
        // A JPEG or PNG is compressed already: deflating it again costs time for little. Measured
        // 2026-12-01 (benches/package.rs, 30 photos of 193 KB): 61 ms stored, 577 ms deflated;
        // DEFLATE saves 2-7 % of a photo with a camera's noise (36 % only on the noise-free
        // synthetic fixture), about nothing of a PNG.
        let deflated = if is_compressed_image(e.name) {
            Vec::new()
        } else {
            miniz_oxide::deflate::compress_to_vec(e.data, 6)
        };
        let (method, body): (u16, &[u8]) = if !deflated.is_empty() && deflated.len() < e.data.len()
        {
            (8, &deflated)
        } else {
            (0, e.data)
        };
        let size = u32::try_from(e.data.len()).map_err(|_| ZipError::TooLarge)?;
        let csize = u32::try_from(body.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(e.name.len()).map_err(|_| ZipError::TooLarge)?;
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        // Bit 11: the name is UTF-8 (only said when it is not plain ASCII).
        let flags: u16 = if e.name.is_ascii() { 0 } else { 1 << 11 };
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed: 2.0 (deflate)
        u16le(&mut out, flags);
        u16le(&mut out, method);
        u16le(&mut out, dos_time);
        u16le(&mut out, dos_date);
        u32le(&mut out, crc);
        u32le(&mut out, csize);
        u32le(&mut out, size);
        u16le(&mut out, name_len);
        u16le(&mut out, 0); // extra length
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(body);
        // Central directory header.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // version made by: 2.0, MS-DOS
        u16le(&mut central, 20);
        u16le(&mut central, flags);
        u16le(&mut central, method);
        u16le(&mut central, dos_time);
        u16le(&mut central, dos_date);
        u32le(&mut central, crc);
        u32le(&mut central, csize);
        u32le(&mut central, size);
        u16le(&mut central, name_len);
        u16le(&mut central, 0); // extra length
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk number
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(e.name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let cd_size = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    // End of central directory record.
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn archive_has_headers_and_end_record() {
        let big = "Nước mắm ".repeat(100);
        let z = write(
            &[
                Entry {
                    name: "a.txt",
                    data: b"x",
                },
                Entry {
                    name: "b/c.xml",
                    data: big.as_bytes(),
                },
            ],
            Date::new(2026, 11, 29),
        )
        .expect("small archive");
        assert_eq!(&z[..4], &[0x50, 0x4b, 0x03, 0x04]);
        let end = &z[z.len() - 22..];
        assert_eq!(&end[..4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        // The repetitive entry is deflated, the 1-byte one stored.
        assert!(z.len() < big.len() / 2);
        assert_eq!(dos_datetime(None), (33, 0));
        // A picture is stored as it is, even when DEFLATE would shrink it.
        let z = write(
            &[Entry {
                name: "word/media/a.PNG",
                data: big.as_bytes(),
            }],
            None,
        )
        .expect("small archive");
        assert_eq!(u16::from_le_bytes([z[8], z[9]]), 0, "method: stored");
        assert!(z.len() > big.len());
        assert_eq!(
            dos_datetime(Date::new(2026, 11, 29)).0,
            (46 << 9) | (11 << 5) | 29
        );
    }
}
