//! Strings with numbers and names in them, and the wording of the engine's typed results
//! (advice, unmet minimums, knock-outs). Errors and the details' labels are in `messages`.

use crate::assess::{Advice, Assessment, KnockOutFix, NextStar, PlanEnd, UnmetMinimum};

use super::ui::{t, Key};
use crate::draft::Draft;
use crate::lang::Lang;
use crate::rubric::effort::Effort;
use crate::rubric::{Catalogue, Criterion, KnockOutEffect, ProductSet};

fn pick(lang: Lang, vi: String, en: String) -> String {
    lang.pick(vi, en)
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "3 điểm" / "3 points".
pub fn points(lang: Lang, n: impl Into<u64>) -> String {
    let n = n.into();
    pick(lang, format!("{n} điểm"), plural(n, "point", "points"))
}

/// "tối đa 3 điểm" / "max 3 points".
pub fn max_points(lang: Lang, n: impl Into<u64>) -> String {
    let n = n.into();
    pick(
        lang,
        format!("tối đa {n} điểm"),
        format!("max {}", plural(n, "point", "points")),
    )
}

/// "Mức 2" / "Level 2".
pub fn level(lang: Lang, position: u8) -> String {
    pick(lang, format!("Mức {position}"), format!("Level {position}"))
}

/// Badge on a level that carries a star marker: "cần cho 3★" / "needed for 3★".
pub fn needed_for(lang: Lang, stars: u8) -> String {
    pick(
        lang,
        format!("cần cho {stars}★"),
        format!("needed for {stars}★"),
    )
}

/// One entry of a criterion's minimum line: "3★: mức 2" / "3★: level 2".
pub fn minimum_entry(lang: Lang, stars: u8, position: u8) -> String {
    pick(
        lang,
        format!("{stars}★: mức {position}"),
        format!("{stars}★: level {position}"),
    )
}

/// "Phần A" / "Part A".
pub fn part_heading(lang: Lang, code: &str) -> String {
    pick(lang, format!("Phần {code}"), format!("Part {code}"))
}

/// "Tiêu chí 1.5" / "Criterion 1.5".
pub fn criterion(lang: Lang, code: &str) -> String {
    pick(
        lang,
        format!("Tiêu chí {code}"),
        format!("Criterion {code}"),
    )
}

/// Title of an alternative level list (tourism set). The English data already says "Case n: …".
pub fn case_title(lang: Lang, n: usize, text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.starts_with("case") || lower.starts_with("trường hợp") {
        text.to_string()
    } else {
        pick(
            lang,
            format!("Trường hợp {n}: {text}"),
            format!("Case {n}: {text}"),
        )
    }
}

/// "Đã trả lời 3/40 tiêu chí" / "Answered 3/40 criteria": the criteria self-assessed, as the
/// result, the dossier and the working copy count them (knock-out questions apart).
pub fn progress(lang: Lang, answered: usize, total: usize) -> String {
    pick(
        lang,
        format!("Đã trả lời {answered}/{total} tiêu chí"),
        format!(
            "Answered {answered}/{total} {}",
            if total == 1 { "criterion" } else { "criteria" }
        ),
    )
}

/// `n` with its thousands grouped: "10.000" in Vietnamese, "10,000" in English.
pub fn thousands(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = lang.pick('.', ',');
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "Còn 523 ký tự (tối đa 10.000)": under a long text near its limit.
pub fn chars_left(lang: Lang, left: usize, max: usize) -> String {
    pick(
        lang,
        format!(
            "Còn {} ký tự (tối đa {})",
            thousands(lang, left),
            thousands(lang, max)
        ),
        format!(
            "{} {} left (at most {})",
            thousands(lang, left),
            if left == 1 { "character" } else { "characters" },
            thousands(lang, max)
        ),
    )
}

/// Said beside the filing copy's downloads while it has blanks: how many, and that it can be
/// downloaded all the same. `counted_all` is false before the scoring sheet is loaded (only the
/// details are counted then).
pub fn blanks_left(lang: Lang, n: usize, counted_all: bool) -> String {
    match (lang, counted_all) {
        (Lang::Vi, true) => format!("Hồ sơ nộp còn {n} chỗ trống (xem “Cần bổ sung” ở trên). Vẫn tải được: chỗ trống in thành dòng chấm để điền tay sau."),
        (Lang::Vi, false) => format!("Hồ sơ nộp còn ít nhất {n} chỗ trống (xem “Cần bổ sung” ở trên). Vẫn tải được: chỗ trống in thành dòng chấm để điền tay sau."),
        (Lang::En, true) => format!(
            "The filing copy still has {} (see “To be completed” above). You can download it all the same: blanks stay as dotted lines to fill in by hand.",
            plural(n as u64, "blank", "blanks")
        ),
        (Lang::En, false) => format!(
            "The filing copy still has at least {} (see “To be completed” above). You can download it all the same: blanks stay as dotted lines to fill in by hand.",
            plural(n as u64, "blank", "blanks")
        ),
    }
}

/// A criterion in the "cần bổ sung" list, for screen readers: "Tiêu chí 1.2: Nguồn nguyên liệu".
pub fn criterion_named(lang: Lang, code: &str, name: &str) -> String {
    pick(
        lang,
        format!("Tiêu chí {code}: {name}"),
        format!("Criterion {code}: {name}"),
    )
}

/// "Tìm thấy 2 bộ sản phẩm" / "2 product sets found".
pub fn search_count(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("Tìm thấy {n} bộ sản phẩm"),
        format!("{} found", plural(n as u64, "product set", "product sets")),
    )
}

/// "Bộ số 9 · I.4.a" / "Set no. 9 · I.4.a".
pub fn set_number(lang: Lang, no: u8, classification: &str) -> String {
    pick(
        lang,
        format!("Bộ số {no} · {classification}"),
        format!("Set no. {no} · {classification}"),
    )
}

/// "62/100 điểm" / "62/100 points".
pub fn total(lang: Lang, total: u16, max: u16) -> String {
    pick(
        lang,
        format!("{total}/{max} điểm"),
        format!("{total}/{max} points"),
    )
}

/// "3 sao" / "3 stars".
pub fn stars(lang: Lang, n: u8) -> String {
    pick(lang, format!("{n} sao"), plural(n, "star", "stars"))
}

/// Score range of a band: the decision's "từ 70 đến dưới 90 điểm" in whole points (every
/// level scores whole points, so a total is a whole number).
pub fn band_range(band: u8) -> &'static str {
    match band {
        5 => "90–100",
        4 => "70–89",
        3 => "50–69",
        2 => "30–49",
        _ => "0–29",
    }
}

/// "Khung điểm 4★ (70–89)" / "Score band 4★ (70–89)".
pub fn band(lang: Lang, band: u8) -> String {
    let r = band_range(band);
    pick(
        lang,
        format!("Khung điểm {band}★ ({r})"),
        format!("Score band {band}★ ({r})"),
    )
}

/// A part's bar: "Phần A: 12/40" / "Part A: 12/40".
pub fn part_score(lang: Lang, code: &str, points: u16, max: u16) -> String {
    pick(
        lang,
        format!("Phần {code}: {points}/{max}"),
        format!("Part {code}: {points}/{max}"),
    )
}

