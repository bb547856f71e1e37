#!/usr/bin/env python3
"""Derive the app's rubric data from the reference transcription of Decision 26/2026/QĐ-TTg.

Input : tests/reference/criteria-qd26-2026.json (the team's transcription of Phụ lục II; its sources are in docs/domain.md)
        data/glosses-en.json (English for what the reference leaves without a gloss)
        tools/catalogue.py  (classification and example products)
Output: static/rubric/QD26-01.json … QD26-26.json (one file per product set, fetched on demand)
        static/rubric/catalogue.json (categories → groups → sets; embedded in the first download)

The output format is the project's own ("ocop-self-check/rubric" v1, see src/rubric/mod.rs).
Run it again whenever the reference or the glosses change; `cargo test` (tests/fidelity.rs)
checks that what is shipped matches the reference criterion by criterion.
"""
import json
import os
import re
import sys

# Inferred yes/no levels of the transcription, as each language shows them (tests/fidelity.rs).
YES_NO = {"Có / Yes": "Có", "Không / No": "Không"}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from catalogue import CATEGORIES, SUBGROUP_NAMES_EN  # noqa: E402

REF = os.path.join(ROOT, "tests", "reference", "criteria-qd26-2026.json")
GLOSSES = os.path.join(ROOT, "data", "glosses-en.json")
OUT = os.path.join(ROOT, "static", "rubric")

RUBRIC_ID = "QD26-2026"
PART_NAMES = {
    "A": {"vi": "Sản phẩm và sức mạnh của cộng đồng", "en": "Product and community strength"},
    "B": {"vi": "Khả năng tiếp thị", "en": "Marketing capability"},
    "C": {"vi": "Chất lượng sản phẩm", "en": "Product quality"},
}

