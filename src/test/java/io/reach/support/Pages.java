package io.reach.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads lists as every list answers: {@code {"items": [...], "next_cursor": ...}}. */
public final class Pages {

    private Pages() {}

    /** All the pages of a list, {@code limit} items each, following {@code next_cursor} until it is null. */
    public record Walk(List<JsonNode> items, int pages) {}

    public static Walk walk(Api api, String path, String token, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String query =
                    (path.contains("?") ? "&" : "?") + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = one(api, path + query, token);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
            page.get("items").forEach(items::add);
            cursor = page.get("next_cursor").isNull()
                    ? null
                    : page.get("next_cursor").asString();
            pages++;
            assertThat(pages).as("pages of " + path).isLessThan(1000);
        } while (cursor != null);
        return new Walk(items, pages);
    }

    /** One page, checked to have the list shape; a whole list (a catalog, a series) has a null next_cursor. */
    public static JsonNode one(Api api, String path, String token) {
        Api.Response response = api.get(path, token);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.isObject())
                .as(path + " answers {items, next_cursor}: " + response.body())
                .isTrue();
        assertThat(page.get("items").isArray()).as(path + " has items").isTrue();
        assertThat(page.has("next_cursor")).as(path + " has next_cursor").isTrue();
        return page;
    }

    /** The items of a list answered in one page (its next_cursor is null). */
    public static JsonNode whole(Api api, String path, String token) {
        JsonNode page = one(api, path, token);
        assertThat(page.get("next_cursor").isNull()).as(path + " is one page").isTrue();
        return page.get("items");
    }
}
