//! The fixed strings of the interface, in Vietnamese (full diacritics) and English: one table,
//! sectioned by screen. Strings with numbers or names in them are built by the functions in
//! [`super::words`]; the dossier's form wording stays beside its form (`dossier::forms`).

use crate::lang::Lang;

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
    NavQuestionnaire => "Bảng hỏi", "Questions";
    MainNav => "Điều hướng chính", "Main navigation";
    Loading => "Đang tải…", "Loading…";
    StartOpening => "Đang mở… (lần đầu có thể mất vài giây khi mạng chậm)",
        "Opening… (the first time this can take a few seconds on a slow connection)";
    StartFailed => "Không tải được phần còn lại của ứng dụng. Kiểm tra kết nối mạng rồi thử lại; chưa có gì bị mất.",
        "The rest of the app could not be loaded. Check the connection and try again; nothing has been lost.";

    // Choosing the product set.
    ChooseTitle => "Chọn bộ sản phẩm", "Choose the product set";
    ChooseIntro => "Mỗi bộ sản phẩm có phiếu chấm điểm riêng. Tìm theo tên sản phẩm (gõ có dấu hay không dấu đều được) hoặc duyệt theo ngành, nhóm.",
        "Each product set has its own scoring sheet. Search by product name (with or without Vietnamese accents) or browse by category and group.";
    SearchLabel => "Tìm bộ sản phẩm", "Search product sets";
    SearchHint => "Ví dụ: nước mắm, mật ong, homestay", "For example: fish sauce, honey, homestay";
    ClearSearch => "Xóa tìm kiếm", "Clear search";
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
    EvidenceSummary => "Mô tả, chứng minh", "Description and proof";
    EvidenceNote => "Mô tả, chứng minh của bạn", "Your description and proof";
    EvidenceNoteHint => "In vào Phần III của Mẫu 02, dưới tiêu chí này. Tài liệu minh chứng đính kèm ở phụ lục của báo cáo, theo thứ tự các tiêu chí.",
        "Printed in Part III of Mẫu 02, under this criterion. The papers that prove it go in the report's annex, in criterion order.";
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

    // The plan and the one-page summary (issue #13 items 4 and 6).
    PlanTitle => "Kế hoạch nâng hạng", "Plan for the next star";
    PlanKnockOutTitle => "Việc cần làm trước tiên", "What to do first";
    PlanNote => "Xếp theo mức độ thường dễ làm trước (ước tính của công cụ, không phải quy định): yêu cầu tối thiểu bắt buộc trước, rồi đến các việc thêm điểm.",
        "Ordered by what is usually easiest to do first (the tool's estimate, not a rule): required minimums first, then the steps that add points.";
    PlanKnockOutNote => "Hồ sơ bị loại thì điểm không có ý nghĩa: chỉ cần xử lý các điều kiện dưới đây trước.",
        "While the dossier is rejected the points mean nothing: deal with the conditions below first.";
    NotEnoughAnswered => "Chưa đủ câu trả lời để ước tính", "Not enough answered to estimate";
    EffortPapers => "giấy tờ có thể đã có", "papers you may already have";
    EffortLabel => "sửa bao bì, nhãn", "a change to packaging or label";
    EffortContent => "viết, quảng bá (vài tuần)", "writing and promotion (weeks)";
    EffortCertificate => "chứng nhận, kiểm nghiệm (nhiều tháng)", "a certificate or test (months)";
    EffortInvestment => "đầu tư, mở rộng thị trường", "investment or market development";
    EffortProduct => "cải tiến chất lượng sản phẩm", "improving the product itself";
    EffortGiven => "khó thay đổi", "hard to change";
    SummaryOpen => "Tóm tắt kết quả (1 trang)", "Result summary (1 page)";
    // The evidence package in the app (issue 14).
    PackageFilesUnreadable => "Không đọc được các tệp minh chứng đã lưu trên máy này, nên chưa tạo được gói. Hãy thử lại; nếu vẫn lỗi, hãy tải bản nháp (.json) và đính kèm lại ảnh.",
        "The evidence files stored on this device could not be read, so no package was made. Try again; if it fails again, download the draft (.json) and attach the pictures again.";
    PackageFailed => "Không tải được gói về máy. Hãy thử lại.", "The package could not be downloaded. Try again.";
    PackageWorking => "Đang đóng gói…", "Packing…";
    PackageHereTitle => "Gói của một bản nháp đã có", "A package of a draft already here";
    PackageNotImported => "Chưa nhập gói; không có gì trên máy này bị thay đổi.", "The package was not imported; nothing on this device changed.";
    PackageHint => "Gói .zip gồm bản nháp và mọi ảnh, tệp minh chứng: để sao lưu, chuyển sang điện thoại khác, hoặc nộp bản điện tử cho xã.",
        "The .zip package holds the draft and every evidence picture and file: for a backup, another phone, or the electronic set for the commune.";
    ShareNoFiles => "Đường liên kết không mang theo được ảnh và tệp minh chứng. Để gửi cả ảnh, hãy tải gói .zip và gửi tệp đó.",
        "A link cannot carry the evidence pictures and files. To send them too, download the .zip package and send that file.";
    // Help, glossary, symbols (issue 17).
    HelpButton => "Giải thích", "Explain";
    HelpTip => "Mẹo:", "Tip:";
    HelpPapers => "Giấy tờ thường dùng để chứng minh:", "Papers that usually prove it:";
    HelpTerms => "Từ ngữ trong tiêu chí này:", "Terms in this criterion:";
    HelpLoading => "Đang tải phần giải thích…", "Loading the explanation…";
    HelpUnavailable => "Chưa tải được phần giải thích. Khi có mạng, mở lại trang này một lần để lưu dùng khi không có mạng.",
        "The explanation could not be loaded. Once online, open this page again to keep it for offline use.";
    HelpIsExplanation => "Phần giải thích của ứng dụng bằng lời thường, không phải văn bản của Quyết định.",
        "The app's explanation in plain words, not the decision's text.";
    GlossaryTitle => "Thuật ngữ", "Glossary";
    GlossaryOpen => "Tra thuật ngữ", "Look up a term";
    GlossaryIntro => "Các từ ngữ dùng trong bộ tiêu chí và hồ sơ OCOP, giải thích bằng lời thường. Gõ không dấu cũng tìm được.",
        "The terms the OCOP criteria and forms use, in plain words. Search works without diacritics.";
    GlossarySearch => "Tìm thuật ngữ", "Search the glossary";
    GlossaryBack => "Quay lại", "Back";
    SymbolsTitle => "Ký hiệu trong bảng hỏi", "Symbols in the questionnaire";
    SymbolApprox => "Phần do ứng dụng suy ra hoặc diễn giải (ví dụ giấy tờ gợi ý, bản dịch tiếng Anh), không phải văn bản của Quyết định.",
        "What the app infers or explains (suggested papers, the English translation), not the decision's text.";
    SymbolStar => "Hạng sao: 1★ đến 5★. Điểm từ 90 là 5★, 70–89 là 4★, 50–69 là 3★, 30–49 là 2★, dưới 30 là 1★.",
        "Star rating: 1★ to 5★. 90 points or more is 5★, 70–89 4★, 50–69 3★, 30–49 2★, under 30 1★.";
    SymbolMinimum => "“Tối thiểu”: mức thấp nhất phải đạt ở tiêu chí đó để được 3★, 4★ hoặc 5★, dù tổng điểm đã đủ (Quyết định in dấu ***, ****, *****).",
        "“Minimum”: the lowest level a criterion must reach for 3★, 4★ or 5★, whatever the total (the decision prints ***, ****, *****).";
    SymbolEstimate => "“Ước tính”: điểm và hạng sao do ứng dụng tính từ câu trả lời của bạn; Hội đồng mới là nơi chấm chính thức.",
        "“Estimate”: the points and stars the app works out from your answers; only the council's scoring is official.";
    SymbolNote => "Tiêu chí đã có ghi chú minh chứng.", "The criterion has an evidence note.";
    HasNote => "đã ghi", "written";
    SymbolWarning => "Điều cần kiểm tra lại.", "Something to check again.";
    // Read-aloud (issue 17).
    ReadAloud => "Đọc to", "Read aloud";
    ReadAloudStop => "Dừng đọc", "Stop reading";
    ReadAloudNoVoice => "Điện thoại này chưa có giọng đọc tiếng Việt. Có thể cài thêm trong Cài đặt → Ngôn ngữ → Chuyển văn bản thành giọng nói (Text-to-speech).",
        "This device has no English voice. You can add one in Settings → Languages → Text-to-speech.";
    ReadAloudUnsupported => "Trình duyệt này không đọc to được. Hãy thử Chrome hoặc Firefox bản mới.",
        "This browser cannot read aloud. Try a recent Chrome or Firefox.";
    // What happens next (issue 17).
    NextStepsTitle => "Các bước tiếp theo: nộp hồ sơ ở đâu, khi nào", "What happens next: where and when to file";
    NextStepsSource => "Theo Điều 6, Điều 7 Quyết định 26/2026/QĐ-TTg, diễn giải bằng lời thường; ngày nộp là ước tính của ứng dụng.",
        "From Điều 6 and 7 of Decision 26/2026/QĐ-TTg, in plain words; the filing date is the app's estimate.";
    SummaryShare => "Gửi tóm tắt", "Send the summary";
    SummaryFailed => "Không mở được trang tóm tắt. Hãy thử lại; nếu trình duyệt chặn cửa sổ mới, hãy cho phép.",
        "The summary page could not be opened. Try again; if the browser blocks new windows, allow them.";
    SummaryCopied => "Đã chép bản tóm tắt.", "Summary copied.";
    ShareVia => "Gửi qua Zalo / ứng dụng khác", "Send via Zalo / another app";
    ShareFailed => "Không gửi được. Hãy chép liên kết và dán vào ứng dụng.",
        "Could not send. Copy the link and paste it into the app.";

    // Drafts.
    DraftsTitle => "Bản nháp của bạn", "Your drafts";
    DraftsIntro => "Mọi thay đổi được lưu ngay trên máy này. Mỗi bản nháp là một sản phẩm.",
        "Every change is saved at once on this device. Each draft is one product.";
    DraftsIntroUnsaved => "Trình duyệt đang không cho lưu: các bản nháp chỉ còn đến khi đóng trang — hãy tải xuống để giữ lại. Mỗi bản nháp là một sản phẩm.",
        "The browser is not letting anything be saved: drafts last only until the page is closed — download them to keep them. Each draft is one product.";
    NoDrafts => "Chưa có bản nháp nào.", "No drafts yet.";
    NewDraft => "Tạo bản nháp mới", "New draft";
    Open => "Mở", "Open";
    Rename => "Đổi tên", "Rename";
    Duplicate => "Nhân bản", "Duplicate";
    Delete => "Xóa", "Delete";
    Save => "Lưu", "Save";
    Cancel => "Hủy", "Cancel";
    ConfirmDeleteYes => "Xóa hẳn", "Delete for good";
    CopySuffix => "(bản sao)", "(copy)";
    Download => "Tải bản nháp về (.json)", "Download the draft (.json)";
    CurrentDraft => "đang mở", "open";
    NewNameLabel => "Tên mới", "New name";
    Untitled => "Chưa đặt tên", "Untitled";

    // Storage and errors.
    StorageUnavailable => "Trình duyệt không cho lưu dữ liệu trên máy. Bạn vẫn làm tiếp được, nhưng câu trả lời sẽ mất khi đóng trang — hãy tải bản nháp xuống.",
        "The browser does not allow saving on this device. You can keep working, but answers are lost when the page closes — download your drafts.";
    StorageFull => "Bộ nhớ của trình duyệt đã đầy nên thay đổi mới chưa được lưu. Hãy xóa bớt bản nháp hoặc tải chúng xuống.",
        "The browser's storage is full, so new changes are not saved. Delete some drafts or download them.";
    StoreUnreadable => "Dữ liệu đã lưu trước đây không đọc được. Bản gốc được giữ lại làm bản sao lưu.",
        "The data saved earlier could not be read. The original was kept as a backup.";
    DownloadBackup => "Tải bản sao lưu", "Download the backup";
    StorageBlocked => "Một thẻ khác đang mở phiên bản cũ của ứng dụng nên thay đổi ở đây chưa được lưu. Hãy đóng thẻ đó hoặc tải lại trang này.",
        "Another tab has an older version of the app open, so changes here are not saved. Close that tab or reload this page.";
    StorageFailed => "Trình duyệt báo lỗi khi lưu nên thay đổi mới chưa được lưu. Bạn vẫn làm tiếp được; hãy tải bản nháp xuống cho chắc.",
        "The browser reported an error while saving, so new changes are not saved. You can keep working; download your drafts to be safe.";
    LoadingDrafts => "Đang mở các bản nháp trên máy…", "Opening the drafts on this device…";
    SyncConflict => "Một cửa sổ khác cũng vừa sửa bản nháp này ở cùng chỗ. Ứng dụng giữ những gì bạn vừa chọn ở đây:",
        "Another tab or window changed the same items of this draft. What you chose here was kept:";
    TakeTheirs => "Dùng bản của cửa sổ kia", "Use the other tab's";
    KeptData => "Có dữ liệu trên máy mà phiên bản này của ứng dụng không đọc được (có thể do một phiên bản mới hơn, hoặc bị hỏng). Dữ liệu đó được giữ nguyên, không bị ghi đè; bạn có thể tải một bản sao về máy.",
        "Some data on this device could not be read by this version of the app (perhaps written by a newer version, or damaged). It is kept as it is and never overwritten; you can download a copy.";
    DownloadKept => "Tải bản sao dữ liệu không đọc được", "Download a copy of the unreadable data";
    RoomLow => "Bộ nhớ trình duyệt dành cho ứng dụng sắp đầy. Hãy tải các bản nháp quan trọng về máy và xóa bớt bản nháp cũ.",
        "The browser's storage for this app is nearly full. Download the drafts that matter and delete old ones.";
    RoomFull => "Bộ nhớ trình duyệt dành cho ứng dụng đã gần hết: thay đổi mới có thể không lưu được. Hãy tải bản nháp về máy ngay.",
        "The browser's storage for this app is almost used up: new changes may not be saved. Download your drafts now.";
    Dismiss => "Đóng thông báo", "Dismiss";
    ErrorTitle => "Đã xảy ra lỗi", "Something went wrong";
    ErrorBody => "Ứng dụng gặp lỗi không mong muốn và đã dừng. Các bản nháp đã lưu trên máy vẫn còn: hãy tải chúng xuống, rồi tải lại trang.",
        "The app hit an unexpected error and stopped. The drafts saved on this device are still there: download them, then reload the page.";
    ErrorDownload => "Tải các bản nháp đã lưu (JSON)", "Download saved drafts (JSON)";
    ErrorReload => "Tải lại trang", "Reload the page";
    ErrorNothingSaved => "Không có bản nháp nào được lưu trên máy này.", "No drafts are saved on this device.";

    // Dossier: producer and product details, downloads, import (issue #4).
    NavDetails => "Hồ sơ", "Dossier";
    DetailsTitle => "Hồ sơ đăng ký OCOP", "OCOP registration dossier";
    DetailsIntro => "Thông tin dưới đây dùng cho Mẫu 01 (phiếu đăng ký) và Mẫu 02 (báo cáo tự đánh giá). Không có mục nào bắt buộc: mục còn trống sẽ ghi “cần bổ sung” trong hồ sơ.",
        "These details go into Mẫu 01 (registration form) and Mẫu 02 (self-assessment report). Nothing is required: an empty item is marked “cần bổ sung” (to be completed) in the dossier.";
    SavedHere => "Mọi thay đổi được lưu ngay trên máy này.", "Every change is saved at once on this device.";
    NotSavedHere => "Trình duyệt đang không cho lưu: hãy tải bản nháp xuống trước khi đóng trang.",
        "The browser is not letting anything be saved: download the draft before closing the page.";
    ProducerSection => "Chủ thể sản xuất", "Producer";
    RepresentativeSection => "Người đại diện theo pháp luật", "Legal representative";
    RepresentativeNote => "Giới tính, dân tộc và tình trạng khuyết tật của người đại diện là căn cứ chấm tiêu chí 3.2 (đạt khi người đại diện là nữ, người dân tộc thiểu số hoặc người khuyết tật).",
        "Criterion 3.2 is scored on the representative's gender, ethnicity and disability status (met when the representative is a woman, from an ethnic minority or a person with a disability).";
    ProductSection => "Sản phẩm", "Product";
    ClassificationLabel => "Phân loại sản phẩm (theo bộ sản phẩm đã chọn)", "Product classification (from the chosen product set)";
    RegistrationTypeLabel => "Hình thức đăng ký", "Registration type";
    RegFirstTime => "Đánh giá lần đầu", "First evaluation";
    RegUpgrade => "Nâng hạng", "Upgrade (higher star rating)";
    RegReEvaluation => "Đánh giá lại", "Re-evaluation";
    UpgradeWhy => "Nâng hạng (Điều 6 khoản 1 điểm b): báo cáo phải thể hiện rõ nội dung và tài liệu minh chứng về những thay đổi so với sản phẩm OCOP đã được công nhận.",
        "Upgrade (Article 6, clause 1, point b): the report must show clearly, with evidence, what changed from the recognised OCOP product.";
    ReEvaluationWhy => "Đánh giá lại (Điều 6 khoản 1 điểm c): cập nhật những nội dung mới và kết quả sau thời gian được công nhận (nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, phiếu kiểm nghiệm định kỳ, thị trường tiêu thụ, sản lượng, doanh thu) và bổ sung minh chứng các giấy tờ pháp lý có thời hạn.",
        "Re-evaluation (Article 6, clause 1, point c): update what is new and the results since recognition (raw materials, technology, packaging, labels, quality declaration, periodic test reports, markets, output, revenue) and add the renewed time-limited legal papers.";
    RecognitionHint => "Ví dụ: Quyết định số 123/QĐ-UBND của UBND tỉnh, sản phẩm OCOP 3 sao",
        "For example: Decision no. 123/QĐ-UBND of the provincial People's Committee, 3-star OCOP product";
    ChangesHint => "Ví dụ: nguyên liệu, công nghệ, bao bì, nhãn mác, tiêu chuẩn, chứng nhận mới; tài liệu minh chứng kèm ở phụ lục.",
        "For example: raw materials, technology, packaging, label, standard, new certificates; the evidence goes in the annex.";
    UpdatesHint => "Nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, phiếu kiểm nghiệm định kỳ, thị trường tiêu thụ, sản lượng, doanh thu.",
        "Raw materials, technology, packaging, labels, quality declaration, periodic test reports, markets, output, revenue.";
    ExpiringPapersHint => "Ví dụ: giấy chứng nhận cơ sở đủ điều kiện ATTP số …, còn hạn đến …; bản sao kèm ở phụ lục.",
        "For example: food-safety eligibility certificate no. …, valid until …; copies go in the annex.";
    RegExtraKept => "Những gì bạn đã ghi cho Nâng hạng hoặc Đánh giá lại vẫn được giữ, nhưng không in vào hồ sơ của hình thức đang chọn.",
        "What you wrote for an upgrade or a re-evaluation is kept, but not printed in the dossier of the type chosen now.";
    HistorySection => "Lịch sử và tổ chức (Mẫu 02, Phần I, mục 8–9)", "History and organisation (Mẫu 02, Part I, items 8–9)";
    HistoryHint => "Nêu các giai đoạn hình thành và phát triển.", "The stages of founding and growth.";
    OrganisationHint => "Ví dụ: ban giám đốc, các bộ phận, số thành viên, số lao động.",
        "For example: management, departments, number of members and of workers.";
    Part2Section => "Phần II. Kết quả thực hiện phương án sản xuất kinh doanh",
        "Part II. Results of the production and business plan";
    Part2Intro => "Đánh giá kết quả triển khai phương án sản xuất, kinh doanh theo phương án khi tham gia OCOP; trình bày rõ bốn nội dung dưới đây.",
        "How the production and business plan made on joining OCOP was carried out; the form asks for the four points below.";
    QualityChangesHint => "Chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn mác, hình thức đóng gói,…",
        "Quality, quality standard, packaging, label, form of packing…";
    MarketsHint => "Ví dụ: trong tỉnh, các tỉnh khác, đại lý, siêu thị, sàn thương mại điện tử, xuất khẩu.",
        "For example: in the province, other provinces, agents, supermarkets, e-commerce, export.";
    ResultsHint => "Doanh thu, lợi nhuận: nhận xét ở đây, số liệu ở bảng dưới.",
        "Revenue and profit: comments here, the figures in the table below.";
    FiguresLegend => "Doanh thu, lợi nhuận (triệu đồng)", "Revenue and profit (million VND)";
    FiguresHint => "Hai năm trước năm nộp hồ sơ (tính theo ngày tải hồ sơ). Ghi số như báo cáo tài chính, ví dụ 1.250.",
        "The two years before the year of filing (counted from the day the dossier is downloaded). Write the figures as in the financial report, e.g. 1.250.";
    Part3Pointer => "Phần III (điểm tự đánh giá theo Bộ tiêu chí và “mô tả, chứng minh” của từng tiêu chí) được điền ở Bảng hỏi.",
        "Part III (the self-assessed score of each criterion and its “description and proof”) is filled in on the questionnaire.";
    Part4Section => "Phần IV. Kế hoạch sản xuất, kinh doanh", "Part IV. Production and business plan";
    PlanHint => "Trình bày những định hướng, kế hoạch trong thời gian tới về phát triển sản phẩm, tổ chức sản xuất, thị trường.",
        "Your direction and plans for the coming years: product development, production, markets.";
    OrgTypeHint => "Ví dụ: hợp tác xã, doanh nghiệp, hộ kinh doanh, tổ hợp tác", "For example: cooperative, company, household business, cooperative group";
    PhoneHint => "Ví dụ: 0912 345 678 hoặc 024 3825 1234", "For example: 0912 345 678 or 024 3825 1234";
    EmailHint => "Ví dụ: htx.tanlap@gmail.com", "For example: htx.tanlap@gmail.com";
    DateHint => "Ngày/tháng/năm, ví dụ 05/03/2021", "Day/month/year, for example 05/03/2021";
    SpecificationHint => "Ví dụ: chai thủy tinh 500 ml; thùng 12 chai", "For example: 500 ml glass bottle; box of 12";
    StandardHint => "Ví dụ: TCCS 01:2024/HTX, TCVN 5107:2018", "For example: TCCS 01:2024/HTX, TCVN 5107:2018";
    CertificatesHint => "Ví dụ: giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, VietGAP, ISO 22000, bản tự công bố chất lượng",
        "For example: food-safety eligibility certificate, VietGAP, ISO 22000, quality self-declaration";
    IpHint => "Ví dụ: giấy chứng nhận đăng ký nhãn hiệu số …, quyền sử dụng chỉ dẫn địa lý", "For example: trademark certificate no. …, right to use a geographical indication";
    MissingTitle => "Cần bổ sung", "To be completed";
    ProvinceBlank => "Tỉnh, thành phố trong địa chỉ (ghi ở cuối địa chỉ, ví dụ \"…, tỉnh Lào Cai\")", "The province or city in the address (at its end, e.g. \"…, tỉnh Lào Cai\")";
    MissingIntro => "Đây là những chỗ hồ sơ nộp còn để trống (dòng chấm). Bạn vẫn tải hồ sơ được bất cứ lúc nào.",
        "These are the places the filing copy still leaves blank (dotted lines). You can still download it at any time.";
    MissingDetails => "Thông tin hồ sơ", "Details";
    MissingScores => "Tiêu chí chưa tự đánh giá", "Criteria not yet self-assessed";
    MissingDescriptions => "Tiêu chí chưa có “mô tả, chứng minh”", "Criteria without a “description and proof”";
    MissingCriteriaLater => "Các tiêu chí được đếm khi phiếu chấm điểm đã tải xong.",
        "The criteria are counted once the scoring sheet has loaded.";
    NothingMissing => "Hồ sơ nộp không còn chỗ trống.", "The filing copy has no blanks left.";
    NothingMissingDetails => "Đã điền đủ thông tin chủ thể và sản phẩm.", "All producer and product details are filled in.";
    CheckTitle => "Cần kiểm tra", "To check";
    CheckIntro => "Các mục này đã có nội dung nhưng có vẻ chưa đúng; hồ sơ in đúng như bạn đã gõ.",
        "These items are filled in but look doubtful; the dossier prints them exactly as typed.";
    GoToQuestionnaire => "Đến bảng hỏi", "Go to the questionnaire";
    DownloadsTitle => "Tải hồ sơ và sao lưu", "Download and back up";
    FilingTitle => "Hồ sơ nộp (Mẫu 01 + Mẫu 02 + phụ lục minh chứng)", "Filing copy (Mẫu 01 + Mẫu 02 + evidence annex)";
    FilingHint => "Bản nộp cho UBND xã: các mẫu đúng như Quyết định in, điền sẵn những gì bạn đã ghi; chỗ còn trống để dòng chấm. Mở và sửa được bằng Word hoặc LibreOffice.",
        "The copy to file with the commune: the forms as the decision prints them, with what you wrote; blanks stay as dotted lines. Opens and edits in Word or LibreOffice.";
    FilingInVietnamese => "Bằng tiếng Việt, ngôn ngữ nộp hồ sơ.", "In Vietnamese, the language the dossier is filed in.";
    DownloadDocx => "Tải hồ sơ nộp (.docx)", "Download the filing copy in Vietnamese (.docx)";
    OpenPrint => "Mở trang in hồ sơ nộp (lưu PDF)", "Open the filing copy's print page in Vietnamese (save as PDF)";
    EnglishCopyHint => "Bản đọc tiếng Anh chỉ để đọc, không nộp: tên tệp bắt đầu bằng english-reading-copy.",
        "The English reading copy is for reading only, never for filing: its file name starts with english-reading-copy.";
    EnglishCopyDocx => "Bản đọc tiếng Anh (.docx)", "English reading copy (.docx)";
    EnglishCopyPrint => "Bản đọc tiếng Anh: trang in", "English reading copy: print page";
    WorkingTitle => "Bản làm việc (không nộp): điểm ước tính, còn thiếu gì, gợi ý",
        "Working copy (not filed): estimated score, what is missing, advice";
    WorkingHint => "Cho riêng bạn và cán bộ hỗ trợ: điểm và hạng sao ước tính, các yêu cầu tối thiểu chưa đạt, những chỗ hồ sơ nộp còn trống, gợi ý minh chứng. Không nộp bản này.",
        "For you and whoever helps you: the estimated score and stars, the star minimums not met, what the filing copy still leaves blank, evidence suggestions. Do not file it.";
    WorkingDocx => "Tải bản làm việc (.docx)", "Download the working copy in English (.docx)";
    WorkingPrint => "Mở trang in bản làm việc", "Open the working copy's print page (English)";
    Mau03Title => "Mẫu 03 (cho UBND xã)", "Mẫu 03 (for the commune People's Committee)";
    Mau03Hint => "Báo cáo của UBND xã đánh giá một số nội dung của hồ sơ (Điều 6 khoản 2 điểm b). Bản này được soạn sẵn từ bản nháp để cán bộ xã hoàn thiện, ký và đóng dấu; chủ thể không ký bản này.",
        "The commune People's Committee's report on some points of the dossier (Article 6, clause 2, point b), drafted from this draft for the commune officer to complete, sign and seal; the producer does not sign it. In Vietnamese, as the commune files it.";
    Mau03Docx => "Tải Mẫu 03 (.docx)", "Download Mẫu 03 in Vietnamese (.docx)";
    Mau03Print => "Mở trang in Mẫu 03", "Open Mẫu 03's print page (Vietnamese)";
    OpenPrintHint => "Trên điện thoại: mở trang in, chọn Chia sẻ hoặc In, rồi Lưu dưới dạng PDF.",
        "On a phone: open the print page, choose Share or Print, then Save as PDF.";
    ExportJson => "Tải bản nháp về (.json)", "Download the draft (.json)";
    ImportJson => "Nhập bản nháp từ tệp .json", "Import a draft from a .json file";
    BackupAll => "Tải tất cả bản nháp (sao lưu)", "Download all drafts (backup)";
    BackupHint => "Một tệp chứa mọi bản nháp. Giữ nó ở nơi khác (máy tính, Zalo, thư điện tử); nhập lại tệp đó ở đây hoặc trên máy khác để khôi phục.",
        "One file with every draft. Keep it somewhere else (a computer, a chat, e-mail); import it here or on another device to restore.";
    ImportHint => "Tệp nhập vào được thêm thành một bản nháp mới; không bản nháp nào bị ghi đè. Tệp sao lưu (ocop-ban-nhap-….json) được khôi phục cả bộ.",
        "An imported file is added as a new draft; no draft is overwritten. A backup file (ocop-ban-nhap-….json) is restored whole.";
    ImportFailed => "Không nhập được tệp.", "The file could not be imported.";
    ImportReading => "Đang đọc tệp…", "Reading the file…";
    Preparing => "Đang tạo hồ sơ…", "Preparing the dossier…";
    FileReady => "Đã tạo tệp:", "File ready:";
    PrintOpened => "Đã mở trang in trong thẻ mới.", "The print page opened in a new tab.";
    PrintBlocked => "Trình duyệt chặn mở thẻ mới nên trang in được tải xuống thành tệp .html; hãy mở tệp đó để in hoặc lưu PDF.",
        "The browser blocked the new tab, so the print page was downloaded as an .html file; open it to print or save as PDF.";
    DossierFailed => "Không tạo được hồ sơ. Lần đầu tạo hồ sơ cần kết nối mạng; hãy kiểm tra kết nối rồi thử lại.",
        "The dossier could not be made. The first time needs a network connection; check it and try again.";

    // ---- Beyond one online tab: the new-version notice, share links and QR codes, embedding,
    // demonstration mode.
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
    LeaveOutContact => "Không đưa thông tin liên hệ và số liệu kinh doanh vào liên kết (địa chỉ, điện thoại, email, người đại diện, doanh thu, lợi nhuận)",
        "Leave contact details and business figures out of the link (address, phone, e-mail, representative, revenue, profit)";
    QrTitle => "Mã QR", "QR code";
    QrHint => "Người nhận quét mã này bằng camera điện thoại để mở bản nháp.",
        "The receiver scans this code with a phone camera to open the draft.";
    QrAlt => "Mã QR của liên kết chia sẻ", "QR code of the share link";
    ExportFile => "Tải bản nháp về (.json) để gửi", "Download the draft (.json) to send";
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
    SetMisfitsAside => "Bỏ các mục này khỏi bản nháp", "Remove these items from the draft";
    IncomingUnchecked => "Chưa kiểm tra được bản nháp này: không tải được phiếu chấm của bộ sản phẩm (máy đang không có mạng?). Bản nháp chỉ được thêm sau khi đã kiểm tra; hãy thử lại khi có mạng.",
        "This draft cannot be checked yet: the product set's scoring sheet could not be loaded (is the device offline?). A draft is added only once checked; try again when online.";
    IncomingAdd => "Thêm thành bản nháp mới", "Add as a new draft";
    IncomingIgnore => "Không thêm", "Don't add";
    IncomingErrorTitle => "Không mở được liên kết chia sẻ", "The share link could not be opened";
    IncomingNote => "Bản nháp sẽ được thêm như một bản mới; các bản nháp hiện có không bị thay đổi.",
        "The draft is added as a new one; your existing drafts are not changed.";

    // Demonstration mode.
    DemoEntryTitle => "Chế độ trình diễn", "Demonstration mode";
    DemoEntryIntro => "Dành cho cán bộ khuyến nông: mở các sản phẩm ví dụ để hướng dẫn. Bản nháp của bạn vẫn được giữ nguyên.",
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

    // ---- A share link for a draft already here (update or copy); the draft cards.
    IncomingUpdate => "Cập nhật bản nháp này", "Update this draft";
    IncomingAddCopy => "Thêm thành bản sao", "Add as a copy";
    IncomingOpenHere => "Mở bản nháp trên máy", "Open the draft on this device";
    IncomingUpdateNote => "Cập nhật: câu trả lời và nội dung lấy theo liên kết; những gì liên kết để trống (thông tin liên hệ, số liệu kinh doanh, ghi chú chưa có trong liên kết) giữ nguyên như trên máy.",
        "Update: the answers and texts come from the link; whatever the link leaves blank (contact details, business figures, notes it does not have) stays as it is on this device.";
    IncomingSame => "Bản nháp trên máy đã giống hệt liên kết này; không có gì để cập nhật.",
        "The draft on this device is already the same as this link; there is nothing to update.";
    IncomingLocalNewer => "Lưu ý: bản nháp trên máy được sửa sau bản trong liên kết. Cập nhật sẽ thay câu trả lời trên máy bằng câu trả lời trong liên kết.",
        "Note: the draft on this device was changed after the one in the link. Updating replaces this device's answers with the link's.";
    CardNotEnough => "Chưa đủ câu trả lời để ước tính", "Not enough answers for an estimate";
    MoreActions => "Thao tác khác", "More actions";

    // ---- Field-ready (issue 13, items 6–8): offline, the header, the questionnaire's index,
    // the details against the answers.
    OfflineReady => "Đã sẵn sàng dùng khi không có mạng (cả 26 bộ phiếu chấm điểm và phần tạo hồ sơ).",
        "Ready to use offline (all 26 scoring sheets and the dossier writer).";
    OfflineNow => "Không có mạng", "Offline";
    OfflineNowMore => "Máy đang không có mạng. Ứng dụng vẫn dùng được; mọi thay đổi vẫn được lưu trên máy.",
        "This device is offline. The app still works; every change is still saved on this device.";
    OkGotIt => "Đã hiểu", "Got it";
    NavNewShort => "Mới", "New";
    TocTitle => "Mục lục", "Contents";
    TocHint => "Bấm để đến phần, mục. Số bên phải: đã trả lời / số câu.",
        "Tap to go to a part or section. The figures: answered / questions.";
    BackToToc => "Về mục lục", "Back to contents";
    ProductNameFromDraft => "Lấy từ tên bản nháp; bạn sửa được.", "Taken from the draft's name; you can change it.";
    UseDraftName => "Dùng tên bản nháp:", "Use the draft's name:";

    // ---- Evidence files on the phone (issue 14): the attach block under each criterion and
    // each row of Mẫu 02's evidence table.
    AttachTakePhoto => "Chụp ảnh", "Take a photo";
    AttachChoose => "Chọn ảnh hoặc PDF", "Choose photos or PDFs";
    AttachWorking => "Đang xử lý tệp…", "Processing the file…";
    AttachCaption => "Chú thích", "Caption";
    AttachUp => "Lên", "Up";
    AttachDown => "Xuống", "Down";
    AttachReplace => "Thay", "Replace";
    AttachDelete => "Xóa", "Delete";
    AttachPdf => "Tệp PDF", "PDF file";
    AttachPhoto => "Ảnh", "Photo";
    AttachTableTitle => "Tài liệu minh chứng theo bảng của Mẫu 02", "Evidence papers by the table of Form 02";
    AttachTableIntro => "Chụp hoặc chọn giấy tờ cho từng dòng của bảng tài liệu minh chứng; ảnh được thu nhỏ và lưu trên máy cùng bản nháp, kể cả khi không có mạng.",
        "Photograph or choose the papers for each row of the evidence table; photos are made smaller and kept on this device with the draft, offline too.";
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
        assert_eq!(t(Lang::Vi, Key::OpenShare), "Chia sẻ");
        assert_eq!(t(Lang::En, Key::UpdateReload), "Reload");
    }

    #[test]
    fn one_label_for_one_action_and_old_style_accents() {
        // Downloading a draft's file reads the same on the drafts list and the dossier screen.
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(t(lang, Key::Download), t(lang, Key::ExportJson));
            assert!(t(lang, Key::ExportFile).starts_with(t(lang, Key::Download)));
        }
        assert_eq!(t(Lang::Vi, Key::Download), "Tải bản nháp về (.json)");
        // The new tab's full name is the drafts list's button.
        assert_eq!(t(Lang::Vi, Key::NewDraft), "Tạo bản nháp mới");
        // The decision writes "hóa", "minh họa": the accent on the first vowel of an open
        // "oa", "oe", "uy" (old style), so "Xóa", "Hủy".
        let new_style = [
            "oá", "oà", "oả", "oã", "oạ", "oé", "oè", "oẻ", "oẽ", "oẹ", "uý", "uỳ", "uỷ", "uỹ",
            "uỵ",
        ];
        for k in Key::ALL {
            let text = t(Lang::Vi, *k);
            for (i, _) in text.char_indices() {
                let rest = &text[i..];
                for pat in new_style {
                    if let Some(after) = rest.strip_prefix(pat) {
                        let open = !after.starts_with(char::is_alphabetic);
                        let qu = pat.starts_with('u') && text[..i].ends_with(['q', 'Q']);
                        assert!(!open || qu, "{k:?}: “{text}” has a new-style “{pat}”");
                    }
                }
            }
        }
    }

    #[test]
    fn the_share_demo_and_update_strings_are_translated() {
        // These keys came from a table whose test also required a real translation.
        let first = Key::ALL
            .iter()
            .position(|k| *k == Key::UpdateReady)
            .expect("UpdateReady is in the table");
        for k in &Key::ALL[first..] {
            assert_ne!(t(Lang::Vi, *k), t(Lang::En, *k), "{k:?} is translated");
        }
    }
}
