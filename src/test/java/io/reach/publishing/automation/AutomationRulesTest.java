package io.reach.publishing.automation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Event facts from each platform's shape, and which events set which triggers off. */
class AutomationRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void metaAndXDeliveriesAreNormalised() {
        JsonNode feed = json("""
                {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": "c1", "message": "Love it",
                 "from": {"id": "u7"}}}""");
        JsonNode instagram = json(
                "{\"field\": \"comments\", \"value\": {\"id\": \"17865\", \"text\": \"Hi\", \"from\": {\"id\": \"u8\"}}}");
        JsonNode ownTweet = json("{\"id_str\": \"5\", \"text\": \"mine\", \"user\": {\"id_str\": \"me\"}}");
        JsonNode reply = json(
                "{\"id_str\": \"6\", \"text\": \"hey\", \"in_reply_to_status_id_str\": \"5\", \"user\": {\"id_str\": \"u9\"}}");
        JsonNode follow = json("{\"type\": \"follow\", \"source\": {\"id\": \"u10\"}, \"target\": {\"id\": \"me\"}}");

        assertThat(EventFacts.typeOf("feed", feed, "page")).isEqualTo("new_comment");
        assertThat(EventFacts.of("new_comment", feed)).isEqualTo(new EventFacts("new_comment", "c1", "u7", "Love it"));
        assertThat(EventFacts.typeOf("comments", instagram, "ig")).isEqualTo("new_comment");
        assertThat(EventFacts.of("new_comment", instagram))
                .isEqualTo(new EventFacts("new_comment", "17865", "u8", "Hi"));
        assertThat(EventFacts.typeOf("tweet_create_events", ownTweet, "me")).isEqualTo("own_post");
        assertThat(EventFacts.typeOf("tweet_create_events", reply, "me")).isEqualTo("new_comment");
        assertThat(EventFacts.of("new_comment", reply)).isEqualTo(new EventFacts("new_comment", "6", "u9", "hey"));
        assertThat(EventFacts.typeOf("follow_events", follow, "me")).isEqualTo("new_follower");
        JsonNode ownComment = json("""
                {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": "c2", "from": {"id": "page"}}}""");
        JsonNode dm = json("{\"sender\": {\"id\": \"u11\"}, \"message\": {\"mid\": \"m.1\", \"text\": \"Hello\"}}");
        JsonNode echo = json("{\"sender\": {\"id\": \"ig\"}, \"message\": {\"mid\": \"m.2\", \"is_echo\": true}}");
        assertThat(EventFacts.typeOf("feed", ownComment, "page"))
                .as("the page's own comment")
                .isEqualTo("own_comment");
        assertThat(EventFacts.typeOf("messages", dm, "ig")).isEqualTo("new_message");
        assertThat(EventFacts.of("new_message", dm)).isEqualTo(new EventFacts("new_message", "m.1", "u11", "Hello"));
        assertThat(EventFacts.typeOf("messages", echo, "ig")).isEqualTo("own_message");
        assertThat(EventFacts.of("new_follower", follow).authorId()).isEqualTo("u10");
    }

    @Test
    void keywordsMatchCaseInsensitivelyAndThresholdsMatchOnlyWhenCrossed() {
        JsonNode keywords = json("{\"type\": \"new_comment\", \"keywords\": [\"Price\", \"how much\"]}");
        JsonNode milestone = json("{\"type\": \"follower_milestone\", \"followers\": 1000}");
        JsonNode likes = json("{\"type\": \"post_likes\", \"likes\": 100}");

        assertThat(AutomationRules.matches(keywords, facts("new_comment", "What's the PRICE?"), json("{}")))
                .isTrue();
        assertThat(AutomationRules.matches(keywords, facts("new_comment", "How much is it"), json("{}")))
                .isTrue();
        assertThat(AutomationRules.matches(keywords, facts("new_comment", "Nice"), json("{}")))
                .isFalse();
        assertThat(AutomationRules.matches(keywords, facts("mention", "price"), json("{}")))
                .isFalse();
        assertThat(AutomationRules.matches(json("{\"type\": \"mention\"}"), facts("mention", null), json("{}")))
                .isTrue();
        assertThat(AutomationRules.matches(
                        milestone, facts("followers_changed", null), json("{\"before\": 999, \"after\": 1000}")))
                .isTrue();
        assertThat(AutomationRules.matches(
                        milestone, facts("followers_changed", null), json("{\"before\": 1000, \"after\": 1200}")))
                .isFalse();
        assertThat(AutomationRules.matches(
                        likes, facts("post_engagement", null), json("{\"likes_before\": 40, \"likes_after\": 140}")))
                .isTrue();
        assertThat(AutomationRules.matches(
                        likes, facts("post_engagement", null), json("{\"likes_before\": 10, \"likes_after\": 99}")))
                .isFalse();
    }

    @Test
    void eachTriggerAllowsOnlyActionsWithSomethingToActOn() {
        assertThat(AutomationRules.problems(
                        json("{\"type\": \"follower_milestone\", \"followers\": 10}"),
                        json("[{\"type\": \"reply\", \"text\": \"x\"}]")))
                .extracting(e -> e.field())
                .containsExactly("actions[0].type");
        assertThat(AutomationRules.problems(
                        json("{\"type\": \"new_comment\", \"keywords\": \"price\"}"),
                        json("[{\"type\": \"reply\", \"text\": \"Thanks!\"}]")))
                .extracting(e -> e.field())
                .containsExactly("trigger.keywords");
        assertThat(AutomationRules.problems(json("{\"type\": \"teleport\"}"), json("[]")))
                .extracting(e -> e.field())
                .containsExactly("trigger.type", "actions");
        assertThat(AutomationRules.problems(
                        json("{\"type\": \"new_comment\", \"keywords\": [\"price\"]}"),
                        json("[{\"type\": \"reply\", \"text\": \"See our prices\"}, {\"type\": \"like\"}]")))
                .isEmpty();
    }

    private static EventFacts facts(String type, String text) {
        return new EventFacts(type, "o1", "a1", text);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
