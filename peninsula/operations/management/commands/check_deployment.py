from django.core.management.base import BaseCommand, CommandError

from peninsula.operations import checks


class Command(BaseCommand):
    help = (
        "Check that this installation is ready for production: Django's deployment checks, "
        "the database and its migrations, a live worker, email, media storage and the base "
        "URL. One line per check; exits with an error when any check fails."
    )
    requires_system_checks = []  # the deployment checks run below, as lines of the report
    requires_migrations_checks = False

    def handle(self, *args, **options):
        results = checks.run_all()
        width = max(len(result.name) for result in results)
        style = {checks.OK: self.style.SUCCESS, checks.WARN: self.style.WARNING}
        for result in results:
            status = style.get(result.status, self.style.ERROR)(f"{result.status:<4}")
            self.stdout.write(f"{status}  {result.name:<{width}}  {result.message}")
        failed = [result for result in results if result.status == checks.FAIL]
        warned = sum(result.status == checks.WARN for result in results)
        if failed:
            raise CommandError(
                f"{len(failed)} check(s) failed, {warned} warning(s): fix the FAIL lines above."
            )
        self.stdout.write(f"All checks passed ({warned} warning(s)).")
