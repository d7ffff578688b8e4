"""`puente run` logging: a job's every run is not a log line; its failures still are."""

from __future__ import annotations

import logging

import pytest

from bot.cli.logs import run_logging


def test_scheduler_runs_are_quiet_and_its_warnings_still_show(
        capsys: pytest.CaptureFixture[str]) -> None:
    with run_logging([]):
        runs = logging.getLogger("apscheduler.executors.default")
        runs.info('Running job "daily-reminder" (scheduled at 2026-09-14 16:00:00-04:00)')
        runs.info('Job "daily-reminder" executed successfully')
        runs.warning('Run time of job "daily-reminder" was missed by 0:00:05')
        logging.getLogger("bot.app").info("retention: 3 answers deleted")
    err = capsys.readouterr().err
    assert "Running job" not in err and "executed successfully" not in err
    assert "was missed by 0:00:05" in err
    assert "retention: 3 answers deleted" in err  # our own INFO lines stay
    assert logging.getLogger("apscheduler").level == logging.NOTSET  # restored afterwards
