//! The producer's and product's details that Mẫu 01 and Mẫu 02 Part I ask for, and the one list
//! of them ([`Field`]) that the details form, the checks, the dossier and the interchange reader
//! all walk. Adding a detail: a member of [`Producer`] or [`Product`], one row in the `fields!`
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

/// Which object of the draft a field belongs to (the part of its key before the dot).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Producer,
    Product,
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
}

impl Field {
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
            assert_eq!(
                part,
                match f.part() {
                    Part::Producer => "producer",
                    Part::Product => "product",
                }
            );
        }
        let keys: std::collections::BTreeSet<_> = Field::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), Field::ALL.len(), "keys are unique");
        assert_eq!(Field::ALL.len(), 18);
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
