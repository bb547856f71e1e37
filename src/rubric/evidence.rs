//! Which documents usually prove a criterion: the evidence list of Mẫu 02 (Decision 26/2026,
//! Phụ lục III) mapped onto the criteria. The mapping is **our inference** (docs/domain.md §7.4,
//! marked [I]): the UI and the dossier must present it as a suggestion, not as the rule.

use super::{ProductSet, Text};

/// A kind of supporting document (minh chứng).
#[derive(Debug, PartialEq, Eq)]
pub struct Evidence {
    pub id: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
}

impl Evidence {
    /// The name in `lang`.
    pub fn get(&self, lang: crate::lang::Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }

    /// As a [`Text`].
    pub fn text(&self) -> Text {
        Text {
            vi: self.vi.to_string(),
            en: self.en.to_string(),
        }
    }
}

macro_rules! evidence {
    ($($name:ident = $id:literal, $vi:literal, $en:literal;)*) => {
        $(pub const $name: Evidence = Evidence { id: $id, vi: $vi, en: $en };)*
        /// Every kind of evidence, in the order of the Mẫu 02 checklist.
        pub const ALL: &[&Evidence] = &[$(&$name),*];
    };
}

evidence! {
    BUSINESS_REGISTRATION = "business_registration",
        "Giấy chứng nhận đăng ký kinh doanh / đăng ký hợp tác xã, điều lệ, cơ cấu vốn góp",
        "Business or cooperative registration certificate, charter, capital structure";
    REPRESENTATIVE_ID = "representative_id",
        "Giấy tờ của người đại diện pháp luật (giới tính, dân tộc, tình trạng khuyết tật)",
        "Legal representative's papers (gender, ethnicity, disability status)";
    FACILITY_CERTIFICATE = "facility_certificate",
        "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm / điều kiện sản xuất (nếu pháp luật yêu cầu)",
        "Food-safety or production-condition facility certificate (where the law requires one)";
    RAW_MATERIAL_ORIGIN = "raw_material_origin",
        "Hợp đồng, hóa đơn mua nguyên liệu; sổ ghi chép sản xuất; xác nhận nguồn gốc, vùng nguyên liệu",
        "Raw-material purchase contracts and invoices; production records; confirmation of origin and raw-material area";
    AREA_CERTIFICATE = "area_certificate",
        "Giấy chứng nhận VietGAP / GlobalGAP / hữu cơ của vùng nguyên liệu, vùng sản xuất",
        "VietGAP / GlobalGAP / organic certificate of the raw-material or production area";
    PRODUCTION_RECORDS = "production_records",
        "Thuyết minh quy trình, công nghệ chế biến; số liệu sản lượng, công suất",
        "Description of the process and processing technology; output and capacity figures";
    LINKAGE_CONTRACTS = "linkage_contracts",
        "Hợp đồng liên kết, biên bản thanh lý, hóa đơn chứng minh thực hiện (từ 12 tháng)",
        "Linkage contracts, liquidation minutes and invoices showing execution (12 months or more)";
    ENVIRONMENT = "environment",
        "Hồ sơ môi trường; ảnh công trình, biện pháp xử lý chất thải; thuyết minh công nghệ bền vững",
        "Environmental dossier; photos of waste-treatment works and measures; description of sustainable technology";
    LABEL_PACKAGING = "label_packaging",
        "Mẫu nhãn, bao bì; mã vạch, tem truy xuất nguồn gốc điện tử; nhãn song ngữ",
        "Label and packaging samples; barcode, electronic traceability stamp; bilingual label";
    IDEA_ORIGIN = "idea_origin",
        "Tài liệu về nguồn gốc ý tưởng, tính truyền thống của sản phẩm",
        "Documents on the origin of the product idea and its tradition";
    INSURED_WORKERS = "insured_workers",
        "Danh sách lao động tham gia bảo hiểm, có địa chỉ thường trú",
        "List of insured workers with their permanent addresses";
    FINANCIAL_STATEMENTS = "financial_statements",
        "Báo cáo tài chính 02 năm gần nhất hoặc kết quả xếp loại hợp tác xã",
        "Financial statements of the last 2 years, or the cooperative's classification result";
    INTELLECTUAL_PROPERTY = "intellectual_property",
        "Đơn / giấy chứng nhận nhãn hiệu; quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, chứng nhận; sáng chế, kiểu dáng",
        "Trademark application or certificate; rights to a geographical indication, collective or certification mark; patents, designs";
    DISTRIBUTION = "distribution",
        "Hợp đồng phân phối, ký gửi, đơn hàng, hóa đơn; danh sách đại lý; gian hàng siêu thị, sàn thương mại điện tử",
        "Distribution and consignment contracts, orders, invoices; list of agents; supermarket and e-commerce listings";
    PROMOTION = "promotion",
        "Website, mạng xã hội; hồ sơ tham gia hội chợ, xúc tiến thương mại",
        "Website and social media; records of trade fairs and trade promotion";
    STORY = "story",
        "Câu chuyện sản phẩm trên tờ rơi, website, phim, ảnh, trang truy xuất nguồn gốc",
        "The product story on leaflets, website, film, photos, traceability page";
    SAMPLES = "samples",
        "Mẫu sản phẩm (05 mẫu) cho đánh giá cảm quan",
        "Product samples (5) for sensory evaluation";
    LAB_REPORTS = "lab_reports",
        "Phiếu kiểm nghiệm các chỉ tiêu chất lượng, dinh dưỡng, an toàn theo tiêu chuẩn công bố",
        "Lab reports on quality, nutrition and safety indicators per the declared standard";
    QUALITY_DECLARATION = "quality_declaration",
        "Bản công bố / tự công bố chất lượng sản phẩm, tiêu chuẩn sản phẩm",
        "Product quality declaration or self-declaration, product standard";
    QUALITY_SYSTEM = "quality_system",
        "Chứng nhận hệ thống quản lý chất lượng tiên tiến (ISO, HACCP, GMP…), hồ sơ kiểm soát chất lượng",
        "Certificates of advanced quality management systems (ISO, HACCP, GMP…), quality-control records";
    USAGE_INSTRUCTIONS = "usage_instructions",
        "Hướng dẫn sử dụng, bảo quản (trên nhãn hoặc tài liệu kèm theo)",
        "Instructions for use and storage (on the label or an accompanying leaflet)";
    EXPORT = "export",
        "Hợp đồng xuất khẩu đã thực hiện, chứng nhận chất lượng quốc tế, đánh giá thị trường nước ngoài",
        "Export contracts carried out, international quality certificates, foreign market assessments";
    AWARDS = "awards",
        "Giải thưởng, bằng khen, kết quả xếp hạng; tài liệu chứng minh nét đặc trưng của sản phẩm",
        "Awards, certificates of merit, rankings; documents showing what makes the product distinctive";
    TOURISM_LICENCE = "tourism_licence",
        "Giấy phép kinh doanh; quyết định công nhận điểm du lịch / cơ sở đạt chuẩn phục vụ khách du lịch",
        "Business licences; decision recognising the tourist site or the facility as meeting tourist-service standards";
    TOURISM_SAFETY = "tourism_safety",
        "Phương án an ninh, an toàn, phòng cháy chữa cháy, cứu hộ; sổ theo dõi sự cố",
        "Security, safety, fire-fighting and rescue plans; incident log";
    TOURISM_STAFF = "tourism_staff",
        "Danh sách nhân sự, chứng chỉ đào tạo nghiệp vụ du lịch",
        "Staff list and tourism-service training certificates";
    TOURISM_SERVICE = "tourism_service",
        "Thuyết minh dịch vụ, chương trình trải nghiệm; ảnh cơ sở vật chất, cảnh quan; ý kiến khách du lịch",
        "Description of services and experience programmes; photos of facilities and landscape; visitor feedback";
}

