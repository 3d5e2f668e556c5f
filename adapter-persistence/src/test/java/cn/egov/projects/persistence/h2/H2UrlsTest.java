package cn.egov.projects.persistence.h2;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("H2地址：文件数据库的提交同步写入磁盘")
class H2UrlsTest {

    @Test
    @DisplayName("文件数据库（file:或直接写路径）经同步写入的文件系统打开，写延迟为0")
    void fileDatabasesBecomeDurable() {
        assertThat(H2Urls.durable("jdbc:h2:file:/var/lib/egov/egov;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:durable:/var/lib/egov/egov;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(H2Urls.durable("jdbc:h2:FILE:./data/egov"))
                .isEqualTo("jdbc:h2:durable:./data/egov;WRITE_DELAY=0");
        assertThat(H2Urls.durable("jdbc:h2:/srv/egov")).isEqualTo("jdbc:h2:durable:/srv/egov;WRITE_DELAY=0");
        assertThat(H2Urls.durable("jdbc:h2:~/egov")).isEqualTo("jdbc:h2:durable:~/egov;WRITE_DELAY=0");
        assertThat(H2Urls.durable("jdbc:h2:C:/egov/db")).isEqualTo("jdbc:h2:durable:C:/egov/db;WRITE_DELAY=0");
    }

    @Test
    @DisplayName("内存、服务器和其他文件系统的地址保持不变")
    void otherUrlsStayAsTheyAre() {
        for (String url : new String[]{"jdbc:h2:mem:test;MODE=PostgreSQL", "jdbc:h2:tcp://db/egov",
                "jdbc:h2:ssl://db/egov", "jdbc:h2:nio:/srv/egov", "jdbc:h2:durable:/srv/egov",
                "jdbc:postgresql://db/egov"}) {
            assertThat(H2Urls.durable(url)).as(url).isEqualTo(url);
        }
        assertThat(H2Urls.isFileDatabase("jdbc:h2:mem:test")).isFalse();
        assertThat(H2Urls.isFileDatabase("jdbc:h2:./data/egov")).isTrue();
    }

    @Test
    @DisplayName("地址自己给出的写延迟保留并可读出")
    void anExplicitWriteDelayIsKept() {
        String url = H2Urls.durable("jdbc:h2:file:/srv/egov;write_delay=500");
        assertThat(url).isEqualTo("jdbc:h2:durable:/srv/egov;write_delay=500");
        assertThat(H2Urls.writeDelayMillis(url)).isEqualTo(500);
        assertThat(H2Urls.writeDelayMillis("jdbc:h2:durable:/srv/egov")).isEqualTo(-1);
    }
}
