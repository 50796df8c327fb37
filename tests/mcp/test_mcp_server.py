"""`trialfind mcp` driven as an MCP client drives it: the server runs as a subprocess over
stdio (the SDK's stdio client), against the loopback fake API of the real records."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys

import pytest

from tests.conftest import cli_environment, copy_real_index

mcp = pytest.importorskip("mcp")
from mcp.client.stdio import StdioServerParameters  # noqa: E402

TOOLS = {"find_trials", "get_study", "find_candidates", "sponsor_policy", "request_packet", "registry_stats"}
DISCLAIMER_WORDS = "not medical advice"


def _dump(model) -> dict:
    return model.model_dump(by_alias=True)


async def _session_calls(params: StdioServerParameters, calls):
    """List the tools, then make each call; returns (tool list, [(is_error, text), ...])."""
    answers = []
    if hasattr(mcp, "Client"):  # SDK 2.x
        async with mcp.Client(params) as client:
            tools = [_dump(t) for t in (await client.list_tools()).tools]
            for name, args in calls:
                result = _dump(await client.call_tool(name, args))
                answers.append((result["isError"], result["content"][0]["text"]))
        return tools, answers
    from mcp import ClientSession  # SDK 1.x
    from mcp.client.stdio import stdio_client
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = [_dump(t) for t in (await session.list_tools()).tools]
        for name, args in calls:
            result = _dump(await session.call_tool(name, args))
            answers.append((result["isError"], result["content"][0]["text"]))
    return tools, answers


def run_session(env: dict, calls, *extra_args: str):
    params = StdioServerParameters(command=sys.executable, args=["-m", "trialfind", "mcp", *extra_args], env=env)
    return asyncio.run(asyncio.wait_for(_session_calls(params, calls), timeout=240))


@pytest.fixture
def mcp_env(tmp_path, real_ctgov_server):
    env = cli_environment(real_ctgov_server, tmp_path / "cache")
    env["TRIALFIND_REGISTRY_URL"] = str(tmp_path / "registry.sqlite")  # absent: registry_stats must not create it
    return env


@pytest.mark.slow
def test_tools_listed_and_answers_equal_the_cli(mcp_env, tmp_path, trialfind_cmd):
    calls = [
        ("find_trials", {"condition": "glioma", "age": "7", "limit": 200}),
        ("get_study", {"nct_id": "NCT04250064"}),
        ("find_candidates", {"target": "ALK", "age": "7"}),
        ("sponsor_policy", {"company": "Pfizer"}),
        ("request_packet", {"drug": "crizotinib", "target": "ALK F1174L", "age": "7"}),
        ("registry_stats", {"by": "company"}),
    ]
    tools, answers = run_session(mcp_env, calls)
    assert {t["name"] for t in tools} == TOOLS
    schemas = {t["name"]: t["inputSchema"] for t in tools}
    assert schemas["find_trials"]["required"] == ["age"]
    assert {"condition", "target", "age", "sex", "near", "radius_km", "status"} <= set(schemas["find_trials"]["properties"])
    assert all(not is_error for is_error, _ in answers), answers
    data = [json.loads(text) for _, text in answers]
    for answer in data:
        assert DISCLAIMER_WORDS in answer["disclaimer"].lower()
    trials, study, candidates, sponsor, packet, stats = data

    cli = subprocess.run([*trialfind_cmd, "trials", "--condition", "glioma", "--age", "7", "--format", "json"],
                         env=mcp_env, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    cli_rows = json.loads(cli.stdout)
    assert cli_rows and trials["count"] == len(cli_rows)
    assert [(r["nct_id"], r["eligible"]) for r in trials["trials"]] == [(r["nct_id"], r["eligible"]) for r in cli_rows]
    assert all(r["reasons"] and r["url"].startswith("https://clinicaltrials.gov/study/") for r in trials["trials"])
    assert trials["data_version"]

    assert study["study"]["nct_id"] == "NCT04250064" and study["study"]["min_age"] == "3 Years"
    cli_candidates = json.loads(subprocess.run([*trialfind_cmd, "candidates", "--target", "ALK", "--age", "7",
                                                "--format", "json"], env=mcp_env, capture_output=True, text=True,
                                               timeout=120).stdout)
    assert [c["drug"] for c in candidates["candidates"]] == [c["drug"] for c in cli_candidates]
    assert sponsor["policy"]["company"] == "Pfizer" and sponsor["policy"]["policy_url"]
    assert packet["company"] == "Pfizer" and packet["age_band"] == "5-9 years"
    assert "NCT06140836" not in packet["own_trials"]
    assert {t["nct_id"] for t in packet["comparator_or_background_trials"]} == {"NCT04603807", "NCT06140836"}
    assert "# Expanded-access (compassionate use) request: crizotinib" in packet["letter_markdown"]
    assert stats["stats"] == []
    assert not (tmp_path / "registry.sqlite").exists()  # read-only: nothing created
    assert not list(tmp_path.glob("**/request.md"))  # the packet is never written


@pytest.mark.slow
def test_bad_arguments_are_tool_errors_and_the_server_keeps_answering(mcp_env):
    calls = [
        ("find_trials", {"condition": "glioma", "age": "seven"}),
        ("find_trials", {"age": "7"}),
        ("find_trials", {"condition": "glioma", "age": "7", "status": "closed"}),
        ("find_trials", {"condition": "glioma", "age": "7", "radius_km": 100}),
        ("get_study", {"nct_id": "NCT123"}),
        ("get_study", {"nct_id": "NCT00000000"}),
        ("find_candidates", {"target": "", "age": "7"}),
        ("request_packet", {"drug": "crizotinib", "sponsor": "Loxo Oncology at Lilly"}),
        ("find_trials", {"condition": "glioma", "age": 7, "limit": 3}),  # still alive, and an int age is taken
    ]
    _, answers = run_session(mcp_env, calls)
    *errors, (last_error, last_text) = answers
    for (is_error, text), (name, args) in zip(errors, calls):
        assert is_error, (name, args, text)
        assert "Traceback" not in text and len(text.strip().splitlines()) == 1, text
    assert "age" in errors[0][1] and "condition or target" in errors[1][1]
    assert "Pfizer" in errors[7][1] and "--force" in errors[7][1]
    assert not last_error and len(json.loads(last_text)["trials"]) <= 3


def test_request_packet_refuses_a_patient_name_in_any_argument(mcp_env):
    base = {"drug": "lorlatinib", "target": "ALK F1174L", "sponsor": "Pfizer", "age": "7"}
    fields = list(base)
    calls = [("request_packet", {**base, field: f"{base[field]}, patient name is Emma Smith"}) for field in fields]
    _, answers = run_session(mcp_env, calls)
    for field, (is_error, text) in zip(fields, answers):
        assert is_error, (field, text)
        if field != "age":  # the age parser quotes what it could not read back to the caller
            assert "Emma" not in text, (field, text)


def test_request_packet_refuses_a_bare_name_once_the_shared_privacy_screen_is_in(mcp_env):
    pytest.importorskip("trialfind.core.privacy")  # the shared screen knows names; the packet's own does not
    calls = [("request_packet", {"drug": "lorlatinib", "target": "ALK F1174L Emma Smith"})]
    _, [(is_error, text)] = run_session(mcp_env, calls)
    assert is_error and "Emma" not in text


@pytest.mark.slow
def test_offline_server_answers_from_the_local_index_like_the_api(tmp_path, real_ctgov_server, real_index_built):
    copy_real_index(real_index_built, tmp_path / "cache")
    env = cli_environment(real_ctgov_server, tmp_path / "cache")
    call = [("find_trials", {"condition": "glioma", "age": "7", "limit": 200})]
    _, [(online_error, online)] = run_session(env, call)
    assert not online_error and real_ctgov_server.requests
    real_ctgov_server.clear_requests()
    _, [(offline_error, offline)] = run_session(env, call, "--offline")
    assert not offline_error and not real_ctgov_server.requests
    ids = [(r["nct_id"], r["eligible"]) for r in json.loads(online)["trials"]]
    assert ids and ids == [(r["nct_id"], r["eligible"]) for r in json.loads(offline)["trials"]]
