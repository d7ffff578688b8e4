"""What the scheduled jobs would do while the demo's simulated clock moves: which jobs fire,
when, in order. The demo never starts the job queue (its clock is not the wall clock), so
`wait` asks here for the next moment and runs the real jobs itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from telegram.ext import Job, JobQueue

# APScheduler's triggers fire on whole seconds: asking "what fires after this moment" one
# microsecond on skips what already fired at it.
_AFTER = timedelta(microseconds=1)


@dataclass(frozen=True)
class Moment:
    """The jobs that fire at one instant, in the order they were scheduled."""

    at: datetime
    jobs: tuple[Job, ...]


@dataclass
class Timeline:
    """The job queue's jobs as a simulated clock passes them, and when each last ran."""

    queue: JobQueue | None
    ran: dict[str, datetime] = field(default_factory=dict)  # job id -> when it last ran

    def fire_time(self, job: Job, after: datetime) -> datetime | None:
        """When `job` next fires after `after`, in UTC like the demo's clock (a one-off job
        that is overdue: at `after`; once it ran: never)."""
        when: datetime | None = job.job.trigger.get_next_fire_time(self.ran.get(job.id),
                                                                   after + _AFTER)
        return None if when is None else max(when.astimezone(UTC), after)

    def next_moment(self, after: datetime, until: datetime) -> Moment | None:
        """The first instant after `after` (or at it, for an overdue one-off job), and no
        later than `until`, at which jobs fire."""
        if self.queue is None:
            return None
        # (Job.enabled says False until the scheduler starts, which it never does here.)
        times = [(when, job) for job in self.queue.jobs()
                 if (when := self.fire_time(job, after)) is not None and when <= until]
        if not times:
            return None
        first = min(when for when, _ in times)
        return Moment(first, tuple(job for when, job in times if when == first))

    def done(self, job: Job, at: datetime) -> None:
        """Remember that `job` ran at `at`; a job that never fires again leaves the queue, as
        the scheduler would take it off."""
        self.ran[job.id] = at
        if self.fire_time(job, at) is None:
            job.schedule_removal()
