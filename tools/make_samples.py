#!/usr/bin/env python3
"""Write the demonstration drafts (data/samples/*.json, interchange v1) used by demo mode.

Each sample is a fictional producer (in a real, current province: the 2025 reorganisation merged
Kiên Giang into An Giang and Hà Giang into Tuyên Quang) with plausible answers, consistent with
its details (organisation type -> 3.1, representative -> 3.2): a per-criterion level chosen by a
profile (fraction of the ladder, 0 = lowest printed level, 1 = best), with some overrides.
They are labelled as examples in the app; re-run after rubric changes and check them with
`cargo run --bin ocop -- assess data/samples/*.json`.
"""
import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def positions(set_id, default, overrides):
    d = json.load(open(os.path.join(ROOT, "static", "rubric", f"{set_id}.json"), encoding="utf-8"))
    out = {}
    for p in d["parts"]:
        for s in p["sections"]:
            for c in s["criteria"]:
                n = len(c["levels"])
                f = overrides.get(c["code"], default.get(p["code"], 0.5))
                if isinstance(f, int) and not isinstance(f, bool):
                    out[c["code"]] = f  # explicit position
                    continue
                if c.get("cases"):
                    # choose within case 1 (positions of case 1 only)
                    case1 = [i + 1 for i, l in enumerate(c["levels"]) if l.get("case") == 1]
                    out[c["code"]] = case1[round(f * (len(case1) - 1))]
                else:
                    out[c["code"]] = round(f * (n - 1)) + 1
    return out

SAMPLES = [
    ("sample-fish-sauce", "QD26-09", 1767225600000,
     {"name": "Nước mắm cá cơm Hòn Đỏ (ví dụ)", "specification": "Chai thủy tinh 500 ml, 40 độ đạm",
      "standard": "TCVN 5107:2018", "certificates": "Giấy chứng nhận cơ sở đủ điều kiện ATTP",
      "intellectual_property": "Nhãn hiệu đã được cấp giấy chứng nhận"},
     {"name": "Hợp tác xã Hải sản Hòn Đỏ (ví dụ)", "organisation_type": "Hợp tác xã",
      "address": "Thôn Hòn Đỏ, xã Ví Dụ, tỉnh An Giang", "representative_name": "Trần Thị Mẫu",
      "representative_title": "Giám đốc", "representative_gender": "Nữ", "representative_ethnicity": "Kinh", "representative_disability": "Không"},
     {"A": 0.75, "B": 0.7, "C": 0.8}, {"3.1": 1.0, "3.2": 1.0, "5.1": 1.0, "1.5": 0.67},
     {"forged": False, "food_safety_certificate": False, "registration_dossier": False,
      "imported_materials": False, "copied_product": False, "impurities": False},
     {"1.1": "Hóa đơn mua cá cơm của 12 tàu trong tỉnh", "5.1": "Câu chuyện in trên tờ rơi và trang truy xuất"}),
    ("sample-shan-tea", "QD26-11", 1767312000000,
     {"name": "Chè Shan tuyết Bản Mế (ví dụ)", "specification": "Túi 200 g",
      "standard": "Tự công bố chất lượng"},
     {"name": "Hộ kinh doanh Giàng A Mế (ví dụ)", "organisation_type": "Hộ kinh doanh có đăng ký",
      "address": "Bản Mế, xã Ví Dụ, tỉnh Tuyên Quang", "representative_name": "Giàng A Mế",
      "representative_title": "Chủ hộ", "representative_gender": "Nam", "representative_ethnicity": "H'Mông", "representative_disability": "Không"},
     {"A": 0.5, "B": 0.45, "C": 0.6}, {"3.2": 1.0, "3.1": 0.0, "4.1": 0.0},
     {"forged": False, "food_safety_certificate": False, "registration_dossier": False},
     {"3.2": "Người đại diện là đồng bào dân tộc H'Mông"}),
    ("sample-homestay", "QD26-26", 1767398400000,
     {"name": "Du lịch cộng đồng Bản Ven (ví dụ)", "specification": "Homestay 6 nhà sàn, trải nghiệm dệt thổ cẩm"},
     {"name": "Tổ hợp tác du lịch Bản Ven (ví dụ)", "organisation_type": "Tổ hợp tác",
      "address": "Bản Ven, xã Ví Dụ, tỉnh Điện Biên", "representative_name": "Lò Văn Ví",
      "representative_title": "Tổ trưởng", "representative_gender": "Nam", "representative_ethnicity": "Thái", "representative_disability": "Không"},
     # 3.1 at position 1: household / farm / cooperative group, as the organisation type says.
     {"A": 0.6, "B": 0.55, "C": 0.65}, {"3.4": 0.0, "3.2": 1.0, "3.1": 1},
     {}, {"14": "Phiếu ý kiến của khách du lịch năm 2025"}),
    ("sample-bamboo", "QD26-21", 1767484800000,
     {"name": "Giỏ mây tre đan Phú Vinh (ví dụ)", "specification": "Bộ 3 giỏ, đường kính 20–35 cm"},
     {"name": "Công ty TNHH Mây tre Phú Vinh (ví dụ)", "organisation_type": "Công ty TNHH",
      "address": "Làng nghề Phú Vinh, xã Ví Dụ, Hà Nội", "representative_name": "Nguyễn Văn Mẫu",
      "representative_title": "Giám đốc", "representative_gender": "Nam", "representative_ethnicity": "Kinh", "representative_disability": "Không"},
     # 3.2 at position 1 (0 points): the representative is neither a woman nor from an ethnic
     # minority, as the details say.
     {"A": 0.7, "B": 0.6, "C": 0.7}, {"2.2": 0.0, "7": 1.0, "3.2": 1},
     {"forged": False, "registration_dossier": False, "ip_infringement": False},
     {"2.2": "Chưa có bao bì riêng, đang thiết kế"}),
]

