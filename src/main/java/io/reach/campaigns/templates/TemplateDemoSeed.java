package io.reach.campaigns.templates;

import io.reach.platform.demo.DemoSeed;
import io.reach.platform.demo.DemoWorkspace;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The demo's e-mail template: the autumn sale newsletter, personalised with each reader's first name. */
@Component
class TemplateDemoSeed implements DemoSeed {

    /** The template's name, by which the e-mail campaign's seed finds it. */
    static final String NAME = "Autumn sale newsletter";

    private final TemplateManagement templates;

    TemplateDemoSeed(TemplateManagement templates) {
        this.templates = templates;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String describe() {
        return "an e-mail template for the autumn sale";
    }

    @Override
    public void seed(DemoWorkspace workspace) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("subject", "{{first_name}}, our autumn sale starts today");
        content.put("html", """
                <html><body><h1>Autumn sale</h1><p>Hello {{first_name}},</p>
                <p>Knitwear, boots and blankets are {{discount}} off until Sunday.</p>
                <p><a href="https://shop.example/autumn-sale">Shop the sale</a></p>
                <p><small><a href="{{unsubscribe_url}}">Unsubscribe</a></small></p></body></html>""");
        content.put(
                "text",
                "Hello {{first_name}}, knitwear, boots and blankets are {{discount}} off until Sunday:"
                        + " https://shop.example/autumn-sale\nUnsubscribe: {{unsubscribe_url}}");
        ObjectNode variables = content.putObject("variables");
        variables.putNull("first_name");
        variables.put("discount", "20%");
        templates.create(workspace.owner().userId(), NAME, "email", content, true);
    }
}
