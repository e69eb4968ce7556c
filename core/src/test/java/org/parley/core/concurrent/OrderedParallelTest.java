package org.parley.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OrderedParallelTest {

    private static List<Integer> numbers(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void resultsComeInInputOrderWhateverTheFinishingOrder() {
        Random rnd = new Random(3);
        List<Integer> delays = numbers(300).stream().map(i -> rnd.nextInt(3)).toList();
        List<Integer> out = new ArrayList<>();
        OrderedParallel.map(numbers(300).iterator(), i -> {
            sleep(delays.get(i));
            return i * 2;
        }, 4, 8, out::add);
        assertEquals(numbers(300).stream().map(i -> i * 2).toList(), out);
    }

    @Test
    void oneThreadRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
        OrderedParallel.map(numbers(5).iterator(), i -> {
            seen.add(Thread.currentThread());
            return i;
        }, 1, 1, x -> { });
        seen.forEach(t -> assertSame(caller, t));
    }

    @Test
    void neverHoldsMoreThanTheBoundInFlight() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        Iterator<Integer> counting = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 1000;
            }

            @Override
            public Integer next() {
                read.incrementAndGet();
                worst.accumulateAndGet(read.get() - consumed.get(), Math::max);
                return i++;
            }
        };
        OrderedParallel.map(counting, i -> i, 3, 6, x -> consumed.incrementAndGet());
        assertEquals(1000, consumed.get());
        assertTrue(worst.get() <= 6, "in flight at most 6, saw " + worst.get());
    }

    @Test
    void theFirstFailureStopsTheRunAndIsRethrown() {
        List<Integer> out = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderedParallel.map(numbers(100).iterator(), i -> {
            if (i == 40) {
                throw new IllegalArgumentException("bad input 40");
            }
            return i;
        }, 4, 8, out::add));
        assertEquals("bad input 40", e.getMessage());
        assertEquals(numbers(40), out, "everything before the failure was consumed, nothing after");
        assertThrows(IllegalStateException.class, () -> OrderedParallel.map(numbers(100).iterator(), i -> i, 2, 4, x -> {
            if (x == 10) {
                throw new IllegalStateException("sink failed");
            }
        }));
    }

    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> OrderedParallel.map(numbers(1).iterator(), i -> i, 0, 1, x -> { }));
        assertThrows(IllegalArgumentException.class, () -> OrderedParallel.map(numbers(1).iterator(), i -> i, 4, 2, x -> { }));
        assertTrue(OrderedParallel.allCores() >= 1);
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
