package io.reach.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly: unknown keys are refused (a typo is not silently dropped),
 * numbers and booleans are not guessed from strings nor integers from fractions, and strings
 * must be Unicode — an unpaired surrogate ({@code "\ud800"}) is valid JSON but no text, and would
 * fail password hashing, UTF-8 encoders or the database deep inside a request. Platforms' answers
 * are read as trees ({@code JsonNode}) and stored documents as maps, which these rules leave alone.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.addModule(new SimpleModule("unicode-strings")
                        .addDeserializer(String.class, new UnicodeStringDeserializer()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    static final class UnicodeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !wellFormed(value)) {
                return (String) context.handleWeirdStringValue(
                        String.class, value, "contains an unpaired surrogate, which is not Unicode text");
            }
            return value;
        }
    }

    /** Whether every surrogate in {@code text} belongs to a pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
