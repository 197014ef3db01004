"""Answer the health endpoints before the rest of the middleware stack runs.

First in MIDDLEWARE, so a probe is answered without what every page needs but a probe must
not depend on: host validation (load balancers probe by IP address, which ALLOWED_HOSTS
rightly refuses), the HTTPS redirect (probes often speak plain HTTP to the backend), the
session, and the site lookup, which reads the cache and, on a miss, the database. The
liveness answer therefore touches neither.
"""

from peninsula.operations import views

ENDPOINTS = {"/health/": views.liveness, "/health/ready/": views.readiness}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info)
        if endpoint is not None and request.method in ("GET", "HEAD"):
            return endpoint(request)
        return self.get_response(request)