/// Keyword rules over the lower-cased English section name + criterion text; all matching rules
/// apply, in order. English glosses are consistent across the 26 sheets, so they key well.
const RULES: &[(&[&str], &[&Evidence])] = &[
    (
        &["raw-material origin", "product origin"],
        &[&RAW_MATERIAL_ORIGIN],
    ),
    (
        &["certified raw-material area", "certified production area"],
        &[&AREA_CERTIFICATE],
    ),
    (
        &["value addition", "production capacity"],
        &[&PRODUCTION_RECORDS],
    ),
    (&["linkage"], &[&LINKAGE_CONTRACTS]),
    (
        &["environment", "sustainable", "energy saving"],
        &[&ENVIRONMENT],
    ),
    (&["idea"], &[&IDEA_ORIGIN]),
    (&["packaging", "label", "packing"], &[&LABEL_PACKAGING]),
    (
        &[
            "type of business",
            "coordination/management unit",
            "management mechanism",
        ],
        &[&BUSINESS_REGISTRATION],
    ),
    (&["legal representative"], &[&REPRESENTATIVE_ID]),
    (&["local labour"], &[&INSURED_WORKERS]),
    (&["business growth"], &[&FINANCIAL_STATEMENTS]),
    (
        &["intellectual property", "brand identity"],
        &[&INTELLECTUAL_PROPERTY],
    ),
    (
        &["distribution", "sales organisation", "target markets"],
        &[&DISTRIBUTION],
    ),
    (&["promotion"], &[&PROMOTION]),
    (&["story", "local knowledge", "new-rural"], &[&STORY]),
    (
        &[
            "sensory",
            "product quality/",
            "quality indicators",
            "product quality |",
        ],
        &[&SAMPLES],
    ),
    (
        &[
            "nutrition",
            "periodic testing",
            "food-safety quality",
            "effectiveness",
            "safety |",
        ],
        &[&LAB_REPORTS],
    ),
    (&["declaration"], &[&QUALITY_DECLARATION, &LAB_REPORTS]),
    (
        &["quality assurance", "conditions ensuring"],
        &[&FACILITY_CERTIFICATE, &QUALITY_SYSTEM],
    ),
    (
        &["usage instructions", "convenience of use"],
        &[&USAGE_INSTRUCTIONS],
    ),
    (&["global market"], &[&EXPORT]),
    (&["uniqueness"], &[&AWARDS]),
    (&["business-licensing"], &[&TOURISM_LICENCE]),
    (&["safety and security"], &[&TOURISM_SAFETY]),
    (&["management and staff"], &[&TOURISM_STAFF]),
    (
        &[
            "location",
            "architecture",
            "service process",
            "experiential",
            "tourism product",
            "service quality",
            "amenities",
            "visitor-attraction",
            "goods and services",
            "heritage",
        ],
        &[&TOURISM_SERVICE],
    ),
];

