"""The test-side API over HTTP (under /standin/), for a stand-in run as its own process."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.standin.state import Sent

if TYPE_CHECKING:
    from bot.standin.server import StandIn
    from bot.standin.users import Person

PREFIX = "/standin"


def routes(standin: StandIn) -> list[web.RouteDef]:
    """Routes to play users, read what the bot sent, and inject faults."""
    people: dict[int, Person] = {}

    def person(body: dict[str, Any]) -> Person:
        user_id = int(body["user_id"])
        if user_id not in people:
            people[user_id] = standin.user(user_id, str(body.get("first_name", "Ana")),
                                           body.get("language_code", "en"))
        return people[user_id]

    async def say(request: web.Request) -> web.Response:
        body = await request.json()
        return _json(person(body).say(str(body["text"])))

    async def tap(request: web.Request) -> web.Response:
        body = await request.json()
        try:
            return _json(person(body).tap(str(body["button"]), body.get("message_id")))
        except LookupError as exc:
            return _json({"error": str(exc)}, 404)

    async def delete(request: web.Request) -> web.Response:
        body = await request.json()
        person(body).delete(int(body["message_id"]))
        return _json({"ok": True})

    async def vote(request: web.Request) -> web.Response:
        body = await request.json()
        return _json(person(body).vote(str(body["poll_id"]), *body["option_ids"]))

    async def update(request: web.Request) -> web.Response:
        return _json(standin.inject(await request.json()))

    async def sent(request: web.Request) -> web.Response:
        chat = request.query.get("chat_id")
        found = standin.sent(int(chat) if chat else None, request.query.get("edits") == "1")
        return _json([_sent(s) for s in found])

    async def stats(request: web.Request) -> web.Response:
        counts = standin.stats
        return _json({"requests": dict(counts.requests), "errors": dict(counts.errors),
                      "dropped": counts.dropped, "webhook_posts": dict(counts.webhook_posts),
                      "too_many_requests": counts.too_many_requests,
                      "duplicates": standin.duplicates(), "messages": len(standin.sent())})

    async def fault(request: web.Request) -> web.Response:
        body = await request.json()
        await _fault(standin, body)
        return _json({"ok": True})

    return [web.post(f"{PREFIX}/say", say), web.post(f"{PREFIX}/tap", tap),
            web.post(f"{PREFIX}/vote", vote), web.post(f"{PREFIX}/delete", delete),
            web.post(f"{PREFIX}/update", update),
            web.get(f"{PREFIX}/sent", sent), web.get(f"{PREFIX}/stats", stats),
            web.post(f"{PREFIX}/fault", fault)]


async def _fault(standin: StandIn, body: dict[str, Any]) -> None:
    kind, chat = body["kind"], body.get("chat_id")
    times = int(body.get("times", 1))
    if kind == "error":
        standin.fail(chat, int(body.get("status", 500)), times, body.get("description"))
    elif kind == "hold":
        standin.hold(chat, float(body["seconds"]), times, bool(body.get("record", False)))
    elif kind == "drop":
        standin.drop(chat, times)
    elif kind == "block":
        standin.block(int(chat))
    elif kind == "unblock":
        standin.unblock(int(chat))
    elif kind == "age":
        standin.age_queries(float(body["seconds"]))
    elif kind == "latency":
        standin.set_latency(float(body["ms"]))
    elif kind == "refuse":
        await standin.refuse_connections(float(body["seconds"]))
    else:
        raise web.HTTPBadRequest(text=f"unknown fault kind {kind!r}")


def _sent(sent: Sent) -> dict[str, Any]:
    return {"method": sent.method, "chat_id": sent.chat_id, "message_id": sent.message_id,
            "at": sent.at, "text": sent.text, "raw": sent.raw, "buttons": sent.buttons,
            "answered": sent.answered}


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, text=json.dumps(data, ensure_ascii=False),
                        content_type="application/json")
