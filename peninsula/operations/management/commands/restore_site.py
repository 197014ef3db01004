from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from peninsula.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and media from an archive made by `peninsula backup`. "
        "Refuses a database that already holds data unless --force is given; stop the site "
        "and the worker first, and restart them afterwards."
    )
    # The database may be empty, or about to be replaced: no system checks against it.
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .tar.gz archive `peninsula backup` wrote")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the database even though it holds data (everything in it is lost)",
        )

    def handle(self, *args, file, force, **options):
        path = Path(file).expanduser()
        try:
            summary = restore_backup(path, force=force, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {summary.media_files} media files from {path}. "
                "Restart the web server and the worker."
            )
        )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    "The backup comes from an older Peninsula: run `peninsula manage migrate`."
                )
            )