/// An unmet minimum in words.
pub fn unmet_minimum(lang: Lang, u: &UnmetMinimum) -> String {
    let c = &u.criterion;
    let (s, pos) = (u.stars, u.required_position);
    pick(
        lang,
        format!(
            "Tiêu chí {c}: cần mức {pos} ({}) cho {s}★ — hiện có {}",
            points(Lang::Vi, u.required_points),
            points(Lang::Vi, u.points)
        ),
        format!(
            "Criterion {c}: needs level {pos} ({}) for {s}★ — now {}",
            points(Lang::En, u.required_points),
            points(Lang::En, u.points)
        ),
    )
}

/// A triggered knock-out: "Hồ sơ bị loại: …" / "Dossier rejected: …".
pub fn knock_out(lang: Lang, effect: KnockOutEffect, text: &str) -> String {
    match effect {
        KnockOutEffect::Rejected => pick(
            lang,
            format!("Hồ sơ bị loại: {text}"),
            format!("Dossier rejected: {text}"),
        ),
        KnockOutEffect::NotEvaluated => pick(
            lang,
            format!("Không được đánh giá tiếp: {text}"),
            format!("Not evaluated further: {text}"),
        ),
    }
}

/// "2 câu hỏi về điều kiện loại hồ sơ chưa trả lời".
pub fn open_knock_outs(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} câu hỏi về điều kiện loại hồ sơ chưa trả lời"),
        format!(
            "{} about rejecting the dossier not answered",
            plural(n as u64, "question", "questions")
        ),
    )
}

/// "12 tiêu chí chưa trả lời (tính 0 điểm)".
pub fn unanswered(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} tiêu chí chưa trả lời (tính 0 điểm)"),
        format!(
            "{} not answered (counted as 0 points)",
            plural(n as u64, "criterion", "criteria")
        ),
    )
}

/// What the next star needs.
pub fn next_star(lang: Lang, n: &NextStar) -> String {
    let s = n.stars;
    let (vi_min, en_min) = (
        format!("{} yêu cầu tối thiểu chưa đạt", n.blocking_minimums),
        plural(
            n.blocking_minimums as u64,
            "required minimum is not met",
            "required minimums are not met",
        ),
    );
    let (vi, en) = match (n.points_needed > 0, n.blocking_minimums > 0) {
        // Enough points already: only the minimums stand in the way.
        (false, _) => (
            format!(
                "Đã đủ điểm cho {s}★ (từ {}), nhưng còn {vi_min}.",
                points(Lang::Vi, n.threshold)
            ),
            format!(
                "Enough points for {s}★ ({} or more), but {en_min}.",
                points(Lang::En, n.threshold)
            ),
        ),
        (true, false) => (
            format!(
                "Để đạt {s}★ cần từ {} trở lên, còn thiếu {}.",
                points(Lang::Vi, n.threshold),
                points(Lang::Vi, n.points_needed)
            ),
            format!(
                "{s}★ needs {} or more: {} to go.",
                points(Lang::En, n.threshold),
                points(Lang::En, n.points_needed)
            ),
        ),
        (true, true) => (
            format!(
                "Để đạt {s}★ cần từ {} trở lên (còn thiếu {}) và đạt {} yêu cầu tối thiểu còn thiếu.",
                points(Lang::Vi, n.threshold),
                points(Lang::Vi, n.points_needed),
                n.blocking_minimums
            ),
            format!(
                "{s}★ needs {} or more ({} to go), and {en_min}.",
                points(Lang::En, n.threshold),
                points(Lang::En, n.points_needed)
            ),
        ),
    };
    pick(lang, vi, en)
}

// ---- The plan (advice), the estimate's readiness, the summary (issue #13 item 4). ----

