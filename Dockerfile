# The portal's production image: web (gunicorn) and worker (db_worker) run from it.
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango and fonts for WeasyPrint; gettext to compile the Spanish catalog.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY . .
RUN SECRET_KEY=build-only DJANGO_SETTINGS_MODULE=expunge_portal.settings.base \
        python manage.py compilemessages --ignore=.venv \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && useradd --create-home --uid 10001 portal \
    && mkdir -p /app/var && chown -R portal /app/var

USER portal
EXPOSE 8000
CMD ["gunicorn", "expunge_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
