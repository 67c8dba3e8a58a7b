"""Work forked beside a command (parksgis.forking): the progress line a terminal shows does not
stop it, and a forked child neither draws the line nor waits on its lock."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_command_on_a_terminal_forks_like_one_in_a_script():
    # a fresh interpreter: pytest's own threads would make can_fork False whatever the line does
    code = textwrap.dedent("""
        import io, multiprocessing, sys, time
        from parksgis import forking, progress

        class Terminal(io.StringIO):
            def isatty(self):
                return True

        def child():
            progress.stage("from the child")  # neither drawn nor blocked on the line's lock
            sys.exit(7)

        assert forking.can_fork()
        screen = Terminal()
        with progress.shown_on(screen, delay=0.0):
            progress.stage("building")
            assert forking.can_fork(), "the ticker thread is fork-safe"
            for _ in range(40):  # forks while the ticker draws every 0.25 s
                process = multiprocessing.get_context("fork").Process(target=child)
                process.start()
                process.join(20)
                assert process.exitcode == 7, process.exitcode
                time.sleep(0.01)
            progress.stage("after the forks")
            time.sleep(0.3)
        text = screen.getvalue()
        assert "from the child" not in text and "after the forks" in text, text
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            encoding="utf-8")
    assert result.stdout.strip() == "ok", result.stderr[-2000:]


def test_other_threads_stop_forking():
    code = textwrap.dedent("""
        import threading
        from parksgis import forking
        stop = threading.Event()
        worker = threading.Thread(target=stop.wait)
        worker.start()
        print(forking.can_fork())
        stop.set(); worker.join()
        print(forking.can_fork())
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            encoding="utf-8")
    assert result.stdout.split() == ["False", "True"], result.stderr[-2000:]