/// Suggested evidence for a criterion of a set ([I]: our mapping). Empty for an unknown code.
pub fn for_criterion(set: &ProductSet, code: &str) -> Vec<&'static Evidence> {
    let Some(loc) = set.criteria().find(|l| l.criterion.code == code) else {
        return Vec::new();
    };
    let key = format!(
        "{} | {}",
        loc.section.name.en.to_lowercase(),
        loc.criterion.text.en.to_lowercase()
    );
    let key = format!("{key} |");
    let mut out: Vec<&'static Evidence> = Vec::new();
    for (words, evidence) in RULES {
        if words.iter().any(|w| key.contains(w)) {
            for e in evidence.iter() {
                if !out.iter().any(|x| x.id == e.id) {
                    out.push(e);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    #[test]
    fn every_criterion_of_every_set_has_suggested_evidence() {
        for (id, _) in embedded::SETS {
            let Some(Ok(set)) = embedded::load(id) else {
                panic!("{id}")
            };
            for l in set.criteria() {
                let e = for_criterion(&set, &l.criterion.code);
                assert!(
                    !e.is_empty(),
                    "{id} {} {:?} / {:?}",
                    l.criterion.code,
                    l.section.name.en,
                    l.criterion.text.en
                );
            }
        }
    }

    #[test]
    fn known_mappings() {
        let Some(Ok(set)) = embedded::load("QD26-07") else {
            panic!("set")
        };
        let ids = |code| {
            for_criterion(&set, code)
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("3.3"), ["insured_workers"]);
        assert_eq!(ids("3.4"), ["financial_statements"]);
        assert!(ids("1.5").contains(&"linkage_contracts"));
        assert!(ids("8").contains(&"quality_declaration"));
        assert!(for_criterion(&set, "99").is_empty());
        assert!(ALL.len() >= 20);
    }
}

/// One row of the evidence table Mẫu 02 Part III prints ("Tài liệu minh chứng kèm theo vào phụ
/// lục của Báo cáo, tham khảo hướng dẫn theo bảng dưới đây"): what it is about ("Nội dung") and
/// what to attach ("Yêu cầu"), word for word as the decision prints them (each `require` item
/// a line of the cell), with an English gloss for the reading copy.
#[derive(Debug, PartialEq, Eq)]
pub struct TableRow {
    pub content: (&'static str, &'static str),
    pub require: &'static [(&'static str, &'static str)],
}

/// The 15 rows of the Mẫu 02 evidence table, in the decision's order (checked against
/// `docs/forms-qd26-2026.md` by `tests/dossier_forms.rs`).
pub const TABLE: [TableRow; 15] = [
    TableRow {
        content: ("Giấy đăng ký kinh doanh", "Business registration"),
        require: &[(
            "Bản sao chứng minh hoạt động kinh doanh hợp pháp (đối với các đơn vị/cá nhân có đăng ký kinh doanh)",
            "A copy proving lawful business activity (for registered units or individuals)",
        )],
    },
    TableRow {
        content: (
            "Giấy chứng nhận cơ sở đủ điều kiện sản xuất",
            "Certificate of a facility meeting the production conditions",
        ),
        require: &[(
            "Bản sao (đối với sản phẩm cần phải có giấy chứng nhận theo quy định hiện hành)",
            "A copy (for products that need one under the rules in force)",
        )],
    },
    TableRow {
        content: (
            "Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi",
            "Origin of raw materials, raw-material area, chain linkage",
        ),
        require: &[(
            "Bản sao tài liệu: Giấy xác nhận an toàn thực phẩm đối với vùng nguyên liệu, hợp đồng mua bán/hợp đồng nguyên tắc, thỏa thuận liên kết, thanh lý hợp đồng, hóa đơn chứng từ hợp lệ... chứng minh nguồn gốc nguyên liệu, liên kết chuỗi.",
            "Copies: food-safety confirmation of the raw-material area, sales or framework contracts, linkage agreements, contract liquidations, valid invoices… proving the origin of raw materials and the chain linkage.",
        )],
    },
    TableRow {
        content: (
            "Bảo vệ môi trường, sử dụng công nghệ theo hướng bền vững",
            "Environmental protection, sustainable technology",
        ),
        require: &[(
            "Bản sao hồ sơ, thủ tục về môi trường theo quy định; hình ảnh minh chứng về thực hiện giải pháp bảo vệ môi trường; hình ảnh, mô tả công nghệ sử dụng theo hướng bền vững.",
            "Copies of the environmental files and procedures required; photos of the environmental measures; photos and a description of the sustainable technology used.",
        )],
    },
    TableRow {
        content: ("Sử dụng lao động địa phương", "Local labour"),
        require: &[(
            "Danh sách lao động đóng bảo hiểm có xác nhận của chủ thể, bao gồm cả nơi thường trú.",
            "The list of insured workers certified by the producer, with their permanent addresses.",
        )],
    },
    TableRow {
        content: (
            "Tăng trưởng sản xuất kinh doanh",
            "Growth of production and business",
        ),
        require: &[
            (
                "- Bản sao Tài liệu minh chứng kết quả phân loại hợp tác xã hoặc báo cáo tài chính 2 năm gần nhất.",
                "- A copy of the co-operative's classification result or of the financial statements of the last 2 years.",
            ),
            (
                "- Bản sao Báo cáo tài chính của chủ thể 2 năm gần nhất.",
                "- A copy of the producer's financial statements of the last 2 years.",
            ),
        ],
    },
    TableRow {
        content: ("Sở hữu trí tuệ", "Intellectual property"),
        require: &[
            (
                "Minh chứng thể hiện Đơn đăng ký nhãn hiệu đã được cơ quan có thẩm quyền chấp nhận hoặc công bố.",
                "Proof that the trademark application was accepted or published by the competent office.",
            ),
            (
                "Bản sao Giấy chứng nhận đăng ký nhãn hiệu; văn bằng ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận; Bằng sáng chế, Bằng độc quyền kiểu dáng công nghiệp,...",
                "Copies of the trademark certificate; of the title to use a geographical indication, collective or certification mark; patents, industrial design patents…",
            ),
        ],
    },
    TableRow {
        content: (
            "Phát triển thị trường, hoạt động quảng bá, xúc tiến thương mại",
            "Market development, promotion, trade promotion",
        ),
        require: &[(
            "Bản sao tài liệu: Hợp đồng, cam kết, ký gửi, đặt hàng, biên nhận, hóa đơn, chứng từ để minh chứng xác nhận về phân phối sản phẩm, xuất khẩu sản phẩm, hoạt động xúc tiến thương mại...",
            "Copies: contracts, commitments, consignments, orders, receipts, invoices and vouchers proving the distribution and export of the product and trade promotion…",
        )],
    },
    TableRow {
        content: ("Quảng bá sản phẩm", "Product promotion"),
        require: &[(
            "Tài liệu minh chứng về website, hoạt động quảng bá.",
            "Proof of the website and of promotion activities.",
        )],
    },
    TableRow {
        content: ("Câu chuyện về sản phẩm", "The product's story"),
        require: &[(
            "Bản sao tờ rơi, hình ảnh, phim, ghi âm... minh chứng về câu chuyện của sản phẩm",
            "Copies of leaflets, pictures, films, recordings… of the product's story",
        )],
    },
    TableRow {
        content: ("Công bố chất lượng sản phẩm", "Quality declaration"),
        require: &[(
            "Bản sao tài liệu, chứng minh chất lượng sản phẩm được công bố",
            "Copies proving the product's quality is declared",
        )],
    },
    TableRow {
        content: (
            "Phiếu kết quả kiểm nghiệm chỉ tiêu chất lượng, an toàn thực phẩm theo tiêu chuẩn công bố",
            "Laboratory reports on the quality and food-safety indicators of the declared standard",
        ),
        require: &[(
            "Bản sao tài liệu chứng minh đạt tiêu chuẩn chất lượng, an toàn thực phẩm.",
            "Copies proving the quality and food-safety standards are met.",
        )],
    },
    TableRow {
        content: (
            "Mã số mã vạch, tem truy xuất nguồn gốc,",
            "Barcode, traceability stamp",
        ),
        require: &[(
            "Bản sao tài liệu, chứng minh mã, tem, sở hữu thương hiệu...",
            "Copies proving the code, the stamp, the ownership of the brand…",
        )],
    },
    TableRow {
        content: (
            "Hệ thống quản lý chất lượng tiên tiến, kiểm soát chất lượng",
            "Advanced quality management system, quality control",
        ),
        require: &[(
            "Bản sao tài liệu: chứng nhận Hệ thống quản lý chất lượng tiên tiến, chứng minh hệ thống quản lý đạt tiêu chuẩn",
            "Copies: the certificate of the advanced quality management system, proof that the system meets the standard",
        )],
    },
    TableRow {
        content: (
            "Giải thưởng của sản phẩm, bình chọn của các tổ chức uy tín trong nước và quốc tế...",
            "Awards of the product, selections by reputable organisations at home and abroad…",
        ),
        require: &[(
            "Bản sao tài liệu, minh chứng về các thành tích, giải thưởng, bình chọn...",
            "Copies of achievements, awards, selections…",
        )],
    },
];
