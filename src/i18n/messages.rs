//! The wording of what the user typed or brought in: the details' labels, what is wrong with a
//! detail, why an imported file or a share link was refused, why there is no QR code.

use crate::draft::{
    DateError, EmailError, Expected, Field, GroundMismatch, ImportError, ImportErrorKind,
    PhoneError, Problem,
};
use crate::lang::Lang;
use crate::share::{QrError, ShareError};

fn pick(lang: Lang, vi: String, en: String) -> String {
    lang.pick(vi, en)
}

fn expected_vi(e: Expected) -> &'static str {
    match e {
        Expected::Object => "một đối tượng JSON { … }",
        Expected::Text => "một chuỗi văn bản",
        Expected::WholeNumber => "một số nguyên không âm",
        Expected::Position => "số thứ tự của mức (1, 2, 3 …)",
        Expected::TrueFalse => "true hoặc false",
        Expected::CodeList => "một danh sách mã tiêu chí",
        Expected::Code => "một mã tiêu chí",
        Expected::List => "một danh sách [ … ]",
        Expected::Number => "một số nguyên không âm",
    }
}

fn expected_en(e: Expected) -> &'static str {
    match e {
        Expected::Object => "a JSON object { … }",
        Expected::Text => "a string",
        Expected::WholeNumber => "a non-negative integer",
        Expected::Position => "a level position (1, 2, 3 …)",
        Expected::TrueFalse => "true or false",
        Expected::CodeList => "a list of criterion codes",
        Expected::Code => "a criterion code",
        Expected::List => "a list [ … ]",
        Expected::Number => "a non-negative integer",
    }
}

/// An import error in words, naming the field.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    use ImportErrorKind::*;
    let field = e.field.as_str();
    let (vi, en) = match &e.kind {
        TooLarge { bytes, limit } => (
            format!("Tệp quá lớn ({bytes} byte; tối đa {limit})."),
            format!("The file is too large ({bytes} bytes; the limit is {limit})."),
        ),
        NotUtf8 { byte } => (
            format!("Tệp không phải văn bản UTF-8 (byte {byte})."),
            format!("The file is not UTF-8 text (byte {byte})."),
        ),
        NotJson { line, column } => (
            format!("Tệp không phải JSON (dòng {line}, cột {column})."),
            format!("The file is not JSON (line {line}, column {column})."),
        ),
        WrongFormat { .. } => (
            "Tệp không phải bản nháp của Tự đánh giá OCOP.".to_string(),
            "The file is not an OCOP self-check draft.".to_string(),
        ),
        UnsupportedVersion { found } => (
            format!("Phiên bản {found} của tệp chưa được hỗ trợ."),
            format!("Version {found} of the file is not supported."),
        ),
        TooDeep { line, column } => (
            format!("Tệp lồng nhau quá sâu (quá 128 tầng; dòng {line}, cột {column}): không phải bản nháp."),
            format!("The file is nested too deep (over 128 levels; line {line}, column {column}): not a draft."),
        ),
        DuplicateKey { key } => (
            format!("Trường “{key}” xuất hiện hai lần trong tệp; không rõ giá trị nào đúng nên tệp không được nhận."),
            format!("The field “{key}” appears twice in the file; it is unclear which value counts, so the file is refused."),
        ),
        WrongType { expected } if field.is_empty() => (
            format!("Nội dung tệp có kiểu dữ liệu sai (cần: {}).", expected_vi(*expected)),
            format!("The file's content has the wrong type (expected {}).", expected_en(*expected)),
        ),
        WrongType { expected } => (
            format!("Trường “{field}” có kiểu dữ liệu sai (cần: {}).", expected_vi(*expected)),
            format!("Field “{field}” has the wrong type (expected {}).", expected_en(*expected)),
        ),
        NotAPosition { code, position } => (
            format!("Tiêu chí {code} không có mức {position}: các mức được đánh số 1, 2, 3…"),
            format!("Criterion {code} has no level {position}: levels are numbered 1, 2, 3…"),
        ),
        Missing => (
            format!("Thiếu trường “{field}”."),
            format!("Field “{field}” is missing."),
        ),
        UnknownRubric { found } => (
            format!("Bộ tiêu chí “{found}” không phải bộ tiêu chí theo Quyết định 26/2026/QĐ-TTg."),
            format!("Rubric “{found}” is not the one of Decision 26/2026/QĐ-TTg."),
        ),
        UnknownProductSet { found } => (
            format!("Không có bộ sản phẩm “{found}”."),
            format!("There is no product set “{found}”."),
        ),
        UnknownCriterion { code } => (
            format!("Bộ sản phẩm này không có tiêu chí {code} (trường “{field}”)."),
            format!("This product set has no criterion {code} (field “{field}”)."),
        ),
        InvalidPosition {
            code,
            position,
            levels,
        } => (
            format!("Tiêu chí {code} có các mức 1–{levels}, không có mức {position}."),
            format!("Criterion {code} has levels 1–{levels}, not {position}."),
        ),
        InvalidValue { found } => (
            format!("Trường “{field}” có giá trị không hợp lệ: {found}."),
            format!("Field “{field}” has an invalid value: {found}."),
        ),
        InvalidAttachment { found } => (
            format!("Mô tả tệp minh chứng “{field}” không hợp lệ ({found}): chỉ nhận ảnh JPEG, PNG hoặc tệp PDF, mỗi tệp một mã riêng, trong giới hạn dung lượng."),
            format!("The evidence file description “{field}” is not acceptable ({found}): only JPEG or PNG images and PDF files, each with its own id, within the size limits."),
        ),
    };
    pick(lang, vi, en)
}

