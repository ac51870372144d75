"""The demo's pictures: calm illustrations drawn with Pillow at seed time (dev and test only).

Each scene is drawn from shapes only, so it is the same on every run and needs no file
from elsewhere. `demo_image(scene, collection)` stores a scene once per collection: a
file follows the page that shows it (portal/upload_collections.py, knowledge.sections),
so a page in a municipality's section gets its copy in that municipality's collection.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter

SIZE = (1200, 675)


def _gradient(draw, box, top, bottom):
    x0, y0, x1, y1 = box
    height = max(1, y1 - y0)
    for y in range(y0, y1):
        t = (y - y0) / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(x0, y), (x1, y)], fill=colour)


def _canvas(sky_top, sky_bottom, horizon=SIZE[1]):
    picture = PILImage.new("RGB", SIZE, sky_bottom)
    draw = ImageDraw.Draw(picture)
    _gradient(draw, (0, 0, SIZE[0], horizon), sky_top, sky_bottom)
    return picture, draw


def _soft(picture):
    """A slight blur takes the edge off the shapes, like an out-of-focus photo."""
    return picture.filter(ImageFilter.GaussianBlur(0.8))


def _water(draw, top, colour_top, colour_bottom, seed):
    _gradient(draw, (0, top, SIZE[0], SIZE[1]), colour_top, colour_bottom)
    rng = random.Random(seed)
    for _ in range(90):
        y = rng.randint(top + 8, SIZE[1])
        x = rng.randint(0, SIZE[0])
        length = rng.randint(20, 90)
        shade = tuple(min(255, c + 25) for c in colour_top)
        draw.line([(x, y), (x + length, y)], fill=shade, width=2)


def _pine(draw, x, base, height, colour):
    for level in range(4):
        width = height * (0.45 - level * 0.09)
        top = base - height * (0.35 + level * 0.2)
        bottom = base - height * (level * 0.2)
        draw.polygon([(x - width, bottom), (x + width, bottom), (x, top)], fill=colour)


def _person(draw, x, base, scale, shirt, skin=(214, 170, 140), hair=(60, 45, 35)):
    head = 34 * scale
    draw.rounded_rectangle(
        [x - 48 * scale, base - 150 * scale, x + 48 * scale, base],
        radius=round(40 * scale),
        fill=shirt,
    )
    cy = base - 150 * scale - head * 0.9
    draw.ellipse([x - head, cy - head, x + head, cy + head], fill=skin)
    draw.chord([x - head, cy - head - 4, x + head, cy + head * 0.4], 180, 360, fill=hair)


def kalmarsund():
    """Evening over the strait: a castle with towers on the shore, the long bridge far out."""
    picture, draw = _canvas((250, 205, 160), (238, 150, 120), horizon=420)
    draw.ellipse([820, 250, 940, 370], fill=(255, 226, 170))
    _water(draw, 420, (92, 120, 150), (40, 62, 92), seed=1)
    draw.line([(600, 418), (1200, 404)], fill=(70, 78, 96), width=5)
    for x in range(620, 1200, 46):
        draw.line([(x, 418 - (x - 600) * 14 // 600), (x, 430)], fill=(70, 78, 96), width=3)
    castle = (58, 56, 70)
    draw.polygon([(0, 430), (0, 390), (560, 380), (620, 430)], fill=(48, 60, 52))
    draw.rectangle([110, 290, 400, 400], fill=castle)
    for tx in (100, 230, 380):
        draw.rectangle([tx, 230, tx + 46, 400], fill=castle)
        draw.polygon([(tx - 8, 232), (tx + 54, 232), (tx + 23, 170)], fill=(72, 86, 84))
    for wx in range(140, 380, 40):
        draw.rectangle([wx, 320, wx + 12, 340], fill=(250, 205, 130))
    return _soft(picture)


def skargard():
    """Morning in the archipelago: islands with pines and a red boathouse on a jetty."""
    picture, draw = _canvas((178, 210, 232), (232, 240, 236), horizon=400)
    _water(draw, 400, (120, 160, 178), (70, 110, 130), seed=2)
    draw.ellipse([-120, 360, 520, 470], fill=(86, 112, 84))
    draw.ellipse([700, 380, 1100, 440], fill=(104, 128, 98))
    for x, h in ((60, 150), (130, 190), (210, 160), (300, 200), (380, 150)):
        _pine(draw, x, 405, h, (40, 72, 52))
    for x, h in ((780, 90), (850, 110), (960, 95)):
        _pine(draw, x, 412, h, (52, 86, 62))
    draw.rectangle([420, 440, 650, 452], fill=(120, 96, 74))
    draw.rectangle([520, 360, 640, 440], fill=(158, 48, 40))
    draw.polygon([(508, 362), (652, 362), (580, 318)], fill=(70, 50, 46))
    draw.rectangle([566, 398, 596, 440], fill=(240, 236, 224))
    return _soft(picture)


def samtal():
    """A calm meeting: three people at a round table with cups and papers, a window behind."""
    picture, draw = _canvas((236, 230, 220), (222, 214, 200))
    draw.rectangle([760, 70, 1120, 360], fill=(196, 220, 232), outline=(150, 140, 126), width=10)
    draw.line([(940, 70), (940, 360)], fill=(150, 140, 126), width=8)
    _pine(draw, 860, 360, 160, (120, 160, 130))
    draw.rectangle([0, 520, SIZE[0], SIZE[1]], fill=(176, 150, 118))
    _person(draw, 330, 560, 1.2, (70, 110, 140))
    _person(draw, 600, 540, 1.1, (160, 96, 82), skin=(150, 104, 78), hair=(30, 24, 20))
    _person(draw, 870, 560, 1.2, (96, 130, 96), skin=(236, 196, 170), hair=(180, 140, 80))
    draw.ellipse([180, 470, 1020, 640], fill=(214, 186, 146))
    draw.rectangle([420, 520, 540, 560], fill=(250, 250, 246))
    draw.rectangle([620, 530, 700, 570], fill=(250, 250, 246))
    for cx in (330, 760, 880):
        draw.rounded_rectangle([cx - 20, 510, cx + 20, 550], radius=6, fill=(240, 240, 236))
    return _soft(picture)


def skola():
    """A brick school building in sunshine, a birch on the lawn and bicycles by the path."""
    picture, draw = _canvas((150, 196, 232), (214, 232, 244), horizon=480)
    draw.rectangle([0, 480, SIZE[0], SIZE[1]], fill=(128, 170, 106))
    draw.polygon([(540, SIZE[1]), (660, SIZE[1]), (620, 480), (580, 480)], fill=(206, 196, 176))
    draw.rectangle([200, 200, 1000, 480], fill=(176, 92, 72))
    draw.polygon([(180, 204), (1020, 204), (900, 130), (300, 130)], fill=(86, 80, 84))
    for row in (240, 330, 410):
        for x in range(240, 980, 90):
            if row == 410 and 560 <= x <= 640:
                continue
            draw.rectangle([x, row, x + 50, row + 50], fill=(226, 236, 240))
    draw.rectangle([568, 400, 632, 480], fill=(60, 84, 110))
    draw.line([(1100, 520), (1100, 300)], fill=(236, 236, 228), width=14)
    for angle in range(0, 360, 40):
        x = 1100 + 60 * math.cos(math.radians(angle))
        y = 300 + 60 * math.sin(math.radians(angle))
        draw.ellipse([x - 50, y - 50, x + 50, y + 50], fill=(110, 160, 80))
    draw.ellipse([1040, 240, 1160, 360], fill=(110, 160, 80))
    for x in (90, 150):
        draw.ellipse([x - 24, 540, x + 24, 588], outline=(40, 40, 40), width=4)
        draw.ellipse([x + 36, 540, x + 84, 588], outline=(40, 40, 40), width=4)
        draw.line([(x, 564), (x + 30, 530), (x + 60, 564)], fill=(40, 80, 120), width=4)
    return _soft(picture)


def bostad():
    """Dusk by a block of flats with lit windows, and a key ring on a doormat in front."""
    picture, draw = _canvas((70, 86, 130), (170, 150, 170), horizon=560)
    draw.rectangle([0, 560, SIZE[0], SIZE[1]], fill=(96, 96, 90))
    draw.rectangle([260, 140, 940, 560], fill=(206, 190, 160))
    rng = random.Random(3)
    for row in range(170, 520, 70):
        for x in range(300, 900, 90):
            lit = rng.random() < 0.55
            draw.rectangle(
                [x, row, x + 50, row + 44], fill=(252, 214, 130) if lit else (90, 98, 116)
            )
    draw.rectangle([560, 480, 640, 560], fill=(90, 60, 44))
    draw.rounded_rectangle([470, 590, 730, 650], radius=10, fill=(150, 70, 60))
    draw.ellipse([570, 596, 620, 646], outline=(224, 196, 90), width=6)
    draw.rectangle([612, 616, 680, 626], fill=(224, 196, 90))
    draw.rectangle([660, 616, 668, 636], fill=(224, 196, 90))
    return _soft(picture)


def planering():
    """A desk seen from above: a wall calendar, a checked list, a pen and a cup."""
    picture, draw = _canvas((226, 214, 196), (206, 190, 168))
    draw.rounded_rectangle([140, 90, 620, 580], radius=18, fill=(250, 250, 246))
    draw.rectangle([140, 90, 620, 170], fill=(70, 110, 140))
    for row in range(5):
        for col in range(7):
            x, y = 170 + col * 64, 200 + row * 74
            fill = (214, 120, 96) if (row, col) in ((1, 2), (3, 4)) else (226, 228, 230)
            draw.rectangle([x, y, x + 48, y + 54], fill=fill)
    draw.rounded_rectangle([700, 140, 1060, 560], radius=12, fill=(252, 248, 232))
    for i in range(5):
        y = 190 + i * 72
        draw.rectangle([730, y, 760, y + 30], outline=(70, 110, 140), width=4)
        if i < 3:
            draw.line([(734, y + 14), (745, y + 26), (768, y - 4)], fill=(60, 130, 80), width=6)
        draw.line([(790, y + 15), (1020 - i * 30, y + 15)], fill=(150, 150, 150), width=6)
    draw.line([(1000, 600), (1140, 470)], fill=(40, 60, 90), width=14)
    draw.ellipse([1040, 80, 1160, 200], fill=(240, 236, 228))
    draw.ellipse([1060, 100, 1140, 180], fill=(130, 90, 60))
    return _soft(picture)


# scene: (title, alt text, drawing)
SCENES = {
    "kalmarsund": (
        "Kvällsljus över Kalmarsund",
        "Ett slott med tre torn vid vattnet i kvällssol, med en lång bro långt ut över sundet.",
        kalmarsund,
    ),
    "skargard": (
        "Morgon i Roslagens skärgård",
        "Stilla vatten mellan skogsklädda öar och ett rött båthus på en brygga.",
        skargard,
    ),
    "samtal": (
        "Samtal runt ett bord",
        "Tre personer sitter vid ett runt bord med kaffekoppar och papper framför ett fönster.",
        samtal,
    ),
    "skola": (
        "Skolbyggnad i solsken",
        "En skola i rött tegel i solsken, en björk på gräsmattan och cyklar parkerade vid gången.",
        skola,
    ),
    "bostad": (
        "Egen nyckel",
        "Ett flerbostadshus i skymning med tända fönster och en nyckelring på en dörrmatta.",
        bostad,
    ),
    "planering": (
        "Planering vid skrivbordet",
        "En kalender med två markerade dagar, en lista med tre avbockade punkter, en penna "
        "och en kaffekopp på ett skrivbord.",
        planering,
    ),
}


def png_bytes(scene):
    buffer = io.BytesIO()
    SCENES[scene][2]().save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def alt_text(scene):
    return SCENES[scene][1]


def demo_image(scene, collection):
    """The scene as a Wagtail image in `collection`, created once."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    title = SCENES[scene][0]
    image = Image.objects.filter(title=title, collection=collection).first()
    if image is None:
        image = Image(title=title, collection=collection)
        image.file = ImageFile(io.BytesIO(png_bytes(scene)), name=f"{scene}.png")
        image.save()
    return image


def collection_for_page(page):
    """Where a file shown on `page` belongs: its section's collection, Root for public
    pages outside every section."""
    from wagtail.models import Collection

    from knowledge.sections import collection_for, section_of

    return collection_for(section_of(page)) or Collection.get_first_root_node()