/// A criterion's title for a sentence: its text up to the first bracket or "Yêu cầu:" (the
/// decision runs some requirements into the title), in sentence case when printed in capitals
/// ("TÍNH ĐỘC ĐÁO (…)" → "Tính độc đáo").
pub fn criterion_title(lang: Lang, c: &Criterion) -> String {
    let text = c.text.get(lang).trim();
    let mut cut = text.len();
    for stop in [" (", " Yêu cầu:", " Requirement:", " — "] {
        if let Some(i) = text.find(stop) {
            cut = cut.min(i);
        }
    }
    let head = text[..cut].trim_end_matches([' ', ':', ';', ',']).trim();
    let head = if head.is_empty() { text } else { head };
    if head.chars().any(char::is_lowercase) {
        head.to_string()
    } else {
        let lower = head.to_lowercase();
        let mut chars = lower.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// "tiêu chí 2.1 “Nguồn gốc ý tưởng sản phẩm”" / "criterion 2.1 “Origin of the product idea”".
fn named(lang: Lang, set: &ProductSet, code: &str) -> String {
    match set.criterion(code) {
        Some(c) => pick(
            lang,
            format!("tiêu chí {code} “{}”", criterion_title(Lang::Vi, c)),
            format!("criterion {code} “{}”", criterion_title(Lang::En, c)),
        ),
        None => pick(
            lang,
            format!("tiêu chí {code}"),
            format!("criterion {code}"),
        ),
    }
}

/// The words of level `position` of `code`, as printed (falls back to "mức 3").
fn level_words(lang: Lang, set: &ProductSet, code: &str, position: u8) -> String {
    set.criterion(code)
        .and_then(|c| c.level(position))
        .map(|l| l.text.get(lang).trim().trim_end_matches('.').to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| level(lang, position).to_lowercase())
}

fn capitalised(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

/// The knock-out's own text in `lang` (its id when the set does not have it).
fn knock_out_text(lang: Lang, set: &ProductSet, id: &str) -> String {
    set.knock_out(id)
        .map(|k| k.text.get(lang).trim().trim_end_matches('.').to_string())
        .unwrap_or_else(|| id.to_string())
}

/// One step of the plan in words: the criterion by code and title, the level to reach in the
/// decision's words, and the points it adds; a knock-out step says which answer to change.
pub fn advice(lang: Lang, a: &Advice, set: &ProductSet) -> String {
    match a {
        Advice::MeetMinimum {
            criterion,
            for_stars,
            to,
            gain,
            ..
        } => pick(
            lang,
            format!(
                "Nâng {} lên mức: “{}” (+{}) — bắt buộc để đạt {for_stars}★",
                named(Lang::Vi, set, criterion),
                level_words(Lang::Vi, set, criterion, *to),
                points(Lang::Vi, *gain)
            ),
            format!(
                "Raise {} to the level: “{}” (+{}) — required for {for_stars}★",
                named(Lang::En, set, criterion),
                level_words(Lang::En, set, criterion, *to),
                points(Lang::En, *gain)
            ),
        ),
        Advice::RaiseLevel {
            criterion,
            from,
            to,
            gain,
            ..
        } => {
            let (vi_name, en_name) = (
                named(Lang::Vi, set, criterion),
                named(Lang::En, set, criterion),
            );
            let (vi_level, en_level) = (
                level_words(Lang::Vi, set, criterion, *to),
                level_words(Lang::En, set, criterion, *to),
            );
            let (vi_gain, en_gain) = (points(Lang::Vi, *gain), points(Lang::En, *gain));
            if from.is_some() {
                pick(
                    lang,
                    format!("Nâng {vi_name} lên mức: “{vi_level}” (+{vi_gain})"),
                    format!("Raise {en_name} to the level: “{en_level}” (+{en_gain})"),
                )
            } else {
                pick(
                    lang,
                    format!("Trả lời {vi_name} và đạt mức: “{vi_level}” (+{vi_gain})"),
                    format!("Answer {en_name} and reach the level: “{en_level}” (+{en_gain})"),
                )
            }
        }
        Advice::RemoveKnockOut {
            id,
            fix: KnockOutFix::AnswerNo,
            ..
        } => pick(
            lang,
            format!(
                "Loại bỏ điều kiện loại hồ sơ “{}”: chỉ khi điều này không còn đúng thì đổi câu trả lời thành “Không”",
                knock_out_text(Lang::Vi, set, id)
            ),
            format!(
                "Remove the knock-out condition “{}”: only once it is no longer true, change the answer to “No”",
                knock_out_text(Lang::En, set, id)
            ),
        ),
        Advice::RemoveKnockOut {
            criterion,
            fix: KnockOutFix::RaiseTo { position },
            ..
        } => {
            let code = criterion.as_deref().unwrap_or_default();
            pick(
                lang,
                format!(
                    "{} đang 0 điểm nên hồ sơ không được đánh giá tiếp: nâng lên mức: “{}”",
                    capitalised(named(Lang::Vi, set, code)),
                    level_words(Lang::Vi, set, code, *position)
                ),
                format!(
                    "{} is at 0 points, so the dossier is not evaluated further: raise it to the level: “{}”",
                    capitalised(named(Lang::En, set, code)),
                    level_words(Lang::En, set, code, *position)
                ),
            )
        }
    }
}

/// The criterion an advice step jumps to (a knock-out question's own id when it has none).
pub fn advice_criterion(a: &Advice) -> &str {
    match a {
        Advice::RemoveKnockOut {
            id,
            fix: KnockOutFix::AnswerNo,
            ..
        } => id,
        _ => a.criterion().unwrap_or_default(),
    }
}

/// The effort class of a step, as its chip reads.
pub fn effort(lang: Lang, e: Effort) -> &'static str {
    let key = match e {
        Effort::Papers => Key::EffortPapers,
        Effort::Label => Key::EffortLabel,
        Effort::Content => Key::EffortContent,
        Effort::Certificate => Key::EffortCertificate,
        Effort::Investment => Key::EffortInvestment,
        Effort::Product => Key::EffortProduct,
        Effort::Given => Key::EffortGiven,
    };
    t(lang, key)
}

/// Where the plan ends: "Làm đủ các việc trên → khoảng 70 điểm, 4★ (ước tính)."
pub fn plan_end(lang: Lang, end: &PlanEnd, removes_knock_outs: bool) -> String {
    let s = end.stars;
    let (vi_pts, en_pts) = (points(Lang::Vi, end.total), points(Lang::En, end.total));
    let (vi, en) = match (removes_knock_outs, end.knocked_out, end.ready) {
        (_, true, _) => (
            "Làm đủ các việc trên → hồ sơ vẫn còn điều kiện bị loại.".to_string(),
            "With all of the above done → the dossier still has a knock-out.".to_string(),
        ),
        (true, false, true) => (
            format!("Làm đủ các việc trên → hồ sơ không còn bị loại; khi đó khoảng {vi_pts}, {s}★ (ước tính)."),
            format!("With all of the above done → the dossier is no longer rejected: about {en_pts}, {s}★ (estimate)."),
        ),
        (true, false, false) => (
            "Làm đủ các việc trên → hồ sơ không còn bị loại; trả lời thêm để có ước tính hạng sao.".to_string(),
            "With all of the above done → the dossier is no longer rejected; answer more for a star estimate.".to_string(),
        ),
        (false, false, _) => (
            format!("Làm đủ các việc trên → khoảng {vi_pts}, {s}★ (ước tính)."),
            format!("With all of the above done → about {en_pts}, {s}★ (estimate)."),
        ),
    };
    pick(lang, vi, en)
}

/// The bar's line while not enough is answered: "Chưa đủ câu trả lời để ước tính · 5/31".
pub fn not_ready_short(lang: Lang, answered: usize, total: usize) -> String {
    pick(
        lang,
        format!("Chưa đủ câu trả lời để ước tính · {answered}/{total}"),
        format!("Not enough answered to estimate · {answered}/{total}"),
    )
}

/// The sheet's sentence while not enough is answered (see [`crate::assess::is_ready`]).
pub fn not_ready(lang: Lang, a: &Assessment) -> String {
    let (n, total) = (a.answered, a.criterion_count);
    let ko = a.open_knock_outs.len();
    let mut vi =
        format!("Chưa đủ câu trả lời để ước tính hạng sao: đã trả lời {n}/{total} tiêu chí");
    let mut en = format!(
        "Not enough answered to estimate the stars: {n}/{total} {} answered",
        if total == 1 { "criterion" } else { "criteria" }
    );
    if ko > 0 {
        vi.push_str(&format!(
            "; còn {ko} câu hỏi về điều kiện loại hồ sơ chưa trả lời"
        ));
        en.push_str(&format!(
            "; {} about rejecting the dossier not answered",
            plural(ko as u64, "question", "questions")
        ));
    }
    if a.best_stars > a.stars.saturating_add(1) {
        vi.push_str(&format!(
            ". Các câu còn lại có thể đưa kết quả từ {}★ lên đến {}★",
            a.stars, a.best_stars
        ));
        en.push_str(&format!(
            ". The remaining answers could put the result anywhere from {}★ to {}★",
            a.stars, a.best_stars
        ));
    }
    vi.push('.');
    en.push('.');
    pick(lang, vi, en)
}

/// The estimate in one line, for a draft's summary: "3 sao · 62/100 điểm", "Hồ sơ bị loại",
/// or "Chưa đủ câu trả lời để ước tính · 5/31".
pub fn estimate_line(lang: Lang, a: &Assessment) -> String {
    if a.knocked_out {
        t(lang, Key::DossierRejected).to_string()
    } else if let Some(s) = a.estimate() {
        format!("{} · {}", stars(lang, s), total(lang, a.total, a.max_total))
    } else {
        not_ready_short(lang, a.answered, a.criterion_count)
    }
}

/// The product's name for the summary: the product's own name, else the draft's title.
pub fn summary_product(draft: &Draft, lang: Lang) -> String {
    if !draft.product.name.trim().is_empty() {
        draft.product.name.trim().to_string()
    } else {
        draft
            .display_name(t(lang, Key::Untitled))
            .trim()
            .to_string()
    }
}

/// "Bộ số 9 · I.4.a · Tương, nước mắm, gia vị dạng lỏng khác".
pub fn summary_set(set: &ProductSet, lang: Lang) -> String {
    let no = Catalogue::shared()
        .entry(&set.id)
        .map(|e| set_number(lang, e.set.no, &e.set.classification))
        .unwrap_or_else(|| set.id.clone());
    format!("{no} · {}", set.name.get(lang))
}

/// The stars in words: rejected, not enough answered (the full sentence), or the estimate.
pub fn summary_stars(lang: Lang, a: &Assessment) -> String {
    if a.knocked_out {
        t(lang, Key::DossierRejected).to_string()
    } else if let Some(s) = a.estimate() {
        format!("{} ({})", stars(lang, s), t(lang, Key::EstimateTag))
    } else {
        not_ready(lang, a)
    }
}

/// The one-page summary as plain text, to send through the phone's apps or copy.
pub fn summary_text(lang: Lang, set: &ProductSet, draft: &Draft, a: &Assessment) -> String {
    let mut o = String::new();
    o.push_str(lang.pick("Tóm tắt tự đánh giá OCOP", "OCOP self-check summary"));
    o.push('\n');
    o.push_str(&summary_product(draft, lang));
    o.push('\n');
    o.push_str(&summary_set(set, lang));
    o.push('\n');
    o.push_str(&summary_stars(lang, a));
    o.push('\n');
    let parts: Vec<String> = a
        .parts
        .iter()
        .map(|p| part_score(lang, &p.code, p.points, p.max))
        .collect();
    o.push_str(&format!(
        "{} · {}: {}\n",
        parts.join(" · "),
        t(lang, Key::TotalLabel),
        total(lang, a.total, a.max_total)
    ));
    for k in &a.knock_outs {
        let text = set
            .knock_out(&k.id)
            .map(|x| x.text.get(lang).to_string())
            .unwrap_or_else(|| k.id.clone());
        o.push_str(&format!("! {}\n", knock_out(lang, k.effect, &text)));
    }
    for (i, x) in a.advice.iter().enumerate() {
        o.push_str(&format!("{}. {}\n", i + 1, advice(lang, x, set)));
    }
    if let Some(end) = &a.plan_end {
        o.push_str(&plan_end(lang, end, a.knocked_out));
        o.push('\n');
    }
    o.push_str(t(lang, Key::Notice));
    o
}

/// The text sent with a share link through the phone's apps.
pub fn share_message(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("Bản nháp tự đánh giá OCOP “{name}”: mở liên kết để xem và thêm vào máy của bạn."),
        format!(
            "OCOP self-check draft “{name}”: open the link to see it and add it on your device."
        ),
    )
}

/// "3 bản nháp không đọc được …".
pub fn drafts_skipped(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} bản nháp đã lưu không đọc được nên chưa hiện ra; bản gốc được giữ lại làm bản sao lưu."),
        format!(
            "{} saved earlier could not be read and {} not shown; the original was kept as a backup.",
            plural(n as u64, "draft", "drafts"),
            if n == 1 { "is" } else { "are" }
        ),
    )
}

