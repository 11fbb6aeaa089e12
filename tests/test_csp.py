"""The Content-Security-Policy the report and the web app share."""
from __future__ import annotations

from newsledger.csp import header_policy, policy, source_hash


def test_a_source_hash_is_the_base64_sha256_of_the_text():
    # sha256 of the empty string, as every CSP reference gives it
    assert source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_the_policy_allows_only_the_hashed_style_and_nothing_else():
    got = policy("body{color:red}")
    assert got == ("default-src 'none'; style-src " + source_hash("body{color:red}")
                   + "; base-uri 'none'; form-action 'self'")


def test_the_policy_holds_no_directive_a_meta_tag_ignores():
    assert "frame-ancestors" not in policy("p{}") and "sandbox" not in policy("p{}")


def test_the_header_policy_also_forbids_framing():
    assert header_policy("p{}") == policy("p{}") + "; frame-ancestors 'none'"
