"""The outbox deliverer: leases, pacing under Telegram's limits, retries, push reports."""

from bot.delivery.deliverer import Delivered, Deliverer, DeliveryPolicy
from bot.delivery.enqueue import enqueue_again, enqueue_push
from bot.delivery.pacing import PacedRateLimiter, Pacer
from bot.delivery.reports import report_counts, report_finished

__all__ = ["Delivered", "Deliverer", "DeliveryPolicy", "PacedRateLimiter", "Pacer",
           "enqueue_again", "enqueue_push", "report_counts", "report_finished"]
