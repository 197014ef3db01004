"""Pages a shared cache (nginx, a CDN) may keep: response headers, and purges on publishing."""
