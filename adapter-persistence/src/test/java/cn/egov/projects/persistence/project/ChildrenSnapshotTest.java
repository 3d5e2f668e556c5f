package cn.egov.projects.persistence.project;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("子表快照的编码")
class ChildrenSnapshotTest {

    private static final ChildRow FULL = new ChildRow(24, 0, 300, "PROGRESS_REPORT", "", "豁免：上级部署调整 🚧",
            "x".repeat(70_000), LocalDate.of(1900, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31),
            new BigDecimal("-99999999999999.99"), Integer.MIN_VALUE, true, false,
            UUID.fromString("ffffffff-0000-8000-8000-000000000001"));
    private static final ChildRow SPARSE = new ChildRow(6, 3, 0, "张专家", null, null, null, null, null, null, null,
            null, null, null, null);

    private static final UUID PROJECT = UUID.fromString("6c5f0303-0c57-4ad2-ba66-6f4f6d0f10b4");

    private static byte[] encode(List<ChildRow> rows) {
        return ChildrenSnapshot.encode(PROJECT, 7, rows);
    }

    private static java.util.Optional<List<ChildRow>> decode(byte[] bytes) {
        return ChildrenSnapshot.decode(bytes, PROJECT, 7);
    }

    @Test
    @DisplayName("每个槽位原样读回：空值与空串、1970年前后的日期、闰日、负数金额、极值整数、多字节文字和超长文本")
    void everySlotRoundTrips() {
        List<ChildRow> rows = List.of(FULL, SPARSE, new ChildRow(13, 0, 1, null, null, null, null, null, null, null,
                new BigDecimal("1260000.1"), 0, false, true, new UUID(0, 0)));

        List<ChildRow> back = decode(encode(rows)).orElseThrow();

        assertThat(back.get(0)).isEqualTo(FULL);
        assertThat(back.get(1)).isEqualTo(SPARSE);
        // amounts come back at the scale of their NUMERIC(16,2) columns, as the child tables give them
        assertThat(back.get(2).n1()).isEqualByComparingTo("1260000.10");
        assertThat(back.get(2).n1().scale()).isEqualTo(2);
        assertThat(back.get(2).b1()).isFalse();
        assertThat(back.get(2).b2()).isTrue();
        assertThat(back.get(2).u1()).isEqualTo(new UUID(0, 0));
        assertThat(decode(encode(List.of()))).contains(List.of());
    }

    @Test
    @DisplayName("空值、其他格式、其他项目或版本、截断或多出字节的快照不被采用（调用方改读子表）")
    void unknownOrDamagedBytesAreRefused() {
        byte[] good = encode(List.of(FULL, SPARSE));

        assertThat(decode(null)).isEmpty();
        assertThat(decode(new byte[0])).isEmpty();
        assertThat(ChildrenSnapshot.decode(good, UUID.randomUUID(), 7)).isEmpty();
        assertThat(ChildrenSnapshot.decode(good, PROJECT, 8)).isEmpty();
        byte[] otherFormat = good.clone();
        otherFormat[0] = (byte) (ChildrenSnapshot.FORMAT + 1);
        assertThat(decode(otherFormat)).isEmpty();
        for (int cut : new int[] {1, 2, 10, good.length / 2, good.length - 1}) {
            assertThat(decode(Arrays.copyOf(good, cut))).as("cut at %d", cut).isEmpty();
        }
        assertThat(decode(Arrays.copyOf(good, good.length + 1))).isEmpty();
        // a damaged count or length claims more than the bytes hold: refused before anything is allocated for it
        byte[] header = Arrays.copyOf(good, 1 + 16 + 1);
        byte[] huge = Arrays.copyOf(header, header.length + 5);
        huge[header.length] = (byte) 0xff;
        huge[header.length + 1] = (byte) 0xff;
        huge[header.length + 2] = (byte) 0xff;
        huge[header.length + 3] = (byte) 0xff;
        huge[header.length + 4] = 0x07;
        assertThat(decode(huge)).isEmpty();
    }
}
