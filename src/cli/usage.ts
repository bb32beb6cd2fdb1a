export const USAGE = `Usage: iwy-agent <command>

  agents list [--json]                 List permanent agents
  agents get <id>                      Print one agent as JSON
  agents apply <file|-> [--dry-run]    Create or update agents from JSON (matched by name)
  agents delete <id>                   Delete an agent
  tools list [--json]                  List tools
  tools get <id>                       Print one tool as JSON
  tools apply <file|-> [--dry-run]     Create or update tools from JSON (matched by name)
  tools test <id> <params.json> [--validate-only]
                                       Call a tool's webhook through iwy with these parameters
  tools delete <id>                    Delete a tool
  simulate [--port <n>] [--data <dir>] [--api-key <key>]
                                       Run the local iwy simulator

Environment: IWY_API_KEY (required for API commands), IWY_BASE_URL (default https://api.iwy.ai/v1).
Apply files hold one JSON object or an array of them.
Exit codes: 0 done, 1 iwy or the network failed (one line on stderr says why), 2 wrong usage.`;
