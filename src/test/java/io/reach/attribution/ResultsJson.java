package io.reach.attribution;

import tools.jackson.databind.JsonNode;

/** Reads an attribution results answer: one model's credits, one point's credited conversions. */
final class ResultsJson {

    private ResultsJson() {}

    static JsonNode model(JsonNode results, String kind) {
        for (JsonNode model : results.get("models")) {
            if (model.get("model_type").asString().equals(kind)) {
                return model;
            }
        }
        throw new AssertionError("no " + kind + " model in " + results);
    }

    static double credit(JsonNode model, String point) {
        for (JsonNode credit : model.get("credits")) {
            if (credit.get("point").asString().equals(point)) {
                return credit.get("conversions").asDouble();
            }
        }
        return 0;
    }
}
