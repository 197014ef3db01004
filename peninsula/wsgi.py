import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peninsula.settings.base")

application = get_wsgi_application()

# Django, Wagtail and every model are loaded now and live as long as the process: take them
# out of the garbage collector's sight. A full collection then walks the few objects made
# since, not some 200,000 (measured: 104 ms per full collection without this, once every
# few hundred requests; docs/benchmarks.md).
gc.freeze()
