"""Uploaded media in S3-compatible object storage, end to end: the settings that
PENINSULA_S3_* produce, against a real S3 API server on loopback (moto's server), with an
image uploaded through Wagtail, read back, resized and fetched over HTTP."""

import io
import json
import random
import urllib.request

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image

from peninsula.assets.models import CustomImage
from peninsula.settings import environment

pytestmark = pytest.mark.django_db
KEYS = {"PENINSULA_S3_ACCESS_KEY": "test-access", "PENINSULA_S3_SECRET_KEY": "test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    """An S3 server on 127.0.0.1, on a port drawn from this suite's range (retried if taken)."""
    for port in random.sample(range(18150, 18200), 10):
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        try:
            server.start()
        except OSError:
            continue
        yield f"http://127.0.0.1:{port}"
        server.stop()
        return
    pytest.fail("no free port for the S3 server in 18150-18199")


@pytest.fixture
def bucket(s3_endpoint, settings):
    name = f"media-{random.randrange(10**9)}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["PENINSULA_S3_ACCESS_KEY"],
        aws_secret_access_key=KEYS["PENINSULA_S3_SECRET_KEY"],
    )
    client.create_bucket(Bucket=name)
    # Public read, as docs/deployment.md asks: readers' browsers fetch images unsigned.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read(name)))
    storage, media_url = environment.media_storage(
        {"PENINSULA_S3_BUCKET": name, "PENINSULA_S3_ENDPOINT_URL": s3_endpoint, **KEYS}
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.MEDIA_URL = media_url
    return name


def public_read(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


def _png(width=640, height=360) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_uploaded_image_goes_to_the_bucket_and_comes_back(bucket, s3_endpoint):
    data = _png()
    image = CustomImage.objects.create(
        title="Harbour at dawn",
        alt_text="A harbour",
        file=SimpleUploadedFile("harbour.png", data, content_type="image/png"),
    )
    assert type(storages["default"]).__name__ == "S3Storage"
    assert image.file.url == f"{s3_endpoint}/{bucket}/original_images/harbour.png"

    image = CustomImage.objects.get(pk=image.pk)
    with image.file.open("rb") as stored:
        assert stored.read() == data  # read back through the storage API
    with urllib.request.urlopen(image.file.url, timeout=10) as response:
        assert response.read() == data  # and as a reader's browser fetches it

    rendition = image.get_rendition("fill-320x180")
    assert rendition.url.startswith(f"{s3_endpoint}/{bucket}/images/")
    with urllib.request.urlopen(rendition.url, timeout=10) as response:
        assert Image.open(io.BytesIO(response.read())).size == (320, 180)


def test_a_second_upload_of_the_same_name_keeps_the_first(bucket):
    first = CustomImage.objects.create(
        title="One", file=SimpleUploadedFile("same.png", _png(10, 10), content_type="image/png")
    )
    second = CustomImage.objects.create(
        title="Two", file=SimpleUploadedFile("same.png", _png(20, 20), content_type="image/png")
    )
    assert first.file.name != second.file.name
    with CustomImage.objects.get(pk=first.pk).file.open("rb") as stored:
        assert Image.open(stored).size == (10, 10)
