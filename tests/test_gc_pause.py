"""The cyclic collector paused around the map's reads: in two threads at once, it comes back on
only when the last read ends (left off, a session would keep every cycle it ever made)."""

import gc
import threading

from parksgis.gc_pause import gc_paused, keep_out_of_collections


def test_overlapping_pauses_in_two_threads_resume_the_collector_after_the_last():
    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"after the first ended": False}
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_left_out_of_collections_are_let_back_in_by_the_next_call():
    class Node:
        pass

    keep_out_of_collections()
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle that outlives its owner
    keep_out_of_collections()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    del a, b
    assert gc.collect() == 0  # left out: not collected while frozen
    gc.unfreeze()
    assert gc.collect() >= 2  # let back in: the cycle goes


def test_what_a_keeping_pause_made_is_left_out_of_collections_and_freed_when_dropped():
    import weakref

    class Shape:
        pass

    before = gc.get_freeze_count()
    with gc_paused():
        plain = [Shape() for _ in range(1000)]
    assert gc.get_freeze_count() == before  # a plain pause leaves them to the collector
    with gc_paused(keep=True):
        kept = [Shape() for _ in range(1000)]
    assert gc.isenabled()
    after = gc.get_freeze_count()
    assert after >= before + 2000  # every object alive then: the collections do not walk them
    first = weakref.ref(kept[0])
    del kept
    assert first() is None  # freed all the same once nothing refers to them
    assert gc.get_freeze_count() <= after - 1000
    assert len(plain) == 1000
