#!/usr/bin/env bash
# The seed's command name, kept so its instructions work as written:
#   export CIRISNODE_URL=http://localhost:8000
#   ./scripts/run_he300_benchmark.sh --model ollama/llama3.2 --sample-size 50
# It is ./he300 benchmark; see ./he300 benchmark --help.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../he300" benchmark "$@"
