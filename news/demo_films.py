"""The demo's uploaded film: sixteen silent seconds of four of the demo's illustrations
(portal/demo_images.py), a slow zoom each with a fade between, kept in news/demo_files/
with Swedish captions that say there is no sound and describe what is shown, and a
transcript that says the same.

The frames come from `write_frames(directory)`; the film was encoded once, with the
ffmpeg binary that PyPI's imageio-ffmpeg ships (no audio track):

    ffmpeg -framerate 10 -i f%04d.png -c:v libvpx -crf 30 -b:v 90k -pix_fmt yuv420p \\
           -an samverkan-demo.webm
"""

from pathlib import Path

from django.core.files import File

DEMO_FILES = Path(__file__).resolve().parent / "demo_files"
FILM_FILE = DEMO_FILES / "samverkan-demo.webm"
CAPTIONS_FILE = DEMO_FILES / "samverkan-demo.sv.vtt"

TITLE = "Från ankomst till egen nyckel"
FILM_SCENES = ("kalmarsund", "samtal", "skola", "bostad")
FPS, SECONDS_PER_SCENE, FADE_FRAMES = 10, 4, 8
WIDTH, HEIGHT = 480, 270
DURATION = SECONDS_PER_SCENE * len(FILM_SCENES)
TRANSCRIPT = (
    "Filmen har inget ljud. Samverkansportalen visar här fyra tecknade bilder i följd, "
    "fyra sekunder var.\n\n"
    "1. Kvällssol över vattnet vid ett slott med tre torn.\n"
    "2. Tre personer från skola, socialtjänst och boende planerar tillsammans runt ett "
    "bord.\n"
    "3. En skola i rött tegel i solsken, med cyklar parkerade vid gången.\n"
    "4. Ett hus med tända fönster och en nyckel på dörrmattan: målet är ett eget boende."
)


def write_frames(directory):
    """The film's frames as numbered PNG files in `directory` (to re-encode the film)."""
    from PIL import Image

    from portal.demo_images import SCENES

    per_scene = SECONDS_PER_SCENE * FPS
    pictures = [SCENES[scene][2]().resize((WIDTH, HEIGHT), Image.LANCZOS) for scene in FILM_SCENES]
    number = 0
    for index, picture in enumerate(pictures):
        for frame in range(per_scene):
            zoom = 1 + 0.04 * frame / per_scene
            width, height = int(WIDTH / zoom), int(HEIGHT / zoom)
            left, top = (WIDTH - width) // 2, (HEIGHT - height) // 2
            shown = picture.crop((left, top, left + width, top + height))
            shown = shown.resize((WIDTH, HEIGHT), Image.LANCZOS)
            if index + 1 < len(pictures) and frame >= per_scene - FADE_FRAMES:
                share = (frame - (per_scene - FADE_FRAMES) + 1) / (FADE_FRAMES + 1)
                shown = Image.blend(shown, pictures[index + 1], share)
            shown.save(Path(directory) / f"f{number:04d}.png")
            number += 1
    return number


def seed_film(collection):
    """The demo film in `collection`, created once (running it again changes nothing)."""
    from news.models import Film

    film = Film.objects.filter(title=TITLE).first()
    if film is None:
        film = Film(
            title=TITLE,
            type="video",
            collection=collection,
            width=WIDTH,
            height=HEIGHT,
            duration=DURATION,
            captions_language="sv",
            transcript=TRANSCRIPT,
        )
        with FILM_FILE.open("rb") as video, CAPTIONS_FILE.open("rb") as captions:
            film.file.save(FILM_FILE.name, File(video), save=False)
            film.captions.save(CAPTIONS_FILE.name, File(captions), save=False)
            film.save()
    return film
