"""A keyring backend for the start-up benchmark only: the key comes from $TRIALDESK_BENCH_KEY."""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend


class EnvKeyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        return os.environ.get("TRIALDESK_BENCH_KEY")

    def set_password(self, service, username, password):
        raise NotImplementedError("read-only benchmark keychain")

    def delete_password(self, service, username):
        raise NotImplementedError("read-only benchmark keychain")


class FileKeyring(KeyringBackend):
    """For benchmarks that build their own stores: keys in the JSON file $TRIALDESK_BENCH_KEYS (a throw-away
    benchmark store's only; never a real store's)."""

    priority = 1

    def _load(self) -> dict:
        import json

        try:
            with open(os.environ["TRIALDESK_BENCH_KEYS"], encoding="utf-8") as handle:
                return json.load(handle)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        import json

        data = self._load()
        data[f"{service}/{username}"] = password
        path = os.environ["TRIALDESK_BENCH_KEYS"]
        fd = os.open(path + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(path + ".tmp", path)

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
