package io.reach.measurement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard was asked for, as its query parameters: the site (none: the default one), the
 * period and the filters, each filter an exact value of an analytics dimension. It writes the
 * links that keep all of it and add or remove one filter.
 */
public record DashboardAsk(
        @Nullable UUID site,
        @Nullable String period,
        @Nullable String from,
        @Nullable String to,
        @Nullable String page,
        @Nullable String referrer,
        @Nullable String browser,
        @Nullable String device,
        @Nullable String os,
        @Nullable String country) {

    /** A dashboard filter: its query parameter, the analytics dimension it filters, its words and its list's title. */
    public record Filter(String param, String dimension, String label, String title) {}

    public static final List<Filter> FILTERS = List.of(
            new Filter("page", "page_url", "Page", "Top pages"),
            new Filter("referrer", "referrer_url", "Referrer", "Referrers"),
            new Filter("browser", "browser_name", "Browser", "Browsers"),
            new Filter("device", "device_type", "Device", "Devices"),
            new Filter("os", "operating_system", "Operating system", "Operating systems"),
            new Filter("country", "country", "Country", "Countries"));

    /** A filter in force, with its value. */
    public record Active(Filter filter, String value) {}

    /** The filters given (a blank value filters nothing), in {@link #FILTERS} order. */
    public List<Active> active() {
        List<Active> active = new java.util.ArrayList<>();
        params().forEach((param, value) -> FILTERS.stream()
                .filter(filter -> filter.param().equals(param))
                .forEach(filter -> active.add(new Active(filter, value))));
        return active;
    }

    /** The filters as the analytics reads take them: value by dimension name. */
    Map<String, String> dimensions() {
        Map<String, String> dimensions = new LinkedHashMap<>();
        active().forEach(active -> dimensions.put(active.filter().dimension(), active.value()));
        return dimensions;
    }

    /** This ask as a query string. */
    public String query() {
        return encoded(params());
    }

    /** This ask with one filter set to {@code value}. */
    public String with(String param, String value) {
        Map<String, String> params = params();
        params.put(param, value);
        return encoded(params);
    }

    /** This ask without one parameter. */
    public String without(String param) {
        Map<String, String> params = params();
        params.remove(param);
        return encoded(params);
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "site", site == null ? null : site.toString());
        put(params, "period", period);
        if ("custom".equals(period)) {
            put(params, "from", from);
            put(params, "to", to);
        }
        String[] values = {page, referrer, browser, device, os, country};
        for (int i = 0; i < values.length; i++) {
            put(params, FILTERS.get(i).param(), values[i]);
        }
        return params;
    }

    private static void put(Map<String, String> params, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value);
        }
    }

    private static String encoded(Map<String, String> params) {
        return params.entrySet().stream()
                .map(param -> encode(param.getKey()) + "=" + encode(param.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
