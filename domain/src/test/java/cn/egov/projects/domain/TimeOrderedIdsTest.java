package cn.egov.projects.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("按时间排序的标识（UUID 第7版）")
class TimeOrderedIdsTest {

    /** How both databases order UUIDs: by their bytes, unsigned — which is the order of their lowercase text. */
    private static boolean sortsBefore(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0;
    }

    @Test
    @DisplayName("第7版、RFC 9562 变体，前48位是生成时的毫秒")
    void versionSevenWithTheMillisecondFirst() {
        long millis = 1_765_000_000_123L; // 2025-12-06T05:46:40.123Z
        UUID id = new TimeOrderedIds(() -> millis).make();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    @DisplayName("同一毫秒内、超过4096个、时钟回拨时，后生成的都排在前一个之后，且互不相同")
    void eachSortsAfterTheOneBefore() {
        AtomicLong clock = new AtomicLong(1_765_000_000_000L);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // the counter of one millisecond holds 4,096
            made.add(ids.make());
        }
        clock.addAndGet(-60_000); // the clock steps back a minute
        for (int i = 0; i < 10; i++) {
            made.add(ids.make());
        }
        clock.addAndGet(120_000);
        made.add(ids.make());
        for (int i = 1; i < made.size(); i++) {
            assertThat(sortsBefore(made.get(i - 1), made.get(i))).as("id %d after id %d", i, i - 1).isTrue();
            assertThat(made.get(i).version()).isEqualTo(7);
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
        // past the counter the millisecond runs ahead of the clock, and the clock takes over once it is later
        assertThat(made.get(4_999).getMostSignificantBits() >>> 16).isEqualTo(1_765_000_000_001L);
        assertThat(made.get(made.size() - 1).getMostSignificantBits() >>> 16).isEqualTo(1_765_000_060_000L);
    }

    @Test
    @DisplayName("后62位随机：同一毫秒内的标识除计数外也各不相同，无法由前一个推出下一个")
    void theLast62BitsAreRandom() {
        TimeOrderedIds ids = new TimeOrderedIds(() -> 1_765_000_000_000L);
        Set<Long> low = new HashSet<>();
        long ones = 0;
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            long bits = ids.make().getLeastSignificantBits();
            low.add(bits & 0x3FFF_FFFF_FFFF_FFFFL);
            ones += Long.bitCount(bits & 0x3FFF_FFFF_FFFF_FFFFL);
        }
        assertThat(low).hasSize(n);
        // about half of the 62 random bits are set: far from a counter's or a constant's
        assertThat((double) ones / n).isBetween(29.0, 33.0);
    }

    @Test
    @DisplayName("进程内的标识按生成先后排序")
    void theProcessesIdsSortInTheOrderMade() {
        UUID first = TimeOrderedIds.next();
        UUID second = TimeOrderedIds.next();
        assertThat(sortsBefore(first, second)).isTrue();
        assertThat(Math.abs((first.getMostSignificantBits() >>> 16) - System.currentTimeMillis())).isLessThan(60_000);
    }
}