# What the producer writes in the rest of Mẫu 02 (draft.report), for the examples that show a
# report well under way (the others show how the app lists what is still blank).
REPORTS = {
    "sample-fish-sauce": {
        "history": "Năm 2012 các hộ làm nước mắm ở thôn Hòn Đỏ lập tổ hợp tác (ví dụ).\nNăm 2018 thành lập hợp tác xã, 32 thành viên.",
        "organisation": "Hội đồng quản trị, giám đốc; tổ chế biến, tổ đóng chai, tổ bán hàng, kế toán; 21 lao động, 19 người trong xã.",
        "materials": "Cá cơm than mua của 12 tàu đánh bắt trong tỉnh theo hợp đồng; ủ chượp 12 tháng trong thùng gỗ; lọc, đóng chai tại xưởng.",
        "quality_changes": "Công bố chất lượng theo TCVN 5107:2018; chuyển sang chai thủy tinh 500 ml có tem truy xuất.",
        "markets": "Cửa hàng OCOP trong tỉnh, 8 đại lý, bán trực tuyến.",
        "results": "Sản lượng năm sau cao hơn năm trước khoảng 15 %.",
        "revenue_prev": "2.100", "revenue_last": "2.450", "profit_prev": "260", "profit_last": "310",
        "plan": "Đạt chứng nhận HACCP năm 2027; mở thêm hai đại lý ngoài tỉnh; in nhãn song ngữ.",
    },
}

for (sid, set_id, ts, product, producer, default, overrides, kos, evidence) in SAMPLES:
    draft = {"format": "ocop-self-check/draft", "version": 1, "rubric": "QD26-2026",
             "product_set": set_id, "answers": positions(set_id, default, overrides),
             "knock_outs": kos, "product": product, "producer": producer, "evidence": evidence,
             "id": sid, "title": product["name"], "created_ms": ts, "updated_ms": ts}
    if sid in REPORTS:
        draft["report"] = REPORTS[sid]
    with open(os.path.join(ROOT, "data", "samples", f"{sid}.json"), "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=1)
        f.write("\n")
print("wrote", len(SAMPLES), "samples")
