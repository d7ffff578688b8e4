"""One person's scheduled jobs (reminders), found without naming them in the job's name."""

from __future__ import annotations

from telegram.ext import Job, JobQueue


def user_jobs(job_queue: JobQueue | None, user_id: int) -> list[Job]:
    """Scheduled jobs for one user (job names stay neutral: the user id is only in the data)."""
    if job_queue is None:
        return []
    return [job for job in job_queue.jobs() if job.data == user_id]
