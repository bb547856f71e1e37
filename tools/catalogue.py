# Classification of Decision 26/2026/QĐ-TTg, Phụ lục I (6 categories → groups → sub-groups → 26
# product sets), with example products per set to help producers recognise theirs.
# Source: docs/domain.md §2.1 (transcribed from the decision). Example products are ours.
# Used by tools/build_rubric.py; the generated file is static/rubric/catalogue.json.

CATEGORIES = [
    {
        "code": "I",
        "name": {"vi": "Thực phẩm", "en": "Food"},
        "groups": [
            {
                "code": "I.1",
                "name": {"vi": "Thực phẩm tươi sống", "en": "Fresh food"},
                "sets": [
                    ("I.1.a", "QD26-01", "Bộ NN&MT",
                     ["Bưởi da xanh", "Vải thiều", "Xoài cát", "Hạt điều tươi", "Rau an toàn"],
                     ["Green-skin pomelo", "Lychee", "Cat mango", "Fresh cashew nuts", "Safe vegetables"]),
                    ("I.1.b", "QD26-02", "Bộ NN&MT",
                     ["Gà đồi", "Tôm sú", "Trứng gà ta", "Sữa bò tươi", "Cá lóc đồng"],
                     ["Free-range hill chicken", "Tiger prawns", "Free-range eggs", "Fresh cow's milk", "Field snakehead fish"]),
                ],
            },
            {
                "code": "I.2",
                "name": {"vi": "Thực phẩm thô, sơ chế", "en": "Raw and pre-processed food"},
                "sets": [
                    ("I.2.a", "QD26-03", "Bộ NN&MT",
                     ["Gạo ST25", "Gạo nếp cái hoa vàng", "Đậu xanh", "Ngô nếp", "Hạt sen khô"],
                     ["ST25 rice", "Yellow-flower glutinous rice", "Mung beans", "Waxy maize", "Dried lotus seeds"]),
                    ("I.2.b", "QD26-04", "Bộ NN&MT",
                     ["Mật ong rừng", "Mật ong hoa nhãn", "Mật mía", "Nấm hương khô", "Mộc nhĩ"],
                     ["Wild honey", "Longan-flower honey", "Sugar-cane molasses", "Dried shiitake", "Wood-ear mushroom"]),
                ],
            },
            {
                "code": "I.3",
                "name": {"vi": "Thực phẩm chế biến", "en": "Processed food"},
                "sets": [
                    ("I.3.a", "QD26-05", "Bộ Công Thương",
                     ["Bánh mì đóng gói", "Cơm cháy", "Xúc xích", "Mì ăn liền", "Chả giò đông lạnh"],
                     ["Packaged bread", "Crispy rice crackers", "Sausages", "Instant noodles", "Frozen spring rolls"]),
                    ("I.3.b", "QD26-06", "Bộ NN&MT; Bộ Công Thương",
                     ["Bún khô", "Bánh đa", "Miến dong", "Bánh tráng", "Bánh chưng"],
                     ["Dried rice vermicelli", "Rice crackers (bánh đa)", "Arrowroot glass noodles", "Rice paper", "Square sticky-rice cake"]),
                    ("I.3.c", "QD26-07", "Bộ NN&MT",
                     ["Mứt gừng", "Chuối sấy", "Hạt điều rang muối", "Dưa muối", "Tinh bột nghệ"],
                     ["Candied ginger", "Dried banana", "Salted roasted cashews", "Pickled vegetables", "Turmeric starch"]),
                    ("I.3.d", "QD26-08", "Bộ NN&MT; Bộ Công Thương",
                     ["Giò lụa", "Lạp xưởng", "Khô cá lóc", "Ruốc tôm", "Sữa chua"],
                     ["Pork roll (giò lụa)", "Chinese-style sausage", "Dried snakehead fish", "Shrimp floss", "Yoghurt"]),
                ],
            },
            {
                "code": "I.4",
                "name": {"vi": "Gia vị", "en": "Condiments"},
                "sets": [
                    ("I.4.a", "QD26-09", "Bộ NN&MT",
                     ["Nước mắm Phú Quốc", "Tương bần", "Mắm tôm", "Giấm gạo", "Nước tương"],
                     ["Phú Quốc fish sauce", "Bần soybean paste", "Shrimp paste", "Rice vinegar", "Soy sauce"]),
                    ("I.4.b", "QD26-10", "Bộ NN&MT",
                     ["Muối tôm", "Tiêu đen", "Tỏi Lý Sơn", "Hành tím", "Ớt bột"],
                     ["Shrimp salt", "Black pepper", "Lý Sơn garlic", "Shallots", "Chilli powder"]),
                ],
            },
            {
                "code": "I.5",
                "name": {"vi": "Chè", "en": "Tea"},
                "sets": [
                    ("I.5.a", "QD26-11", "Bộ NN&MT",
                     ["Chè Shan tuyết", "Chè Thái Nguyên", "Chè búp tươi", "Trà ô long", "Chè xanh"],
                     ["Shan tuyết tea", "Thái Nguyên tea", "Fresh tea buds", "Oolong tea", "Green tea"]),
                    ("I.5.b", "QD26-12", "Bộ NN&MT",
                     ["Trà hoa vàng", "Trà atiso", "Trà gừng", "Trà hoa cúc", "Trà túi lọc lá sen"],
                     ["Golden camellia tea", "Artichoke tea", "Ginger tea", "Chrysanthemum tea", "Lotus-leaf tea bags"]),
                ],
            },
            {
                "code": "I.6",
                "name": {"vi": "Cà phê, ca cao", "en": "Coffee and cocoa"},
                "sets": [
                    ("I.6", "QD26-13", "Bộ NN&MT",
                     ["Cà phê bột", "Cà phê hạt rang", "Bột ca cao", "Sô-cô-la", "Cà phê phin giấy"],
                     ["Ground coffee", "Roasted coffee beans", "Cocoa powder", "Chocolate", "Drip-bag coffee"]),
                ],
            },
        ],
    },
    {
        "code": "II",
        "name": {"vi": "Đồ uống", "en": "Beverages"},
        "groups": [
            {
                "code": "II.1",
                "name": {"vi": "Đồ uống có cồn", "en": "Alcoholic drinks"},
                "sets": [
                    ("II.1.a", "QD26-14", "Bộ Công Thương",
                     ["Rượu gạo", "Rượu nếp cẩm", "Rượu ngô men lá", "Rượu Bàu Đá"],
                     ["Rice spirit", "Black glutinous rice spirit", "Leaf-yeast corn spirit", "Bàu Đá rice wine"]),
                    ("II.1.b", "QD26-15", "Bộ Công Thương",
                     ["Rượu vang sim", "Rượu mơ", "Rượu cần", "Bia thủ công"],
                     ["Rose-myrtle wine", "Apricot liqueur", "Tube wine (rượu cần)", "Craft beer"]),
                ],
            },
            {
                "code": "II.2",
                "name": {"vi": "Đồ uống không cồn", "en": "Non-alcoholic drinks"},
                "sets": [
                    ("II.2.a", "QD26-16", "Bộ Y tế",
                     ["Nước khoáng thiên nhiên", "Nước uống đóng chai", "Nước suối đóng bình"],
                     ["Natural mineral water", "Bottled drinking water", "Bottled spring water"]),
                    ("II.2.b", "QD26-17", "Bộ Công Thương",
                     ["Nước ép trái cây", "Nước dừa đóng chai", "Sữa đậu nành", "Siro chanh dây", "Nước yến"],
                     ["Fruit juice", "Bottled coconut water", "Soy milk", "Passion-fruit syrup", "Bird's-nest drink"]),
                ],
            },
        ],
    },
    {
        "code": "III",
        "name": {"vi": "Dược liệu và sản phẩm từ dược liệu", "en": "Medicinal herbs and herbal products"},
        "groups": [
            {
                "code": "III.1",
                "name": {"vi": "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền",
                         "en": "Functional foods, herbal medicines, traditional medicines"},
                "sets": [
                    ("III.1", "QD26-18", "Bộ Y tế",
                     ["Cao atiso", "Viên đông trùng hạ thảo", "Cao sâm", "Trà thảo dược giảm mỡ"],
                     ["Artichoke extract", "Cordyceps capsules", "Ginseng extract", "Herbal slimming tea"]),
                ],
            },
            {
                "code": "III.2",
                "name": {"vi": "Mỹ phẩm có thành phần từ dược liệu", "en": "Cosmetics with herbal ingredients"},
                "sets": [
                    ("III.2", "QD26-19", "Bộ Y tế",
                     ["Dầu gội bồ kết", "Xà phòng thảo dược", "Son dưỡng từ dầu dừa", "Kem nghệ"],
                     ["Soap-berry shampoo", "Herbal soap", "Coconut-oil lip balm", "Turmeric cream"]),
                ],
            },
            {
                "code": "III.3",
                "name": {"vi": "Tinh dầu và dược liệu khác", "en": "Essential oils and other herbal products"},
                "sets": [
                    ("III.3", "QD26-20", "Bộ Y tế; Bộ Công Thương",
                     ["Tinh dầu sả chanh", "Tinh dầu quế", "Tinh dầu tràm", "Dược liệu khô"],
                     ["Lemongrass oil", "Cinnamon oil", "Cajeput oil", "Dried medicinal herbs"]),
                ],
            },
        ],
    },
    {
        "code": "IV",
        "name": {"vi": "Hàng thủ công mỹ nghệ", "en": "Handicrafts"},
        "groups": [
            {
                "code": "IV.1",
                "name": {"vi": "Thủ công mỹ nghệ gia dụng, trang trí", "en": "Household and decorative handicrafts"},
                "sets": [
                    ("IV.1", "QD26-21", "Bộ Công Thương; Bộ NN&MT",
                     ["Gốm Bát Tràng", "Mây tre đan", "Đồ gỗ mỹ nghệ", "Nón lá", "Tranh Đông Hồ"],
                     ["Bát Tràng ceramics", "Rattan and bamboo ware", "Fine wood crafts", "Conical leaf hats", "Đông Hồ prints"]),
                ],
            },
            {
                "code": "IV.2",
                "name": {"vi": "Vải, may mặc", "en": "Textiles and garments"},
                "sets": [
                    ("IV.2", "QD26-22", "Bộ Công Thương",
                     ["Thổ cẩm", "Lụa tơ tằm", "Khăn dệt thủ công", "Áo dài may sẵn"],
                     ["Brocade", "Mulberry silk", "Hand-woven scarves", "Ready-made áo dài"]),
                ],
            },
        ],
    },
    {
        "code": "V",
        "name": {"vi": "Sinh vật cảnh", "en": "Ornamental plants and animals"},
        "groups": [
            {
                "code": "V.1",
                "name": {"vi": "Hoa", "en": "Flowers"},
                "sets": [
                    ("V.1", "QD26-23", "Bộ NN&MT",
                     ["Hoa lan", "Hoa cúc", "Hoa hồng", "Hoa đào Nhật Tân"],
                     ["Orchids", "Chrysanthemums", "Roses", "Nhật Tân peach blossom"]),
                ],
            },
            {
                "code": "V.2",
                "name": {"vi": "Cây cảnh", "en": "Ornamental plants"},
                "sets": [
                    ("V.2", "QD26-24", "Bộ NN&MT",
                     ["Bonsai", "Mai vàng", "Cây quất cảnh", "Cây cảnh để bàn"],
                     ["Bonsai", "Yellow apricot blossom tree", "Ornamental kumquat", "Desk plants"]),
                ],
            },
            {
                "code": "V.3",
                "name": {"vi": "Động vật cảnh", "en": "Ornamental animals"},
                "sets": [
                    ("V.3", "QD26-25", "Bộ NN&MT",
                     ["Cá Koi", "Cá cảnh", "Chim cảnh", "Gà cảnh"],
                     ["Koi carp", "Aquarium fish", "Cage birds", "Ornamental chickens"]),
                ],
            },
        ],
    },
    {
        "code": "VI",
        "name": {"vi": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
                 "en": "Community tourism, eco-tourism services and tourist sites"},
        "groups": [
            {
                "code": "VI.1",
                "name": {"vi": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
                         "en": "Community tourism, eco-tourism services and tourist sites"},
                "sets": [
                    ("VI.1", "QD26-26", "Bộ VHTTDL; Bộ NN&MT",
                     ["Homestay bản làng", "Làng nghề truyền thống", "Trang trại sinh thái", "Điểm du lịch miệt vườn"],
                     ["Village homestay", "Traditional craft village", "Eco-farm", "Orchard tourist site"]),
                ],
            },
        ],
    },
]

