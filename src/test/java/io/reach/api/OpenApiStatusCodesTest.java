package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every controller's real success statuses (read from the handlers' bytecode by
 * {@link SuccessStatuses}) are the ones the OpenAPI document gives for that operation: a 201
 * create is documented as 201, not 200, and a 200 is not documented where none is ever sent.
 */
@ReachTest
class OpenApiStatusCodesTest {

    @Autowired
    Api api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyHandlersSuccessStatusesAreTheDocumentedOnes() {
        JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                handlers.getHandlerMethods().entrySet()) {
            Set<Integer> real = SuccessStatuses.of(handler.getValue().getMethod());
            for (String path : handler.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method :
                        handler.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        continue;
                    }
                    checked++;
                    Set<Integer> documented = new TreeSet<>();
                    operation.path("responses").propertyNames().forEach(code -> {
                        if (code.startsWith("2") || code.startsWith("3")) {
                            documented.add(Integer.parseInt(code));
                        }
                    });
                    if (real.isEmpty() ? documented.isEmpty() : !documented.equals(real)) {
                        wrong.add(method + " " + path + " ("
                                + handler.getValue().getBeanType().getSimpleName() + "."
                                + handler.getValue().getMethod().getName() + "): answers " + real + ", documented "
                                + documented);
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(150);
        assertThat(wrong)
                .as("operations whose documented success statuses are not the real ones")
                .isEmpty();
    }
}
