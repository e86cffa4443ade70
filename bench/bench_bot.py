"""Bot turn throughput and p99 latency over HTTP: Forewarn's look-up beside a bare echo bot.

Two bots run one after the other, each in its own process on a loopback
port, and each sends its replies to the same local capture connector (as
tests/bot/teams.py does), so both pay the Bot Framework round trip:

  * echo: botbuilder's CloudAdapter with an ActivityHandler that echoes the
    text, on the same aiohttp, as in the Bot Framework samples;
  * forewarn: `build_bot_app` with the real store (SQLite under a temporary
    directory, the demo register), conversation references saved on every
    turn, and the real conversations (bot.conversations.build_conversation,
    or a minimal look-up Conversation where that is missing) answering
    "check 12 Mill Lane OX1 1AY" with the visit brief card.

The driver posts `--turns` activities (after a warm-up) with `--concurrency`
requests in flight, stopping early after `--seconds`, and prints turns/s,
p50 and p99 per bot and the ratio of Forewarn's throughput to the echo
bot's (target: at least 0.7). It prints figures; it never asserts on them.

    .venv/bin/python -m bench.bench_bot [--turns 2000] [--concurrency 16] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, web

MESSAGE = "check 12 Mill Lane OX1 1AY"
WARM_UP = 50


@dataclass
class Capture:
    """The local connector service: counts the replies the bots send to the person."""

    replies: int = 0
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._reply)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._reply)
        return app

    async def _reply(self, request: web.Request) -> web.Response:
        await request.read()
        self.replies += 1
        return web.json_response({"id": f"reply-{next(self._ids)}"})


@dataclass
class Result:
    bot: str
    turns: int
    seconds: float
    latencies: list[float]
    failed: int
    replies: int

    @property
    def per_second(self) -> float:
        return self.turns / self.seconds

    def line(self) -> str:
        cuts = statistics.quantiles([t * 1000 for t in self.latencies], n=100)
        return (
            f"{self.bot:<9}{self.per_second:8.1f} turns/s   p50 {cuts[49]:6.1f} ms   "
            f"p99 {cuts[98]:6.1f} ms   ({self.turns} turns in {self.seconds:.1f} s, "
            f"{self.failed} failed, {self.replies} replies captured)"
        )


def activity(n: int, worker: int, service_url: str, aad_id: str) -> dict[str, Any]:
    """A Teams-shaped message from a known member of staff, one personal chat per worker."""
    return {
        "type": "message",
        "id": f"bench-{n}",
        "timestamp": "2026-03-03T09:30:00.000Z",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": f"29:bench-user-{worker}", "name": "Sam", "aadObjectId": aad_id},
        "recipient": {"id": "28:forewarn-bot", "name": "Forewarn"},
        "conversation": {"conversationType": "personal", "id": f"a:1bench-{worker}"},
        "text": MESSAGE,
        "locale": "en-GB",
    }


async def drive(
    bot: str, base: str, capture: Capture, service_url: str, args: argparse.Namespace
) -> Result:
    """Warm up, then keep `concurrency` requests in flight until `turns` or `seconds` run out."""
    from register.demo import DEMO_FRONTLINE

    url = f"{base}/api/messages"
    latencies: list[float] = []
    failed = 0
    counter = itertools.count()

    async def post(http: ClientSession, n: int, worker: int) -> bool:
        body = activity(n, worker, service_url, DEMO_FRONTLINE)
        async with http.post(url, json=body) as response:
            await response.read()
            return response.status == 200

    async def worker(http: ClientSession, number: int, limit: int, deadline: float) -> None:
        nonlocal failed
        while (n := next(counter)) < limit and time.perf_counter() < deadline:
            started = time.perf_counter()
            ok = await post(http, n, number)
            latencies.append(time.perf_counter() - started)
            failed += not ok

    async with ClientSession() as http:
        for n in range(WARM_UP):
            await post(http, -1 - n, 0)
        latencies.clear()
        counter = itertools.count()
        replies_before = capture.replies
        started = time.perf_counter()
        deadline = started + args.seconds
        workers = (worker(http, w, args.turns, deadline) for w in range(args.concurrency))
        await asyncio.gather(*workers)
        elapsed = time.perf_counter() - started
    return Result(bot, len(latencies), elapsed, latencies, failed, capture.replies - replies_before)


async def bench(args: argparse.Namespace) -> None:
    capture = Capture()
    runner = web.AppRunner(capture.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    service_url = f"http://127.0.0.1:{port}/"
    results = []
    try:
        with tempfile.TemporaryDirectory() as data:
            for bot in ("echo", "forewarn"):
                process, base = await start_bot(bot, Path(data), args.no_references)
                try:
                    results.append(await drive(bot, base, capture, service_url, args))
                finally:
                    process.terminate()
                    process.wait(timeout=10)
    finally:
        await runner.cleanup()
    report(results, args)


async def start_bot(bot: str, data: Path, no_references: bool) -> tuple[subprocess.Popen[str], str]:
    """Run one bot in its own process; it prints its port once it is listening."""
    command = [sys.executable, "-m", "bench.bench_bot", "--serve", bot, "--data", str(data)]
    command += ["--no-references"] if no_references else []
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = await asyncio.to_thread(process.stdout.readline)
    if not line.startswith("listening "):
        process.kill()
        raise SystemExit(f"the {bot} bot did not start: {line!r}")
    return process, f"http://127.0.0.1:{int(line.split()[1])}"


def report(results: list[Result], args: argparse.Namespace) -> None:
    from bench.bench_bot_servers import CONVERSATION_NOTE

    saving = "not saved" if args.no_references else "saved every turn"
    print(f"\n{args.concurrency} requests in flight; message {MESSAGE!r}; {CONVERSATION_NOTE}")
    print(f"conversation references {saving}")
    for result in results:
        print("  " + result.line())
    echo, forewarn = results
    ratio = forewarn.per_second / echo.per_second
    verdict = "meets" if ratio >= 0.7 else "is below"
    print(f"  ratio forewarn/echo throughput: {ratio:.2f} ({verdict} the 0.7 target)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--no-references",
        action="store_true",
        help="do not save conversation references on each turn (shows what saving costs)",
    )
    parser.add_argument("--serve", choices=("echo", "forewarn"), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        from bench.bench_bot_servers import serve

        asyncio.run(serve(args.serve, args.data, references=not args.no_references))
        return
    asyncio.run(bench(args))


if __name__ == "__main__":
    main()
