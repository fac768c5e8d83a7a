"""The benchmark's process measurement: each job's own output, exit code and CPU time, side by side."""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.measure import Job, run, run_together

BUSY = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\nprint('busy')"


def test_jobs_run_together_keep_their_own_output_exit_code_and_cpu_time(tmp_path: Path) -> None:
    quick = Job([sys.executable, "-c", "import sys; print('quick'); sys.exit(3)"], tmp_path)
    busy = Job([sys.executable, "-c", BUSY], tmp_path)
    busy_run, quick_run = run_together([busy, quick])  # the slower job first: results follow the jobs' order
    assert (busy_run.output, busy_run.returncode) == ("busy\n", 0)
    assert (quick_run.output, quick_run.returncode) == ("quick\n", 3)
    assert busy_run.cpu >= 0.3 > quick_run.cpu
    assert busy_run.wall >= busy_run.cpu * 0.5 and busy_run.peak_mib > 1


def test_one_job_passes_its_environment_and_folder(tmp_path: Path) -> None:
    result = run([sys.executable, "-c", "import os; print(os.environ['ADGDM_PROBE'], os.getcwd())"], tmp_path,
                 {"ADGDM_PROBE": "seen"})
    assert result.output == f"seen {tmp_path}\n"
    assert result.returncode == 0
