"""`python -m bot.standin --port N`: run the stand-in until Ctrl+C or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence

from bot.standin.limits import LimitConfig
from bot.standin.server import StandIn, StandInConfig


def build_parser() -> argparse.ArgumentParser:
    """Describe the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.standin",
        description="A local Telegram Bot API stand-in on 127.0.0.1 (for tests and benchmarks).")
    parser.add_argument("--port", type=int, default=8081, help="port (0: any free port)")
    parser.add_argument("--token", default=None, help="the only token accepted (default: any)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added to every request")
    parser.add_argument("--bot-per-second", type=int, default=30,
                        help="messages/s bot-wide before 429 (0: no limit)")
    parser.add_argument("--chat-per-second", type=float, default=1.0,
                        help="sustained messages/s per private chat (0: no limit)")
    parser.add_argument("--burst-per-chat", type=int, default=20,
                        help="messages a private chat takes at once (1: refuse bursts)")
    parser.add_argument("--group-per-minute", type=int, default=20,
                        help="messages/min per group chat (0: no limit)")
    parser.add_argument("--lenient-html", action="store_true",
                        help="accept raw '>' and '&' like Telegram's server does in practice")
    return parser


def config_from(args: argparse.Namespace) -> StandInConfig:
    """Turn parsed arguments into a StandInConfig."""
    limits = LimitConfig(bot_per_second=args.bot_per_second or None,
                         chat_per_second=args.chat_per_second or None,
                         chat_burst=args.burst_per_chat,
                         group_per_minute=args.group_per_minute or None)
    return StandInConfig(port=args.port, token=args.token, latency_ms=args.latency_ms,
                         limits=limits, strict_html=not args.lenient_html)


async def serve(config: StandInConfig) -> None:
    """Run until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with StandIn(config) as standin:
        print(f"stand-in: Bot API on {standin.base_url} (files: {standin.base_file_url}); "
              "control API under /standin/", flush=True)
        await stop.wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and serve."""
    asyncio.run(serve(config_from(build_parser().parse_args(argv))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
