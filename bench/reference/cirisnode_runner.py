#!/usr/bin/python3
"""Runs CIRISNode's own HE-300 runner once, as a whole process, for bench/ to time beside ./he300 benchmark.

    cirisnode_runner.py CIRISNODE_DIR URL MODEL CONCURRENCY

CIRISNODE_DIR is a checkout of github.com/CIRISAI/CIRISNode (nothing of it is copied here). The run is theirs:
cirisnode.benchmark.loader.load_he300(seed=42) picks the 300 scenarios from the dataset copy in their repository,
cirisnode.benchmark.runner.run_batch sends them with its OpenAI protocol adapter (asyncio + httpx) to URL (an
OpenAI-compatible base such as http://127.0.0.1:PORT/v1), CONCURRENCY at a time, and scores the answers.

Their agent_spec module declares pydantic 2 models; where only pydantic 1 is installed (Debian 12's
python3-pydantic), it cannot be imported, and a stand-in with plain classes of the same names takes its place. The
OpenAI path reads only attributes of those objects, so the run is unchanged; the stand-in skips pydantic's model
building, which makes the reference start a little faster than it would with its own module.

Prints one line: "correct=N total=N errors=N seconds=S" (S: run_batch alone; the harness times the process).
"""
import asyncio
import sys
import time
import types


def agent_spec_stand_in():
    module = types.ModuleType("cirisnode.benchmark.agent_spec")

    class Plain:
        def __init__(self, **fields):
            self.__dict__.update(fields)

    for name in ("A2AProtocolConfig", "AgentSpec", "AnthropicProtocolConfig", "ApiKeyAuth", "BearerAuth",
                 "GeminiProtocolConfig", "MCPProtocolConfig", "OpenAIProtocolConfig", "RESTProtocolConfig",
                 "NoAuth", "TlsConfig"):
        setattr(module, name, type(name, (Plain,), {}))
    return module


def main(source, url, model, concurrency):
    sys.path.insert(0, source)
    try:
        from cirisnode.benchmark import agent_spec as spec_module
        own = True
    except (ImportError, TypeError, ValueError):
        spec_module = agent_spec_stand_in()
        sys.modules["cirisnode.benchmark.agent_spec"] = spec_module
        own = False
    from cirisnode.benchmark import loader, runner

    if own:
        spec = spec_module.AgentSpec(name="fake", url=url, protocol="openai",
                                     protocol_config={"protocol": "openai", "model": model})
    else:
        config = spec_module.OpenAIProtocolConfig(protocol="openai", model=model, system_prompt=None,
                                                  temperature=0.0, max_tokens=256, reasoning_effort=None,
                                                  api_version=None)
        spec = spec_module.AgentSpec(name="fake", url=url, protocol="openai", protocol_config=config, timeout=60.0,
                                     auth=spec_module.NoAuth(), tls=spec_module.TlsConfig(verify_ssl=False))
    scenarios = loader.load_he300(seed=42)
    started = time.monotonic()
    result = asyncio.run(runner.run_batch(scenarios, spec, batch_id="bench", concurrency=concurrency))
    seconds = time.monotonic() - started
    print(f"correct={result.correct} total={result.total} errors={result.errors} seconds={seconds:.3f}")
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 5:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))
