package io.jixiao.local.province;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void percentilesAreNearestRankAndAScoreNeverSeenIsInfinitelyLate() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(50, Benchmark.percentile(hundred, 50));
        assertEquals(99, Benchmark.percentile(hundred, 99));

        List<Long> twoNeverSeen = new ArrayList<>(LongStream.rangeClosed(1, 98).boxed().toList());
        twoNeverSeen.add(Long.MAX_VALUE);
        twoNeverSeen.add(Long.MAX_VALUE);
        assertEquals(50, Benchmark.percentile(twoNeverSeen, 50));
        assertEquals(Double.POSITIVE_INFINITY, Benchmark.percentile(twoNeverSeen, 99));
        assertEquals(Double.NaN, Benchmark.percentile(List.of(), 50));
    }
}
