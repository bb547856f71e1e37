//! Invariants every shipped product-set file must hold. Run by `ProductSet::from_json` and by
//! the tests over all 26 sets.

use std::collections::BTreeSet;

use super::{KnockOutKind, ProductSet, Text, RUBRIC_FORMAT, RUBRIC_ID, RUBRIC_VERSION};

/// One broken rule, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// "QD26-07/1.5/3": set, criterion (or part/section), level position.
    pub at: String,
    pub rule: &'static str,
    pub detail: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.at, self.rule, self.detail)
    }
}

const PART_MAX: [(&str, u16); 3] = [("A", 40), ("B", 25), ("C", 35)];

/// Check a product set; an empty list means valid.
pub fn validate(set: &ProductSet) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut bad =
        |at: String, rule: &'static str, detail: String| out.push(Problem { at, rule, detail });
    let sid = set.id.as_str();
    if set.format != RUBRIC_FORMAT || set.version != RUBRIC_VERSION {
        bad(
            sid.into(),
            "format",
            format!("{} v{}", set.format, set.version),
        );
    }
    if set.rubric != RUBRIC_ID {
        bad(sid.into(), "rubric id", set.rubric.clone());
    }
    if set.decision.number.is_empty() || set.decision.effective_from.is_empty() {
        bad(
            sid.into(),
            "decision source",
            "number and effective date are required".into(),
        );
    }
    {
        let mut text = |at: String, t: &Text| {
            if t.vi.trim().is_empty() || t.en.trim().is_empty() {
                bad(at, "both languages", format!("vi={:?} en={:?}", t.vi, t.en));
            }
        };
        text(sid.into(), &set.name);
        for part in &set.parts {
            text(format!("{sid}/{}", part.code), &part.name);
            for section in &part.sections {
                text(format!("{sid}/{}", section.code), &section.name);
                for g in &section.groups {
                    text(format!("{sid}/{}", g.code), &g.name);
                }
                for c in &section.criteria {
                    text(format!("{sid}/{}", c.code), &c.text);
                    for (i, n) in c.notes.iter().enumerate() {
                        text(format!("{sid}/{}/note{}", c.code, i + 1), n);
                    }
                    for (i, n) in c.cases.iter().enumerate() {
                        text(format!("{sid}/{}/case{}", c.code, i + 1), n);
                    }
                    for (i, l) in c.levels.iter().enumerate() {
                        text(format!("{sid}/{}/{}", c.code, i + 1), &l.text);
                    }
                }
            }
        }
        for k in &set.knock_outs {
            text(format!("{sid}/knock-out {}", k.id), &k.text);
        }
    }

    // Parts A/B/C with 40/25/35, in that order.
    let codes: Vec<&str> = set.parts.iter().map(|p| p.code.as_str()).collect();
    if codes != ["A", "B", "C"] {
        bad(sid.into(), "parts A, B, C", format!("{codes:?}"));
    }
    let flagged = |at: &str| set.flags.iter().any(|f| f.at == at);
    for part in &set.parts {
        let at = format!("{sid}/{}", part.code);
        if let Some((_, want)) = PART_MAX.iter().find(|(c, _)| *c == part.code) {
            if part.max != *want {
                bad(at.clone(), "part maximum", format!("{} ≠ {want}", part.max));
            }
        }
        if let Some(declared) = part.declared_max {
            if declared != part.max && !flagged(&part.code) {
                bad(
                    at.clone(),
                    "declared maximum",
                    format!("header {declared} ≠ {} and not flagged", part.max),
                );
            }
        }
        let sum: u16 = part.sections.iter().map(|s| s.max).sum();
        if sum != part.max {
            bad(
                at.clone(),
                "part = Σ sections",
                format!("{sum} ≠ {}", part.max),
            );
        }
        for section in &part.sections {
            let at = format!("{sid}/{}", section.code);
            let sum: u16 = section.criteria.iter().map(|c| u16::from(c.max)).sum();
            if sum != section.max {
                bad(
                    at.clone(),
                    "section = Σ criteria",
                    format!("{sum} ≠ {}", section.max),
                );
            }
            for g in &section.groups {
                let sum: u16 = section
                    .criteria
                    .iter()
                    .filter(|c| c.group.as_deref() == Some(g.code.as_str()))
                    .map(|c| u16::from(c.max))
                    .sum();
                if sum != g.max {
                    bad(
                        format!("{sid}/{}", g.code),
                        "group = Σ criteria",
                        format!("{sum} ≠ {}", g.max),
                    );
                }
            }
            for c in &section.criteria {
                if let Some(g) = &c.group {
                    if !section.groups.iter().any(|x| &x.code == g) {
                        bad(format!("{sid}/{}", c.code), "group exists", g.clone());
                    }
                }
            }
        }
    }
    let total = set.max_total();
    if total != 100 {
        bad(sid.into(), "total 100", total.to_string());
    }

    // Codes unique; levels valid.
    let mut seen = BTreeSet::new();
    for l in set.criteria() {
        let c = l.criterion;
        let at = format!("{sid}/{}", c.code);
        if !seen.insert(c.code.as_str()) {
            bad(at.clone(), "unique code", c.code.clone());
        }
        if c.levels.is_empty() {
            bad(at.clone(), "has levels", String::new());
            continue;
        }
        if c.levels.len() > usize::from(u8::MAX) {
            bad(at.clone(), "level count", c.levels.len().to_string());
        }
        let top = c.levels.iter().map(|l| l.points).max().unwrap_or(0);
        if top != c.max {
            bad(at.clone(), "max = best level", format!("{top} ≠ {}", c.max));
        }
        let ncases = c.cases.len();
        for (i, lv) in c.levels.iter().enumerate() {
            let lat = format!("{at}/{}", i + 1);
            match (ncases, lv.case) {
                (0, None) => {}
                (0, Some(_)) => bad(lat.clone(), "case without cases", String::new()),
                (_, None) => bad(lat.clone(), "level needs a case", String::new()),
                (n, Some(k)) if k == 0 || usize::from(k) > n => {
                    bad(lat.clone(), "case exists", k.to_string())
                }
                _ => {}
            }
            if let Some(m) = lv.min_star {
                if !(3..=5).contains(&m) {
                    bad(lat.clone(), "star marker 3..=5", m.to_string());
                }
                if ncases > 0 {
                    bad(
                        lat.clone(),
                        "no star markers on case criteria",
                        m.to_string(),
                    );
                }
            }
        }
        // Levels ascend (within a case): points never go down in printed order.
        for case in 0..=ncases {
            let filter = if ncases == 0 {
                None
            } else if case == 0 {
                continue;
            } else {
                u8::try_from(case).ok()
            };
            let pts: Vec<u8> = c.positions_in_case(filter).map(|(_, l)| l.points).collect();
            if pts.windows(2).any(|w| w[1] < w[0]) {
                bad(at.clone(), "levels ascend", format!("{pts:?}"));
            }
        }
        // A higher star never asks for less than a lower one.
        let r: Vec<Option<u8>> = (3..=5).map(|s| c.required_points(s)).collect();
        if r.windows(2)
            .any(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b < a))
        {
            bad(at.clone(), "star minimums ascend", format!("{r:?}"));
        }
    }

    // Knock-outs: unique ids; references exist.
    let mut ids = BTreeSet::new();
    for k in &set.knock_outs {
        let at = format!("{sid}/knock-out {}", k.id);
        if !ids.insert(k.id.as_str()) {
            bad(at.clone(), "unique knock-out id", k.id.clone());
        }
        if let Some(c) = &k.criterion {
            if set.criterion(c).is_none() {
                bad(at.clone(), "knock-out criterion exists", c.clone());
            }
        }
        match k.kind {
            KnockOutKind::ZeroPoints if k.criteria.is_empty() => bad(
                at.clone(),
                "zero-points knock-out watches criteria",
                String::new(),
            ),
            _ => {}
        }
        for c in &k.criteria {
            match set.criterion(c) {
                None => bad(at.clone(), "knock-out criterion exists", c.clone()),
                Some(cr) if !cr.levels.iter().any(|l| l.points == 0) => {
                    bad(at.clone(), "zero-points criterion has a 0 level", c.clone())
                }
                _ => {}
            }
        }
    }
    out
}
