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