/// "5 câu đã trả lời" / "5 answers".
pub fn answer_count(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("{n} câu đã trả lời"),
        plural(n as u64, "answer", "answers"),
    )
}

/// "Xóa bản nháp “…”? Không thể hoàn tác."
pub fn confirm_delete(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("Xóa bản nháp “{name}”? Không thể hoàn tác."),
        format!("Delete the draft “{name}”? This cannot be undone."),
    )
}

// ---- Evidence files (issue 14) ----------------------------------------------------------------

/// Why a picked file was not attached, in words (the file's name is said by [`file_refused`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    /// Not a JPEG, PNG or PDF.
    NotSupported,
    /// The picture cannot be read or decoded (damaged, cut short).
    Damaged,
    /// More than the pixels kept.
    TooManyPixels { width: u32, height: u32 },
    /// Larger than the limit of its kind.
    TooLarge { bytes: u64, limit: u64 },
    /// The draft holds as many files, or as many bytes, as it may.
    DraftFull,
    /// The device's storage for the app is full.
    StorageFull,
    /// Anything else (the browser's name for it).
    Failed(String),
}

/// "“giay-phep.jpg” chưa được đính kèm: …" naming the file and saying why and what to do.
pub fn file_refused(lang: Lang, name: &str, why: &FileRefusal) -> String {
    let mp = |w: &u32, h: &u32| (u64::from(*w) * u64::from(*h) + 500_000) / 1_000_000;
    let reason = match why {
        FileRefusal::NotSupported => pick(
            lang,
            "tệp không phải ảnh JPEG, PNG hay tệp PDF.".to_string(),
            "it is not a JPEG or PNG picture or a PDF.".to_string(),
        ),
        FileRefusal::Damaged => pick(
            lang,
            "không đọc được ảnh (tệp bị hỏng hoặc chưa tải xong). Hãy chụp hoặc chọn lại.".to_string(),
            "the picture cannot be read (the file is damaged or incomplete). Take or choose it again.".to_string(),
        ),
        FileRefusal::TooManyPixels { width, height } => pick(
            lang,
            format!(
                "ảnh quá lớn ({width} × {height} điểm ảnh, khoảng {} megapixel; tối đa {}). Hãy chụp lại ở độ phân giải thấp hơn.",
                mp(width, height),
                crate::draft::attachments::MAX_PIXELS / 1_000_000
            ),
            format!(
                "the picture is too large ({width} × {height} pixels, about {} megapixels; at most {}). Take it again at a lower resolution.",
                mp(width, height),
                crate::draft::attachments::MAX_PIXELS / 1_000_000
            ),
        ),
        FileRefusal::TooLarge { bytes: n, limit } => pick(
            lang,
            format!(
                "tệp nặng {}, quá giới hạn {}. Với PDF, hãy tách thành nhiều tệp hoặc chụp từng trang.",
                bytes(lang, *n),
                bytes(lang, *limit)
            ),
            format!(
                "the file is {}, over the limit of {}. For a PDF, split it into several files or photograph each page.",
                bytes(lang, *n),
                bytes(lang, *limit)
            ),
        ),
        FileRefusal::DraftFull => pick(
            lang,
            "bản nháp đã có đủ số tệp hoặc dung lượng tệp tối đa. Hãy xóa bớt tệp không cần.".to_string(),
            "the draft already holds as many files, or as many bytes of files, as it may. Delete files it does not need.".to_string(),
        ),
        FileRefusal::StorageFull => pick(
            lang,
            "bộ nhớ của trình duyệt cho ứng dụng đã đầy. Bản nháp không thay đổi; hãy xóa bớt tệp hoặc bản nháp cũ rồi thử lại.".to_string(),
            "the browser's storage for the app is full. The draft is unchanged; delete some files or old drafts and try again.".to_string(),
        ),
        FileRefusal::Failed(what) => pick(
            lang,
            format!("có lỗi khi xử lý tệp ({what}). Hãy thử lại."),
            format!("something went wrong processing it ({what}). Try again."),
        ),
    };
    pick(
        lang,
        format!("“{name}” chưa được đính kèm: {reason}"),
        format!("“{name}” was not attached: {reason}"),
    )
}

/// "Xóa tệp “Giấy đăng ký kinh doanh”?" (the caption, or the kind when it has none).
pub fn confirm_delete_file(lang: Lang, caption: &str) -> String {
    pick(
        lang,
        format!("Xóa tệp “{caption}” khỏi bản nháp? Không thể hoàn tác."),
        format!("Delete the file “{caption}” from the draft? This cannot be undone."),
    )
}

