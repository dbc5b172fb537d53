package dev.quarry.matching;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The scratch buffers a matcher's calls work in, so that a call allocates nothing once they have grown: one per
 * platform thread, and for virtual threads, which are usually one per task (the HTTP service runs each request on its
 * own), a few shared ones that outlive the task, so a request neither allocates buffers (256 KB of dictionary cache
 * each for a large dictionary) nor starts with a cold cache. A call made while the thread's buffers are busy (a sink
 * that matches again) gets buffers of its own. Thread-safe.
 */
final class ScratchPool {

    private final ThreadLocal<PhraseEngine.Scratch> perThread = ThreadLocal.withInitial(PhraseEngine.Scratch::new);
    /** Idle buffers for virtual threads; a null slot is empty. */
    private final AtomicReferenceArray<PhraseEngine.Scratch> shared;

    ScratchPool() {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        shared = new AtomicReferenceArray<>(Integer.highestOneBit(cores) * 2);
    }

    /** Buffers for one call, which must hand them back through {@link #release} on the same thread. */
    PhraseEngine.Scratch acquire() {
        PhraseEngine.Scratch buffers = Thread.currentThread().isVirtual() ? takeShared() : perThread.get();
        if (buffers == null || buffers.inUse) {
            buffers = new PhraseEngine.Scratch();
        }
        buffers.inUse = true;
        return buffers;
    }

    /** Ends a call: the buffers are idle again (a virtual thread's go back to the shared ones while a slot is free). */
    void release(PhraseEngine.Scratch buffers) {
        buffers.inUse = false;
        if (Thread.currentThread().isVirtual()) {
            int start = slot();
            for (int i = 0; i < shared.length(); i++) {
                if (shared.compareAndSet((start + i) & (shared.length() - 1), null, buffers)) {
                    return;
                }
            }
        }
    }

    private PhraseEngine.Scratch takeShared() {
        int start = slot();
        for (int i = 0; i < shared.length(); i++) {
            PhraseEngine.Scratch buffers = shared.getAndSet((start + i) & (shared.length() - 1), null);
            if (buffers != null) {
                return buffers;
            }
        }
        return null;
    }

    private int slot() {
        return (int) Thread.currentThread().threadId() & (shared.length() - 1);
    }
}
