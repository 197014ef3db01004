"""The `peninsula` command: a thin front over Django's management commands.

peninsula demo                      create or migrate the database, load the demo institute
peninsula serve [--host --port]     serve the site with gunicorn (default 127.0.0.1:8000)
                [--no-worker]       ... and a task worker beside it, unless --no-worker
peninsula worker                    run background tasks and publish scheduled pages
peninsula import wordpress FILE     import a WordPress export (--uploads DIR --map FILE --dry-run)
peninsula search reindex            rebuild the search index (progress bar)
peninsula search query "..."        print what the results page would show (--json, filters)
peninsula check                     is this installation ready for production? (exit 1: no)
peninsula backup [--output FILE]    the database and media in one .tar.gz archive
peninsula restore FILE [--force]    put a backup back (refuses a database holding data)
peninsula manage COMMAND ...        any Django management command
"""

import argparse
import os
import sys

DEFAULT_SETTINGS = "peninsula.settings.base"
# Front-end cache purges have a queue of their own, served first, so an editor's published
# change never waits behind an import's indexing (peninsula.caching.purge.PURGE_QUEUE).
WORKER_QUEUES = "purge,default"


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def _call(*args):
    from django.core.management import call_command

    call_command(*args)


def demo(options):
    _django()
    _call("migrate", "--no-input", "--verbosity", "0")
    _call("load_demo")


def served_url(host: str, port: int) -> str:
    """The address a browser on this machine reaches `serve --host HOST --port PORT` at."""
    if host in ("", "0.0.0.0"):  # every interface: this machine reaches it on loopback
        host = "127.0.0.1"
    elif host == "::":
        host = "[::1]"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def serve(options):
    # Before the settings are read, and inherited by the worker: where PENINSULA_BASE_URL is
    # unset, emails sent without a request (confirmations from the worker) link here
    # (peninsula.core.urls_base), so `serve --port 8001` sends links to port 8001.
    os.environ["PENINSULA_SERVED_URL"] = served_url(options.host, options.port)
    _django()
    from django.conf import settings

    from peninsula.server import run

    if not settings.WHITENOISE_USE_FINDERS:
        _call("collectstatic", "--no-input", "--verbosity", "0")
    # A task worker beside the server, so one command runs the whole site: confirmation
    # emails go out, scheduled pages publish. Production runs `peninsula worker` apart.
    with_worker = settings.PENINSULA_SERVE_WORKER if options.worker is None else options.worker
    worker_process = None
    if with_worker:
        from peninsula.core.serve_worker import WorkerProcess

        worker_process = WorkerProcess().start()
    try:
        run(
            host=options.host,
            port=options.port,
            workers=options.workers,
            url=os.environ["PENINSULA_SERVED_URL"],
        )
    finally:
        if worker_process is not None:
            worker_process.stop()


def worker(options):
    _django()
    from peninsula.core.worker import run_worker
    from peninsula.newsletters.sweeper import start_sweeper

    # Beside the task worker: starts scheduled campaigns and revives a crashed sender's work.
    stop = start_sweeper()
    try:
        run_worker(queue=options.queue)
    finally:
        stop.set()


def import_wordpress(options):
    _django()
    args = ["import_wordpress", options.file]
    if options.uploads:
        args += ["--uploads", options.uploads]
    if options.mapping:
        args += ["--map", options.mapping]
    if options.dry_run:
        args.append("--dry-run")
    _call_or_exit(*args)


def search(options):
    _django()
    _call("search", options.action, *options.rest)


def _call_or_exit(*args):
    """A command's CommandError as one line and exit status 1, not a traceback."""
    from django.core.management.base import CommandError

    try:
        _call(*args)
    except CommandError as error:
        sys.stderr.write(f"Error: {error}\n")
        sys.exit(1)


def check(options):
    _django()
    _call_or_exit("check_deployment")


def backup(options):
    _django()
    _call_or_exit("backup_site", *(["--output", options.output] if options.output else []))


def restore(options):
    _django()
    _call_or_exit("restore_site", options.file, *(["--force"] if options.force else []))


def manage(options):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["peninsula manage", *options.rest])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peninsula", description="Run a Peninsula institute site."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("demo", help="migrate and load the demo institute").set_defaults(func=demo)

    serve_parser = commands.add_parser("serve", help="serve the site with gunicorn")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.add_argument("--workers", type=int, default=2)
    serve_parser.add_argument(
        "--worker",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run a task worker beside the server (default: yes, unless PENINSULA_SERVE_WORKER=0"
        " or production settings; production runs `peninsula worker` as its own process)",
    )
    serve_parser.set_defaults(func=serve)

    worker_parser = commands.add_parser(
        "worker", help="run background tasks and scheduled publishing"
    )
    worker_parser.add_argument(
        "--queue",
        default=WORKER_QUEUES,
        help="comma-separated task queues, the first served first (default: %(default)s)",
    )
    worker_parser.set_defaults(func=worker)

    import_parser = commands.add_parser("import", help="import content from another platform")
    sources = import_parser.add_subparsers(dest="source", required=True)
    wordpress_parser = sources.add_parser("wordpress", help="import a WordPress export (WXR)")
    wordpress_parser.add_argument("file", help="the exported .xml file")
    wordpress_parser.add_argument("--uploads", help="a local copy of wp-content/uploads")
    wordpress_parser.add_argument("--map", dest="mapping", help="a TOML mapping file")
    wordpress_parser.add_argument("--dry-run", action="store_true", help="report, save nothing")
    wordpress_parser.set_defaults(func=import_wordpress)

    search_parser = commands.add_parser("search", help="rebuild the search index or query it")
    search_parser.add_argument("action", choices=["reindex", "query"])
    search_parser.add_argument("rest", nargs=argparse.REMAINDER, help="the query and options")
    search_parser.set_defaults(func=search)

    commands.add_parser(
        "check", help="check the installation is ready for production"
    ).set_defaults(func=check)

    backup_parser = commands.add_parser("backup", help="back up the database and media")
    backup_parser.add_argument(
        "--output", help="the archive to write (default: peninsula-backup-DATE-TIME.tar.gz)"
    )
    backup_parser.set_defaults(func=backup)

    restore_parser = commands.add_parser("restore", help="restore a backup made by `backup`")
    restore_parser.add_argument("file", help="the .tar.gz archive `peninsula backup` wrote")
    restore_parser.add_argument(
        "--force", action="store_true", help="replace a database that already holds data"
    )
    restore_parser.set_defaults(func=restore)

    manage_parser = commands.add_parser("manage", help="run a Django management command")
    manage_parser.add_argument("rest", nargs=argparse.REMAINDER)
    manage_parser.set_defaults(func=manage)
    return parser


def main(argv=None):
    options = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    options.func(options)


if __name__ == "__main__":
    main()