# Sub-group names (Phụ lục I) where a group has sub-groups; other sets take the group's name.
SUBGROUP_NAMES_EN = {
    "QD26-01": "Fresh vegetables, tubers, fruit and nuts",
    "QD26-02": "Fresh meat, seafood, eggs and milk",
    "QD26-03": "Rice, cereals and other pre-processed grains",
    "QD26-04": "Honey, other syrups and other food farm products",
    "QD26-05": "Fast food",
    "QD26-06": "Processed from rice and cereals",
    "QD26-07": "Processed from vegetables, tubers, fruit and nuts",
    "QD26-08": "Processed from meat, seafood, eggs, milk, honey, other syrups and other food farm products",
    "QD26-09": "Soy sauce, fish sauce and other liquid condiments",
    "QD26-10": "Other condiments (salt, shallot, garlic, pepper…)",
    "QD26-11": "Fresh and processed tea",
    "QD26-12": "Tea products from other plants",
    "QD26-13": "Coffee and cocoa products",
    "QD26-14": "White spirits",
    "QD26-15": "Other alcoholic drinks",
    "QD26-16": "Natural mineral water and bottled drinking water",
    "QD26-17": "Other non-alcoholic drinks",
    "QD26-18": "Functional foods, herbal medicines, traditional medicines",
    "QD26-19": "Cosmetics with herbal ingredients",
    "QD26-20": "Essential oils and other herbal products",
    "QD26-21": "Household and decorative handicrafts",
    "QD26-22": "Textiles and garments",
    "QD26-23": "Flowers",
    "QD26-24": "Ornamental plants",
    "QD26-25": "Ornamental animals",
    "QD26-26": "Community tourism, eco-tourism services and tourist sites",
}
