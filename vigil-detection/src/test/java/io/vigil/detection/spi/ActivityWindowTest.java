package io.vigil.detection.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.identity.Endpoint;
import org.junit.jupiter.api.Test;

class ActivityWindowTest {

    private final ActivityWindow window = new ActivityWindow();

    @Test
    void a_host_seen_first_by_name_and_then_with_its_ip_is_one_endpoint() {
        window.remember(new Endpoint("WORKSTATION5", null, 0));
        window.remember(new Endpoint("WORKSTATION5", "172.18.39.5", 0));

        assertThat(window.endpoints.values()).containsExactly(new Endpoint("WORKSTATION5", "172.18.39.5", 0));
    }

    @Test
    void a_host_seen_first_with_its_ip_and_then_by_name_only_is_one_endpoint() {
        window.remember(new Endpoint("WORKSTATION5", "172.18.39.5", 0));
        window.remember(new Endpoint("workstation5", null, 0));

        assertThat(window.endpoints.values()).containsExactly(new Endpoint("WORKSTATION5", "172.18.39.5", 0));
    }

    @Test
    void name_only_and_ip_only_sightings_join_when_one_event_shows_both() {
        window.remember(new Endpoint("WORKSTATION5", null, 0));
        window.remember(new Endpoint(null, "172.18.39.5", 0));
        window.remember(new Endpoint("WORKSTATION5", "172.18.39.5", 0));

        assertThat(window.endpoints).containsOnlyKeys("172.18.39.5")
                .containsValue(new Endpoint("WORKSTATION5", "172.18.39.5", 0));
    }

    @Test
    void an_ip_claiming_a_new_workstation_name_per_attempt_is_one_endpoint_shown_by_ip_alone() {
        window.remember(new Endpoint("GC4YMSKBXVGSCMGY", "192.168.198.149", 0));
        window.remember(new Endpoint("V1XBQGNWCUDRRVJM", "192.168.198.149", 0));
        window.remember(new Endpoint("QF2PZ9KLMNB0ATRE", "192.168.198.149", 0));

        assertThat(window.endpoints.values()).containsExactly(new Endpoint(null, "192.168.198.149", 0));
    }

    @Test
    void one_name_at_two_addresses_stays_two_endpoints() {
        window.remember(new Endpoint("WORKSTATION5", "172.18.39.5", 0));
        window.remember(new Endpoint("WORKSTATION5", "10.0.0.5", 0));

        assertThat(window.endpoints).containsOnlyKeys("172.18.39.5", "10.0.0.5");
    }

    @Test
    void merging_keeps_the_order_endpoints_were_first_seen_in() {
        window.remember(new Endpoint("WORKSTATION5", null, 0));
        window.remember(new Endpoint(null, "172.18.39.9", 0));
        window.remember(new Endpoint("WORKSTATION5", "172.18.39.5", 0));

        assertThat(window.endpoints).containsOnlyKeys("172.18.39.5", "172.18.39.9");
        assertThat(window.endpoints.keySet()).containsExactly("172.18.39.5", "172.18.39.9");
    }
}
