"""`trialfind mcp`: a Model Context Protocol server over stdio, so an AI assistant calls
trialfind's deterministic age, eligibility and expanded-access checks instead of reading
trial records itself.

Built on the official `mcp` Python SDK (the optional extra `trialfind[mcp]`); `import mcp`
here is absolute, so it is the SDK, never this package. Each tool is one function of
`trialfind.mcp.tools` with typed arguments (the SDK turns them into JSON schemas). A bad
argument or an outside failure is a tool error with one line, as the CLI prints it; an
unexpected error is one line too, never a crash of the server.
"""
from __future__ import annotations

from typing import Annotated, Any, Callable

from trialfind.core.errors import InvalidInput, TrialfindError
from trialfind.core.spec import StudySource
from trialfind.mcp.tools import (
    SEXES,
    STATS_BY,
    STATUSES,
    ToolContext,
    candidates_tool,
    registry_stats_tool,
    request_packet_tool,
    sponsor_tool,
    study_tool,
    trials_tool,
)

try:  # SDK 2.x names the high-level server MCPServer; 1.x called it FastMCP
    from mcp.server.mcpserver import MCPServer as _Server
    from mcp.server.mcpserver.exceptions import ToolError
    from pydantic import Field  # the SDK's own dependency: the tools' argument descriptions
except ImportError:  # pragma: no cover - depends on the installed SDK
    try:
        from mcp.server.fastmcp import FastMCP as _Server
        from mcp.server.fastmcp.exceptions import ToolError
        from pydantic import Field
    except ImportError:  # without the extra, `trialfind mcp` says how to install it
        _Server = ToolError = None

        def Field(**_kwargs: Any) -> None:  # noqa: N802 - stands in for pydantic.Field
            return None

SERVER_NAME = "trialfind"
INSTRUCTIONS = (
    "trialfind answers from ClinicalTrials.gov records with deterministic checks: which open trials admit a "
    "child of a given age, which drugs on a tumour target could be asked for under compassionate use, whom to "
    "ask and how. Give ages as trialfind takes them: 7, 7y6m, 18m, 3w. Never pass a patient's name, date of "
    "birth, contact details or record number: the tools refuse them. Every answer is not medical advice; the "
    "child's doctors and the study team decide."
)

Age = Annotated[str | int, Field(description="The child's age: 7 (years), 7y6m, 18m, 3w or 10d.")]
Condition = Annotated[str | None, Field(description="Diagnosis, e.g. 'neuroblastoma', 'glioma'.")]
Target = Annotated[str | None, Field(description="Tumour target, e.g. 'ALK', 'BRAF V600E', 'NTRK fusion'.")]


def _one_of(values: tuple[str, ...], description: str, optional: bool = True):
    # The choices go in the schema as an enum, but the tool checks them itself, so a wrong
    # value gets the same one-line error as the CLI's rather than a validation dump.
    enum = [*values, None] if optional else list(values)
    return Field(description=f"{description} One of: {', '.join(values)}.", json_schema_extra={"enum": enum})


def _call(tool: Callable[..., dict[str, Any]], ctx: ToolContext, **kwargs: Any) -> dict[str, Any]:
    """Run one tool; every failure becomes a one-line tool error."""
    try:
        return tool(ctx, **kwargs)
    except InvalidInput as exc:
        raise ToolError(f"invalid input: {str(exc).splitlines()[0]}") from None
    except TrialfindError as exc:
        raise ToolError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - a bug must not take the server down
        raise ToolError(f"internal error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") \
            from None


