# The portal as a deployment runs it: gunicorn + whitenoise, external PostgreSQL.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 UV_LINK_MODE=copy UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN DEBUG=1 python manage.py collectstatic --noinput
EXPOSE 8000
# bin/docker-entrypoint.sh: a SECRET_KEY (given, or generated once into the
# /var/lib/portal volume), setup_portal, then gunicorn.
ENTRYPOINT ["/app/bin/docker-entrypoint.sh"]
