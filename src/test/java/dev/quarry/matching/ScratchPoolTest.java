package dev.quarry.matching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScratchPoolTest {

    private final ScratchPool pool = new ScratchPool();

    @Test
    void aPlatformThreadKeepsItsBuffersAndANestedCallGetsOthers() {
        PhraseEngine.Scratch outer = pool.acquire();
        PhraseEngine.Scratch nested = pool.acquire();
        assertNotSame(outer, nested);
        assertTrue(outer.inUse && nested.inUse);
        pool.release(nested);
        pool.release(outer);
        assertFalse(outer.inUse);
        PhraseEngine.Scratch again = pool.acquire();
        assertSame(outer, again);
        pool.release(again);
    }

    @Test
    void buffersOfAFinishedVirtualThreadServeTheNextOne() throws InterruptedException {
        PhraseEngine.Scratch first = onVirtualThread();
        PhraseEngine.Scratch second = onVirtualThread();
        assertSame(first, second);
        assertFalse(second.inUse);
    }

    @Test
    void virtualThreadsInANestedCallGetBuffersOfTheirOwn() throws InterruptedException {
        AtomicReference<Boolean> distinct = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            PhraseEngine.Scratch outer = pool.acquire();
            PhraseEngine.Scratch nested = pool.acquire();
            distinct.set(outer != nested);
            pool.release(nested);
            pool.release(outer);
        }).join();
        assertTrue(distinct.get());
    }

    private PhraseEngine.Scratch onVirtualThread() throws InterruptedException {
        AtomicReference<PhraseEngine.Scratch> used = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            PhraseEngine.Scratch buffers = pool.acquire();
            used.set(buffers);
            pool.release(buffers);
        }).join();
        return used.get();
    }
}
