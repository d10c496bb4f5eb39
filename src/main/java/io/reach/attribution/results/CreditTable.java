package io.reach.attribution.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The credits of a period as a table: a row per touch point, a column per model (the console's view). */
public record CreditTable(List<String> models, List<Row> rows) {

    /** One touch point's credited conversions under each model, in the columns' order. */
    public record Row(String point, List<Double> conversions) {}

    static CreditTable of(AttributionResults.Results found) {
        List<String> models = new ArrayList<>();
        Set<String> points = new LinkedHashSet<>();
        List<Map<String, Double>> columns = new ArrayList<>();
        for (AttributionResults.ModelResult result : found.models()) {
            models.add(result.name());
            Map<String, Double> column = new HashMap<>();
            result.credits().forEach(credit -> {
                points.add(credit.point());
                column.put(credit.point(), credit.conversions());
            });
            columns.add(column);
        }
        List<Row> rows = points.stream()
                .map(p -> new Row(
                        p, columns.stream().map(c -> c.getOrDefault(p, 0.0)).toList()))
                .toList();
        return new CreditTable(models, rows);
    }
}
