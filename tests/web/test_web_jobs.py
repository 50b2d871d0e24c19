"""The job queue of ``podium serve`` on its own: ids, queue positions, the E507 limit, E506 for an
unknown id. With no worker started, submitted jobs stay queued, which is what these tests look at."""

from __future__ import annotations

import asyncio

import pytest

from podium.errors import PodiumError
from podium.web.jobs import JobQueue


def test_jobs_queue_in_order_up_to_the_limit() -> None:
    async def scenario() -> None:
        jobs = JobQueue(None, workers=0, timeout=None, max_queue=2)
        await jobs.start()
        try:
            first = jobs.submit("text", "pasted text", data=b"One.")
            second = jobs.submit("text", "pasted text", data=b"Two.")
            assert first.id != second.id and len(first.id) >= 12
            assert [jobs.status(j)["queue_position"] for j in (first, second)] == [1, 2]
            assert jobs.status(first)["status"] == "queued" and jobs.status(first)["progress"] == 0.0
            with pytest.raises(PodiumError) as err:
                jobs.submit("text", "pasted text", data=b"Three.")
            assert err.value.code == "E507"
            assert jobs.get(first.id) is first
            with pytest.raises(PodiumError) as err:
                jobs.get("no-such-job")
            assert err.value.code == "E506"
        finally:
            await jobs.stop()

    asyncio.run(scenario())