/// "2 tệp · 310 kB; cả bản nháp: 5 tệp, 1,2 MB".
pub fn files_summary(
    lang: Lang,
    here: usize,
    here_bytes: u64,
    all: usize,
    all_bytes: u64,
) -> String {
    pick(
        lang,
        format!(
            "{here} tệp · {}; cả bản nháp: {all} tệp, {}",
            bytes(lang, here_bytes),
            bytes(lang, all_bytes)
        ),
        format!(
            "{here} {} · {}; the whole draft: {all} {}, {}",
            if here == 1 { "file" } else { "files" },
            bytes(lang, here_bytes),
            if all == 1 { "file" } else { "files" },
            bytes(lang, all_bytes)
        ),
    )
}

/// "Ảnh 1600 × 1200 · 183 kB" / "PDF · 1,2 MB": one file's line under its thumbnail.
pub fn file_line(lang: Lang, is_pdf: bool, size: Option<(u32, u32)>, n: u64) -> String {
    match (is_pdf, size) {
        (false, Some((w, h))) => format!(
            "{} {w} × {h} · {}",
            t(lang, Key::AttachPhoto),
            bytes(lang, n)
        ),
        (true, _) => format!("PDF · {}", bytes(lang, n)),
        (false, None) => bytes(lang, n),
    }
}

/// "Tệp 2 của 1.1" style accessible names for a file's buttons: "Lên: Giấy chứng nhận".
pub fn file_action(lang: Lang, action: Key, caption: &str) -> String {
    format!("{}: {caption}", t(lang, action))
}

/// "12/34 câu" / "12 of 34 criteria".
pub fn answered_of(lang: Lang, answered: usize, total: usize) -> String {
    match lang {
        Lang::Vi => format!("{answered}/{total} câu"),
        Lang::En => format!("{answered} of {total} criteria"),
    }
}

/// A size in bytes for people: "850 kB", "2,6 MB", "1,2 GB" (a decimal comma in Vietnamese).
pub fn bytes(lang: Lang, n: u64) -> String {
    let (value, unit) = match n {
        0..=999 => return pick(lang, format!("{n} byte"), format!("{n} bytes")),
        1_000..=999_999 => (n as f64 / 1e3, "kB"),
        1_000_000..=999_999_999 => (n as f64 / 1e6, "MB"),
        _ => (n as f64 / 1e9, "GB"),
    };
    let text = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    let text = match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {unit}")
}

/// The drafts list's line on room: what the app uses on this device, what is left, and whether
/// the browser agreed to keep the data.
pub fn storage_space(lang: Lang, used: u64, left: u64, kept: Option<bool>) -> String {
    let (u, l) = (bytes(lang, used), bytes(lang, left));
    let kept_vi = match kept {
        Some(true) => " Trình duyệt đã đồng ý giữ dữ liệu này, kể cả khi máy thiếu chỗ.",
        Some(false) => " Trình duyệt chưa hứa giữ dữ liệu khi máy thiếu chỗ: hãy tải bản nháp quan trọng về máy.",
        None => "",
    };
    let kept_en = match kept {
        Some(true) => " The browser agreed to keep this data even when the device is short of space.",
        Some(false) => " The browser has not promised to keep this data when the device is short of space: download the drafts that matter.",
        None => "",
    };
    pick(
        lang,
        format!("Trên máy này, ứng dụng và các bản nháp đang dùng {u}; còn trống {l}.{kept_vi}"),
        format!("On this device the app and its drafts use {u}; {l} is left.{kept_en}"),
    )
}

/// After restoring a backup file: "Đã khôi phục 3 bản nháp; 2 bản đã có sẵn trên máy; 1 bản
/// không đọc được nên bỏ qua."
pub fn restored(lang: Lang, added: usize, already: usize, skipped: usize) -> String {
    let mut vi = if added == 0 {
        "Không có bản nháp mới nào trong tệp".to_string()
    } else {
        format!("Đã khôi phục {added} bản nháp")
    };
    let mut en = if added == 0 {
        "No new draft in the file".to_string()
    } else {
        format!("Restored {}", plural(added as u64, "draft", "drafts"))
    };
    if already > 0 {
        vi.push_str(&format!("; {already} bản đã có sẵn trên máy"));
        en.push_str(&format!("; {already} already on this device"));
    }
    if skipped > 0 {
        vi.push_str(&format!(
            "; {skipped} bản không đọc được hoặc không khớp phiếu chấm nên bỏ qua"
        ));
        en.push_str(&format!(
            "; {skipped} could not be read or do not fit their scoring sheet, left out"
        ));
    }
    vi.push_str(". Không bản nháp nào trên máy bị ghi đè.");
    en.push_str(". No draft on this device was overwritten.");
    pick(lang, vi, en)
}

/// A stored draft holds items its product set does not have.
pub fn misfits_intro(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!("Bản nháp này có {n} mục không khớp phiếu chấm của bộ sản phẩm (có thể do bản nháp cũ hoặc bị hỏng). Các mục đó không được tính điểm, và tệp hay liên kết chia sẻ của bản nháp sẽ bị máy khác từ chối cho đến khi bỏ chúng:"),
        format!(
            "This draft holds {} its product set's scoring sheet does not have (an old or damaged draft). They count for nothing, and other devices will refuse this draft's file or share link until they are removed:",
            plural(n as u64, "item", "items")
        ),
    )
}

/// After importing a file some of whose texts were longer than the limit.
pub fn clipped_on_import(lang: Lang, fields: &[String]) -> String {
    let list = fields
        .iter()
        .map(|f| super::messages::file_field_label(lang, f))
        .collect::<Vec<_>>()
        .join(", ");
    pick(
        lang,
        format!("Đã nhập tệp. Lưu ý: mỗi ô văn bản giữ tối đa 10.000 ký tự, nên phần vượt quá của {} ô đã bị cắt ({list}).", fields.len()),
        format!(
            "The file was imported. Note: each text field keeps at most 10,000 characters, so the rest of {} was cut ({list}).",
            plural(fields.len() as u64, "field", "fields")
        ),
    )
}

/// A share link for a draft already on this device: "Trên máy này đã có bản nháp này: “…”,
/// sửa lần cuối ngày 01/12/2026."
pub fn incoming_known(lang: Lang, name: &str, changed: Option<crate::date::Date>) -> String {
    match (lang, changed) {
        (Lang::Vi, Some(d)) => format!(
            "Trên máy này đã có bản nháp này: “{name}”, sửa lần cuối ngày {}.",
            d.dmy()
        ),
        (Lang::Vi, None) => format!("Trên máy này đã có bản nháp này: “{name}”."),
        (Lang::En, Some(d)) => format!(
            "This device already has this draft: “{name}”, last changed on {}.",
            d.dmy()
        ),
        (Lang::En, None) => format!("This device already has this draft: “{name}”."),
    }
}

/// The same id here, but for another product set: the link can only be added as a new draft.
pub fn incoming_other_set(lang: Lang, name: &str, set: &str) -> String {
    pick(
        lang,
        format!(
            "Trên máy có một bản nháp cùng mã nhưng thuộc bộ sản phẩm khác (“{name}”, {set}). Liên kết này chỉ có thể thêm thành bản nháp mới; bản nháp trên máy không thay đổi."
        ),
        format!(
            "This device has a draft with the same id but for another product set (“{name}”, {set}). This link can only be added as a new draft; the one here is not changed."
        ),
    )
}