def build_server(open_source: Callable[[], StudySource], registry_db: str | None = None):
    """The MCP server with trialfind's tools; `open_source` is called once, on first use."""
    if _Server is None:
        raise TrialfindError("the MCP SDK is not installed: pip install \"trialfind[mcp]\"")
    ctx = ToolContext(open_source=open_source, registry_db=registry_db)
    server = _Server(SERVER_NAME, instructions=INSTRUCTIONS)

    @server.tool()
    def find_trials(age: Age, condition: Condition = None, target: Target = None,
                    sex: Annotated[str | None, _one_of(SEXES, "Only then are single-sex studies judged.")] = None,
                    near: Annotated[str | None, Field(description="Where the child lives, as 'LAT,LON'.")] = None,
                    radius_km: Annotated[float | None, Field(description="Only trials with a site taking patients "
                                                                         "within this distance of `near`.")] = None,
                    status: Annotated[str, _one_of(STATUSES, "open: recruiting (and flagged not-yet-recruiting); "
                                                             "all: also closed studies.", optional=False)] = "open",
                    limit: Annotated[int | None, Field(description="Most trials returned (1-200, default 50).")] = None,
                    ) -> dict[str, Any]:
        """Open clinical trials a child can join, best first, each with its eligibility (yes / uncertain),
        reasons, nearest site and ClinicalTrials.gov link. Same answer as `trialfind trials --format json`."""
        return _call(trials_tool, ctx, age=str(age), condition=condition, target=target, sex=sex, near=near,
                     radius_km=radius_km, status=status, limit=limit)

    @server.tool()
    def get_study(nct_id: Annotated[str, Field(description="The study's NCT id, e.g. NCT04250064.")]) -> dict[str, Any]:
        """One ClinicalTrials.gov study: summary, ages, criteria, contacts, sites, link."""
        return _call(study_tool, ctx, nct_id=nct_id)

    @server.tool()
    def find_candidates(target: Annotated[str, Field(description="Tumour target, e.g. 'ALK' or 'ALK F1174L'.")],
                        age: Age, condition: Condition = None) -> dict[str, Any]:
        """Compassionate-use candidates: drugs acting on the target whose trials admit no child of this age,
        with their evidence, the drug's company, its expanded-access policy and records."""
        return _call(candidates_tool, ctx, target=target, age=str(age), condition=condition)

    @server.tool()
    def sponsor_policy(company: Annotated[str, Field(description="A company name, e.g. 'Pfizer'.")],
                       with_records: Annotated[bool, Field(description="Also list its expanded-access records "
                                                                       "on ClinicalTrials.gov.")] = True,
                       ) -> dict[str, Any]:
        """A company's published expanded-access policy: contact, how to request, stated response times,
        criteria, source and date read, plus general resources (FDA, navigators)."""
        return _call(sponsor_tool, ctx, company=company, with_records=with_records)

    @server.tool()
    def request_packet(drug: Annotated[str, Field(description="The drug to ask for (INN, brand or code name).")],
                       target: Annotated[str | None, Field(description="The tumour's molecular finding only, "
                                                                       "e.g. 'ALK F1174L'.")] = None,
                       age: Annotated[str | int | None, Field(description="The child's age; the letter shows "
                                                                          "only an age band.")] = None,
                       sponsor: Annotated[str | None, Field(description="The company (default: the drug's own "
                                                                        "company).")] = None,
                       force: Annotated[bool, Field(description="Write to `sponsor` even if it is not the "
                                                                "drug's company.")] = False,
                       ) -> dict[str, Any]:
        """The physician's compassionate-use request letter (Markdown) and checklist for a drug, with the
        company's criteria checked against the records. Takes no patient data: names, dates, emails, phone
        numbers and record numbers are refused. Nothing is written to disk."""
        return _call(request_packet_tool, ctx, drug=drug, target=target, age=None if age is None else str(age),
                     sponsor=sponsor, force=force)

    @server.tool()
    def registry_stats(by: Annotated[str | None, _one_of(STATS_BY, "One row per company, drug or target.")] = None,
                       ) -> dict[str, Any]:
        """Read-only figures from the compassionate-use request-outcome registry: requests, acknowledged,
        granted / denied / no response, median days (consented requests only)."""
        return _call(registry_stats_tool, ctx, by=by)

    return server


def run_stdio(open_source: Callable[[], StudySource], registry_db: str | None = None) -> None:
    """Serve over stdin/stdout until the client closes the connection."""
    build_server(open_source, registry_db).run("stdio")
