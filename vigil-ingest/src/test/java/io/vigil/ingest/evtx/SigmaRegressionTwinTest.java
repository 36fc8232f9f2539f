package io.vigil.ingest.evtx;

import io.vigil.ingest.testsupport.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.event.Channels;
import io.vigil.model.event.WindowsEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each Sigma regression sample exists as EVTX and as the JSON {@code evtx_dump} made of it; both must
 * hold the same fields with the same values. Where evtx_dump departs from Windows' own XML rendering,
 * both are brought to one spelling: evtx_dump drops GUIDs' braces, cuts FILETIMEs to microseconds,
 * trims trailing blanks (Sysmon's command lines end in one) and writes numbers, booleans and empty
 * values as JSON literals.
 */
class SigmaRegressionTwinTest {

    private static final Pattern BARE_GUID =
            Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    /**
     * Twins that disagree with their own EVTX, checked against libevtx's evtxexport: the EVTX value
     * wins. (The right-to-left-override sample's JSON was edited by hand: it also has seven-digit times.)
     */
    private static final Map<String, Map<String, String>> TWIN_ERRATA = Map.of(
            "sigma/regression_data/rules/windows/process_creation/proc_creation_win_susp_right_to_left_override/"
                    + "ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx",
            Map.of("ParentCommandLine", "C:\\Windows\\Explorer.EXE"));

    private final EvtxDecoder decoder = new EvtxDecoder(EvtxOptions.singleThreaded());

    @Test
    void everyEvtxSampleMatchesItsJsonTwinFieldForField() throws IOException {
        List<Path> samples = Corpus.evtxFiles().stream()
                .filter(p -> Corpus.relative(p).startsWith("sigma/regression_data/"))
                .toList();
        assertThat(samples).hasSizeGreaterThan(200);
        SoftAssertions softly = new SoftAssertions();
        int events = 0;
        for (Path evtx : samples) {
            Path json = evtx.resolveSibling(evtx.getFileName().toString().replaceFirst("(?i)\\.evtx$", ".json"));
            String name = Corpus.relative(evtx);
            RecordingListener decoded = RecordingListener.decode(decoder, name, Files.readAllBytes(evtx));
            List<Map<String, Object>> twins = JsonTwin.events(json);
            softly.assertThat(decoded.errors).as(name).isEmpty();
            softly.assertThat(decoded.events).as(name).hasSameSizeAs(twins);
            for (int i = 0; i < Math.min(twins.size(), decoded.events.size()); i++) {
                compare(softly, name + " event " + i, decoded.events.get(i), twins.get(i),
                        TWIN_ERRATA.getOrDefault(name, Map.of()));
                events++;
            }
        }
        softly.assertAll();
        assertThat(events).isGreaterThanOrEqualTo(238);
    }

    private static void compare(SoftAssertions softly, String what, WindowsEvent actual, Map<String, Object> twin,
            Map<String, String> errata) {
        Map<String, Object> system = object(twin.get("System"));
        softly.assertThat(actual.provider()).as(what + " provider")
                .isEqualTo(attributes(system.get("Provider")).get("Name"));
        softly.assertThat(String.valueOf(actual.eventId())).as(what + " EventID").isEqualTo(text(system.get("EventID")));
        softly.assertThat(String.valueOf(actual.version())).as(what + " Version").isEqualTo(text(system.get("Version")));
        softly.assertThat(actual.channel()).as(what + " Channel").isEqualTo(Channels.canonical(text(system.get("Channel"))));
        softly.assertThat(actual.computer()).as(what + " Computer").isEqualTo(text(system.get("Computer")));
        softly.assertThat(String.valueOf(actual.recordId())).as(what + " EventRecordID")
                .isEqualTo(text(system.get("EventRecordID")));
        softly.assertThat(actual.time().truncatedTo(ChronoUnit.MICROS)).as(what + " TimeCreated")
                .isEqualTo(Instant.parse(String.valueOf(attributes(system.get("TimeCreated")).get("SystemTime")))
                        .truncatedTo(ChronoUnit.MICROS));
        Map<String, String> expected = expectedData(twin);
        expected.putAll(errata);
        softly.assertThat(windowsView(actual.data())).as(what + " data").isEqualTo(expected);
    }

    private static Map<String, String> expectedData(Map<String, Object> twin) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, Object> fields = object(twin.get("EventData"));
        if (twin.containsKey("UserData")) {
            fields = object(object(twin.get("UserData")).values().iterator().next());
        }
        fields.forEach((name, value) -> {
            if (!name.equals("#attributes")) {
                expected.put(name, windowsView(text(value)));
            }
        });
        return expected;
    }

    private static Map<String, String> windowsView(Map<String, String> data) {
        Map<String, String> view = new LinkedHashMap<>();
        data.forEach((k, v) -> view.put(k, windowsView(v)));
        return view;
    }

    /** One spelling for both sides: GUIDs in braces, times cut to microseconds, no trailing blanks. */
    private static String windowsView(String raw) {
        String value = raw.stripTrailing();
        if (BARE_GUID.matcher(value).matches()) {
            return "{" + value + "}";
        }
        if (ISO_TIME.matcher(value).matches()) {
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS).toString();
        }
        return value;
    }

    private static String text(Object json) {
        if (json == null) {
            return "";
        }
        if (json instanceof Map<?, ?> map) {
            return text(map.get("#text"));
        }
        return String.valueOf(json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, Object> attributes(Object json) {
        return object(object(json).get("#attributes"));
    }
}
