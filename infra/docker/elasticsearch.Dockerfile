# Elasticsearch 8 with the English hunspell dictionary the stories index analyses with.
FROM debian:bookworm-slim AS dictionary
RUN apt-get update && apt-get install -y --no-install-recommends hunspell-en-us && rm -rf /var/lib/apt/lists/*

FROM docker.elastic.co/elasticsearch/elasticsearch:8.19.7
COPY --from=dictionary /usr/share/hunspell/en_US.aff /usr/share/hunspell/en_US.dic /usr/share/elasticsearch/config/hunspell/en_US/