/// "Sửa 01/12/2026" / "Changed 01/12/2026" on a draft card.
pub fn changed_on(lang: Lang, d: crate::date::Date) -> String {
    pick(
        lang,
        format!("Sửa {}", d.dmy()),
        format!("Changed {}", d.dmy()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    #[test]
    fn a_restore_says_what_it_did() {
        assert_eq!(
            restored(Lang::Vi, 3, 2, 1),
            "Đã khôi phục 3 bản nháp; 2 bản đã có sẵn trên máy; 1 bản không đọc được hoặc không khớp phiếu chấm nên bỏ qua. Không bản nháp nào trên máy bị ghi đè."
        );
        assert_eq!(
            restored(Lang::En, 1, 0, 0),
            "Restored 1 draft. No draft on this device was overwritten."
        );
        assert!(restored(Lang::Vi, 0, 4, 0).starts_with("Không có bản nháp mới nào"));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(bytes(Lang::Vi, 512), "512 byte");
        assert_eq!(bytes(Lang::En, 512), "512 bytes");
        assert_eq!(bytes(Lang::Vi, 850_000), "850 kB");
        assert_eq!(bytes(Lang::Vi, 2_600_000), "2,6 MB");
        assert_eq!(bytes(Lang::En, 2_600_000), "2.6 MB");
        assert_eq!(bytes(Lang::En, 297_400_000), "297 MB");
        assert_eq!(bytes(Lang::Vi, 1_234_000_000), "1,2 GB");
        let vi = storage_space(Lang::Vi, 2_600_000, 1_234_000_000, Some(true));
        assert!(vi.contains("đang dùng 2,6 MB; còn trống 1,2 GB"), "{vi}");
        assert!(vi.contains("đã đồng ý giữ"), "{vi}");
        let en = storage_space(Lang::En, 2_600_000, 1_234_000_000, None);
        assert_eq!(
            en,
            "On this device the app and its drafts use 2.6 MB; 1.2 GB is left."
        );
    }

    #[test]
    fn advice_is_worded_in_both_languages() {
        let Some(Ok(set)) = embedded::load("QD26-09") else {
            panic!("set")
        };
        let a = Advice::MeetMinimum {
            criterion: "5.1".into(),
            for_stars: 4,
            to: 5,
            gain: 3,
            effort: Effort::Content,
        };
        let vi = advice(Lang::Vi, &a, &set);
        assert!(
            vi.starts_with("Nâng tiêu chí 5.1 “Câu chuyện sản phẩm” lên mức: “"),
            "{vi}"
        );
        assert!(vi.ends_with("” (+3 điểm) — bắt buộc để đạt 4★"), "{vi}");
        let en = advice(Lang::En, &a, &set);
        assert!(
            en.starts_with("Raise criterion 5.1 “Product story (existence & media)”")
                || en.starts_with("Raise criterion 5.1 “Product story”"),
            "{en}"
        );
        let r = Advice::RaiseLevel {
            criterion: "2.4".into(),
            from: Some(1),
            to: 2,
            gain: 1,
            effort: Effort::Label,
        };
        let vi = advice(Lang::Vi, &r, &set);
        assert_eq!(
            vi,
            format!(
                "Nâng tiêu chí 2.4 “Ghi nhãn hàng hóa có sử dụng song ngữ” lên mức: “{}” (+1 điểm)",
                set.criterion("2.4")
                    .and_then(|c| c.level(2))
                    .map(|l| l.text.vi.clone())
                    .unwrap_or_default()
            )
        );
        let fresh = Advice::RaiseLevel {
            criterion: "10".into(),
            from: None,
            to: 1,
            gain: 1,
            effort: Effort::Label,
        };
        let vi = advice(Lang::Vi, &fresh, &set);
        assert!(vi.starts_with("Trả lời tiêu chí 10 “Hướng dẫn sử dụng để đảm bảo sản phẩm có chất lượng tốt nhất cho người tiêu dùng” và đạt mức: “"), "{vi}");
        let ko = Advice::RemoveKnockOut {
            id: "forged".into(),
            criterion: None,
            fix: KnockOutFix::AnswerNo,
        };
        let vi = advice(Lang::Vi, &ko, &set);
        assert!(vi.contains("đổi câu trả lời thành “Không”"), "{vi}");
        assert_eq!(advice_criterion(&ko), "forged");
        assert_eq!(advice_criterion(&r), "2.4");
    }

    #[test]
    fn titles_read_as_names() {
        let Some(Ok(set)) = embedded::load("QD26-09") else {
            panic!("set")
        };
        let title = |code: &str, lang| {
            set.criterion(code)
                .map(|c| criterion_title(lang, c))
                .unwrap_or_default()
        };
        assert_eq!(title("7", Lang::Vi), "Tính độc đáo");
        assert_eq!(title("8", Lang::Vi), "Công bố chất lượng sản phẩm");
        assert_eq!(title("5.3", Lang::Vi), "Trí tuệ/bản sắc địa phương");
        assert_eq!(title("1.1", Lang::Vi), "Nguồn nguyên liệu");
        assert_eq!(title("2.4", Lang::En), "Bilingual labelling");
    }

    #[test]
    fn the_plan_end_and_readiness_in_words() {
        let end = PlanEnd {
            total: 70,
            stars: 4,
            knocked_out: false,
            ready: true,
        };
        assert_eq!(
            plan_end(Lang::Vi, &end, false),
            "Làm đủ các việc trên → khoảng 70 điểm, 4★ (ước tính)."
        );
        assert_eq!(
            plan_end(Lang::En, &end, false),
            "With all of the above done → about 70 points, 4★ (estimate)."
        );
        assert!(plan_end(Lang::Vi, &end, true).contains("không còn bị loại"));
        assert_eq!(
            not_ready_short(Lang::Vi, 5, 31),
            "Chưa đủ câu trả lời để ước tính · 5/31"
        );
        for e in Effort::ALL {
            assert_ne!(effort(Lang::Vi, e), effort(Lang::En, e));
        }
    }

    #[test]
    fn plurals() {
        assert_eq!(points(Lang::En, 1u8), "1 point");
        assert_eq!(points(Lang::En, 0u8), "0 points");
        assert_eq!(points(Lang::Vi, 2u8), "2 điểm");
        assert_eq!(stars(Lang::En, 1), "1 star");
    }
}

// ---- What happens next (issue 17): Điều 6–7 in plain words, the next round from today --------

/// One step of what happens after the self-assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextStep {
    pub title: String,
    pub body: String,
}

/// The steps after the result, in order: the dossier, the commune, the province (and the
/// Ministry for a 5★ estimate), the next round counted from `today`, and for an upgrade or a
/// re-evaluation what changes; `recognised` is the certificate's date for a product already
/// recognised (its 36 months and the re-evaluation window). `stars` is the estimate once ready.
pub fn next_steps(
    lang: Lang,
    today: crate::date::Date,
    stars: Option<u8>,
    registration: crate::draft::RegistrationType,
    recognised: Option<crate::date::Date>,
    tourism: bool,
) -> Vec<NextStep> {
    use crate::draft::procedure::{self, Half};
    use crate::draft::renewal::{Renewal, Window};
    use crate::draft::RegistrationType;
    let step = |vi: String, en: String, bvi: String, ben: String| NextStep {
        title: lang.pick(vi, en),
        body: lang.pick(bvi, ben),
    };
    let mut out = Vec::new();
    let (papers_vi, papers_en) = match registration {
        RegistrationType::FirstTime => (
            "Phiếu đăng ký (Mẫu 01) và Báo cáo tự đánh giá (Mẫu 02), kèm tài liệu minh chứng xếp theo thứ tự các tiêu chí.".to_string(),
            "The registration form (Mẫu 01) and the self-assessment report (Mẫu 02), with the documents of proof in the order of the criteria.".to_string(),
        ),
        RegistrationType::Upgrade => (
            "Mẫu 01 và Mẫu 02; khi đăng ký nâng hạng, Mẫu 02 phải nêu rõ những thay đổi so với sản phẩm đã được công nhận và minh chứng cho các thay đổi đó.".to_string(),
            "Mẫu 01 and Mẫu 02; for an upgrade, Mẫu 02 must show clearly what changed since the product was recognised, with proof of the changes.".to_string(),
        ),
        RegistrationType::ReEvaluation => (
            "Mẫu 01 và Mẫu 02; khi đánh giá lại, cập nhật những gì mới sau khi được công nhận (nguyên liệu, công nghệ, bao bì, nhãn, công bố chất lượng, phiếu kiểm nghiệm định kỳ, thị trường, sản lượng, doanh thu) và bổ sung các giấy tờ pháp lý có thời hạn.".to_string(),
            "Mẫu 01 and Mẫu 02; for a re-evaluation, update what is new since recognition (raw materials, technology, packaging, labels, quality declaration, periodic lab reports, markets, output, revenue) and add the renewed time-limited legal papers.".to_string(),
        ),
    };
    out.push(step(
        "1. Hoàn thiện hồ sơ".into(),
        "1. Complete the dossier".into(),
        format!("{papers_vi} Chuẩn bị 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử."),
        format!("{papers_en} Prepare one paper set and one electronic set."),
    ));
    let samples_vi = if tourism {
        ""
    } else {
        " Chủ thể cung cấp 05 sản phẩm mẫu để gửi kèm hồ sơ."
    };
    let samples_en = if tourism {
        ""
    } else {
        " The producer provides 5 product samples to go with the dossier."
    };
    out.push(step(
        "2. Nộp tại Ủy ban nhân dân cấp xã".into(),
        "2. File with the commune (UBND cấp xã)".into(),
        format!("Trong 15 ngày làm việc kể từ khi nhận hồ sơ, xã kiểm tra hồ sơ, đánh giá nguồn gốc sản phẩm và nguyên liệu địa phương, lao động địa phương, nguồn gốc ý tưởng và bản sắc địa phương, lập báo cáo theo Mẫu 03 rồi gửi hồ sơ lên Ủy ban nhân dân cấp tỉnh.{samples_vi}"),
        format!("Within 15 working days of receiving it, the commune checks the dossier, assesses the product's origin and local raw materials, local labour, the origin of the idea and local identity, writes its report (Mẫu 03) and sends the dossier to the province.{samples_en}"),
    ));
    out.push(step(
        "3. Cấp tỉnh đánh giá, công nhận".into(),
        "3. The province assesses and recognises".into(),
        "Hội đồng cấp tỉnh chấm điểm (có thể yêu cầu bổ sung hồ sơ, khảo sát tại cơ sở, kiểm nghiệm thêm); Chủ tịch Ủy ban nhân dân cấp tỉnh công nhận và cấp giấy chứng nhận cho sản phẩm đạt 3 sao, 4 sao. Mỗi năm có ít nhất hai đợt.".into(),
        "The provincial council scores it (it may ask for more papers, a site visit or extra lab tests); the province's chairman recognises 3★ and 4★ products and issues the certificates. There are at least two rounds a year.".into(),
    ));
    if stars == Some(5) {
        out.push(step(
            "4. Từ 90 điểm: cấp trung ương".into(),
            "4. 90 points or more: the Ministry".into(),
            "Sản phẩm đạt từ 90 điểm được tỉnh gửi hồ sơ lên Bộ Nông nghiệp và Môi trường để đánh giá, công nhận 5 sao (đợt trước 30/9 cho hồ sơ tỉnh gửi trước 30/7, đợt trước 30/3 cho hồ sơ gửi trước 30/1).".into(),
            "A product with 90 points or more is sent by the province to the Ministry of Agriculture and Environment for the 5★ assessment (a round before 30 September for proposals sent before 30 July, one before 30 March for those sent before 30 January).".into(),
        ));
    }
    let renewal = recognised.and_then(Renewal::of);
    // A re-evaluation follows its certificate's window (Điều 7 khoản 6), not the rounds.
    let by_window = registration == RegistrationType::ReEvaluation && renewal.is_some();
    if let Some(next) = procedure::next_round(today).filter(|_| !by_window) {
        let r = next.round;
        let half = |h: Half| match h {
            Half::First => ("đợt 1", "the first round"),
            Half::Second => ("đợt 2", "the second round"),
        };
        let (hv, he) = half(r.half);
        let mut bvi = format!(
            "Để kịp {hv} (tỉnh công nhận trước {}; xã gửi hồ sơ lên tỉnh trước {}), nên nộp cho xã chậm nhất khoảng ngày {} — ước tính: 15 ngày làm việc trước {}, chưa trừ ngày lễ; hãy hỏi xã lịch cụ thể.",
            r.province_by.dmy(), r.commune_by.dmy(), r.file_by.dmy(), r.commune_by.dmy()
        );
        let mut ben = format!(
            "To make {he} (the province decides before {}; the commune forwards before {}), file with the commune by about {} — an estimate: 15 working days before {}, holidays not counted; ask your commune for its own dates.",
            r.province_by.long(Lang::En), r.commune_by.long(Lang::En), r.file_by.long(Lang::En), r.commune_by.long(Lang::En)
        );
        if let Some(t) = next.tight {
            let (tv, te) = half(t.half);
            bvi.push_str(&format!(
                " {} vẫn còn nếu xã xử lý kịp trước {}.",
                capitalise(tv),
                t.commune_by.dmy()
            ));
            ben.push_str(&format!(
                " {} may still be possible if the commune finishes before {}.",
                capitalise(te),
                t.commune_by.long(Lang::En)
            ));
        }
        out.push(step(
            format!("{}. Hạn nộp gần nhất", out.len() + 1),
            format!("{}. The next deadline", out.len() + 1),
            bvi,
            ben,
        ));
    }
    match (registration, renewal) {
        (RegistrationType::FirstTime, _) | (_, None) => out.push(step(
            format!("{}. Sau khi được công nhận", out.len() + 1),
            format!("{}. After recognition", out.len() + 1),
            "Giấy chứng nhận có giá trị 36 tháng. Khi hết hạn, muốn giữ hạng sao phải đánh giá lại: nộp hồ sơ không sớm hơn 180 ngày và không muộn hơn 120 ngày trước ngày giấy chứng nhận hết hạn. Muốn lên hạng sao cao hơn thì đăng ký nâng hạng.".into(),
            "The certificate is valid for 36 months. To keep the stars after that, the product is re-evaluated: file no earlier than 180 days and no later than 120 days before the certificate expires. To reach more stars, register for an upgrade.".into(),
        )),
        (_, Some(r)) => {
            let (wv, we) = match r.window(today) {
                Window::TooEarly => ("Chưa đến thời gian nộp.", "It is too early to file."),
                Window::Open => ("Đang trong thời gian nộp.", "The filing window is open now."),
                Window::Passed => (
                    "Đã quá thời gian nộp đánh giá lại; hãy hỏi xã hoặc cơ quan OCOP cấp tỉnh.",
                    "The re-evaluation window has passed; ask your commune or the provincial OCOP office.",
                ),
            };
            out.push(step(
                format!("{}. Giấy chứng nhận hiện có", out.len() + 1),
                format!("{}. The current certificate", out.len() + 1),
                format!(
                    "Giấy chứng nhận hết hạn ngày {} (36 tháng). Hồ sơ đánh giá lại nộp từ ngày {} đến ngày {}. {wv} Sau khi nhận đủ hồ sơ từ xã, việc đánh giá lại không quá 45 ngày.",
                    r.expires.dmy(), r.file_from.dmy(), r.file_until.dmy()
                ),
                format!(
                    "The certificate expires on {} (36 months). The re-evaluation dossier is filed from {} to {}. {we} Once the commune's complete dossier is received, the re-evaluation takes at most 45 days.",
                    r.expires.long(Lang::En), r.file_from.long(Lang::En), r.file_until.long(Lang::En)
                ),
            ));
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// How many glossary terms a search shows: "166 thuật ngữ".
pub fn term_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Vi, 0) => "Không có thuật ngữ nào khớp.".to_string(),
        (Lang::Vi, n) => format!("{n} thuật ngữ"),
        (Lang::En, 0) => "No term matches.".to_string(),
        (Lang::En, 1) => "1 term".to_string(),
        (Lang::En, n) => format!("{n} terms"),
    }
}

/// "Gói này là của bản nháp “…” đã có trên máy: …".
pub fn package_here(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("Gói này là của bản nháp “{name}” đã có trên máy này. Cập nhật bản nháp đó bằng nội dung và ảnh trong gói, hay thêm thành một bản sao?"),
        format!("This package is of the draft “{name}”, already on this device. Update that draft with the package's content and pictures, or add it as a copy?"),
    )
}

