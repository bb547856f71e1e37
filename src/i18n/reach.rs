//! Strings of the features that take the app beyond one online browser tab: the new-version
//! notice (offline app), share links and QR codes, embedding, demonstration mode. Kept apart from
//! `strings.rs` so these screens can grow without touching the shared table; same rules: every
//! key has Vietnamese (full diacritics) and English.

use super::Lang;
use crate::share::{QrError, ShareError};

macro_rules! reach_strings {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A fixed string of the offline / share / embed / demo screens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RKey { $($key),* }

        impl RKey {
            /// Every key, for completeness tests.
            pub const ALL: &'static [RKey] = &[$(RKey::$key),*];
        }

        /// The string for `key` in `lang`.
        pub fn tr(lang: Lang, key: RKey) -> &'static str {
            match (key, lang) {
                $((RKey::$key, Lang::Vi) => $vi, (RKey::$key, Lang::En) => $en,)*
            }
        }
    };
}

reach_strings! {
    // New version of the app (service worker).
    UpdateReady => "Đã có phiên bản mới của ứng dụng. Các bản nháp của bạn vẫn được giữ nguyên.",
        "A new version of the app is ready. Your drafts are kept.";
    UpdateReload => "Tải lại", "Reload";
    UpdateLater => "Để sau", "Later";

    // Sharing a draft.
    OpenShare => "Chia sẻ", "Share";
    ShareTitle => "Chia sẻ bản nháp", "Share this draft";
    ShareIntro => "Liên kết dưới đây chứa toàn bộ bản nháp (đã nén). Dữ liệu nằm sau dấu # nên không được gửi lên máy chủ nào; ai mở liên kết sẽ được hỏi trước khi thêm bản nháp vào máy của họ.",
        "The link below carries the whole draft (compressed). The data sits after the # sign, so it is never sent to any server; whoever opens the link is asked before the draft is added on their device.";
    ShareLinkLabel => "Liên kết chia sẻ", "Share link";
    CopyLink => "Chép liên kết", "Copy link";
    Copied => "Đã chép liên kết.", "Link copied.";
    CopyFailed => "Không chép tự động được: hãy chọn liên kết ở trên và chép bằng tay.",
        "Could not copy automatically: select the link above and copy it by hand.";
    LeaveOutContact => "Không đưa thông tin liên hệ vào liên kết (địa chỉ, điện thoại, email, người đại diện)",
        "Leave contact details out of the link (address, phone, e-mail, representative)";
    QrTitle => "Mã QR", "QR code";
    QrHint => "Người nhận quét mã này bằng camera điện thoại để mở bản nháp.",
        "The receiver scans this code with a phone camera to open the draft.";
    QrAlt => "Mã QR của liên kết chia sẻ", "QR code of the share link";
    ExportFile => "Tải tệp .json để gửi", "Download the .json file to send";
    CloseShare => "Đóng", "Close";

    // Opening a shared link.
    IncomingTitle => "Bản nháp được chia sẻ với bạn", "A draft shared with you";
    IncomingIntro => "Liên kết bạn mở chứa một bản nháp. Kiểm tra nội dung rồi chọn có thêm vào máy này hay không.",
        "The link you opened carries a draft. Check what it contains, then choose whether to add it on this device.";
    IncomingProduct => "Sản phẩm", "Product";
    IncomingSet => "Bộ sản phẩm", "Product set";
    IncomingAnswered => "Đã trả lời", "Answered";
    IncomingStars => "Hạng sao ước tính", "Estimated stars";
    IncomingProducer => "Chủ thể", "Producer";
    IncomingComputing => "đang tính…", "calculating…";
    IncomingAdd => "Thêm thành bản nháp mới", "Add as a new draft";
    IncomingIgnore => "Không thêm", "Don't add";
    IncomingErrorTitle => "Không mở được liên kết chia sẻ", "The share link could not be opened";
    IncomingNote => "Bản nháp sẽ được thêm như một bản mới; các bản nháp hiện có không bị thay đổi.",
        "The draft is added as a new one; your existing drafts are not changed.";

    // Demonstration mode.
    DemoEntryTitle => "Chế độ trình diễn", "Demonstration mode";
    DemoEntryIntro => "Dành cho cán bộ khuyến nông: mở các sản phẩm ví dụ để hướng dẫn. Bản nháp của bạn không bị đụng tới.",
        "For extension workers: open the example products to explain the rating. Your own drafts are not touched.";
    OpenDemo => "Mở sản phẩm ví dụ", "Open the example products";
    DemoBanner => "Chế độ trình diễn: ví dụ chỉ nằm trong bộ nhớ, không được lưu. Bản nháp của bạn không thay đổi; bấm “Thoát trình diễn” để quay lại.",
        "Demonstration mode: the examples live in memory only and are not saved. Your own drafts are unchanged; tap “Leave demo” to go back.";
    DemoReset => "Đặt lại ví dụ", "Reset examples";
    DemoLeave => "Thoát trình diễn", "Leave demo";
    DemoListTitle => "Sản phẩm ví dụ", "Example products";
    DemoListIntro => "Các chủ thể và sản phẩm này là hư cấu, câu trả lời mang tính minh họa. Thay đổi thoải mái: bấm “Đặt lại ví dụ” để về như cũ.",
        "These producers and products are fictional, with illustrative answers. Change anything: “Reset the examples” puts them back.";
    ExampleBadge => "Ví dụ", "Example";
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
                Lang::Vi => format!("Bản nháp trong liên kết không hợp lệ: {}", super::import_error(lang, ie)),
                Lang::En => format!("The draft in the link is not valid: {}", super::import_error(lang, ie)),
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

/// "12/34 câu" / "12 of 34 criteria".
pub fn answered_of(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Vi => format!("{answered}/{total} câu"),
        Lang::En => format!("{answered} of {total} criteria"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for k in RKey::ALL {
            assert!(!tr(Lang::Vi, *k).is_empty(), "{k:?}");
            assert!(!tr(Lang::En, *k).is_empty(), "{k:?}");
            assert_ne!(tr(Lang::Vi, *k), tr(Lang::En, *k), "{k:?} is translated");
        }
        assert_eq!(tr(Lang::Vi, RKey::OpenShare), "Chia sẻ");
        assert_eq!(tr(Lang::En, RKey::UpdateReload), "Reload");
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
        assert_eq!(answered_of(Lang::En, 3, 30), "3 of 30 criteria");
    }
}