/// A field of a draft file, as `draft::clipped_fields` names it ("title", "evidence.1.1",
/// "product.certificates"), in the user's words.
pub fn file_field_label(lang: Lang, path: &str) -> String {
    use crate::draft::Part;
    if path == "title" {
        return lang.pick("tên bản nháp", "draft name").to_string();
    }
    if let Some(code) = path.strip_prefix("evidence.") {
        return lang.pick(
            format!("ghi chú tiêu chí {code}"),
            format!("note on criterion {code}"),
        );
    }
    let found = Part::ALL.into_iter().find_map(|(part, name)| {
        let member = path.strip_prefix(name)?.strip_prefix('.')?;
        Field::ALL
            .into_iter()
            .find(|f| f.part() == part && f.member() == member)
    });
    match found {
        Some(f) => field_label(lang, f).to_string(),
        None => path.to_string(),
    }
}

/// A detail's label as the forms word it (Vietnamese) or its English gloss.
pub fn field_label(lang: Lang, f: Field) -> &'static str {
    let (vi, en) = match f {
        Field::ProducerName => ("Tên chủ thể", "Name of the producer"),
        Field::OrganisationType => ("Loại hình tổ chức", "Type of organisation"),
        Field::Address => ("Địa chỉ liên hệ", "Contact address"),
        Field::Phone => ("Điện thoại", "Phone"),
        Field::Email => ("Email", "E-mail"),
        Field::RepresentativeName => (
            "Họ và tên người đại diện theo pháp luật",
            "Legal representative",
        ),
        Field::RepresentativeTitle => ("Chức vụ", "Position"),
        Field::RepresentativeGender => ("Giới tính", "Gender"),
        Field::RepresentativeEthnicity => ("Dân tộc", "Ethnicity"),
        Field::RepresentativeDisability => ("Tình trạng khuyết tật", "Disability status"),
        Field::RepresentativeAddress => ("Địa chỉ thường trú", "Permanent address"),
        Field::RegistrationNumber => (
            "Số giấy chứng nhận đăng ký kinh doanh / mã số",
            "Business registration number",
        ),
        Field::RegistrationDate => (
            "Ngày thành lập / đăng ký kinh doanh",
            "Date of founding / registration",
        ),
        Field::ProductName => ("Tên sản phẩm", "Product name"),
        Field::Specification => ("Quy cách sản phẩm", "Product specification"),
        Field::Standard => ("Tiêu chuẩn áp dụng", "Standard applied"),
        Field::Certificates => (
            "Giấy chứng nhận, điều kiện sản xuất",
            "Certificates and production conditions",
        ),
        Field::IntellectualProperty => ("Sở hữu trí tuệ", "Intellectual property"),
        Field::History => ("Lịch sử hình thành của chủ thể", "History of the producer"),
        Field::Organisation => ("Cơ cấu tổ chức của chủ thể", "Organisation of the producer"),
        Field::Materials => (
            "Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói",
            "Raw materials, production, processing and packing technology",
        ),
        Field::QualityChanges => (
            "Sự thay đổi về chất lượng sản phẩm",
            "Changes in the product's quality",
        ),
        Field::Markets => ("Thị trường phân phối sản phẩm", "Distribution markets"),
        Field::Results => (
            "Kết quả sản xuất, kinh doanh",
            "Production and business results",
        ),
        Field::RevenuePrev => (
            "Doanh thu hai năm trước (triệu đồng)",
            "Revenue two years ago (million VND)",
        ),
        Field::RevenueLast => (
            "Doanh thu năm trước (triệu đồng)",
            "Revenue last year (million VND)",
        ),
        Field::ProfitPrev => (
            "Lợi nhuận hai năm trước (triệu đồng)",
            "Profit two years ago (million VND)",
        ),
        Field::ProfitLast => (
            "Lợi nhuận năm trước (triệu đồng)",
            "Profit last year (million VND)",
        ),
        Field::Plan => (
            "Kế hoạch sản xuất, kinh doanh",
            "Production and business plan",
        ),
        Field::Recognition => (
            "Sản phẩm OCOP đã được công nhận (quyết định, số sao)",
            "OCOP recognition in force (decision, stars)",
        ),
        Field::RecognitionDate => (
            "Ngày quyết định công nhận",
            "Date of the recognition decision",
        ),
        Field::Changes => (
            "Những thay đổi so với sản phẩm OCOP đã được công nhận",
            "Changes from the recognised OCOP product",
        ),
        Field::Updates => (
            "Nội dung mới và kết quả sau thời gian được công nhận",
            "What is new since recognition",
        ),
        Field::ExpiringPapers => ("Giấy tờ pháp lý có thời hạn", "Time-limited legal papers"),
    };
    lang.pick(vi, en)
}

/// A yearly figure of Mẫu 02 Part II with its year, as the filing copy's table prints it: the
/// two years before `filing_year`. "Doanh thu năm 2024 (triệu đồng)" / "Revenue 2024 (million
/// VND)". Any other field: its label.
pub fn figure_label(lang: Lang, f: Field, filing_year: u16) -> String {
    let (vi, en, back) = match f {
        Field::RevenuePrev => ("Doanh thu", "Revenue", 2),
        Field::RevenueLast => ("Doanh thu", "Revenue", 1),
        Field::ProfitPrev => ("Lợi nhuận", "Profit", 2),
        Field::ProfitLast => ("Lợi nhuận", "Profit", 1),
        _ => return field_label(lang, f).to_string(),
    };
    let year = filing_year.saturating_sub(back);
    match lang {
        Lang::Vi => format!("{vi} năm {year} (triệu đồng)"),
        Lang::En => format!("{en} {year} (million VND)"),
    }
}

