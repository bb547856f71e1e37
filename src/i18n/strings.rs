//! Fixed strings of the interface, in Vietnamese and English. Strings with numbers or names in
//! them are built by the functions in `words`.

use super::Lang;

macro_rules! strings {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        /// A fixed string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The string for `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::Vi) => $vi, (Key::$key, Lang::En) => $en,)*
            }
        }
    };
}

strings! {
    // Chrome.
    AppTitle => "Tự đánh giá OCOP", "OCOP self-check";
    AppSubtitle => "Ước tính hạng sao theo Quyết định 26/2026/QĐ-TTg",
        "Star-rating estimate under Decision 26/2026/QĐ-TTg";
    SkipToContent => "Bỏ qua, đến nội dung chính", "Skip to main content";
    OtherLanguage => "English", "Tiếng Việt";
    SwitchLanguage => "English — chuyển sang tiếng Anh", "Tiếng Việt — switch to Vietnamese";
    NavDrafts => "Bản nháp", "Drafts";
    NavNew => "Sản phẩm mới", "New product";
    NavQuestionnaire => "Bảng hỏi", "Questions";
    MainNav => "Điều hướng chính", "Main navigation";
    Loading => "Đang tải…", "Loading…";

    // Choosing the product set.
    ChooseTitle => "Chọn bộ sản phẩm", "Choose the product set";
    ChooseIntro => "Mỗi bộ sản phẩm có phiếu chấm điểm riêng. Tìm theo tên sản phẩm (gõ có dấu hay không dấu đều được) hoặc duyệt theo ngành, nhóm.",
        "Each product set has its own scoring sheet. Search by product name (with or without Vietnamese accents) or browse by category and group.";
    SearchLabel => "Tìm bộ sản phẩm", "Search product sets";
    SearchHint => "Ví dụ: nước mắm, mật ong, homestay", "For example: fish sauce, honey, homestay";
    ClearSearch => "Xoá tìm kiếm", "Clear search";
    NoResults => "Không tìm thấy bộ sản phẩm nào. Thử từ khác, hoặc duyệt theo ngành bên dưới.",
        "No product set found. Try other words, or browse by category below.";
    BrowseTitle => "Duyệt theo ngành và nhóm", "Browse by category and group";
    Examples => "Ví dụ:", "Examples:";
    ChooseSet => "Chọn bộ này", "Choose this set";

    // Questionnaire.
    DraftNameLabel => "Tên bản nháp (tên sản phẩm)", "Draft name (product name)";
    ProductSetLabel => "Bộ sản phẩm", "Product set";
    RubricLoading => "Đang tải phiếu chấm điểm…", "Loading the scoring sheet…";
    RubricFailed => "Không tải được phiếu chấm điểm của bộ sản phẩm này. Kiểm tra kết nối mạng rồi thử lại.",
        "Could not load the scoring sheet of this product set. Check the network connection and try again.";
    Retry => "Thử lại", "Try again";
    KnockOutTitle => "Điều kiện loại hồ sơ", "Conditions that reject the dossier";
    KnockOutIntro => "Trả lời các câu này trước. Nếu câu nào là “Có”, hồ sơ sẽ bị loại dù điểm cao đến đâu.",
        "Answer these first. If any of them is “Yes”, the dossier is rejected however high the score.";
    KnockOutRejected => "Nếu “Có”: hồ sơ bị loại.", "If “Yes”: the dossier is rejected.";
    KnockOutNotEvaluated => "Nếu “Có”: sản phẩm không được đánh giá tiếp.",
        "If “Yes”: the product is not evaluated further.";
    Yes => "Có", "Yes";
    No => "Không", "No";
    NoneOfLevels => "Chưa đạt mức nào ở trên (0 điểm)", "None of these levels (0 points)";
    ClearAnswer => "Bỏ chọn", "Clear answer";
    MinimumsLabel => "Mức tối thiểu bắt buộc:", "Required minimum:";
    EvidenceSuggested => "Minh chứng thường dùng (gợi ý — ước tính, không phải quy định)",
        "Evidence usually used (suggested — an estimate, not the rule)";
    EvidenceSummary => "Minh chứng và ghi chú", "Evidence and note";
    EvidenceNote => "Ghi chú minh chứng của bạn (không bắt buộc)", "Your evidence note (optional)";
    InferredLevels => "Văn bản chỉ ghi điểm tối đa; các mức Có/Không ở đây là do chúng tôi suy ra (ước tính).",
        "The decision prints only the maximum; the yes/no levels here are our inference (an estimate).";
    NextUnanswered => "Đến câu chưa trả lời", "Next unanswered";
    AllAnswered => "Đã trả lời hết", "All answered";
    QuestionnaireTitle => "Bảng hỏi tự đánh giá", "Self-assessment questionnaire";

    // Result.
    ResultTitle => "Kết quả ước tính", "Estimated result";
    TotalLabel => "Tổng điểm", "Total";
    EstimatedStars => "Hạng sao ước tính", "Estimated stars";
    EstimateTag => "ước tính", "estimate";
    ShowDetails => "Chi tiết", "Details";
    NotSaved => "chưa lưu được", "not saved";
    HideDetails => "Thu gọn", "Hide";
    WhyNotMore => "Vì sao chưa cao hơn", "Why not higher";
    AdviceTitle => "Nên cải thiện gì trước", "What to improve first";
    TopStars => "Đạt 5★ theo ước tính: hãy chuẩn bị đủ minh chứng cho từng tiêu chí.",
        "5★ by this estimate: prepare evidence for every criterion.";
    Notice => "Đây là ước tính theo Quyết định 26/2026/QĐ-TTg, dựa trên câu trả lời của bạn; không phải kết quả của Hội đồng đánh giá, phân hạng sản phẩm OCOP.",
        "This is an estimate under Decision 26/2026/QĐ-TTg based on your answers; it is not the result of an OCOP evaluation council.";
    Recognition5 => "Tiềm năng 5★: Ủy ban nhân dân cấp tỉnh duyệt rồi gửi Bộ Nông nghiệp và Môi trường đánh giá.",
        "Potential 5★: the provincial People's Committee approves, then the Ministry of Agriculture and Environment evaluates.";
    Recognition34 => "3★–4★ do Ủy ban nhân dân cấp tỉnh công nhận.", "3★–4★ are recognised by the provincial People's Committee.";
    Recognition12 => "1★–2★ không được công nhận và không được cấp giấy chứng nhận.",
        "1★–2★ are not recognised and get no certificate.";
    DossierRejected => "Hồ sơ bị loại", "Dossier rejected";
    NoStarWhileRejected => "Khi hồ sơ bị loại thì không được xếp hạng, dù điểm cao.",
        "A rejected dossier gets no rating, whatever the score.";
    JumpToCriterion => "Đến tiêu chí", "Go to criterion";

    // Drafts.
    DraftsTitle => "Bản nháp của bạn", "Your drafts";
    DraftsIntro => "Mọi thay đổi được lưu ngay trên máy này. Mỗi bản nháp là một sản phẩm.",
        "Every change is saved at once on this device. Each draft is one product.";
    NoDrafts => "Chưa có bản nháp nào.", "No drafts yet.";
    NewDraft => "Tạo bản nháp mới", "New draft";
    Open => "Mở", "Open";
    Rename => "Đổi tên", "Rename";
    Duplicate => "Nhân bản", "Duplicate";
    Delete => "Xoá", "Delete";
    Save => "Lưu", "Save";
    Cancel => "Huỷ", "Cancel";
    ConfirmDeleteYes => "Xoá hẳn", "Delete for good";
    CopySuffix => "(bản sao)", "(copy)";
    Download => "Tải tệp .json", "Download .json";
    CurrentDraft => "đang mở", "open";
    NewNameLabel => "Tên mới", "New name";
    Untitled => "Chưa đặt tên", "Untitled";

    // Storage and errors.
    StorageUnavailable => "Trình duyệt không cho lưu dữ liệu trên máy. Bạn vẫn làm tiếp được, nhưng câu trả lời sẽ mất khi đóng trang — hãy tải bản nháp xuống.",
        "The browser does not allow saving on this device. You can keep working, but answers are lost when the page closes — download your drafts.";
    StorageFull => "Bộ nhớ của trình duyệt đã đầy nên thay đổi mới chưa được lưu. Hãy xoá bớt bản nháp hoặc tải chúng xuống.",
        "The browser's storage is full, so new changes are not saved. Delete some drafts or download them.";
    StoreUnreadable => "Dữ liệu đã lưu trước đây không đọc được. Bản gốc được giữ lại làm bản sao lưu.",
        "The data saved earlier could not be read. The original was kept as a backup.";
    DownloadBackup => "Tải bản sao lưu", "Download the backup";
    Dismiss => "Đóng thông báo", "Dismiss";
    ErrorTitle => "Đã xảy ra lỗi", "Something went wrong";
    ErrorBody => "Ứng dụng gặp lỗi không mong muốn và đã dừng. Các bản nháp đã lưu trên máy vẫn còn: hãy tải chúng xuống, rồi tải lại trang.",
        "The app hit an unexpected error and stopped. The drafts saved on this device are still there: download them, then reload the page.";
    ErrorDownload => "Tải các bản nháp đã lưu (JSON)", "Download saved drafts (JSON)";
    ErrorReload => "Tải lại trang", "Reload the page";
    ErrorNothingSaved => "Không có bản nháp nào được lưu trên máy này.", "No drafts are saved on this device.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for k in Key::ALL {
            assert!(!t(Lang::Vi, *k).is_empty(), "{k:?}");
            assert!(!t(Lang::En, *k).is_empty(), "{k:?}");
        }
        assert_eq!(t(Lang::Vi, Key::Yes), "Có");
        assert_eq!(t(Lang::En, Key::Yes), "Yes");
    }
}
