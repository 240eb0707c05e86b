# SPDX-License-Identifier: Apache-2.0
"""Helpers for scripts/bench: the varlink load client, the newsd driver, the peers, the report."""
