"""Backup and restore of media kept in S3-compatible object storage, and `peninsula check`'s
storage line for a bucket, against a real S3 API server on loopback (moto's server)."""

import random
import tarfile

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from peninsula.operations import backup, checks
from peninsula.settings import environment

KEYS = {"PENINSULA_S3_ACCESS_KEY": "test-access", "PENINSULA_S3_SECRET_KEY": "test-secret"}
FILES = {
    "original_images/harbour.png": b"\x89PNG not really" * 100,
    "images/harbour.width-800.png": b"a rendition",
    "documents/2025/annual-report.pdf": b"%PDF-1.7 " + bytes(range(256)) * 20,
    "top-level.txt": b"",
}


@pytest.fixture(scope="module")
def s3_endpoint():
    """An S3 server on 127.0.0.1, on a port in the operations tests' range."""
    for port in random.sample(range(18350, 18400), 10):
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        try:
            server.start()
        except OSError:
            continue
        yield f"http://127.0.0.1:{port}"
        server.stop()
        return
    pytest.fail("no free port for the S3 server in 18350-18399")


@pytest.fixture
def use_bucket(s3_endpoint, settings):
    """Returns a function that makes a new bucket the media storage."""

    def use(create=True) -> str:
        name = f"media-{random.randrange(10**9)}"
        if create:
            boto3.client(
                "s3",
                endpoint_url=s3_endpoint,
                region_name="us-east-1",
                aws_access_key_id=KEYS["PENINSULA_S3_ACCESS_KEY"],
                aws_secret_access_key=KEYS["PENINSULA_S3_SECRET_KEY"],
            ).create_bucket(Bucket=name)
        storage, media_url = environment.media_storage(
            {"PENINSULA_S3_BUCKET": name, "PENINSULA_S3_ENDPOINT_URL": s3_endpoint, **KEYS}
        )
        settings.STORAGES = {**settings.STORAGES, "default": storage}
        settings.MEDIA_URL = media_url
        return name

    return use


def bucket_contents() -> dict[str, bytes]:
    return {name: default_storage.open(name).read() for name, _size in backup._media_files()}


def test_media_in_a_bucket_go_into_the_archive_and_back(use_bucket, tmp_path):
    use_bucket()
    for name, data in FILES.items():
        default_storage.save(name, ContentFile(data))
    assert sorted(backup._media_files()) == sorted((n, len(d)) for n, d in FILES.items())

    archive_path = tmp_path / "media.tar.gz"
    with tarfile.open(archive_path, "w:gz") as archive:
        for name, size in backup._media_files():
            backup._add_media(archive, name, size)
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")

    use_bucket()  # a new, empty bucket, as after losing the old one
    default_storage.save("top-level.txt", ContentFile(b"an older copy, to be replaced"))
    for name in FILES:
        backup._write_media(name, tmp_path / "unpacked" / "media" / name)
    assert bucket_contents() == FILES  # same names (nothing renamed), same bytes


def test_check_writes_to_the_bucket(use_bucket):
    name = use_bucket()
    result = checks.storage()
    assert result == checks.Result(checks.OK, "storage", f"wrote and deleted a file in {name}")
    assert list(backup._media_files()) == []


def test_check_fails_when_the_bucket_is_missing(use_bucket):
    use_bucket(create=False)
    result = checks.storage()
    assert result.status == checks.FAIL
    assert "cannot write media" in result.message
