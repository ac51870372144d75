"""Film helpers for tests: a film with captions and thumbnail in a given collection."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage

from news.demo_films import CAPTIONS_FILE, FILM_FILE
from news.models import Film


def add_film(collection, title="Film", transcript="Berättare: hej.", thumbnail=False):
    film = Film(
        title=title,
        type="video",
        collection=collection,
        duration=4,
        width=320,
        height=180,
        transcript=transcript,
    )
    film.file.save(f"{title}.webm", ContentFile(FILM_FILE.read_bytes()), save=False)
    film.captions.save(f"{title}.vtt", ContentFile(CAPTIONS_FILE.read_bytes()), save=False)
    if thumbnail:
        buffer = io.BytesIO()
        PILImage.new("RGB", (32, 18), (11, 79, 108)).save(buffer, "PNG")
        film.thumbnail.save(f"{title}.png", ContentFile(buffer.getvalue()), save=False)
    film.save()
    return film
