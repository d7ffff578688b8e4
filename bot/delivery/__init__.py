"""The outbox deliverer: leases, pacing under Telegram's limits, retries, push reports."""

from bot.delivery.deliverer import Delivered, Deliverer, DeliveryPolicy
from bot.delivery.enqueue import Joined, enqueue_again, enqueue_push, join_waiting
from bot.delivery.pacing import PacedRateLimiter, Pacer
from bot.delivery.reports import report_counts, report_finished

__all__ = ["Delivered", "Deliverer", "DeliveryPolicy", "Joined", "PacedRateLimiter", "Pacer",
           "enqueue_again", "enqueue_push", "join_waiting", "report_counts",
           "report_finished"]
