package cn.egov.projects.domain.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How much short Chinese texts say the same thing, by content rather than equal words: each text is cut into
 * overlapping character pairs (bigrams: 智慧公安数据平台 → 智慧 慧公 公安 安数 数据 据平 平台; a run of Latin letters or
 * digits is one term), the terms are weighted by TF-IDF over the documents added (a pair most documents share
 * weighs little) and documents are compared by the cosine of their weight vectors, 0 to 1. So 智慧公安数据平台 and
 * 公安数据共享平台 share 公安、安数、数据、平台 and come out close, although neither name contains the other.
 *
 * <p>Words every e-government project name carries (项目、建设、平台、系统、智慧、太仓 …, {@link #GENERIC}) weigh
 * {@value #GENERIC_WEIGHT} of a content pair, so that two projects are not alike only because both are 智慧…平台.
 * A document's fields carry weights (a name counts more than one item of construction content), and each text is
 * read up to {@value #MAX_CHARS} characters.
 *
 * <p>Cost: adding a document is linear in its text; {@link #rank} computes every document's weights and norm once
 * and one dot product per document over the smaller of the two term sets, so one ranking is linear in the total
 * text held — some tens of milliseconds for six thousand short descriptions. Nothing is kept between rankings but
 * the documents added.
 */
public final class TextSimilarity {

    /** The most characters of one document's text that are compared (the rest is not read). */
    public static final int MAX_CHARS = 4_000;

    /** The weight of a generic pair against a content pair. */
    public static final double GENERIC_WEIGHT = 0.3;

    /** How many shared phrases a match shows at most. */
    public static final int MAX_TERMS = 6;

    /**
     * Pairs that nearly every e-government project title contains: they say little about what a project does.
     */
    static final Set<String> GENERIC = Set.of("项目", "建设", "工程", "系统", "平台", "一期", "二期", "三期", "四期",
            "升级", "改造", "智慧", "太仓", "仓市", "市级", "综合", "采购", "服务", "运维");

    /**
     * A part of a document: a label staff understand (项目名称, 建设内容 …), the text, and how much it counts.
     */
    public record Field(String label, String text, double weight) {

        public Field {
            Objects.requireNonNull(label, "label");
            text = text == null ? "" : text;
            if (!(weight > 0) || weight > 10) {
                throw new IllegalArgumentException("a field's weight is above 0 and at most 10: " + weight);
            }
        }
    }

    /** Something to compare, by a key of the caller's choosing. */
    public record Document(String key, List<Field> fields) {

        public Document {
            Objects.requireNonNull(key, "key");
            fields = List.copyOf(fields);
        }
    }

    /**
     * A document found like the query.
     *
     * @param score  the cosine, 0 to 1 (times the caller's factor, if any)
     * @param terms  the phrases of the document's text the query shares, most telling first
     * @param fields the labels of the document's fields those phrases are in
     */
    public record Match(String key, double score, List<String> terms, List<String> fields) {

        public Match {
            terms = List.copyOf(terms);
            fields = List.copyOf(fields);
        }
    }

    /** A document as held: its fields (texts clipped and normalised) and its weighted term counts. */
    private record Indexed(String key, List<Field> fields, Map<String, Double> counts) {
    }

    private final List<Indexed> documents = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    /** Adds a document to compare against (and to weigh terms by). */
    public void add(Document document) {
        Indexed indexed = index(document);
        documents.add(indexed);
        indexed.counts().keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
    }

    public int size() {
        return documents.size();
    }

    /** The documents like the query: cosine at least {@code minScore}, best first, at most {@code limit}. */
    public List<Match> rank(Document query, double minScore, int limit) {
        return rank(query, key -> 1.0, minScore, limit);
    }

    /**
     * The documents like the query, each cosine multiplied by the caller's factor for the document's key (0 to 1:
     * say, less for a project of another category), those at least {@code minScore}, best first (equal scores by
     * key), at most {@code limit}.
     */
    public List<Match> rank(Document query, ToDoubleFunction<String> factor, double minScore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Indexed q = index(query);
        int n = documents.size() + 1;
        Map<String, Double> queryWeights = weights(q.counts(), n, q.counts());
        double queryNorm = norm(queryWeights);
        if (queryNorm == 0) {
            return List.of();
        }
        record Scored(Indexed document, Map<String, Double> weights, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Indexed d : documents) {
            Map<String, Double> w = weights(d.counts(), n, q.counts());
            double dot = 0;
            Map<String, Double> smaller = w.size() < queryWeights.size() ? w : queryWeights;
            Map<String, Double> larger = smaller == w ? queryWeights : w;
            for (Map.Entry<String, Double> e : smaller.entrySet()) {
                Double other = larger.get(e.getKey());
                if (other != null) {
                    dot += e.getValue() * other;
                }
            }
            double dNorm = norm(w);
            if (dot <= 0 || dNorm == 0) {
                continue;
            }
            double f = factor.applyAsDouble(d.key());
            double score = Math.min(1.0, dot / (queryNorm * dNorm)) * Math.max(0, Math.min(1, f));
            if (score >= minScore) {
                scored.add(new Scored(d, w, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.document().key()));
        List<Match> matches = new ArrayList<>(Math.min(limit, scored.size()));
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            matches.add(explain(s.document(), s.weights(), queryWeights, s.score()));
        }
        return matches;
    }

    // ---------------------------------------------------------------- weights

    /** TF-IDF weights: log-damped counts times the smoothed inverse document frequency, generic pairs damped. */
    private Map<String, Double> weights(Map<String, Double> counts, int n, Map<String, Double> queryCounts) {
        Map<String, Double> weights = new HashMap<>(counts.size() * 2);
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            String term = e.getKey();
            int df = documentFrequency.getOrDefault(term, 0) + (queryCounts.containsKey(term) ? 1 : 0);
            double idf = Math.log((1.0 + n) / (1.0 + df)) + 1.0;
            double w = Math.log1p(e.getValue()) * idf * (GENERIC.contains(term) ? GENERIC_WEIGHT : 1.0);
            weights.put(term, w);
        }
        return weights;
    }

    private static double norm(Map<String, Double> weights) {
        double sum = 0;
        for (double w : weights.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    // ---------------------------------------------------------------- terms

    private static Indexed index(Document document) {
        List<Field> fields = new ArrayList<>(document.fields().size());
        Map<String, Double> counts = new HashMap<>();
        int budget = MAX_CHARS;
        for (Field f : document.fields()) {
            if (budget <= 0) {
                break;
            }
            String text = normalise(f.text());
            if (text.length() > budget) {
                text = text.substring(0, budget);
            }
            budget -= text.length();
            Field kept = new Field(f.label(), text, f.weight());
            fields.add(kept);
            for (String term : terms(text)) {
                counts.merge(term, f.weight(), Double::sum);
            }
        }
        return new Indexed(document.key(), fields, counts);
    }

    /** Full-width forms folded (ＡＰＩ → api), lower case. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isWordChar(int c) {
        return !isHan(c) && Character.isLetterOrDigit(c);
    }

    /**
     * The terms of a normalised text, in order: the pairs of each run of Chinese characters (a lone character is a
     * term of its own), and each run of other letters and digits of two or more as one term.
     */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = text.codePointAt(i);
            if (isHan(c)) {
                int start = i;
                while (i < length && isHan(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                String run = text.substring(start, i);
                int[] points = run.codePoints().toArray();
                if (points.length == 1) {
                    terms.add(run);
                }
                for (int k = 0; k + 1 < points.length; k++) {
                    terms.add(new String(points, k, 2));
                }
            } else if (isWordChar(c)) {
                int start = i;
                while (i < length && isWordChar(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                if (text.codePointCount(start, i) >= 2) {
                    terms.add(text.substring(start, i));
                }
            } else {
                i += Character.charCount(c);
            }
        }
        return terms;
    }

    // ---------------------------------------------------------------- what matched

    /**
     * The phrases of the document the query shares: the longest runs of consecutive shared pairs in the document's
     * own text (公安、安数、数据 → 公安数据), and shared Latin words; a phrase of generic pairs only says nothing and is
     * left out. Ordered by what they add to the score, a phrase inside one already shown left out.
     */
    private static Match explain(Indexed d, Map<String, Double> dWeights, Map<String, Double> qWeights,
                                 double score) {
        Map<String, Double> phrases = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Field f : d.fields()) {
            for (Map.Entry<String, Double> p : phrases(f.text(), dWeights, qWeights).entrySet()) {
                phrases.merge(p.getKey(), p.getValue(), Math::max);
                labels.add(f.label());
            }
        }
        List<String> ordered = phrases.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(e -> -e.getKey().length()))
                .map(Map.Entry::getKey).toList();
        List<String> shown = new ArrayList<>();
        for (String p : ordered) {
            if (shown.size() == MAX_TERMS) {
                break;
            }
            if (shown.stream().noneMatch(s -> s.contains(p))) {
                shown.add(p);
            }
        }
        return new Match(d.key(), Math.round(score * 1000) / 1000.0, shown, List.copyOf(labels));
    }

    private static Map<String, Double> phrases(String text, Map<String, Double> dWeights,
                                               Map<String, Double> qWeights) {
        Map<String, Double> found = new LinkedHashMap<>();
        int[] points = text.codePoints().toArray();
        int i = 0;
        while (i < points.length) {
            if (isHan(points[i])) {
                int start = i;
                while (i < points.length && isHan(points[i])) {
                    i++;
                }
                hanPhrases(points, start, i, dWeights, qWeights, found);
            } else if (isWordChar(points[i])) {
                int start = i;
                while (i < points.length && isWordChar(points[i])) {
                    i++;
                }
                String word = new String(points, start, i - start);
                if (i - start >= 2 && qWeights.containsKey(word)) {
                    found.merge(word, qWeights.get(word) * dWeights.getOrDefault(word, 0.0), Math::max);
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static void hanPhrases(int[] points, int from, int to, Map<String, Double> dWeights,
                                   Map<String, Double> qWeights, Map<String, Double> found) {
        if (to - from == 1) {
            String single = new String(points, from, 1);
            if (qWeights.containsKey(single)) {
                found.merge(single, qWeights.get(single) * dWeights.getOrDefault(single, 0.0), Math::max);
            }
            return;
        }
        int k = from;
        while (k + 1 < to) {
            if (!qWeights.containsKey(new String(points, k, 2))) {
                k++;
                continue;
            }
            int start = k;
            double value = 0;
            boolean telling = false;
            while (k + 1 < to) {
                String pair = new String(points, k, 2);
                if (!qWeights.containsKey(pair)) {
                    break;
                }
                value += qWeights.get(pair) * dWeights.getOrDefault(pair, 0.0);
                telling |= !GENERIC.contains(pair);
                k++;
            }
            if (telling) {
                found.merge(new String(points, start, k - start + 1), value, Math::max);
            }
        }
    }
}
