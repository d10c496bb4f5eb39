package io.reach.platform.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Operation ids a client generator can turn into method names: a verb and the resource the path
 * names, {@code listCampaigns}, {@code getCampaign}, {@code createCampaign},
 * {@code submitPost}, {@code listCampaignBudgetEntries}. Derived from the HTTP method and the
 * path, so they are unique as long as the paths are, and stable when a Java method is renamed.
 * A handler that names its own ({@code @Operation(operationId = …)}) keeps it.
 */
final class OperationIds {

    private static final String PREFIX = "/api/v1/";
    /** Verbs of Java method names that say more than the HTTP method would ({@code revokeApiKey}, not {@code deleteApiKey}). */
    private static final Set<String> TELLING_VERBS = Set.of(
            "add",
            "assign",
            "change",
            "disable",
            "disconnect",
            "edit",
            "grant",
            "link",
            "remove",
            "revoke",
            "set",
            "start",
            "unassign");

    private OperationIds() {}

    /**
     * @param method the HTTP method, lower case
     * @param javaName the handler's Java method name (springdoc's default id, without its {@code _N} suffix)
     * @param list whether a GET answers a list or a page
     */
    static String derive(String method, String path, String javaName, boolean list) {
        List<String> segments = new ArrayList<>(List.of(
                (path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path.replaceFirst("^/", "")).split("/")));
        if (segments.size() > 1 && segments.getFirst().equals("auth")) {
            segments.removeFirst();
        }
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (variable(segment)) {
                continue;
            }
            boolean item = i + 1 < segments.size() && variable(segments.get(i + 1));
            String noun = segment.equals("me") ? (i + 1 < segments.size() ? "My" : "Me") : pascal(segment);
            nouns.add(item ? singular(noun) : noun);
        }
        String last = segments.getLast();
        String firstWord = javaName.split("(?=[A-Z])")[0];
        String verb;
        if (method.equals("post")
                && !variable(last)
                && !nouns.isEmpty()
                && (camel(last).equals(javaName) || last.split("-")[0].equals(firstWord))) {
            verb = camel(last);
            nouns.removeLast();
        } else if (method.equals("get")) {
            verb = list ? "list" : "get";
        } else if (TELLING_VERBS.contains(firstWord)) {
            verb = firstWord;
        } else {
            verb = switch (method) {
                case "post" -> "create";
                case "put" -> "replace";
                case "patch" -> "update";
                default -> "delete";
            };
            if (verb.equals("create") && !nouns.isEmpty()) {
                nouns.add(singular(nouns.removeLast()));
            }
        }
        return verb + String.join("", nouns);
    }

    private static boolean variable(String segment) {
        return segment.startsWith("{");
    }

    private static String pascal(String segment) {
        StringBuilder name = new StringBuilder();
        for (String word : segment.split("[-_]")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static String camel(String segment) {
        String pascal = pascal(segment);
        return pascal.isEmpty() ? pascal : pascal.substring(0, 1).toLowerCase(Locale.ROOT) + pascal.substring(1);
    }

    /** English plurals as Reach's paths spell them: {@code policies}, {@code campaigns}, but {@code status}, {@code analytics}. */
    static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("ss") || noun.endsWith("us") || noun.endsWith("ics") || !noun.endsWith("s")) {
            return noun;
        }
        return noun.substring(0, noun.length() - 1);
    }
}
