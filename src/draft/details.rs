//! The producer's and product's details that Mẫu 01 and Mẫu 02 Part I ask for, what the producer
//! writes in the rest of Mẫu 02 ([`Report`]), and the one list
//! of them ([`Field`]) that the details form, the checks, the dossier and the interchange reader
//! all walk. Adding a detail: a member of [`Producer`], [`Product`] or [`Report`], one row in the `fields!`
//! table below, its label in `i18n::words::field_label`, and the line of the form that prints it.

use serde::{Deserialize, Serialize};

use super::{clip, Draft};

/// How the product is registered (Mẫu 01).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationType {
    /// Đánh giá lần đầu.
    #[default]
    FirstTime,
    /// Nâng hạng.
    Upgrade,
    /// Phân hạng lại.
    ReEvaluation,
}

/// The producer (chủ thể OCOP), as Mẫu 01 and Mẫu 02 Part I ask.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Producer {
    pub name: String,
    pub organisation_type: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub representative_name: String,
    pub representative_title: String,
    pub representative_gender: String,
    pub representative_ethnicity: String,
    /// Disability status ("Không", "Có" or the user's words); with gender and ethnicity the
    /// ground of criterion 3.2 (see `docs/domain.md` §7.4). Absent in files written before it
    /// existed.
    pub representative_disability: String,
    pub representative_address: String,
    pub registration_number: String,
    pub registration_date: String,
}

/// The product, as Mẫu 01 and Mẫu 02 Part I ask.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Product {
    pub name: String,
    pub registration_type: RegistrationType,
    pub specification: String,
    pub standard: String,
    pub certificates: String,
    pub intellectual_property: String,
}

/// What the producer writes in Mẫu 02 beyond Part I's details: items I.8 and I.9, Part II's
/// four points with its figures, Part IV, and what an upgrade or a re-evaluation adds (Điều 6
/// khoản 1 điểm b, c). Long texts, autosaved like every answer; all absent in files written
/// before they existed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    /// I.8: Lịch sử hình thành của chủ thể.
    pub history: String,
    /// I.9: Cơ cấu tổ chức của chủ thể.
    pub organisation: String,
    /// II: tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói.
    pub materials: String,
    /// II: sự thay đổi về chất lượng sản phẩm.
    pub quality_changes: String,
    /// II: thị trường phân phối sản phẩm.
    pub markets: String,
    /// II: kết quả sản xuất, kinh doanh (the words; the figures below).
    pub results: String,
    /// II: revenue and profit of the two years before the filing year (million đồng, as typed).
    pub revenue_prev: String,
    pub revenue_last: String,
    pub profit_prev: String,
    pub profit_last: String,
    /// IV: định hướng, kế hoạch trong thời gian tới.
    pub plan: String,
    /// Upgrade or re-evaluation: the recognition in force (decision, stars).
    pub recognition: String,
    /// Upgrade or re-evaluation: the date of the recognition decision (dd/mm/yyyy).
    pub recognition_date: String,
    /// Upgrade (Điều 6.1.b): what changed from the recognised product, with its evidence.
    pub changes: String,
    /// Re-evaluation (Điều 6.1.c): what is new since recognition.
    pub updates: String,
    /// Re-evaluation (Điều 6.1.c): time-limited legal papers, renewed.
    pub expiring_papers: String,
}

/// Which object of the draft a field belongs to (the part of its key before the dot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Producer,
    Product,
    Report,
}

impl Part {
    /// Every part, in form order, with its member name in the interchange format.
    pub const ALL: [(Part, &'static str); 3] = [
        (Part::Producer, "producer"),
        (Part::Product, "product"),
        (Part::Report, "report"),
    ];

    /// The object's name in the interchange format.
    pub fn name(self) -> &'static str {
        match self {
            Part::Producer => "producer",
            Part::Product => "product",
            Part::Report => "report",
        }
    }
}

/// One table: variant, object, member. Generates [`Field`], `ALL`, `key`, `value` and `set`, so
/// the mapping between a field and its slot in the draft is written once.
macro_rules! fields {
    ($( $(#[$doc:meta])* $variant:ident => $part:ident . $member:ident ),* $(,)?) => {
        /// A detail asked by Mẫu 01 or Mẫu 02 Part I, in the order the forms ask for it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $( $(#[$doc])* $variant, )*
        }

        impl Field {
            /// Every field, in form order.
            pub const ALL: [Field; <[()]>::len(&[$( fields!(@unit $variant) ),*])] =
                [$( Field::$variant, )*];

            /// The field's path in the draft interchange format (`producer.phone`,
            /// `product.name`); also what the UI's input ids are made of.
            pub fn key(self) -> &'static str {
                match self {
                    $( Field::$variant => concat!(stringify!($part), ".", stringify!($member)), )*
                }
            }

            /// The member's name inside its object (`phone`).
            pub fn member(self) -> &'static str {
                match self {
                    $( Field::$variant => stringify!($member), )*
                }
            }

            /// The object the field belongs to.
            pub fn part(self) -> Part {
                match self {
                    $( Field::$variant => fields!(@part $part), )*
                }
            }

            /// The draft's value of this field.
            pub fn value(self, d: &Draft) -> &str {
                match self {
                    $( Field::$variant => &d.$part.$member, )*
                }
            }

            /// Set this field of `d` (text cut at [`super::MAX_FIELD_CHARS`]).
            pub fn set(self, d: &mut Draft, value: String) {
                let value = clip(value);
                match self {
                    $( Field::$variant => d.$part.$member = value, )*
                }
            }
        }
    };
    (@unit $x:ident) => { () };
    (@part producer) => { Part::Producer };
    (@part product) => { Part::Product };
    (@part report) => { Part::Report };
}