/// "Tải gói hồ sơ (.zip, 3 tệp minh chứng)".
pub fn package_button(lang: Lang, files: usize) -> String {
    match (lang, files) {
        (Lang::Vi, 0) => "Tải gói hồ sơ (.zip)".to_string(),
        (Lang::Vi, n) => format!("Tải gói hồ sơ (.zip, {n} tệp minh chứng)"),
        (Lang::En, 0) => "Download the package (.zip)".to_string(),
        (Lang::En, 1) => "Download the package (.zip, 1 evidence file)".to_string(),
        (Lang::En, n) => format!("Download the package (.zip, {n} evidence files)"),
    }
}

// ---- Read-aloud (issue 17) -----------------------------------------------------------------

/// What the read-aloud button of a criterion says: its code and name, each level with its
/// points (and the star it is the minimum for), then the plain-language help when there is one.
/// Written to be heard: "Tiêu chí 1 chấm 1", the star markers as words, no symbols.
pub fn criterion_reading(lang: Lang, c: &crate::rubric::Criterion, help: Option<&str>) -> String {
    let code = match lang {
        Lang::Vi => c.code.replace('.', " chấm "),
        Lang::En => c.code.replace('.', " point "),
    };
    let mut out = lang.pick(
        format!(
            "Tiêu chí {code}. {}.",
            c.text.get(lang).trim_end_matches('.')
        ),
        format!(
            "Criterion {code}. {}.",
            c.text.get(lang).trim_end_matches('.')
        ),
    );
    for (i, l) in c.levels.iter().enumerate() {
        let star = l.min_star.map(|s| {
            lang.pick(
                format!(" Đây là mức tối thiểu để đạt {s} sao."),
                format!(" This is the minimum for {s} stars."),
            )
        });
        out.push_str(&lang.pick(
            format!(
                " Mức {}: {}. {} điểm.{}",
                i + 1,
                l.text.get(lang).trim_end_matches('.'),
                l.points,
                star.clone().unwrap_or_default()
            ),
            format!(
                " Level {}: {}. {} points.{}",
                i + 1,
                l.text.get(lang).trim_end_matches('.'),
                l.points,
                star.unwrap_or_default()
            ),
        ));
    }
    if let Some(h) = help.filter(|h| !h.trim().is_empty()) {
        out.push_str(&lang.pick(format!(" Giải thích: {h}"), format!(" In plain words: {h}")));
    }
    out
}

