"""With LOG_FORMAT=json, gunicorn's access and error lines are JSON like the site's own."""

import json
import logging

from gunicorn.config import Config
from gunicorn.glogging import Logger

from peninsula.server import log_config
from peninsula.settings import environment


def _gunicorn_logger(log_format: str) -> Logger:
    config = Config()
    options = log_config(environment.logging_config({"LOG_FORMAT": log_format}, "INFO"))
    for key, value in {"accesslog": "-", **options}.items():
        config.set(key, value)
    return Logger(config)


def test_access_and_error_lines_are_json_objects(capsys):
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        logger = _gunicorn_logger("json")
        logger.error("Worker timed out (pid:%s)", 42)
        logger.access_log.info('127.0.0.1 "GET /health/ HTTP/1.1" 200')
        lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    finally:  # gunicorn configured the root logger for the process: put the test's back
        root.handlers[:], root.level = handlers, level
    assert [(line["logger"], line["message"]) for line in lines] == [
        ("gunicorn.error", "Worker timed out (pid:42)"),
        ("gunicorn.access", '127.0.0.1 "GET /health/ HTTP/1.1" 200'),
    ]
    assert all(line["level"] in ("ERROR", "INFO") and line["timestamp"] for line in lines)


def test_text_format_leaves_gunicorn_its_own_lines():
    assert log_config(environment.logging_config({}, "INFO")) == {}
