"""Artwork for the demo institute, drawn with Pillow at load time.

Nothing binary is kept in the repository: every picture is made from a seed, so the same
seed always gives the same picture and a second load finds the images it made before.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

CREDIT = "Illustration: Peninsula demo studio"

# Ink, harbour blue, celadon, persimmon, hanji cream, plum, pine.
PALETTE = {
    "ink": (28, 34, 46),
    "harbour": (22, 62, 104),
    "celadon": (150, 190, 170),
    "persimmon": (224, 118, 72),
    "hanji": (244, 237, 224),
    "plum": (110, 62, 96),
    "pine": (38, 88, 76),
}
HERO_SIZE = (1440, 810)
PORTRAIT_SIZE = (600, 600)

# (style, description used for titles, alt text and captions)
HERO_SUBJECTS = [
    ("coast", "a coastline seen from above"),
    ("ridges", "mountain ridges at first light"),
    ("shapes", "overlapping circles and bars"),
    ("waves", "bands of sea swell"),
    ("coast", "an island chain on a dark sea"),
    ("ridges", "ridgelines in evening haze"),
    ("shapes", "a composition of discs and squares"),
    ("waves", "a tide chart in persimmon and blue"),
    ("coast", "a peninsula and its harbours"),
    ("ridges", "folded hills above a river"),
    ("shapes", "stacked arcs like a city skyline"),
    ("waves", "currents meeting offshore"),
    ("coast", "a bay with scattered islets"),
    ("ridges", "a valley under a low sun"),
    ("shapes", "a grid of signals and routes"),
    ("waves", "ripples on a celadon glaze"),
    ("coast", "a strait between two shores"),
    ("ridges", "snow on distant ranges"),
    ("shapes", "orbits around a central point"),
    ("waves", "a winter sea at dusk"),
    ("coast", "a delta spreading into the sea"),
    ("ridges", "terraced slopes in spring"),
    ("shapes", "a mosaic of trade routes"),
    ("waves", "a calm swell at dawn"),
]


def _background(draw, size, top, bottom):
    width, height = size
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)


def _blob(rng, centre, radius, points=48, roughness=0.35):
    """A closed, irregular outline: an island or a peninsula."""
    cx, cy = centre
    phases = [rng.uniform(0, math.tau) for _ in range(4)]
    outline = []
    for i in range(points):
        angle = math.tau * i / points
        wobble = sum(math.sin(angle * (k + 2) + phase) / (k + 2) for k, phase in enumerate(phases))
        r = radius * (1 + roughness * wobble)
        outline.append((cx + r * math.cos(angle), cy + 1.6 * r * math.sin(angle)))
    return outline


def _scaled(outline, centre, factor):
    cx, cy = centre
    return [(cx + (x - cx) * factor, cy + (y - cy) * factor) for x, y in outline]


def _draw_coast(draw, rng, size):
    width, height = size
    _background(draw, size, PALETTE["harbour"], PALETTE["ink"])
    for _ in range(rng.randint(3, 6)):
        centre = (rng.uniform(0.1, 0.9) * width, rng.uniform(0.15, 0.85) * height)
        radius = rng.uniform(0.05, 0.16) * width
        outline = _blob(rng, centre, radius)
        for step, factor in enumerate((1.5, 1.3, 1.15)):
            draw.line(
                [*_scaled(outline, centre, factor), _scaled(outline, centre, factor)[0]],
                fill=PALETTE["celadon"],
                width=2 + step,
            )
        draw.polygon(outline, fill=PALETTE["hanji"])
        draw.polygon(_scaled(outline, centre, 0.55), fill=PALETTE["celadon"])
    for _ in range(rng.randint(20, 40)):  # islets
        x, y, r = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(3, 10)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=PALETTE["hanji"])


def _draw_ridges(draw, rng, size):
    width, height = size
    _background(draw, size, PALETTE["hanji"], PALETTE["persimmon"])
    sun_x, sun_y, sun_r = rng.uniform(0.2, 0.8) * width, height * 0.35, height * 0.12
    draw.ellipse(
        [sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=PALETTE["persimmon"]
    )
    layers = [PALETTE["celadon"], PALETTE["pine"], PALETTE["harbour"], PALETTE["ink"]]
    for index, colour in enumerate(layers):
        base = height * (0.45 + 0.14 * index)
        amplitude = height * rng.uniform(0.05, 0.12)
        frequencies = [rng.uniform(1, 4) for _ in range(3)]
        phases = [rng.uniform(0, math.tau) for _ in range(3)]
        outline = [(0, height)]
        for x in range(0, width + 16, 16):
            t = x / width * math.tau
            y = base - amplitude * sum(
                math.sin(f * t + p) / (k + 1)
                for k, (f, p) in enumerate(zip(frequencies, phases, strict=True))
            )
            outline.append((x, y))
        outline.append((width, height))
        draw.polygon(outline, fill=colour)


def _draw_shapes(draw, rng, size):
    width, height = size
    _background(draw, size, PALETTE["hanji"], PALETTE["hanji"])
    colours = [PALETTE[name] for name in ("harbour", "persimmon", "celadon", "plum", "pine")]
    for _ in range(rng.randint(7, 12)):
        colour = rng.choice(colours)
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        r = rng.uniform(0.04, 0.22) * height
        if rng.random() < 0.55:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        elif rng.random() < 0.5:
            draw.rectangle([x - r, y - r / 3, x + r, y + r / 3], fill=colour)
        else:
            draw.arc([x - r, y - r, x + r, y + r], 180, 360, fill=colour, width=int(r / 4) + 2)
    for _ in range(rng.randint(3, 6)):
        y = rng.uniform(0.1, 0.9) * height
        draw.line([(0, y), (width, y + rng.uniform(-80, 80))], fill=PALETTE["ink"], width=3)


def _draw_waves(draw, rng, size):
    width, height = size
    _background(draw, size, PALETTE["ink"], PALETTE["harbour"])
    colours = [PALETTE["celadon"], PALETTE["hanji"], PALETTE["persimmon"]]
    frequency, phase = rng.uniform(2, 5), rng.uniform(0, math.tau)
    for band in range(24):
        base = height * (band + 1) / 25
        amplitude = height * rng.uniform(0.01, 0.04)
        points = [
            (x, base + amplitude * math.sin(frequency * x / width * math.tau + phase + band / 3))
            for x in range(0, width + 12, 12)
        ]
        draw.line(points, fill=colours[band % len(colours)], width=3 if band % 4 else 6)


_STYLES = {
    "coast": _draw_coast,
    "ridges": _draw_ridges,
    "shapes": _draw_shapes,
    "waves": _draw_waves,
}


def hero_picture(index: int) -> Image.Image:
    style, _ = HERO_SUBJECTS[index % len(HERO_SUBJECTS)]
    picture = Image.new("RGB", HERO_SIZE)
    _STYLES[style](ImageDraw.Draw(picture), random.Random(f"hero-{index}"), HERO_SIZE)
    return picture.filter(ImageFilter.SMOOTH)


def portrait_picture(name: str) -> Image.Image:
    """A round avatar with the person's initials, coloured from their name."""
    rng = random.Random(f"portrait-{name}")
    background = rng.choice([PALETTE[k] for k in ("harbour", "pine", "plum", "ink")])
    accent = rng.choice([PALETTE[k] for k in ("persimmon", "celadon")])
    picture = Image.new("RGB", PORTRAIT_SIZE, PALETTE["hanji"])
    draw = ImageDraw.Draw(picture)
    width, height = PORTRAIT_SIZE
    draw.ellipse([20, 20, width - 20, height - 20], fill=background)
    draw.arc(
        [60, 60, width - 60, height - 60],
        rng.randint(0, 90),
        rng.randint(200, 300),
        fill=accent,
        width=14,
    )
    parts = name.split()
    initials = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    font = ImageFont.load_default(size=210)
    draw.text(
        (width / 2, height / 2), initials.upper(), font=font, fill=PALETTE["hanji"], anchor="mm"
    )
    return picture


def as_file(picture: Image.Image, name: str) -> ImageFile:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=84, optimize=True)
    return ImageFile(buffer, name=name)


def hero_description(index: int) -> str:
    return HERO_SUBJECTS[index % len(HERO_SUBJECTS)][1]


HERO_COUNT = len(HERO_SUBJECTS)