/// A text made fit to be heard: the symbols the interface uses read as words ("4★" → "4 sao",
/// "≈" → "khoảng", "→" → a pause, "%" → "phần trăm"), the rest as it is.
pub fn for_hearing(lang: Lang, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for ch in text.chars() {
        match ch {
            '★' => out.push_str(lang.pick(" sao", " stars")),
            '☆' => {}
            '≈' => out.push_str(lang.pick(" khoảng ", " about ")),
            '→' | '▸' | '›' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(", ");
            }
            '%' => out.push_str(lang.pick(" phần trăm", " percent")),
            '*' => {}
            '–' | '—' => out.push_str(lang.pick(" đến ", " to ")),
            _ => out.push(ch),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod hearing_tests {
    use super::*;

    #[test]
    fn symbols_are_read_as_words() {
        assert_eq!(
            for_hearing(Lang::Vi, "Làm đủ các việc trên → ≈50 điểm, 3★ (ước tính)"),
            "Làm đủ các việc trên, khoảng 50 điểm, 3 sao (ước tính)"
        );
        assert_eq!(for_hearing(Lang::En, "50–69 → 3★"), "50 to 69, 3 stars");
    }

    #[test]
    fn a_criterion_reads_its_levels_and_minimums() {
        let c = crate::rubric::Criterion {
            code: "1.1".into(),
            max: 3,
            text: crate::lang::Text {
                vi: "Nguồn gốc sản phẩm".into(),
                en: "Product origin".into(),
            },
            group: None,
            cases: vec![],
            notes: vec![],
            implicit_levels: false,
            flag: None,
            levels: vec![crate::rubric::Level {
                points: 3,
                text: crate::lang::Text {
                    vi: "Trồng tại xã".into(),
                    en: "Grown here".into(),
                },
                min_star: Some(4),
                case: None,
                flag: None,
                inferred: false,
            }],
        };
        let r = criterion_reading(Lang::Vi, &c, Some("Sản phẩm làm từ đâu."));
        assert_eq!(r, "Tiêu chí 1 chấm 1. Nguồn gốc sản phẩm. Mức 1: Trồng tại xã. 3 điểm. Đây là mức tối thiểu để đạt 4 sao. Giải thích: Sản phẩm làm từ đâu.");
    }
}