/// What is wrong with a detail, in words (the details form and the dossier's list).
pub fn problem(lang: Lang, p: &Problem) -> &'static str {
    let (vi, en) = match p {
            Problem::Missing => ("cần bổ sung", "to be completed"),
            Problem::Phone(PhoneError::Empty) | Problem::Email(EmailError::Empty) => {
                ("cần bổ sung", "to be completed")
            }
            Problem::Phone(PhoneError::Characters) => (
                "số điện thoại chỉ gồm chữ số (có thể có +84, dấu cách, dấu chấm)",
                "a phone number has digits only (+84, spaces and dots allowed)",
            ),
            Problem::Phone(PhoneError::Length) => (
                "số điện thoại cần 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số bắt đầu bằng 02 (cố định), hoặc +84…",
                "a phone number has 10 digits starting with 0 (mobile) or 11 starting with 02 (landline), or +84…",
            ),
            Problem::Phone(PhoneError::Prefix) => (
                "số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84",
                "a Vietnamese phone number starts with 0 or +84",
            ),
            Problem::Email(EmailError::NoAt) => (
                "địa chỉ email cần có một dấu @",
                "an e-mail address needs one @",
            ),
            Problem::Email(EmailError::Spaces) => (
                "địa chỉ email không có dấu cách",
                "an e-mail address has no spaces",
            ),
            Problem::Email(EmailError::Domain) => (
                "phần sau dấu @ cần có dạng tenmien.vn",
                "the part after @ should look like domain.vn",
            ),
            Problem::Email(EmailError::TooLong) => ("địa chỉ email quá dài", "e-mail address too long"),
            Problem::Date(DateError::Empty) => ("cần bổ sung", "to be completed"),
            Problem::Date(DateError::Format) => (
                "ngày viết theo dạng ngày/tháng/năm, ví dụ 05/03/2021",
                "write the date as day/month/year, e.g. 05/03/2021",
            ),
            Problem::Date(DateError::OutOfRange) => ("ngày không tồn tại", "no such date"),
            Problem::Date(DateError::InFuture) => (
                "ngày đăng ký sau ngày hôm nay",
                "the registration date is after today",
            ),
            Problem::DateYearFirst => (
                "ngày đang viết năm trước; hồ sơ ghi ngày/tháng/năm, ví dụ 05/03/2021",
                "the date is written year first; the forms write day/month/year, e.g. 05/03/2021",
            ),
        };
    lang.pick(vi, en)
}

/// [`problem`] as a sentence of its own (the message under a field): a capital first letter
/// and a full stop. ("số điện thoại cần…" → "Số điện thoại cần….")
pub fn problem_sentence(lang: Lang, p: &Problem) -> String {
    sentence(problem(lang, p))
}

/// A capital first letter and a full stop unless it ends with one (or "…", "?", "!").
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    let mut out: String = match chars.next() {
        // (Not `char::to_uppercase`: its table would grow the app for a handful of fixed
        // words, whose first letters are ASCII or "đ".)
        Some(c) => std::iter::once(match c {
            'đ' => 'Đ',
            c => c.to_ascii_uppercase(),
        })
        .chain(chars)
        .collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '…', '?', '!']) {
        out.push('.');
    }
    out
}

