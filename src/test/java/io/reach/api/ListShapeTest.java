package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.ReachTest;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No endpoint answers a bare JSON array: every list is {@code {"items": [...], "next_cursor": ...}}
 * (CursorPage), so a client reads every list one way and a list can gain pages without breaking it.
 */
@ReachTest
class ListShapeTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void noHandlerAnswersABareArray() {
        var bare = handlers.getHandlerMethods().entrySet().stream()
                .filter(handler -> answersArray(handler.getValue()))
                .map(ListShapeTest::describe)
                .toList();

        assertThat(bare)
                .as("handlers answering a bare array instead of a CursorPage")
                .isEmpty();
    }

    @Test
    void theCheckSeesListsArraysAndEntitiesOfLists() throws NoSuchMethodException {
        assertThat(answersArray(handler("list"))).isTrue();
        assertThat(answersArray(handler("entity"))).isTrue();
        assertThat(answersArray(handler("array"))).isTrue();
        assertThat(answersArray(handler("page"))).isFalse();
        assertThat(answersArray(handler("bytes"))).isFalse();
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Samples(), Samples.class.getDeclaredMethod(name));
    }

    static class Samples {
        java.util.List<String> list() {
            return java.util.List.of();
        }

        org.springframework.http.ResponseEntity<java.util.List<String>> entity() {
            return org.springframework.http.ResponseEntity.ok(java.util.List.of());
        }

        String[] array() {
            return new String[0];
        }

        io.reach.platform.web.CursorPage<String> page() {
            return io.reach.platform.web.CursorPage.whole(java.util.List.of());
        }

        byte[] bytes() {
            return new byte[0];
        }
    }

    private static boolean answersArray(HandlerMethod handler) {
        Method method = handler.getMethod();
        ResolvableType answer = ResolvableType.forMethodReturnType(method, handler.getBeanType());
        if (HttpEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = answer.toClass();
        return body.isArray() && body != byte[].class || Iterable.class.isAssignableFrom(body);
    }

    private static String describe(Map.Entry<RequestMappingInfo, HandlerMethod> handler) {
        return handler.getKey() + " → " + handler.getValue().getBeanType().getSimpleName() + "."
                + handler.getValue().getMethod().getName();
    }
}
