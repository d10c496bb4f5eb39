package io.reach.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON text whose strings are not Unicode: an unpaired surrogate ({@code "\ud800"}) is valid JSON
 * but no valid text, so password hashing, UTF-8 encoders and the database fail on it deep inside
 * a request. Request bodies with one are refused at the boundary, with the field named.
 */
@Configuration(proxyBeanMethods = false)
class StrictStrings {

    @Bean
    JsonMapperBuilderCustomizer unicodeStringsOnly() {
        return builder -> builder.addModule(new SimpleModule("unicode-strings").addDeserializer(String.class,
                new UnicodeStringDeserializer()));
    }

    static final class UnicodeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !wellFormed(value)) {
                return (String) context.handleWeirdStringValue(String.class, value,
                        "contains an unpaired surrogate, which is not Unicode text");
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