/// The answer to criterion 3.2 against the representative's details, in words: said on the
/// criterion in the questionnaire and near the three fields on the dossier screen.
pub fn ground_mismatch(lang: Lang, m: &GroundMismatch) -> String {
    let typed = |vi: bool| {
        m.fields
            .iter()
            .map(|(f, v)| {
                let label = field_label(if vi { Lang::Vi } else { Lang::En }, *f);
                format!("{} “{v}”", label.to_lowercase())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let code = &m.criterion;
    if m.answer_met {
        pick(
            lang,
            format!("Tiêu chí {code}: bạn chọn “người đại diện là nữ, người dân tộc thiểu số hoặc người khuyết tật”, nhưng thông tin người đại diện trong hồ sơ ghi {}. Hãy kiểm tra lại một trong hai chỗ.", typed(true)),
            format!("Criterion {code}: you chose “the representative is a woman, from an ethnic minority or a person with a disability”, but the representative's details in the dossier say {}. Check one of the two.", typed(false)),
        )
    } else {
        pick(
            lang,
            format!("Tiêu chí {code}: thông tin người đại diện trong hồ sơ ghi {}, nên tiêu chí này có thể đạt 1 điểm, nhưng câu trả lời đang là chưa đạt. Hãy kiểm tra lại một trong hai chỗ.", typed(true)),
            format!("Criterion {code}: the representative's details in the dossier say {}, so this criterion may score 1 point, but the answer says it is not met. Check one of the two.", typed(false)),
        )
    }
}

/// A share-link error in words.
pub fn share_error(lang: Lang, e: &ShareError) -> String {
    let (vi, en) = match e {
        ShareError::NotAShareLink => (
            "Liên kết không chứa bản nháp nào.".to_string(),
            "The link carries no draft.".to_string(),
        ),
        ShareError::UnsupportedVersion(v) => (
            format!("Liên kết được tạo bởi phiên bản khác của ứng dụng (dạng “{v}”), phiên bản này chưa đọc được. Hãy cập nhật ứng dụng hoặc nhờ người gửi xuất tệp .json."),
            format!("The link was made by another version of the app (format “{v}”) that this version cannot read. Update the app or ask the sender for the .json file."),
        ),
        ShareError::BadEncoding | ShareError::BadCompression => (
            "Liên kết bị hỏng hoặc bị cắt mất một phần (thường do tin nhắn tự xuống dòng). Hãy nhờ người gửi gửi lại, hoặc gửi tệp .json.".to_string(),
            "The link is damaged or cut short (messaging apps sometimes break long links). Ask the sender to send it again, or to send the .json file.".to_string(),
        ),
        ShareError::TooLarge => (
            "Bản nháp trong liên kết quá lớn để mở an toàn.".to_string(),
            "The draft in the link is too large to open safely.".to_string(),
        ),
        ShareError::Draft(ie) => {
            return match lang {
                Lang::Vi => format!("Bản nháp trong liên kết không hợp lệ: {}", import_error(lang, ie)),
                Lang::En => format!("The draft in the link is not valid: {}", import_error(lang, ie)),
            }
        }
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Why no QR code is shown, and what to do instead.
pub fn qr_error(lang: Lang, e: &QrError) -> String {
    match e {
        QrError::TooLong { chars, limit } => match lang {
            Lang::Vi => format!("Bản nháp này quá dài để đưa vào mã QR: liên kết dài {chars} ký tự, mã QR đọc được trên điện thoại chỉ chứa tối đa khoảng {limit} ký tự (thường do ghi chú minh chứng dài). Hãy gửi liên kết ở trên, hoặc tải tệp .json rồi gửi tệp qua Zalo, email hay USB."),
            Lang::En => format!("This draft is too long for a QR code: the link has {chars} characters, and a QR code a phone can read holds about {limit} at most (usually long evidence notes are the cause). Send the link above, or download the .json file and send the file by chat, e-mail or USB stick."),
        },
    }
}

/// Beside a share link longer than a chat message carries safely.
pub fn link_long(lang: Lang, chars: usize, limit: usize) -> String {
    match lang {
        Lang::Vi => format!("Liên kết này dài {chars} ký tự. Nhiều ứng dụng nhắn tin cắt bớt tin nhắn dài hơn khoảng {limit} ký tự, và liên kết bị cắt thì không mở được (thường do các đoạn văn dài của báo cáo hoặc mô tả minh chứng). Hãy tải tệp .json rồi gửi tệp qua Zalo, email hay USB."),
        Lang::En => format!("This link has {chars} characters. Many messaging apps cut messages longer than about {limit} characters, and a cut link does not open (usually the report's long texts or the descriptions are the cause). Download the .json file and send the file by chat, e-mail or USB stick."),
    }
}

/// Beside a share link of a draft larger than any link may carry (it would not open).
pub fn link_too_large(lang: Lang) -> String {
    lang.pick(
        "Bản nháp này quá lớn để gửi bằng liên kết: người nhận sẽ không mở được liên kết. Hãy tải tệp .json rồi gửi tệp; nếu tệp cũng quá 1 MB, hãy rút gọn các đoạn văn dài.",
        "This draft is too large to send as a link: the receiver could not open it. Download the .json file and send the file; if the file is over 1 MB too, shorten the longest texts.",
    )
    .to_string()
}

/// What a merge conflict with another tab is about: "Câu 1.2", "Tên chủ thể", "Tên bản nháp".
pub fn conflict_item(lang: Lang, item: &crate::draft::merge::Item) -> String {
    use crate::draft::merge::Item;
    match item {
        Item::Answer(code) => pick(
            lang,
            format!("Tiêu chí {code}"),
            format!("Criterion {code}"),
        ),
        Item::KnockOut(_) => lang
            .pick("Câu hỏi loại hồ sơ", "A knock-out question")
            .to_string(),
        Item::Evidence(code) => pick(
            lang,
            format!("Ghi chú minh chứng của tiêu chí {code}"),
            format!("Evidence note of criterion {code}"),
        ),
        Item::Caption(_) => lang
            .pick(
                "Chú thích của một tệp minh chứng",
                "The caption of an evidence file",
            )
            .to_string(),
        Item::Field(f) => field_label(lang, *f).to_string(),
        Item::Title => lang.pick("Tên bản nháp", "Draft name").to_string(),
        Item::RegistrationType => lang
            .pick("Hình thức đăng ký", "Type of registration")
            .to_string(),
    }
}

// ---- the evidence package (issue 14): crate::package and the command line's files ------------

/// A size as people read it: "8 MB", "193 KB", "22 byte" (Vietnamese decimals with a comma).
fn size_words(lang: Lang, bytes: u64) -> String {
    if bytes >= 1_000_000 {
        let mb = format!("{:.1}", bytes as f64 / 1_000_000.0);
        let mb = mb.strip_suffix(".0").unwrap_or(&mb).to_string();
        format!(
            "{} MB",
            if lang == Lang::Vi {
                mb.replace('.', ",")
            } else {
                mb
            }
        )
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        pick(lang, format!("{bytes} byte"), format!("{bytes} bytes"))
    }
}

fn kind_words(kind: crate::draft::attachments::Kind) -> &'static str {
    use crate::draft::attachments::Kind;
    match kind {
        Kind::Jpeg => "JPEG",
        Kind::Png => "PNG",
        Kind::Pdf => "PDF",
    }
}

/// Why the file `name` cannot be attached (its first bytes, its header, its size), and what to
/// do: for the command line's `--photo` files and a package's entries.
pub fn package_file_problem(
    lang: Lang,
    name: &str,
    p: &crate::draft::attachments::FileProblem,
) -> String {
    use crate::draft::attachments::{FileProblem, MAX_ATTACHMENTS, MAX_DRAFT_FILE_BYTES};
    let (vi, en) = match p {
        FileProblem::NotSupported => (
            format!("“{name}” không phải ảnh JPEG, PNG hay tệp PDF (xét theo nội dung tệp, không theo tên tệp). Hãy lưu hoặc chụp lại dưới dạng JPEG, PNG hoặc PDF."),
            format!("“{name}” is not a JPEG or PNG image or a PDF file (judged by its content, not its name). Save or take it again as JPEG, PNG or PDF."),
        ),
        FileProblem::Unreadable => (
            format!("Không đọc được ảnh “{name}”: tệp bị hỏng hoặc bị cắt dở. Hãy chụp hoặc quét lại."),
            format!("The image “{name}” cannot be read: the file is damaged or cut short. Take or scan it again."),
        ),
        FileProblem::TooManyPixels { width, height } => {
            let mp = format!("{:.0}", f64::from(*width) * f64::from(*height) / 1_000_000.0);
            (
                format!("Ảnh “{name}” quá lớn ({width} × {height} điểm ảnh, khoảng {mp} MP; tối đa 50 MP). Hãy thu nhỏ ảnh hoặc chụp ở độ phân giải thấp hơn."),
                format!("The image “{name}” is too large ({width} × {height} pixels, about {mp} MP; the limit is 50 MP). Make it smaller or take it at a lower resolution."),
            )
        }
        FileProblem::TooLarge { bytes, limit } => (
            format!("Tệp “{name}” quá lớn ({}; tối đa {}). Với tệp PDF, hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp; với ảnh, hãy thu nhỏ ảnh.", size_words(Lang::Vi, *bytes), size_words(Lang::Vi, *limit)),
            format!("The file “{name}” is too large ({}; the limit is {}). Scan a PDF at a lower resolution or split it into several files; make an image smaller.", size_words(Lang::En, *bytes), size_words(Lang::En, *limit)),
        ),
        FileProblem::DraftFull => (
            format!("Không thêm được “{name}”: bản nháp đã có đủ {MAX_ATTACHMENTS} tệp hoặc {} dung lượng tệp. Hãy bỏ bớt những tệp không cần thiết.", size_words(Lang::Vi, MAX_DRAFT_FILE_BYTES)),
            format!("“{name}” cannot be added: the draft already has {MAX_ATTACHMENTS} files or {} of files. Remove files that are not needed.", size_words(Lang::En, MAX_DRAFT_FILE_BYTES)),
        ),
    };
    pick(lang, vi, en)
}

/// Why a package was refused (or could not be made), naming the entry concerned, and what to do.
/// Nothing of a refused package is kept.
pub fn package_error(lang: Lang, e: &crate::package::PackageError) -> String {
    use crate::package::{Described, Feature, PackageErrorKind::*};
    let entry = e.entry.as_str();
    let again_vi = "Hãy xuất lại gói từ ứng dụng (hoặc nhờ người gửi gửi lại).";
    let again_en = "Export the package from the app again (or ask the sender to send it again).";
    let (subject_vi, subject_en) = if entry.is_empty() {
        ("Gói hồ sơ".to_string(), "The package".to_string())
    } else {
        (
            format!("Tệp “{entry}” trong gói"),
            format!("The entry “{entry}” of the package"),
        )
    };
    let by = |b: &Described| match b {
        Described::Manifest => (
            "danh sách tệp (manifest.json)",
            "the list of files (manifest.json)",
        ),
        Described::Draft => ("bản nháp", "the draft"),
    };
    // Reading a package: export it again. Writing one (the draft's own description): attach
    // the file again.
    let redo = |b: &Described| match b {
        Described::Manifest => (again_vi, again_en),
        Described::Draft => (
            "Hãy gỡ tệp đó khỏi bản nháp rồi đính kèm lại.",
            "Remove that file from the draft and attach it again.",
        ),
    };
    let (vi, en) = match &e.kind {
        TooLarge { bytes, limit } if entry.is_empty() => (
            format!("Gói hồ sơ quá lớn ({}; tối đa {}). Gói do ứng dụng tạo không vượt quá mức này: hãy kiểm tra xem đã chọn đúng tệp chưa.", size_words(Lang::Vi, *bytes), size_words(Lang::Vi, *limit)),
            format!("The package is too large ({}; the limit is {}). A package made by the app stays under it: check that this is the right file.", size_words(Lang::En, *bytes), size_words(Lang::En, *limit)),
        ),
        TooLarge { bytes, limit } => (
            format!("{subject_vi} khai dung lượng {}, vượt mức tối đa {}. {again_vi}", size_words(Lang::Vi, *bytes), size_words(Lang::Vi, *limit)),
            format!("{subject_en} declares {}, over the limit of {}. {again_en}", size_words(Lang::En, *bytes), size_words(Lang::En, *limit)),
        ),
        NotAZip => (
            "Tệp này không phải gói hồ sơ (.zip), hoặc đã bị cắt mất phần cuối khi gửi. Hãy nhờ người gửi xuất và gửi lại gói.".to_string(),
            "This file is not a package (.zip), or its end was cut off in transit. Ask the sender to export and send the package again.".to_string(),
        ),
        Damaged => (
            format!("{subject_vi} bị hỏng (cấu trúc tệp .zip không khớp). {again_vi}"),
            format!("{subject_en} is damaged (the .zip structure does not fit together). {again_en}"),
        ),
        TooManyEntries { count, limit } => (
            format!("Gói có {count} tệp, nhiều hơn mức tối đa {limit} của một gói hồ sơ. Hãy kiểm tra xem đã chọn đúng tệp chưa."),
            format!("The package holds {count} entries, more than the {limit} a package may have. Check that this is the right file."),
        ),
        Unsupported(f) => {
            let (what_vi, what_en) = match f {
                Feature::Encryption => ("được đặt mật khẩu; ứng dụng không mở tệp có mật khẩu".to_string(), "is protected by a password; the app does not open password-protected files".to_string()),
                Feature::Zip64 => ("dùng định dạng ZIP64 (dành cho tệp trên 4 GB)".to_string(), "uses ZIP64 (meant for files over 4 GB)".to_string()),
                Feature::MultiDisk => ("bị chia thành nhiều phần".to_string(), "is split into several parts".to_string()),
                Feature::DataDescriptor | Feature::Flags(_) => ("dùng một kiểu ghi .zip mà gói của ứng dụng không dùng".to_string(), "uses a .zip feature the app's packages do not use".to_string()),
                Feature::Method(m) => (format!("dùng phương pháp nén số {m} (chỉ nhận “lưu nguyên” và “deflate”)"), format!("uses compression method {m} (only “stored” and “deflate” are read)")),
            };
            (
                format!("{subject_vi} {what_vi}. Đừng nén lại gói bằng chương trình khác: hãy xuất lại gói từ ứng dụng."),
                format!("{subject_en} {what_en}. Do not re-zip the package with another program: export it from the app again."),
            )
        }
        UnsafeName => (
            format!("Gói có một tệp mang tên không an toàn: “{entry}” (đường dẫn ra ngoài thư mục, đường dẫn tuyệt đối, ổ đĩa, dấu \\ hoặc ký tự điều khiển). Gói không được mở, không có gì được lưu."),
            format!("The package holds an entry with an unsafe name: “{entry}” (a path out of its folder, an absolute path, a drive, a backslash or a control character). The package was not opened; nothing was saved."),
        ),
        Duplicate { first } => (
            format!("Gói có hai tệp trùng tên: “{first}” và “{entry}” (chỉ khác nhau ở chữ hoa, chữ thường hoặc “./”). Không rõ tệp nào đúng nên gói không được nhận. {again_vi}"),
            format!("The package holds two entries with the same name: “{first}” and “{entry}” (differing only in case or “./”). It is unclear which counts, so the package is refused. {again_en}"),
        ),
        NotAFile => (
            format!("“{entry}” trong gói là một thư mục hoặc một liên kết, không phải tệp. {again_vi}"),
            format!("“{entry}” in the package is a folder or a link, not a file. {again_en}"),
        ),
        HeaderMismatch => (
            format!("{subject_vi} bị hỏng: hai phần mô tả tệp trong .zip ghi khác nhau. {again_vi}"),
            format!("{subject_en} is damaged: the two descriptions of the entry in the .zip disagree. {again_en}"),
        ),
        Bomb { declared, .. } | InflatesPastSize { declared } => (
            format!("{subject_vi} giải nén ra nhiều hơn dung lượng đã khai ({}): có thể là tệp .zip độc hại (“zip bomb”). Đã dừng giải nén, không có gì được lưu.", size_words(Lang::Vi, *declared)),
            format!("{subject_en} inflates to more than its declared size ({}): it may be a malicious .zip (a “zip bomb”). Inflating stopped; nothing was saved.", size_words(Lang::En, *declared)),
        ),
        CorruptData => (
            format!("{subject_vi} bị hỏng hoặc bị cắt mất một phần (không giải nén được). {again_vi}"),
            format!("{subject_en} is damaged or cut short (it cannot be inflated). {again_en}"),
        ),
        CrcMismatch => (
            format!("{subject_vi} bị hỏng: mã kiểm tra CRC-32 không khớp. {again_vi}"),
            format!("{subject_en} is damaged: its CRC-32 does not match. {again_en}"),
        ),
        Missing => (
            format!("Gói thiếu tệp “{entry}”. Có thể gói đã được giải nén rồi nén lại thiếu tệp. {again_vi}"),
            format!("The package lacks “{entry}”. It may have been unzipped and zipped again without it. {again_en}"),
        ),
        NoBytes => (
            format!("Không tìm thấy nội dung của tệp “{entry}” mà bản nháp mô tả, nên chưa tạo được gói. Hãy gỡ tệp đó khỏi bản nháp rồi đính kèm lại."),
            format!("The content of “{entry}”, which the draft describes, cannot be found, so no package was made. Remove that file from the draft and attach it again."),
        ),
        ManifestNotFirst => (
            format!("Trong gói, “manifest.json” phải là tệp đầu tiên: gói có lẽ đã được nén lại bằng chương trình khác. {again_vi}"),
            format!("In a package “manifest.json” must come first: this one was probably re-zipped by another program. {again_en}"),
        ),
        Unlisted { missing: Some(m) } => (
            format!("Gói có tệp “{entry}” không có trong danh sách tệp (manifest.json), và thiếu tệp “{m}”: có lẽ tệp đã bị đổi tên. {again_vi}"),
            format!("The package holds “{entry}”, which its list of files (manifest.json) does not name, and lacks “{m}”: the file was probably renamed. {again_en}"),
        ),
        Unlisted { missing: None } => (
            format!("Gói có thêm tệp “{entry}” không có trong danh sách tệp (manifest.json); gói có tệp lạ nên không được nhận. {again_vi}"),
            format!("The package holds an extra entry “{entry}” that its list of files (manifest.json) does not name; a package with unknown files is refused. {again_en}"),
        ),
        NotAPackage { found } => (
            format!("Tệp “manifest.json” không phải của gói hồ sơ Tự đánh giá OCOP (format “{found}”). Hãy kiểm tra xem đã chọn đúng tệp chưa."),
            format!("“manifest.json” is not an OCOP self-check package's (format “{found}”). Check that this is the right file."),
        ),
        UnsupportedVersion { found } => (
            format!("Gói được tạo bởi phiên bản khác của ứng dụng (gói phiên bản “{found}”), phiên bản này chưa đọc được. Hãy cập nhật ứng dụng."),
            format!("The package was made by another version of the app (package version “{found}”) that this version cannot read. Update the app."),
        ),
        Manifest(ie) => (
            format!("Danh sách tệp “manifest.json” trong gói không hợp lệ: {} {again_vi}", import_error(Lang::Vi, ie)),
            format!("The list of files “manifest.json” in the package is not valid: {} {again_en}", import_error(Lang::En, ie)),
        ),
        Draft(ie) => (
            format!("Bản nháp “draft.json” trong gói không hợp lệ: {}", import_error(Lang::Vi, ie)),
            format!("The draft “draft.json” in the package is not valid: {}", import_error(Lang::En, ie)),
        ),
        NotDescribed { id, in_draft: true } => (
            format!("Bản nháp “draft.json” mô tả tệp {id} nhưng danh sách tệp (manifest.json) không có tệp này. {again_vi}"),
            format!("The draft “draft.json” describes file {id}, which the list of files (manifest.json) lacks. {again_en}"),
        ),
        NotDescribed { id, in_draft: false } => (
            format!("Tệp “{entry}” có trong danh sách tệp nhưng bản nháp không mô tả tệp này (mã {id}). {again_vi}"),
            format!("“{entry}” is in the list of files but the draft does not describe it (id {id}). {again_en}"),
        ),
        Disagree { id, what } => {
            let what_vi = match *what {
                "type" => "loại tệp",
                "bytes" => "dung lượng",
                _ => "mã kiểm tra SHA-256",
            };
            let what_en = match *what {
                "type" => "type",
                "bytes" => "size",
                _ => "SHA-256",
            };
            (
                format!("Danh sách tệp (manifest.json) và bản nháp “draft.json” ghi {what_vi} của tệp {id} khác nhau. {again_vi}"),
                format!("The list of files (manifest.json) and the draft “draft.json” give different {what_en} for file {id}. {again_en}"),
            )
        }
        SizeMismatch { expected, found, by: b } => (
            format!("Tệp “{entry}” có {found} byte, khác với {expected} byte mà {} ghi: tệp đã bị thay đổi hoặc bị cắt. {}", by(b).0, redo(b).0),
            format!("“{entry}” has {found} bytes, not the {expected} bytes {} records: the file was changed or cut short. {}", by(b).1, redo(b).1),
        ),
        ChecksumMismatch { by: b } => (
            format!("Tệp “{entry}” không khớp mã kiểm tra SHA-256 mà {} ghi: nội dung đã bị thay đổi. {}", by(b).0, redo(b).0),
            format!("“{entry}” does not match the SHA-256 {} records: its content changed. {}", by(b).1, redo(b).1),
        ),
        TypeMismatch { declared, found } => {
            let found_vi = found.map_or("không phải ảnh JPEG, PNG hay PDF".to_string(), |k| format!("là {}", kind_words(k)));
            let found_en = found.map_or("is not a JPEG, PNG or PDF".to_string(), |k| format!("is a {}", kind_words(k)));
            (
                format!("Tệp “{entry}” được khai là {} nhưng nội dung {found_vi}. {again_vi}", kind_words(*declared)),
                format!("“{entry}” is declared as {} but its content {found_en}. {again_en}", kind_words(*declared)),
            )
        }
        File(p) => return package_file_problem(lang, entry, p),
    };
    pick(lang, vi, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_errors_name_the_field() {
        let e = ImportError {
            field: "answers.1.1".into(),
            kind: ImportErrorKind::WrongType {
                expected: Expected::Position,
            },
        };
        assert!(import_error(Lang::Vi, &e).contains("answers.1.1"));
        assert!(import_error(Lang::En, &e).contains("wrong type"));
    }

    /// Adversarial review N2, N3, N4, F10: each message is right about what is wrong, and a
    /// Vietnamese message carries no English.
    #[test]
    fn import_errors_say_what_is_wrong_in_one_language() {
        use crate::draft::from_json;
        let head = r#""format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09""#;
        let deep = format!(
            r#"{{{head},"extra":{}1{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let cases: Vec<(String, &str, &str)> = vec![
            (
                format!(r#"{{{head},"answers":{{"1.1":0}}}}"#),
                "Tiêu chí 1.1 không có mức 0: các mức được đánh số 1, 2, 3…",
                "Criterion 1.1 has no level 0",
            ),
            (
                format!(r#"{{{head},"answers":{{"1.1":256}}}}"#),
                "Tiêu chí 1.1 không có mức 256",
                "has no level 256",
            ),
            (
                format!(r#"{{{head},"answers":{{"1.1":18446744073709551615}}}}"#),
                "không có mức 18446744073709551615",
                "no level 18446744073709551615",
            ),
            (
                deep,
                "Tệp lồng nhau quá sâu (quá 128 tầng",
                "nested too deep",
            ),
            (
                format!(r#"{{"format":"nope",{head}}}"#),
                "Trường “format” xuất hiện hai lần",
                "“format” appears twice",
            ),
            (
                format!(r#"{{{head},"answers":{{"1.1":1,"1.1":3}}}}"#),
                "Trường “answers.1.1” xuất hiện hai lần",
                "“answers.1.1” appears twice",
            ),
            (
                "[1,2]".to_string(),
                "Nội dung tệp có kiểu dữ liệu sai (cần: một đối tượng JSON { … }).",
                "The file's content has the wrong type",
            ),
            (
                format!(r#"{{{head},"answers":[]}}"#),
                "Trường “answers” có kiểu dữ liệu sai (cần: một đối tượng JSON { … }).",
                "expected a JSON object",
            ),
            (
                format!(r#"{{{head},"answers":{{"1.1":"x"}}}}"#),
                "(cần: số thứ tự của mức (1, 2, 3 …))",
                "expected a level position",
            ),
            (
                format!(r#"{{{head},"knock_outs":{{"k":1}}}}"#),
                "(cần: true hoặc false)",
                "expected true or false",
            ),
        ];
        for (text, vi, en) in cases {
            let e = from_json(&text).expect_err("refused");
            let (v, n) = (import_error(Lang::Vi, &e), import_error(Lang::En, &e));
            assert!(v.contains(vi), "{v}");
            assert!(n.contains(en), "{n}");
            for english in [" an ", "object", "expected", "level position", " or ", "“”"] {
                assert!(!v.contains(english), "English in {v:?}");
            }
        }
    }

    #[test]
    fn errors_are_worded_in_both_languages() {
        let errors = [
            ShareError::NotAShareLink,
            ShareError::UnsupportedVersion("9".into()),
            ShareError::BadEncoding,
            ShareError::BadCompression,
            ShareError::TooLarge,
        ];
        for e in &errors {
            assert_ne!(share_error(Lang::Vi, e), share_error(Lang::En, e));
        }
        let q = QrError::TooLong {
            chars: 2345,
            limit: 1800,
        };
        assert!(qr_error(Lang::Vi, &q).contains("2345"));
        assert!(qr_error(Lang::En, &q).contains("1800"));
        assert_eq!(
            super::super::answered_of(Lang::En, 3, 30),
            "3 of 30 criteria"
        );
    }

    #[test]
    fn every_detail_and_problem_is_worded_in_both_languages() {
        for f in Field::ALL {
            assert!(!field_label(Lang::Vi, f).is_empty(), "{f:?}");
            assert_ne!(field_label(Lang::Vi, f), field_label(Lang::En, f), "{f:?}");
        }
        let problems = [
            Problem::Missing,
            Problem::Phone(PhoneError::Characters),
            Problem::Phone(PhoneError::Length),
            Problem::Phone(PhoneError::Prefix),
            Problem::Email(EmailError::NoAt),
            Problem::Email(EmailError::Spaces),
            Problem::Email(EmailError::Domain),
            Problem::Email(EmailError::TooLong),
            Problem::Date(DateError::Format),
            Problem::Date(DateError::OutOfRange),
            Problem::Date(DateError::InFuture),
            Problem::DateYearFirst,
        ];
        for p in &problems {
            assert!(!problem(Lang::Vi, p).is_empty());
            assert_ne!(problem(Lang::Vi, p), problem(Lang::En, p), "{p:?}");
            for lang in [Lang::Vi, Lang::En] {
                let s = problem_sentence(lang, p);
                let first = s.chars().next().expect("words");
                assert!(first.is_uppercase(), "{s}");
                assert!(s.ends_with(['.', '…']), "{s}");
            }
        }
        assert_eq!(
            problem_sentence(Lang::Vi, &Problem::Phone(PhoneError::Prefix)),
            "Số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84."
        );
    }

    #[test]
    fn the_3_2_mismatch_names_what_was_typed() {
        let m = GroundMismatch {
            criterion: "3.2".into(),
            answer_met: true,
            fields: vec![
                (Field::RepresentativeGender, "Nam".into()),
                (Field::RepresentativeEthnicity, "Kinh".into()),
                (Field::RepresentativeDisability, "Không".into()),
            ],
        };
        let vi = ground_mismatch(Lang::Vi, &m);
        assert!(vi.starts_with("Tiêu chí 3.2: bạn chọn"), "{vi}");
        assert!(
            vi.contains("“Nam”") && vi.contains("“Kinh”") && vi.contains("“Không”"),
            "{vi}"
        );
        let en = ground_mismatch(Lang::En, &m);
        assert!(en.starts_with("Criterion 3.2: you chose"), "{en}");
        let other = GroundMismatch {
            answer_met: false,
            ..m
        };
        assert!(ground_mismatch(Lang::Vi, &other).contains("có thể đạt 1 điểm"));
    }
}
