"""The demo's uploaded film: four seconds of test picture and tone (made once with Debian's
ffmpeg, kept in news/demo_files/) with Swedish captions and a transcript.

    ffmpeg -f lavfi -i testsrc=size=320x180:rate=15:duration=4 \\
           -f lavfi -i sine=frequency=440:duration=4 \\
           -c:v libvpx -b:v 150k -c:a libopus -b:a 24k -shortest samverkan-demo.webm
"""

from pathlib import Path

from django.core.files import File

DEMO_FILES = Path(__file__).resolve().parent / "demo_files"
FILM_FILE = DEMO_FILES / "samverkan-demo.webm"
CAPTIONS_FILE = DEMO_FILES / "samverkan-demo.sv.vtt"

TITLE = "Välkommen till Samverkansportalen"
TRANSCRIPT = (
    "En testbild i färg visas medan en ton hörs.\n\n"
    "Berättare: Hej och välkommen till Samverkansportalen. Här delar kommunerna rutiner "
    "och erfarenheter. Tillsammans stöttar vi unga bättre."
)


def seed_film(collection):
    """The demo film in `collection`, created once (running it again changes nothing)."""
    from news.models import Film

    film = Film.objects.filter(title=TITLE).first()
    if film is None:
        film = Film(
            title=TITLE,
            type="video",
            collection=collection,
            width=320,
            height=180,
            duration=4,
            captions_language="sv",
            transcript=TRANSCRIPT,
        )
        with FILM_FILE.open("rb") as video, CAPTIONS_FILE.open("rb") as captions:
            film.file.save(FILM_FILE.name, File(video), save=False)
            film.captions.save(CAPTIONS_FILE.name, File(captions), save=False)
            film.save()
    return film
