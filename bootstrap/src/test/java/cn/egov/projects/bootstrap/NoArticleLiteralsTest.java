package cn.egov.projects.bootstrap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No article number of the measures is written in the production code: every article a refusal, a record, a title
 * or a listing cites comes from the pack in force (a {@code Provision} it numbers, a rule or a stage it words), so
 * that another city's pack cites its own numbering. Scans the string literals (text blocks included) of every
 * module's main sources for a Chinese article ("第四条", "第5条") and the code for a fixed number handed to
 * {@code Articles.chinese}; comments may mention articles. The pack data themselves are allowed.
 */
@DisplayName("生产代码中没有写死的条款号：条款均来自现行政策包")
class NoArticleLiteralsTest {

    private static final List<String> MODULES = List.of("domain", "application", "adapter-web", "adapter-persistence",
            "adapter-notify", "bootstrap");

    /** The pack data: the shipped packs' wording and numbering, built in code. */
    private static final Set<String> PACK_DATA = Set.of(
            "domain/src/main/java/cn/egov/projects/domain/policy/PolicyPacks.java");

    private static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百零〇两0-9０-９]+条");
    private static final Pattern FIXED_NUMBER = Pattern.compile("Articles\\s*\\.\\s*chinese\\s*\\(\\s*[0-9]");

    @Test
    @DisplayName("各模块生产代码的字符串中没有「第…条」，也没有以固定数字生成的条款号（政策包数据除外）")
    void noArticleIsWrittenInTheCode() throws IOException {
        Path root = root();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    scanned++;
                    if (PACK_DATA.contains(relative)) {
                        continue;
                    }
                    found.addAll(offences(relative, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(scanned).as("production sources scanned").isGreaterThan(300);
        assertThat(found).as("article numbers written in the code instead of taken from the pack").isEmpty();
    }

    @Test
    @DisplayName("扫描能发现字符串中的条款号和固定数字的条款，注释中的条款不算")
    void theScanFindsWhatItLooksFor() {
        String source = """
                /** Taicang's 第四条 in a comment is fine. */
                class X {
                    // 第五条 here too
                    String a = "第四条：该功能由系统管理员使用";
                    String b = "依据第二十三条";
                    String c = Articles.chinese(27);
                    String d = "no article, \\"第\\" alone" + '条';
                    String e = \"""
                        第七条 in a text block
                        \""";
                    String f = pack.articleZh(Provision.AUTHORITIES) + "：" + "/* 第九条 */";
                }
                """;
        assertThat(offences("X.java", source)).containsExactly(
                "X.java:4 \"第四条\"", "X.java:5 \"第二十三条\"", "X.java:6 Articles.chinese(2",
                "X.java:9 \"第七条\"", "X.java:11 \"第九条\"");
    }

    /**
     * The staff's pages write no article either — not in their text, their scripts or their comments: the articles
     * (and the periods of the deadline calculator) come from the pack in force, {@code GET /api/policy}, or on a
     * project's pages from the project's own pack (its {@code policy}). Nothing in the webroot is exempt: every
     * article its pages cite is one of the measures'. The OpenAPI document ({@code openapi.json}, beside the webroot,
     * not in it) is not scanned: its descriptions document Taicang's pack, the default, and may keep their numbers.
     */
    @Test
    @DisplayName("页面（webroot 的 .html、.js，含注释）中没有写死的条款号：页面从 /api/policy 或项目所适用的政策包取条款")
    void noArticleIsWrittenInThePages() throws IOException {
        Path webroot = root().resolve("adapter-web/src/main/resources/webroot");
        List<String> found = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(webroot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .sorted().toList()) {
                scanned++;
                found.addAll(pageOffences(webroot.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(scanned).as("pages and scripts scanned").isGreaterThan(40);
        assertThat(found).as("article numbers written in the pages instead of taken from the pack").isEmpty();
    }

    /**
     * The pages name no city: the system's name and a project record's title come from the pack in force
     * ({@code systemNameZh}, {@code recordTitleZh}), so that another city's deployment carries its own. Comments may
     * give Taicang's as examples.
     */
    @Test
    @DisplayName("页面（webroot 的 .html、.js，注释除外）中没有写死的城市名：系统名称和档案标题取自政策包")
    void noCityIsWrittenInThePages() throws IOException {
        Path webroot = root().resolve("adapter-web/src/main/resources/webroot");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(webroot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .sorted().toList()) {
                String text = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                if (text.contains("太仓")) {
                    found.add(webroot.relativize(file).toString());
                }
            }
        }
        assertThat(found).as("pages naming the city instead of taking the pack's name").isEmpty();
        assertThat(withoutComments("/** 太仓 */ a('太仓'); // 太仓\n<!-- 太仓 --><b>太仓</b>"))
                .isEqualTo(" a('太仓'); \n<b>太仓</b>");
    }

    /** A page or script without its block, line and markup comments. */
    static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?m)(^|[^:'\"])//[^\n]*", "$1");
    }

    @Test
    @DisplayName("页面扫描能发现文字、脚本和注释中的条款号")
    void thePageScanFindsWhatItLooksFor() {
        String page = """
                <h2>启动年度集中申报（第七条）</h2>
                <h2>下达年度实施计划（<span data-article="ANNUAL_PLAN"></span>）</h2>
                <script>/* 第9条 */ const t = '第二十七条：涉密项目';</script>
                """;
        assertThat(pageOffences("x.html", page)).containsExactly("x.html:1 \"第七条\"", "x.html:3 \"第9条\"",
                "x.html:3 \"第二十七条\"");
    }

    /** Every article written anywhere in a page or a script. */
    static List<String> pageOffences(String name, String text) {
        List<String> found = new ArrayList<>();
        literal(found, name, 1, text);
        return found;
    }

    /** The articles written in the string literals of one source, and the fixed numbers given to Articles. */
    static List<String> offences(String name, String source) {
        List<String> found = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int i = 0;
        int line = 1;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                code.append(' ');
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                literal(found, name, line, source.substring(i, end));
                line += count(source, i, end);
                code.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                literal(found, name, line, source.substring(i, end));
                code.append("\"\"");
                i = end;
            } else {
                if (c == '\n') {
                    Matcher fixed = FIXED_NUMBER.matcher(code);
                    if (fixed.find()) {
                        found.add(name + ":" + line + " " + fixed.group().replaceAll("\\s", ""));
                    }
                    code.setLength(0);
                    line++;
                } else {
                    code.append(c);
                }
                i++;
            }
        }
        return found;
    }

    private static void literal(List<String> found, String name, int line, String text) {
        Matcher m = ARTICLE.matcher(text);
        while (m.find()) {
            found.add(name + ":" + (line + count(text, 0, m.start())) + " \"" + m.group() + "\"");
        }
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The reactor's root: the directory above this module holding every module. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("domain")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project's root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