fields! {
    ProducerName => producer.name,
    OrganisationType => producer.organisation_type,
    Address => producer.address,
    Phone => producer.phone,
    Email => producer.email,
    RepresentativeName => producer.representative_name,
    RepresentativeTitle => producer.representative_title,
    RepresentativeGender => producer.representative_gender,
    RepresentativeEthnicity => producer.representative_ethnicity,
    /// Disability status: with gender and ethnicity the ground of criterion 3.2.
    RepresentativeDisability => producer.representative_disability,
    RepresentativeAddress => producer.representative_address,
    RegistrationNumber => producer.registration_number,
    RegistrationDate => producer.registration_date,
    ProductName => product.name,
    Specification => product.specification,
    Standard => product.standard,
    Certificates => product.certificates,
    IntellectualProperty => product.intellectual_property,
    /// Mẫu 02 I.8.
    History => report.history,
    /// Mẫu 02 I.9.
    Organisation => report.organisation,
    /// Mẫu 02 Part II, first point.
    Materials => report.materials,
    /// Mẫu 02 Part II, second point.
    QualityChanges => report.quality_changes,
    /// Mẫu 02 Part II, third point.
    Markets => report.markets,
    /// Mẫu 02 Part II, fourth point.
    Results => report.results,
    RevenuePrev => report.revenue_prev,
    RevenueLast => report.revenue_last,
    ProfitPrev => report.profit_prev,
    ProfitLast => report.profit_last,
    /// Mẫu 02 Part IV.
    Plan => report.plan,
    Recognition => report.recognition,
    RecognitionDate => report.recognition_date,
    Changes => report.changes,
    Updates => report.updates,
    ExpiringPapers => report.expiring_papers,
}

impl Field {
    /// Whether the dossier asks for this field for a registration of `kind`: the recognition
    /// in force and the changes since for an upgrade, the recognition and the updates and
    /// renewed papers for a re-evaluation (Điều 6 khoản 1 điểm b, c); every other field always.
    pub fn applies(self, kind: RegistrationType) -> bool {
        match self {
            Field::Recognition | Field::RecognitionDate => kind != RegistrationType::FirstTime,
            Field::Changes => kind == RegistrationType::Upgrade,
            Field::Updates | Field::ExpiringPapers => kind == RegistrationType::ReEvaluation,
            _ => true,
        }
    }

    /// Usual answers the form offers to pick from (free text stays allowed): the forms' own
    /// categories, and the most common ethnic groups of Việt Nam (of 54). Vietnamese only, as the
    /// forms are filed in Vietnamese.
    pub fn suggestions(self) -> &'static [&'static str] {
        match self {
            Field::OrganisationType => &[
                "Hợp tác xã",
                "Liên hiệp hợp tác xã",
                "Tổ hợp tác",
                "Doanh nghiệp",
                "Hộ kinh doanh",
                "Cơ sở sản xuất",
            ],
            Field::RepresentativeGender => &["Nam", "Nữ"],
            Field::RepresentativeDisability => &["Không", "Có"],
            Field::RepresentativeEthnicity => &[
                "Kinh",
                "Tày",
                "Thái",
                "Mường",
                "Khmer",
                "Hoa",
                "Nùng",
                "Mông",
                "Dao",
                "Gia Rai",
                "Ê Đê",
                "Ba Na",
                "Chăm",
                "Sán Dìu",
                "Xơ Đăng",
                "Cơ Ho",
            ],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_table_maps_every_field_both_ways() {
        let mut d = Draft::new("x", "QD26-07", 0);
        for (i, f) in Field::ALL.iter().enumerate() {
            f.set(&mut d, format!("v{i}"));
        }
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(f.value(&d), format!("v{i}"), "{f:?}");
            let (part, member) = f.key().split_once('.').expect("dotted key");
            assert_eq!(member, f.member());
            assert_eq!(part, f.part().name());
        }
        let keys: std::collections::BTreeSet<_> = Field::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), Field::ALL.len(), "keys are unique");
        assert_eq!(Field::ALL.len(), 34);
        Field::Email.set(&mut d, "x".repeat(20_000));
        assert_eq!(
            d.producer.email.chars().count(),
            super::super::MAX_FIELD_CHARS
        );
    }

    #[test]
    fn suggestions_are_for_choice_fields_only() {
        assert_eq!(
            Field::RepresentativeDisability.suggestions(),
            &["Không", "Có"]
        );
        assert!(Field::OrganisationType
            .suggestions()
            .contains(&"Tổ hợp tác"));
        assert!(Field::Phone.suggestions().is_empty());
    }
}
