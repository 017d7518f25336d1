"""The test suite itself refuses the network (see conftest.py)."""

import socket

import pytest


def test_outgoing_connection_is_refused() -> None:
    """Connecting to a public address raises before any packet leaves."""
    with socket.socket() as s, pytest.raises(RuntimeError, match="must not use the network"):
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: documentation address, never routed


def test_loopback_is_allowed() -> None:
    """Loopback stays open for Jupyter kernels."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())
