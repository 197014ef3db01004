from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from peninsula.operations.backup import BackupError, create_backup, default_output_name


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded media into one .tar.gz archive, which "
        "`peninsula restore` puts back. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="the archive to write (default: peninsula-backup-DATE-TIME.tar.gz)"
        )

    def handle(self, *args, output=None, **options):
        path = Path(output or default_output_name()).expanduser().resolve()
        if path.is_dir():
            path = path / default_output_name()
        try:
            summary = create_backup(path, say=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the database and {summary.media_files} media files to {path} "
                f"({path.stat().st_size:,} bytes)."
            )
        )
