"""The stand-in's HTTP server: Telegram's URLs and wire format over real HTTP, on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from bot.standin import control, interactive, methods, objects
from bot.standin.faults import Fault, Faults, Kind
from bot.standin.limits import FloodControl, LimitConfig
from bot.standin.methods import Params, Telegram
from bot.standin.state import JSON, Sent, Stats, World
from bot.standin.updates import ApiError, UpdateQueue
from bot.standin.users import Person

assert interactive  # registers the edit, poll and callback methods
log = logging.getLogger(__name__)
UNAUTHORIZED = ApiError(401, "Unauthorized")


@dataclass(frozen=True)
class StandInConfig:
    """How the stand-in listens and how strict it is."""

    host: str = "127.0.0.1"
    port: int = 0  # 0: any free port
    token: str | None = None  # None: accept any well-formed token
    username: str = "PuenteStandInBot"
    latency_ms: float = 0.0
    limits: LimitConfig = field(default_factory=LimitConfig)
    strict_html: bool = True  # refuse raw `>` and `&` as the Bot API docs ask
    tls_terminated: bool = True  # POST https:// webhooks over http, as a TLS proxy would
    webhook_backoff: float = 0.2


class StandIn:
    """A local Bot API server for one bot, with a test-side API to play users and faults."""

    def __init__(self, config: StandInConfig | None = None) -> None:
        self.config = config or StandInConfig()
        self.world = World()
        self.faults = Faults(latency=self.config.latency_ms / 1000)
        self.queue = UpdateQueue(tls_terminated=self.config.tls_terminated)
        self.port = self.config.port
        bot_id = int((self.config.token or "7770001110:x").split(":")[0])
        self.tg = Telegram(self.world, self.queue, FloodControl(self.config.limits),
                           self.faults, objects.bot_user(bot_id, self.config.username),
                           self.config.strict_html)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    # --- lifecycle -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://{self.config.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For `Bot(token, base_url=...)` and config.toml's [telegram] base_url."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    async def start(self) -> StandIn:
        """Listen on host:port (a free port when 0) and start webhook delivery."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        app.router.add_routes(control.routes(self))
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await self._listen()
        self._session = aiohttp.ClientSession()
        self._spawn(self.queue.deliver_webhooks(self._session, self.world.stats,
                                                self.config.webhook_backoff))
        return self

    async def _listen(self) -> None:
        assert self._runner is not None
        self._site = web.TCPSite(self._runner, self.config.host, self.port, reuse_address=True)
        await self._site.start()
        if self.port == 0:
            self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Stop listening, end webhook delivery and long polls, close connections."""
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()
        self._runner = self._site = self._session = None

    async def __aenter__(self) -> StandIn:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- HTTP ------------------------------------------------------------------------------
    def _token_ok(self, token: str) -> bool:
        if self.config.token is not None:
            return token == self.config.token
        head, _, tail = token.partition(":")
        return head.isdigit() and bool(tail)

    async def _api(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        if not self._token_ok(request.match_info["token"]):
            return _answer(UNAUTHORIZED.code, UNAUTHORIZED.body())
        try:
            params = await _read_params(request)
        except (ValueError, json.JSONDecodeError):
            return _answer(400, ApiError(400, "Bad Request: can't parse request").body())
        if self.faults.latency:
            await asyncio.sleep(self.faults.latency)
        fault = self.faults.take(name, _chat_of(params))
        if fault is not None and (fault.kind is Kind.ERROR or not fault.record):
            return await self._misbehave(fault)
        try:
            status, body = 200, {"ok": True, "result": await methods.call(self.tg, name, params)}
        except ApiError as exc:
            status, body = exc.code, exc.body()
            self.world.stats.errors[exc.code] += 1
            self.world.stats.refused.append((name, _chat_of(params), exc.description))
        if fault is not None and fault.kind is Kind.HOLD:
            await asyncio.sleep(fault.seconds)
        if fault is not None and fault.kind is Kind.DROP:
            return self._drop(request, body)
        return _answer(status, body)

    async def _misbehave(self, fault: Fault) -> web.Response:
        """An error answer, or a hold that ends in one (the request was not acted on)."""
        if fault.kind is Kind.HOLD:
            await asyncio.sleep(fault.seconds)
            fault = Fault(Kind.ERROR, 502, "Bad Gateway")
        self.world.stats.errors[fault.status] += 1
        body = ApiError(fault.status, fault.description, fault.retry_after).body()
        return _answer(fault.status, body)

    def _drop(self, request: web.Request, body: JSON) -> web.Response:
        """Telegram acted on the request, but the answer never reaches the client."""
        result = body.get("result")
        if isinstance(result, dict) and "message_id" in result:
            for sent in reversed(self.world.log):
                if sent.message is result:
                    sent.answered = False
                    break
        self.world.stats.dropped += 1
        if request.transport is not None:
            request.transport.abort()
        return web.Response(status=204)  # never written: the transport is gone

    async def _file(self, request: web.Request) -> web.StreamResponse:
        if not self._token_ok(request.match_info["token"]):
            return _answer(401, UNAUTHORIZED.body())
        path = request.match_info["path"]
        stored = next((f for f in self.world.files.values() if f.path == path), None)
        if stored is None:
            return _answer(404, ApiError(404, "Not Found").body())
        return web.Response(body=stored.content, content_type="application/octet-stream")

    # --- test-side API: people and updates -------------------------------------------------
    def user(self, user_id: int, first_name: str = "Ana", language_code: str | None = "en",
             username: str | None = None) -> Person:
        """A person who can talk to the bot (their private chat now exists)."""
        return Person(self, user_id, first_name, language_code, username)

    def inject(self, body: JSON) -> JSON | None:
        """Queue an update body (without update_id) for getUpdates or the webhook."""
        return self.queue.put(body)

    @property
    def stats(self) -> Stats:
        return self.world.stats

    def sent(self, chat_id: int | None = None, edits: bool = False) -> list[Sent]:
        """Messages the bot sent (to one chat), oldest first."""
        return self.world.sent(chat_id, edits)

    def duplicates(self) -> dict[int, int]:
        """Per chat, how many messages repeat an earlier one word for word."""
        return self.world.duplicates()

    async def wait_for(self, predicate: Callable[[], Any], within: float = 10.0,
                       what: str = "condition") -> Any:
        """Wait until `predicate()` is truthy (TimeoutError after `within` s)."""
        return await self.world.wait_for(predicate, within, what)

    async def quiet(self, seconds: float = 0.5, within: float = 15.0) -> None:
        """Wait until the bot has sent nothing for `seconds`."""
        await self.world.quiet(seconds, within)

    # --- test-side API: faults -------------------------------------------------------------
    def fail(self, chat_id: int | None, status: int = 500, times: int = 1,
             description: str | None = None) -> None:
        """The next `times` sends to `chat_id` (None: anyone) get an HTTP error."""
        retry_after = 1 if status == 429 else None
        text = description or {429: "Too Many Requests: retry after 1", 502: "Bad Gateway",
                               403: "Forbidden: bot was blocked by the user"}.get(
            status, "Internal Server Error")
        self.faults.plan(chat_id, Fault(Kind.ERROR, status, text, retry_after=retry_after),
                         times)

    def hold(self, chat_id: int | None, seconds: float, times: int = 1,
             record: bool = False) -> None:
        """Answer the next sends only after `seconds` (acted on only when `record`)."""
        self.faults.plan(chat_id, Fault(Kind.HOLD, seconds=seconds, record=record), times)

    def drop(self, chat_id: int | None, times: int = 1) -> None:
        """Deliver the next sends, then cut the connection before answering."""
        self.faults.plan(chat_id, Fault(Kind.DROP), times)

    def block(self, chat_id: int) -> None:
        """This user blocked the bot: sends get 403."""
        self.faults.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.faults.blocked.discard(chat_id)

    def age_queries(self, seconds: float) -> None:
        """Every tap not answered yet is `seconds` older: past 900 s Telegram refuses its
        answer with `query is too old` (as after the bot was down for a while)."""
        self.world.age_queries(seconds)

    def set_latency(self, ms: float) -> None:
        """Add `ms` milliseconds to every Bot API request."""
        self.faults.latency = ms / 1000

    async def refuse_connections(self, seconds: float) -> None:
        """Stop listening and cut open connections; listen again after `seconds`."""
        if self._site is not None:
            await self._site.stop()
        assert self._runner is not None
        server = self._runner.server
        for handler in list(getattr(server, "connections", [])):
            handler.force_close()
            if handler.transport is not None:
                handler.transport.abort()
        self._spawn(self._relisten(seconds))

    async def _relisten(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        await self._listen()


def _chat_of(params: Params) -> int | None:
    try:
        return int(params.values["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None


def _answer(status: int, body: JSON) -> web.Response:
    return web.Response(status=status, text=json.dumps(body, ensure_ascii=False),
                        content_type="application/json")


async def _read_params(request: web.Request) -> Params:
    """Merge query string and body (JSON, form or multipart) like Telegram does."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, tuple[str, bytes]] = {}
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                values.update(body)
        else:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    values[key] = value
    return Params(values, files)