# Knock-out conditions, plainly worded (one condition per question). The decision's own
# sentence is kept beside them in "source_vi".
KO_TEXT = {
    "forged": ("Hồ sơ có tài liệu giả mạo",
               "The dossier contains forged documents"),
    "food_safety_certificate": (
        "Chưa tuân thủ đầy đủ quy định về giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "The producer does not fully comply with the rules on the food-safety facility certificate"),
    "production_licence": ("Không có giấy phép sản xuất theo quy định",
                           "No production licence as required by law"),
    "gmp": ("Chưa tuân thủ đầy đủ quy định về giấy chứng nhận cơ sở đủ điều kiện sản xuất "
            "(GMP đối với thực phẩm bảo vệ sức khỏe hoặc tương đương)",
            "The producer does not fully comply with the rules on the production-eligibility "
            "certificate (GMP for health supplements, or equivalent)"),
    "declaration_dossier": (
        "Hồ sơ công bố chất lượng, ghi nhãn hoặc quảng cáo sản phẩm không đáp ứng quy định",
        "The quality-declaration, labelling or advertising papers do not meet the rules"),
    "health_conditions": (
        "Không có đủ điều kiện bắt buộc để sản xuất sản phẩm theo quy định quản lý chuyên ngành (Bộ Y tế)",
        "The mandatory production conditions of the sector rules (Ministry of Health) are not met"),
    "product_notification": ("Không có Bản công bố sản phẩm (hoặc tương đương)",
                             "There is no product notification (Bản công bố) or equivalent"),
    "registration_dossier": ("Hồ sơ đăng ký không đáp ứng quy định",
                             "The registration dossier does not meet the requirements"),
    "imported_materials": ("Sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc",
                           "All raw materials are imported or of unknown origin"),
    "copied_product": (
        "Sản phẩm giống hệt sản phẩm của nhà sản xuất khác, chỉ thay đổi tên sản phẩm, nhà sản xuất",
        "The product is identical to another producer's product, with only the product or producer name changed"),
    "common_key_product": (
        "Sản phẩm phổ biến thuộc nhóm sản phẩm chủ lực cấp quốc gia, cấp tỉnh mà không nổi trội về chất lượng và đặc sắc",
        "The product is a common one of a national or provincial key-product group, without outstanding quality or distinctiveness"),
    "impurities": (
        "Sản phẩm có tạp chất không chấp nhận được, có nguy cơ mất an toàn thực phẩm (lông, côn trùng, đất, cát, nhựa, mốc…)",
        "The product contains unacceptable impurities that put food safety at risk (hair, insects, soil, sand, plastic, mould…)"),
    "ip_infringement": (
        "Sản phẩm vi phạm sở hữu trí tuệ",
        "The product infringes intellectual property rights"),
    "sensory_zero": (
        "Một chỉ tiêu cảm quan (6.1–6.4) chỉ đạt 0 điểm",
        "A sensory indicator (6.1–6.4) scores 0 points"),
    "no_quality_declaration": (
        "Không có hồ sơ công bố (tiêu chí 6 ở mức thấp nhất)",
        "There is no declaration dossier (criterion 6 at its lowest level)"),
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def num(x):
    if x is None:
        return None
    if float(x) != int(x):
        raise ValueError(f"non-integer points {x}")
    return int(x)


def set_knock_outs(s):
    """Split the set's 'Hồ sơ bị loại khi …' sentence into separate conditions."""
    out = []
    for text in s["disqualifiers"]:
        low = text.lower()
        ids = []
        if "giả mạo" in low:
            ids.append("forged")
        if "an toàn thực phẩm" in low and "giấy chứng nhận cơ sở đủ điều kiện" in low:
            ids.append("food_safety_certificate")
        if "gmp" in low:
            ids.append("gmp")
        if "giấy phép sản xuất" in low:
            ids.append("production_licence")
        if "công bố chất lượng sản phẩm, ghi nhãn" in low:
            ids.append("declaration_dossier")
        if "điều kiện bắt buộc" in low:
            ids.append("health_conditions")
        if "bản công bố sản phẩm" in low:
            ids.append("product_notification")
        if "hồ sơ đăng ký" in low:
            ids.append("registration_dossier")
        if not ids:
            raise ValueError(f"{s['id']}: unrecognised knock-out sentence {text!r}")
        for i in ids:
            vi, en = KO_TEXT[i]
            out.append({"id": i, "kind": "question", "effect": "rejected",
                        "text": {"vi": vi, "en": en}, "source_vi": text})
    return out


def criterion_knock_outs(sid, code, notes, leaves_by_code):
    out = []
    for note in notes:
        low = note.lower()
        ko = None
        if "nhập khẩu" in low and "bị loại" in low:
            ko = ("imported_materials", "rejected")
        elif "giống hệt" in low and "bị loại" in low:
            ko = ("copied_product", "rejected")
        elif "không đánh giá những sản phẩm có tính phổ biến" in low:
            ko = ("common_key_product", "not_evaluated")
        elif "tạp chất" in low:
            ko = ("impurities", "not_evaluated")
        if ko:
            vi, en = KO_TEXT[ko[0]]
            out.append({"id": ko[0], "kind": "question", "effect": ko[1], "criterion": code,
                        "text": {"vi": vi, "en": en}, "source_vi": note})
        if "được 0 điểm tại một trong các chỉ tiêu trên" in low:
            # Set 16: "a 0 on any of the preceding sensory indicators" → derived from answers.
            section = code.split(".")[0]
            above = [c for c in leaves_by_code if c.startswith(section + ".") and c <= code]
            vi, en = KO_TEXT["sensory_zero"]
            out.append({"id": "sensory_zero", "kind": "zero_points", "effect": "not_evaluated",
                        "criterion": code, "criteria": above,
                        "text": {"vi": vi, "en": en}, "source_vi": note})
        if "không đánh giá các bước tiếp theo nếu không có phiếu công bố" in low:
            leaf = leaves_by_code.get(code)
            if leaf and leaf["options"] and leaf["options"][0]["points"] == 0:
                vi, en = KO_TEXT["no_quality_declaration"]
                out.append({"id": "no_quality_declaration", "kind": "zero_points",
                            "effect": "not_evaluated", "criterion": code, "criteria": [code],
                            "text": {"vi": vi, "en": en}, "source_vi": note})
    return out


def main():
    ref = load(REF)
    glosses = load(GLOSSES) if os.path.exists(GLOSSES) else {}
    missing = []

    def gl(key, vi):
        en = glosses.get(key)
        if not en:
            missing.append(key)
            en = ""
        return {"vi": vi, "en": en}

    meta = ref["meta"]
    decision = {
        "number": "26/2026/QĐ-TTg",
        "date": "2026-05-22",
        "effective_from": meta["effective_from"],
        "title_vi": meta["decision"],
        "official_url": meta["official_url"],
        "text_source": meta["text_source_used"],
        "transcription": "shared/ocop/criteria-qd26-2026.json (copied to tests/reference/)",
    }
    os.makedirs(OUT, exist_ok=True)
    catalogue_sets = {}
    for s in ref["sets"]:
        sid = s["id"]
        leaves = {}

        def collect(n):
            if n.get("options"):
                leaves[n["code"]] = n
            for c in (n.get("children") or []) + (n.get("criteria") or []):
                collect(c)

        for part in s["sections"]:
            collect(part)

        knock_outs = set_knock_outs(s)
        parts = []
        flags = []
        for part in s["sections"]:
            pcode = part["code"]
            p = {"code": pcode, "max": num(part["max"]), "name": PART_NAMES[pcode], "sections": []}
            if part.get("flag"):
                flags.append({"at": pcode, "note": part["flag"]})
                m = re.search(r"header text says (\d+)", part["flag"])
                if m:
                    p["declared_max"] = int(m.group(1))
            for sec in part["criteria"]:
                sname = {"vi": sec["label"], "en": sec.get("label_en") or ""}
                if not sname["en"]:
                    sname = gl(f"{sid}/{sec['code']}", sec["label"])
                section = {"code": sec["code"], "max": num(sec["max"]), "name": sname,
                           "groups": [], "criteria": []}

                def add_leaf(n, group):
                    levels = []
                    cases = []
                    for i, o in enumerate(n["options"], start=1):
                        en = o.get("label_en") or ""
                        text = {"vi": o["label"], "en": en} if en else gl(f"{sid}/{n['code']}/{i}", o["label"])
                        # The transcription's inferred yes/no levels carry both languages in one
                        # label ("Có / Yes"); the app keeps each language apart.
                        if o.get("flag", "").startswith("implicit option") and o["label"] in YES_NO:
                            text = {"vi": YES_NO[o["label"]], "en": en or text["en"]}
                        lv = {"points": num(o["points"]), "text": text}
                        if o.get("min_star"):
                            lv["min_star"] = int(o["min_star"])
                        if o.get("variant"):
                            if o["variant"] not in cases:
                                cases.append(o["variant"])
                            lv["case"] = cases.index(o["variant"]) + 1
                        if o.get("flag"):
                            lv["flag"] = o["flag"]
                            if "inferred" in o["flag"]:
                                lv["inferred"] = True
                        levels.append(lv)
                    crit = {"code": n["code"], "max": num(n["max"]),
                            "text": {"vi": n["label"], "en": n.get("label_en") or ""}}
                    if not crit["text"]["en"]:
                        crit["text"] = gl(f"{sid}/{n['code']}", n["label"])
                    if group:
                        crit["group"] = group
                    if n.get("variants"):
                        crit["cases"] = [gl(f"{sid}/{n['code']}/variant{i}", v.split(": ", 1)[-1])
                                         for i, v in enumerate(n["variants"], start=1)]
                    if n.get("notes"):
                        crit["notes"] = [gl(f"{sid}/{n['code']}/note{i}", t)
                                         for i, t in enumerate(n["notes"], start=1)]
                    if n.get("implicit_binary"):
                        crit["implicit_levels"] = True
                    if n.get("flag"):
                        crit["flag"] = n["flag"]
                    crit["levels"] = levels
                    if any("vi phạm sở hữu trí tuệ" in o["label"] for o in n["options"]):
                        # Sets 21–22 print "products that infringe IP are disqualified" inside a level.
                        vi, en = KO_TEXT["ip_infringement"]
                        src = next(o["label"] for o in n["options"] if "vi phạm sở hữu trí tuệ" in o["label"])
                        knock_outs.append({"id": "ip_infringement", "kind": "question", "effect": "rejected",
                                           "criterion": n["code"], "text": {"vi": vi, "en": en}, "source_vi": src})
                    section["criteria"].append(crit)
                    knock_outs.extend(criterion_knock_outs(sid, n["code"], n.get("notes") or [], leaves))

                def walk(n, group):
                    if n.get("options"):
                        add_leaf(n, group)
                        return
                    # A heading that groups criteria (e.g. 6.1 → 6.1.1, 6.1.2).
                    if n is not sec:
                        gname = {"vi": n["label"], "en": n.get("label_en") or ""}
                        if not gname["en"]:
                            gname = gl(f"{sid}/{n['code']}", n["label"])
                        section["groups"].append({"code": n["code"], "max": num(n["max"]), "name": gname})
                        group = n["code"]
                    for c in n.get("children") or []:
                        walk(c, group)

                walk(sec, None)
                if not section["groups"]:
                    del section["groups"]
                p["sections"].append(section)
            parts.append(p)

        # One question per knock-out id (a set can print the same condition twice).
        seen = set()
        uniq = []
        for k in knock_outs:
            if k["id"] in seen:
                continue
            seen.add(k["id"])
            uniq.append(k)

        out = {
            "format": "ocop-self-check/rubric",
            "version": 1,
            "rubric": RUBRIC_ID,
            "decision": decision,
            "id": sid,
            "no": s["no"],
            "name": gl(f"{sid}/name", s["name"]),
            "header_vi": s["classification"],
            "knock_outs": uniq,
            "parts": parts,
        }
        if flags:
            out["flags"] = flags
        with open(os.path.join(OUT, f"{sid}.json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
        catalogue_sets[sid] = s

    cats = []
    for cat in CATEGORIES:
        groups = []
        for g in cat["groups"]:
            sets = []
            for (cls, sid, ministry, ex_vi, ex_en) in g["sets"]:
                s = catalogue_sets[sid]
                sets.append({"id": sid, "no": s["no"], "classification": cls,
                             "name": {"vi": s["name"], "en": SUBGROUP_NAMES_EN[sid]},
                             "lead_ministry": ministry,
                             "examples": [{"vi": v, "en": e} for v, e in zip(ex_vi, ex_en)]})
            groups.append({"code": g["code"], "name": g["name"], "sets": sets})
        cats.append({"code": cat["code"], "name": cat["name"], "groups": groups})
    catalogue = {"format": "ocop-self-check/catalogue", "version": 1, "rubric": RUBRIC_ID,
                 "decision": decision, "categories": cats}
    with open(os.path.join(OUT, "catalogue.json"), "w", encoding="utf-8") as f:
        json.dump(catalogue, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(catalogue_sets)} sets + catalogue; {len(missing)} English glosses missing")
    import catalogue_rs  # noqa: E402  (the same catalogue as static Rust tables)
    catalogue_rs.main()
    if missing:
        print("first missing:", missing[:10])
    return 0


if __name__ == "__main__":
    sys.exit(main())
