package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A handler's {@link PageRequest}, {@link TimeWindow} and {@link TabularAnswer} arguments: read from the query as the
 * {@code @RequestParam}s they replace were (same defaults, same 400 problems), accepted by
 * {@link KnownQueryParameters} and documented where the handler declares them.
 */
class QueryArgumentsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final QueryArguments arguments = new QueryArguments(Clock.fixed(NOW, ZoneOffset.UTC));

    @SuppressWarnings("unused")
    static class Handlers {

        void list(
                @PathVariable UUID id,
                @RequestParam(name = "user_id", required = false) String userId,
                TimeWindow window,
                PageRequest page,
                TabularAnswer answer) {}

        void recent(@RecentWindow(days = 30) TimeWindow window) {}
    }

    @Test
    void aPageWithoutParametersIsTheFirstPageOfTheDefaultSize() throws Exception {
        PageRequest page = (PageRequest) arguments.resolveArgument(parameter("list", 3), null, request(""), binders());

        assertThat(page).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, java.util.Optional.empty()));
    }

    @Test
    void aPageReadsItsLimitAndCursor() throws Exception {
        UUID last = new UUID(1, 2);

        PageRequest page = (PageRequest) arguments.resolveArgument(
                parameter("list", 3), null, request("limit=7&cursor=" + Cursors.encode(last)), binders());

        assertThat(page.limit()).isEqualTo(7);
        assertThat(page.after()).contains(last);
    }

    @Test
    void badPagesAreRefusedAsBefore() {
        assertThatThrownBy(() -> arguments.resolveArgument(parameter("list", 3), null, request("limit=0"), binders()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("limit must be between 1 and 200");
        assertThatThrownBy(() ->
                        arguments.resolveArgument(parameter("list", 3), null, request("cursor=garbage"), binders()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("cursor is not one this API returned");
        assertThatThrownBy(() -> arguments.resolveArgument(parameter("list", 3), null, request("limit=abc"), binders()))
                .isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class, e -> {
                    assertThat(e.getName()).isEqualTo("limit");
                    assertThat(e.getRequiredType()).isEqualTo(Integer.class);
                });
    }

    @Test
    void aWindowWithoutRecentWindowIsUnbounded() throws Exception {
        TimeWindow window = (TimeWindow) arguments.resolveArgument(parameter("list", 2), null, request(""), binders());

        assertThat(window).isEqualTo(new TimeWindow(Instant.EPOCH, TimeWindow.LATEST));
    }

    @Test
    void aRecentWindowEndsNowAndStartsItsDaysBefore() throws Exception {
        TimeWindow open = (TimeWindow) arguments.resolveArgument(parameter("recent", 0), null, request(""), binders());
        TimeWindow closed = (TimeWindow) arguments.resolveArgument(
                parameter("recent", 0), null, request("from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"), binders());

        assertThat(open).isEqualTo(new TimeWindow(NOW.minus(Duration.ofDays(30)), NOW));
        assertThat(closed)
                .isEqualTo(
                        new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));
    }

    @Test
    void badWindowsAreRefusedAsBefore() {
        assertThatThrownBy(() -> arguments.resolveArgument(
                        parameter("list", 2),
                        null,
                        request("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"),
                        binders()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("from must be before to");
        assertThatThrownBy(
                        () -> arguments.resolveArgument(parameter("list", 2), null, request("to=yesterday"), binders()))
                .isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class, e -> {
                    assertThat(e.getName()).isEqualTo("to");
                    assertThat(e.getRequiredType()).isEqualTo(Instant.class);
                });
    }

    @Test
    void anAnswerIsCsvWhenFormatOrElseAcceptAsksForIt() throws Exception {
        assertThat(answer("", null).csv()).isFalse();
        assertThat(answer("format=csv", null).csv()).isTrue();
        assertThat(answer("", "text/csv, application/json;q=0.5").csv()).isTrue();
        assertThat(answer("format=json", "text/csv").csv()).isFalse();
        assertThatThrownBy(() -> answer("format=xml", null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid format");
    }

    @Test
    void theQueryParametersTheyReadAreKnownParametersOfTheHandler() throws Exception {
        assertThat(KnownQueryParameters.namesOf(handler("list")))
                .containsExactlyInAnyOrder("user_id", "from", "to", "limit", "cursor", "format");
    }

    @Test
    void theyAreDocumentedWhereTheHandlerDeclaresThem() throws Exception {
        Operation operation = new Operation()
                .parameters(new java.util.ArrayList<>(List.of(
                        new Parameter().name("id").in("path"),
                        new Parameter().name("user_id").in("query"))));

        new QueryArgumentsDocumentation().customize(operation, handler("list"));

        assertThat(operation.getParameters())
                .extracting(Parameter::getName)
                .containsExactly("id", "user_id", "from", "to", "limit", "cursor", "format");
        assertThat(operation.getParameters().get(4).getSchema().getFormat()).isEqualTo("int32");
        assertThat(operation.getParameters().get(2).getSchema().getFormat()).isEqualTo("date-time");
        assertThat(operation.getParameters().get(5).getRequired()).isFalse();
        assertThat(operation.getParameters().get(6).getDescription()).isEqualTo(TabularAnswer.FORMAT);
    }

    private TabularAnswer answer(String query, @org.jspecify.annotations.Nullable String accept) throws Exception {
        NativeWebRequest request = request(query);
        if (accept != null) {
            ((MockHttpServletRequest) request.getNativeRequest()).addHeader("Accept", accept);
        }
        return (TabularAnswer) arguments.resolveArgument(parameter("list", 4), null, request, binders());
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        Method method = List.of(Handlers.class.getDeclaredMethods()).stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow();
        return new HandlerMethod(new Handlers(), method);
    }

    private static MethodParameter parameter(String method, int index) throws NoSuchMethodException {
        MethodParameter parameter = handler(method).getMethodParameters()[index];
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter;
    }

    private static NativeWebRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                request.addParameter(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return new ServletWebRequest(request);
    }

    private static WebDataBinderFactory binders() {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        return new DefaultDataBinderFactory(initializer);
    }
}
