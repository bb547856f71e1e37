#!/usr/bin/env python3
"""Make the evidence-file fixtures of issue 14 (tests/fixtures/evidence/). Needs Pillow
(`pip install pillow`); the outputs are committed, so the tests never run this.

- certificate.jpg      1200x1600 portrait photo of a certificate (Vietnamese text), q85
- label.png            800x600 PNG of a label
- contract-rotated.jpg stored landscape 1000x700 with EXIF Orientation=6 (shown portrait) and a
                       GPS position, to check orientation is honoured and location dropped
- scan.pdf             a one-page PDF
- corrupt.jpg          the first 20,000 bytes of certificate.jpg (a JPEG cut short)
- not-an-image.jpg     text with an image's name
"""
import os
from PIL import Image, ImageDraw, ImageFont

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "evidence")
os.makedirs(OUT, exist_ok=True)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size, bold=False):
    return ImageFont.truetype(BOLD if bold else FONT, size)


def certificate():
    im = Image.new("RGB", (1200, 1600), "#fbf7ea")
    d = ImageDraw.Draw(im)
    d.rectangle([40, 40, 1160, 1560], outline="#8a1c1c", width=8)
    d.rectangle([64, 64, 1136, 1536], outline="#8a1c1c", width=2)
    d.text((600, 200), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=font(34, True), fill="#222", anchor="mm")
    d.text((600, 250), "Độc lập - Tự do - Hạnh phúc", font=font(30), fill="#222", anchor="mm")
    d.text((600, 400), "GIẤY CHỨNG NHẬN", font=font(64, True), fill="#8a1c1c", anchor="mm")
    d.text((600, 480), "Cơ sở đủ điều kiện an toàn thực phẩm", font=font(38), fill="#222", anchor="mm")
    lines = [
        "Tên cơ sở: Hợp tác xã Nông nghiệp Cô Ba",
        "Địa chỉ: xã Hòa Lợi, tỉnh Vĩnh Long",
        "Loại hình sản xuất: nước mắm cá cơm",
        "Số: 123/2026/ATTP-CNĐK",
        "Có giá trị đến ngày 01/12/2029",
    ]
    for i, t in enumerate(lines):
        d.text((130, 640 + i * 90), t, font=font(34), fill="#222")
    d.ellipse([760, 1160, 1060, 1460], outline="#c00000", width=10)
    d.text((910, 1310), "ĐÃ KÝ", font=font(40, True), fill="#c00000", anchor="mm")
    for y in range(1100, 1500, 40):  # fine print, to judge legibility after re-encoding
        d.text((130, y), "Chữ nhỏ: số lô, ngày cấp, cơ quan cấp.", font=font(18), fill="#444")
    im.save(os.path.join(OUT, "certificate.jpg"), quality=85)
    return os.path.join(OUT, "certificate.jpg")


def label():
    im = Image.new("RGB", (800, 600), "#fff3c4")
    d = ImageDraw.Draw(im)
    d.rectangle([20, 20, 780, 580], outline="#e0a030", width=12)
    d.text((400, 150), "NHÃN SẢN PHẨM", font=font(56, True), fill="#333", anchor="mm")
    d.text((400, 260), "Nước mắm cá cơm 35 độ đạm", font=font(36), fill="#333", anchor="mm")
    for i in range(30):  # a barcode
        d.rectangle([200 + i * 13, 360, 200 + i * 13 + (4 if i % 3 else 8), 500], fill="#000")
    im.save(os.path.join(OUT, "label.png"))


def contract_rotated():
    # Drawn upright as a portrait page, then stored rotated 90° clockwise on its side with
    # Orientation=6 ("rotate 90° CW to view"), as a phone held sideways stores it.
    page = Image.new("RGB", (700, 1000), "white")
    d = ImageDraw.Draw(page)
    d.text((350, 90), "HỢP ĐỒNG LIÊN KẾT", font=font(44, True), fill="black", anchor="mm")
    d.text((350, 150), "SẢN XUẤT VÀ TIÊU THỤ", font=font(36, True), fill="black", anchor="mm")
    d.text((60, 260), "Bên A: Hợp tác xã Cô Ba", font=font(28), fill="black")
    d.text((60, 320), "Bên B: Tổ hợp tác cá cơm Hòa Lợi", font=font(28), fill="black")
    d.rectangle([60, 880, 640, 940], fill="#0040a0")  # a blue bar at the BOTTOM when upright
    stored = page.rotate(90, expand=True)  # counter-clockwise on its side: 1000x700
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the viewer turns it 90° clockwise
    gps = {1: "N", 2: (10.0, 15.0, 30.0), 3: "E", 4: (105.0, 58.0, 12.0)}
    exif[0x8825] = gps
    stored.save(os.path.join(OUT, "contract-rotated.jpg"), quality=80, exif=exif)


def scan_pdf():
    im = Image.new("RGB", (620, 877), "white")
    d = ImageDraw.Draw(im)
    d.text((310, 80), "PHIẾU KẾT QUẢ THỬ NGHIỆM", font=font(30, True), fill="black", anchor="mm")
    d.text((50, 160), "Độ đạm: 35 g/l; Histamin: đạt", font=font(22), fill="black")
    im.save(os.path.join(OUT, "scan.pdf"), resolution=72)


cert = certificate()
label()
contract_rotated()
scan_pdf()
with open(cert, "rb") as f:
    head = f.read(20000)
with open(os.path.join(OUT, "corrupt.jpg"), "wb") as f:
    f.write(head)
with open(os.path.join(OUT, "not-an-image.jpg"), "w") as f:
    f.write("this is not a picture\n")
