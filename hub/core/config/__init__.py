"""Configuration: ``hub.toml`` into typed settings (errors name file, key and line), and the
catalogue that mirrors sources, channels and routes into the database."""
