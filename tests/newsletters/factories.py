import factory
from django.utils import timezone

from peninsula.newsletters.models import Campaign, MailingList, Subscriber


class MailingListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailingList
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"List {n}")
    description = "A list for tests."


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber; pass lists=[...] to put them on lists."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    name = factory.Sequence(lambda n: f"Reader {n}")
    status = Subscriber.Status.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        if create and extracted:
            self.lists.set(extracted)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Newsletter {n}")
    introduction = "<p>Welcome to this month's newsletter.</p>"

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        if create and extracted:
            self.lists.set(extracted)
            self.save()  # a ParentalManyToManyField is written on save
