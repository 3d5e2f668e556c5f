package cn.egov.projects.bootstrap.config;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.calendar.TermUnit;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.Gate;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.policy.ScopeExclusion;
import cn.egov.projects.domain.policy.RuleText;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Policy packs as JSON files, so that a municipality supplies its own measures without a new release.
 *
 * <p>A file holds one pack (an object) or a municipality's packs over time (<code>{"packs": [ … ]}</code>). Every
 * field is optional except {@code id}, {@code nameZh} and {@code effectiveFrom}: what a pack leaves out is taken
 * from Taicang's pack, so a municipality writes only what differs. An unknown field is an error, so that a typo
 * never passes silently. Periods are written as <code>{"amount": 7, "unit": "WORKING_DAYS"}</code>
 * (units: WORKING_DAYS, DAYS, MONTHS, YEARS); money in yuan as a string ("800000.00"); rule wording as
 * <code>"rules": {"ART15_SUPERVISION_REQUIRED": {"article": 15, "wording": "…"}}</code>.
 */
public final class PolicyPackFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("id", "nameZh", "effectiveFrom", "windowOpenMonths",
            "implementationPlan", "contractFiling", "progressInterval", "substantiveStart", "trialMinimum",
            "softwareTrialMinimum", "acceptanceLimit", "acceptanceReport", "finalAccounts", "supervisionThreshold",
            "supervisionNatures", "expertPanelMinimum", "acceptanceDocuments", "cybersecReviewGate",
            "cryptoReviewGate", "reminderOffsetsDays", "overdueRepeatDays", "excludedScopeItems", "scopeExclusions",
            "contractAdditionPercent", "acceptanceExpertsDrawn", "rules", "acceptanceStages", "articles", "deadlines");

    private PolicyPackFile() {
    }

    /** Taicang's measures, the default. */
    public static PolicyHistory defaultHistory() {
        return PolicyHistory.of(PolicyPacks.taicang());
    }

    /** Reads a pack file. @throws ConfigurationException naming the file and what is wrong */
    public static PolicyHistory load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the policy pack " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("malformed policy pack " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a pack document. @throws IllegalArgumentException saying what is wrong */
    public static PolicyHistory parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the document must be a JSON object");
        }
        List<PolicyPack> packs = new ArrayList<>();
        if (root.has("packs")) {
            if (root.size() != 1 || !root.get("packs").isArray() || root.get("packs").isEmpty()) {
                throw new IllegalArgumentException("\"packs\" must be the only field, a non-empty array of packs");
            }
            int i = 0;
            for (JsonNode pack : root.get("packs")) {
                packs.add(pack(pack, "packs[" + i++ + "]"));
            }
        } else {
            packs.add(pack(root, "pack"));
        }
        return new PolicyHistory(packs);
    }

    private static PolicyPack pack(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown field \"" + name + "\"");
            }
        }
        PolicyPack base = PolicyPacks.taicang();
        try {
            return new PolicyPack(
                    requiredText(node, "id", where),
                    requiredText(node, "nameZh", where),
                    date(requiredText(node, "effectiveFrom", where), where + ".effectiveFrom"),
                    node.has("windowOpenMonths") ? months(node.get("windowOpenMonths"), where) : base.windowOpenMonths(),
                    term(node, "implementationPlan", base.implementationPlan(), where),
                    term(node, "contractFiling", base.contractFiling(), where),
                    term(node, "progressInterval", base.progressInterval(), where),
                    term(node, "substantiveStart", base.substantiveStart(), where),
                    term(node, "trialMinimum", base.trialMinimum(), where),
                    term(node, "softwareTrialMinimum", base.softwareTrialMinimum(), where),
                    term(node, "acceptanceLimit", base.acceptanceLimit(), where),
                    term(node, "acceptanceReport", base.acceptanceReport(), where),
                    term(node, "finalAccounts", base.finalAccounts(), where),
                    node.has("supervisionThreshold") ? Money.yuan(node.get("supervisionThreshold").asText())
                            : base.supervisionThreshold(),
                    node.has("supervisionNatures")
                            ? enums(node.get("supervisionNatures"), Nature::valueOf, where + ".supervisionNatures")
                            : base.supervisionNatures(),
                    node.has("expertPanelMinimum") ? integer(node.get("expertPanelMinimum"), where + ".expertPanelMinimum")
                            : base.expertPanelMinimum(),
                    node.has("acceptanceDocuments") ? texts(node.get("acceptanceDocuments"), where + ".acceptanceDocuments")
                            : base.acceptanceDocuments(),
                    node.has("cybersecReviewGate") ? gate(node.get("cybersecReviewGate"), where) : base.cybersecReviewGate(),
                    node.has("cryptoReviewGate") ? gate(node.get("cryptoReviewGate"), where) : base.cryptoReviewGate(),
                    node.has("reminderOffsetsDays") ? integers(node.get("reminderOffsetsDays"), where + ".reminderOffsetsDays")
                            : base.reminderOffsetsDays(),
                    node.has("overdueRepeatDays") ? integer(node.get("overdueRepeatDays"), where + ".overdueRepeatDays")
                            : base.overdueRepeatDays(),
                    scopeExclusions(node, base.scopeExclusions(), where),
                    node.has("contractAdditionPercent")
                            ? integer(node.get("contractAdditionPercent"), where + ".contractAdditionPercent")
                            : base.contractAdditionPercent(),
                    node.has("acceptanceExpertsDrawn")
                            ? bool(node.get("acceptanceExpertsDrawn"), where + ".acceptanceExpertsDrawn")
                            : base.acceptanceExpertsDrawn(),
                    rules(node.get("rules"), base.rules(), where),
                    acceptanceStages(node.get("acceptanceStages"), where),
                    articles(node.get("articles"), base.articles(), where),
                    deadlines(node.get("deadlines"), base.deadlineWording(), where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Art. 2 para. 3 as {@code "scopeExclusions": [{"kind": "会议系统", "words": [...], "inScopeWords": [...]}]}, or — as
     * packs written before kinds of purchase were known — {@code "excludedScopeItems": ["会议系统", …]}, each a kind
     * named by its own word with the default in-scope work.
     */
    private static List<ScopeExclusion> scopeExclusions(JsonNode node, List<ScopeExclusion> fallback, String where) {
        if (node.has("scopeExclusions") && node.has("excludedScopeItems")) {
            throw new IllegalArgumentException(where + " has both \"scopeExclusions\" and \"excludedScopeItems\": keep one");
        }
        if (node.has("excludedScopeItems")) {
            return texts(node.get("excludedScopeItems"), where + ".excludedScopeItems").stream()
                    .map(ScopeExclusion::of).toList();
        }
        JsonNode list = node.get("scopeExclusions");
        if (list == null) {
            return fallback;
        }
        String at = where + ".scopeExclusions";
        if (!list.isArray()) {
            throw new IllegalArgumentException(at + " must be an array");
        }
        List<ScopeExclusion> exclusions = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            String here = at + "[" + i++ + "]";
            if (!e.isObject()) {
                throw new IllegalArgumentException(here + " must be an object {\"kind\", \"words\", \"inScopeWords\"}");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!Set.of("kind", "words", "inScopeWords").contains(name)) {
                    throw new IllegalArgumentException(here + " has an unknown field \"" + name + "\"");
                }
            }
            exclusions.add(new ScopeExclusion(requiredText(e, "kind", here),
                    e.has("words") ? texts(e.get("words"), here + ".words") : List.of(),
                    e.has("inScopeWords") ? texts(e.get("inScopeWords"), here + ".inScopeWords")
                            : ScopeExclusion.DEFAULT_IN_SCOPE_WORDS));
        }
        return exclusions;
    }

    private static final Set<String> STAGE_FIELDS = Set.of("key", "nameZh", "article", "wording", "organiserZh",
            "recordedBy", "expertPanelMinimum", "documents");

    /**
     * The stages of acceptance in order, each
     * {@code {"key", "nameZh", "article", "wording", "organiserZh", "recordedBy", "expertPanelMinimum", "documents"}}
     * ({@code recordedBy}: {@code UNIT} — the default — or {@code BUREAU}); absent, the
     * pack has one stage (竣工验收) built from its own {@code expertPanelMinimum}, {@code acceptanceDocuments} and
     * wording of ART24_EXPERTS.
     */
    private static List<AcceptanceStage> acceptanceStages(JsonNode list, String where) {
        if (list == null) {
            return List.of();
        }
        String at = where + ".acceptanceStages";
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(at + " must be a non-empty array of stages, in the order they are held");
        }
        List<AcceptanceStage> stages = new ArrayList<>();
        int i = 0;
        for (JsonNode e : list) {
            String here = at + "[" + i++ + "]";
            if (!e.isObject()) {
                throw new IllegalArgumentException(here + " must be an object " + STAGE_FIELDS);
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!STAGE_FIELDS.contains(name)) {
                    throw new IllegalArgumentException(here + " has an unknown field \"" + name + "\"");
                }
            }
            try {
                stages.add(new AcceptanceStage(requiredText(e, "key", here), requiredText(e, "nameZh", here),
                        new RuleText(integer(e.get("article"), here + ".article"), requiredText(e, "wording", here)),
                        requiredText(e, "organiserZh", here),
                        integer(e.get("expertPanelMinimum"), here + ".expertPanelMinimum"),
                        e.has("documents") ? texts(e.get("documents"), here + ".documents") : List.of(),
                        recordedBy(e.get("recordedBy"), here + ".recordedBy")));
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(x.getMessage().startsWith(here) ? x.getMessage()
                        : here + ": " + x.getMessage(), x);
            }
        }
        return stages;
    }

    /** Who records a stage: {@code "UNIT"} (also when absent) or {@code "BUREAU"}. */
    private static AcceptanceStage.RecordedBy recordedBy(JsonNode v, String at) {
        if (v == null) {
            return AcceptanceStage.RecordedBy.UNIT;
        }
        List<String> known = Arrays.stream(AcceptanceStage.RecordedBy.values()).map(Enum::name).toList();
        if (!v.isTextual() || !known.contains(v.asText())) {
            throw new IllegalArgumentException(at + " must be one of " + known + ": " + v);
        }
        return AcceptanceStage.RecordedBy.valueOf(v.asText());
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required (a non-empty string)");
        }
        return v.asText();
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " must be a date YYYY-MM-DD, not \"" + text + "\"", e);
        }
    }

    private static Set<Month> months(JsonNode node, String where) {
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (int m : integers(node, where + ".windowOpenMonths")) {
            if (m < 1 || m > 12) {
                throw new IllegalArgumentException(where + ".windowOpenMonths must hold months 1..12, not " + m);
            }
            months.add(Month.of(m));
        }
        return months;
    }

    private static Term term(JsonNode node, String field, Term fallback, String where) {
        JsonNode t = node.get(field);
        if (t == null) {
            return fallback;
        }
        String at = where + "." + field;
        if (!t.isObject() || !t.has("amount") || !t.has("unit") || t.size() != 2) {
            throw new IllegalArgumentException(at + " must be {\"amount\": n, \"unit\": \"WORKING_DAYS|DAYS|MONTHS|YEARS\"}");
        }
        TermUnit unit = enumValue(t.get("unit"), TermUnit::valueOf, at + ".unit");
        return new Term(integer(t.get("amount"), at + ".amount"), unit);
    }

    private static Gate gate(JsonNode node, String where) {
        return enumValue(node, Gate::valueOf, where + " gate");
    }

    /**
     * Which article holds each provision, {@code "articles": {"CONTRACT": 14, …}}: absent, Taicang's numbering; given,
     * complete — every provision numbered — so that no article of another city's measures is cited by mistake.
     */
    private static Map<Provision, Integer> articles(JsonNode node, Map<Provision, Integer> fallback, String where) {
        if (node == null) {
            return fallback;
        }
        String at = where + ".articles";
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object keyed by provision, e.g. {\"CONTRACT\": 14}");
        }
        Map<Provision, Integer> articles = new EnumMap<>(Provision.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Provision provision = enumValue(TextNode.valueOf(e.getKey()), Provision::valueOf, at + " provision");
            articles.put(provision, integer(e.getValue(), at + "." + e.getKey()));
        }
        List<String> missing = Arrays.stream(Provision.values()).filter(p -> !articles.containsKey(p))
                .map(p -> p.name() + "（" + p.zh() + "）").toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(at + " numbers no article for " + String.join(", ", missing)
                    + "; a pack that numbers its articles numbers them all (leave \"articles\" out to take Taicang's)");
        }
        return articles;
    }

    /**
     * What each deadline asks, {@code "deadlines": {"CONTRACT_FILING": "项目合同签订后{期限}内…", …}}: absent,
     * Taicang's wording; given, complete, and each deadline that runs a period says where the period goes
     * ({@code {期限}}), so that no number is written twice (as in "七个工作日内" under a pack of 5).
     */
    private static Map<String, String> deadlines(JsonNode node, Map<String, String> fallback, String where) {
        if (node == null) {
            return fallback;
        }
        String at = where + ".deadlines";
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be an object keyed by deadline, e.g. {\"CONTRACT_FILING\": \"…\"}");
        }
        Map<String, String> wording = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            DeadlineKind kind = enumValue(TextNode.valueOf(e.getKey()), DeadlineKind::valueOf, at + " deadline");
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new IllegalArgumentException(at + "." + e.getKey() + " must be a non-empty string");
            }
            String text = e.getValue().asText();
            if (kind.termIn(PolicyPacks.taicang()).isPresent() && !text.contains(PolicyPack.PERIOD)) {
                throw new IllegalArgumentException(at + "." + e.getKey() + " must say where the pack's period goes with "
                        + PolicyPack.PERIOD + " (write no number of days or months in the wording)");
            }
            wording.put(kind.name(), text);
        }
        List<String> missing = Arrays.stream(DeadlineKind.values()).map(DeadlineKind::name)
                .filter(k -> !wording.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(at + " words no deadline " + String.join(", ", missing)
                    + "; a pack that words its deadlines words them all (leave \"deadlines\" out to take Taicang's)");
        }
        return wording;
    }

    private static Map<RuleCode, RuleText> rules(JsonNode node, Map<RuleCode, RuleText> fallback, String where) {
        Map<RuleCode, RuleText> rules = new EnumMap<>(RuleCode.class);
        if (node == null) {
            rules.putAll(fallback);
            return rules;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ".rules must be an object keyed by rule code");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ".rules." + e.getKey();
            RuleCode code;
            try {
                code = RuleCode.valueOf(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(at + " is not a rule code", x);
            }
            JsonNode r = e.getValue();
            if (!r.isObject() || !r.has("article") || !r.has("wording") || r.size() != 2) {
                throw new IllegalArgumentException(at + " must be {\"article\": n, \"wording\": \"…\"}");
            }
            rules.put(code, new RuleText(integer(r.get("article"), at + ".article"), r.get("wording").asText()));
        }
        List<String> missing = Arrays.stream(RuleCode.values()).filter(c -> !c.citesAction() && !rules.containsKey(c))
                .map(RuleCode::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where + ".rules words no rule " + String.join(", ", missing)
                    + "; a pack that words its rules words them all (leave \"rules\" out to take Taicang's)");
        }
        return rules;
    }

    private static boolean bool(JsonNode node, String where) {
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException(where + " must be true or false");
        }
        return node.booleanValue();
    }

    private static int integer(JsonNode node, String where) {
        if (node == null || !node.isInt()) {
            throw new IllegalArgumentException(where + " must be a whole number");
        }
        return node.intValue();
    }

    private static List<Integer> integers(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of whole numbers");
        }
        List<Integer> list = new ArrayList<>();
        int i = 0;
        for (JsonNode n : node) {
            list.add(integer(n, where + "[" + i++ + "]"));
        }
        return list;
    }

    private static List<String> texts(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new IllegalArgumentException(where + " must hold non-empty strings");
            }
            list.add(n.asText());
        }
        return list;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, Function<String, E> valueOf, String where) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        try {
            return valueOf.apply(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " has an unknown value \"" + node.asText() + "\"", e);
        }
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode node, Function<String, E> valueOf, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array");
        }
        Set<E> set = new LinkedHashSet<>();
        for (JsonNode n : node) {
            set.add(enumValue(n, valueOf, where));
        }
        return set;
    }

    /** Writes a pack as a complete file (every field), e.g. to start a municipality's own from Taicang's. */
    public static String toJson(PolicyPack pack) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", pack.id());
        o.put("nameZh", pack.nameZh());
        o.put("effectiveFrom", pack.effectiveFrom().toString());
        ArrayNode months = o.putArray("windowOpenMonths");
        pack.windowOpenMonths().stream().sorted().forEach(m -> months.add(m.getValue()));
        putTerm(o, "implementationPlan", pack.implementationPlan());
        putTerm(o, "contractFiling", pack.contractFiling());
        putTerm(o, "progressInterval", pack.progressInterval());
        putTerm(o, "substantiveStart", pack.substantiveStart());
        putTerm(o, "trialMinimum", pack.trialMinimum());
        putTerm(o, "softwareTrialMinimum", pack.softwareTrialMinimum());
        putTerm(o, "acceptanceLimit", pack.acceptanceLimit());
        putTerm(o, "acceptanceReport", pack.acceptanceReport());
        putTerm(o, "finalAccounts", pack.finalAccounts());
        o.put("supervisionThreshold", pack.supervisionThreshold().toString());
        ArrayNode natures = o.putArray("supervisionNatures");
        pack.supervisionNatures().stream().sorted().forEach(n -> natures.add(n.name()));
        o.put("expertPanelMinimum", pack.expertPanelMinimum());
        pack.acceptanceDocuments().forEach(o.putArray("acceptanceDocuments")::add);
        o.put("cybersecReviewGate", pack.cybersecReviewGate().name());
        o.put("cryptoReviewGate", pack.cryptoReviewGate().name());
        pack.reminderOffsetsDays().forEach(o.putArray("reminderOffsetsDays")::add);
        o.put("overdueRepeatDays", pack.overdueRepeatDays());
        ArrayNode exclusions = o.putArray("scopeExclusions");
        for (ScopeExclusion e : pack.scopeExclusions()) {
            ObjectNode x = exclusions.addObject();
            x.put("kind", e.kindZh());
            e.words().stream().filter(w -> !w.equals(e.kindZh())).forEach(x.putArray("words")::add);
            e.inScopeWords().forEach(x.putArray("inScopeWords")::add);
        }
        o.put("contractAdditionPercent", pack.contractAdditionPercent());
        o.put("acceptanceExpertsDrawn", pack.acceptanceExpertsDrawn());
        ObjectNode rules = o.putObject("rules");
        pack.rules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode r = rules.putObject(e.getKey().name());
            r.put("article", e.getValue().article());
            r.put("wording", e.getValue().wording());
        });
        ObjectNode articles = o.putObject("articles");
        for (Provision provision : Provision.values()) {
            articles.put(provision.name(), pack.article(provision));
        }
        ObjectNode deadlines = o.putObject("deadlines");
        for (DeadlineKind kind : DeadlineKind.values()) {
            pack.deadlineWording(kind.name()).ifPresent(w -> deadlines.put(kind.name(), w));
        }
        ArrayNode stages = o.putArray("acceptanceStages");
        for (AcceptanceStage stage : pack.acceptanceStages()) {
            ObjectNode x = stages.addObject();
            x.put("key", stage.key());
            x.put("nameZh", stage.nameZh());
            x.put("article", stage.rule().article());
            x.put("wording", stage.rule().wording());
            x.put("organiserZh", stage.organiserZh());
            x.put("recordedBy", stage.recordedBy().name());
            x.put("expertPanelMinimum", stage.expertPanelMinimum());
            stage.documents().forEach(x.putArray("documents")::add);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a policy pack", e);
        }
    }

    private static void putTerm(ObjectNode o, String field, Term term) {
        ObjectNode t = o.putObject(field);
        t.put("amount", term.amount());
        t.put("unit", term.unit().name());
    }
}
