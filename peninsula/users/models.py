from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The institute's staff accounts.

    Custom from the first migration so fields can be added later without a painful swap.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.username
