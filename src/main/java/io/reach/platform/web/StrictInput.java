package io.reach.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Input is checked, not guessed at: ids in paths and queries are whole UUIDs ({@link UUID#fromString}
 * would read {@code 1-2-3-4-5} as another id), and query parameters an endpoint does not read are
 * refused ({@link KnownQueryParameters}).
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
class StrictInput implements WebMvcConfigurer {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/**");
    }

    /** A custom editor, since binders ask those before the conversion service (whose reader is lenient). */
    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : uuid(text));
            }
        });
    }

    static UUID uuid(String text) {
        String trimmed = text.strip();
        if (!CANONICAL_UUID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Not a UUID in its canonical 8-4-4-4-12 form: " + text);
        }
        return UUID.fromString(trimmed);
    }
}
