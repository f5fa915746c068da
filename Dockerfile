# ASPM production image: gunicorn for the web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint needs Pango; fonts for the PDF reports.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 aspm
WORKDIR /app
COPY pyproject.toml README.md ./
COPY aspm ./aspm
COPY partnerships ./partnerships
COPY indicators ./indicators
COPY actionplans ./actionplans
COPY reports ./reports
RUN pip install --no-cache-dir .
COPY . .
# Static files are collected with the production settings (DEBUG off: WhiteNoise's compressed
# manifest storage), so the image holds the manifest every page needs. The settings only read these
# throwaway values; nothing connects to a database, Redis or a mail server during the build.
RUN DEBUG=false \
    SECRET_KEY=build-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH \
    ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=postgres://build@build.invalid:5432/build \
    REDIS_URL=redis://build.invalid:6379/0 \
    EMAIL_URL=consolemail:// \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/var/media && chown -R aspm:aspm /app/var

USER aspm
EXPOSE 8000
CMD ["gunicorn", "aspm.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
