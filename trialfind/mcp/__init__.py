"""trialfind for AI assistants: a Model Context Protocol server (`trialfind mcp`) over the
public library. `tools` holds the tools as plain functions; `server` registers them with
the official MCP SDK (optional extra `trialfind[mcp]`)."""
